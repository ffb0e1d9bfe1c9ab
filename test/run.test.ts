import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocator } from '../src/corpus/location.js';
import { renderExtractNdjson } from '../src/report/ndjson.js';
import { extractCorpus, extractCorpusStream } from '../src/run.js';
import { loadSources, writeCorpus } from '../bench/generate.js';
import { BIN, cli, ROOT } from './helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'it-run-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const article = (outlet: string, body: string) => `---\noutlet: ${outlet}\npublished: 2025-06-02\n---\n${body}\n`;

describe('streaming extraction', () => {
  // The plain path also runs every extractor on every sentence (no cue scan), matches the gazetteer
  // per sentence, and builds every sentence's context: the shortcuts must not change a byte.
  for (const dir of ['corpus', 'test/fixtures/dev', 'test/fixtures/holdout', 'test/fixtures/blind']) {
    it(`writes, article by article, the bytes of the plain non-streaming path for ${dir}`, () => {
      const streamed = cli(['extract', '--format', 'ndjson', '--corpus', dir]);
      expect(streamed.status).toBe(0);
      const plain = renderExtractNdjson(extractCorpus(path.join(ROOT, dir), { cwd: ROOT, reference: true }));
      expect(streamed.stdout).toBe(plain);
      expect(streamed.stdout.length).toBeGreaterThan(1000);
    });
  }

  it('gives the bytes of the plain path on a generated corpus (varied wording and noise)', () => {
    const dir = path.join(tmp, 'generated');
    writeCorpus(dir, 400, loadSources(ROOT), 'plain-path');
    const fast = renderExtractNdjson(extractCorpus(dir, { cwd: tmp }));
    expect(fast).toBe(renderExtractNdjson(extractCorpus(dir, { cwd: tmp, reference: true })));
    expect(fast.split('\n').filter((l) => l.startsWith('{"type":"fact"')).length).toBeGreaterThan(2000);
  });

  it('puts each article line right before its facts, articles in id order, diagnostics last', () => {
    const lines = cli(['extract', '--format', 'ndjson', '--corpus', 'test/fixtures/dev']).stdout.trim().split('\n').map((l) => JSON.parse(l));
    const articles = lines.filter((l) => l.type === 'article').map((l) => l.id);
    expect(articles).toEqual([...articles].sort());
    let current: string | null = null;
    for (const l of lines) {
      if (l.type === 'article') current = l.id;
      else if (l.type === 'fact') expect(l.article).toBe(current);
    }
    const firstDiagnostic = lines.findIndex((l) => l.type === 'diagnostic');
    if (firstDiagnostic !== -1) expect(lines.slice(firstDiagnostic).every((l) => l.type === 'diagnostic')).toBe(true);
  });

  it('reads files in article-id order across folders, and keeps the first loadable file of a duplicated id', () => {
    const dir = path.join(tmp, 'nested');
    const put = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    put('a/zeta.md', article('Zeta Wire', 'The talks were held at the Ciragan Palace on Monday.'));
    put('b/alpha.md', article('Alpha Wire', 'The delegations met at the Dolmabahce Palace on Monday.'));
    put('b/dup.md', article('First Dup', 'The talks were held on Monday.'));
    put('a/dup.md', '---\noutlet: Broken\n---\nno date\n');
    put('c/dup.md', article('Second Dup', 'The talks were held on Monday.'));
    const stream = extractCorpusStream(dir, { cwd: tmp });
    const ids = [...stream.articles].map((a) => `${a.summary.id}:${a.summary.outlet}`);
    expect(ids).toEqual(['alpha:Alpha Wire', 'dup:First Dup', 'zeta:Zeta Wire']);
    expect(stream.diagnostics().map((d) => `${d.path} ${d.code}`)).toEqual([
      'nested/a/dup.md FIELD_REQUIRED',
      'nested/c/dup.md DUPLICATE_ID',
    ]);
    expect(renderExtractNdjson(extractCorpus(dir, { cwd: tmp }))).toBe(renderExtractNdjson(extractCorpus(dir, { cwd: tmp, reference: true })));
  });

  it('keeps the first loadable file of a duplicated id when a large file ends a read-ahead between them', () => {
    const dir = path.join(tmp, 'ahead');
    const put = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    // Over a megabyte of text: the files after it are read only once it has been extracted.
    put('a/dup.md', article('Big Dup', `${'The talks were held on Monday. '.repeat(40_000)}`));
    put('b/dup.md', article('Second Dup', 'The talks were held on Monday.'));
    put('c/dup.md', '---\noutlet: Broken\n---\nno date\n');
    put('d/other.md', article('Other Wire', 'The talks were held on Monday.'));
    const stream = extractCorpusStream(dir, { cwd: tmp });
    expect([...stream.articles].map((a) => `${a.summary.id}:${a.summary.outlet}`)).toEqual(['dup:Big Dup', 'other:Other Wire']);
    // (40,000 facts in the big file: over the cap, which says so.)
    expect(stream.diagnostics().map((d) => `${d.path} ${d.code}`)).toEqual(['ahead/a/dup.md FACTS_CAPPED', 'ahead/b/dup.md DUPLICATE_ID', 'ahead/c/dup.md FIELD_REQUIRED']);
  });

  it('gives every fact the line and column of its offset, whatever the line endings', () => {
    const dir = path.join(tmp, 'endings');
    fs.mkdirSync(dir, { recursive: true });
    const body = 'Intro line.\n\nThe delegations met at the Ciragan Palace on Monday.\nThe talks, chaired by Hakan Fidan, lasted two hours.\n';
    for (const [name, nl] of [['lf', '\n'], ['crlf', '\r\n'], ['cr', '\r']] as const) {
      // (Bare-CR files are refused by the loader, LINE_ENDINGS_CR: see test/security.)
      // The front matter keeps LF: a CR-only front matter is not read as YAML at all (a loader matter).
      fs.writeFileSync(path.join(dir, `${name}.md`), article('Endings Wire', body.replace(/\n/g, nl)));
    }
    const result = extractCorpus(dir, { cwd: tmp });
    expect(result.facts.filter((f) => f.article === 'crlf').length).toBeGreaterThan(2);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['LINE_ENDINGS_CR']);
    for (const f of result.facts) {
      const raw = fs.readFileSync(path.join(dir, `${f.article}.md`), 'utf8');
      expect([f.evidence.line, f.evidence.column]).toEqual(Object.values(createLocator(raw).point(f.evidence.start)));
      expect(raw.slice(f.evidence.start, f.evidence.end)).toBe(f.evidence.quote);
    }
  });

  it('finds inline suppression directives while extracting, on one thread or several', () => {
    const dir = path.join(tmp, 'directives');
    fs.mkdirSync(dir, { recursive: true });
    const directive = '<!-- istanbul-talks-disable fact=venue -- reviewed -->';
    // A byte order mark and CRLF: positions are those of the decoded text, as check reports them.
    fs.writeFileSync(path.join(dir, 'a.md'), `\ufeff${article('Alpha Wire', `The talks were held at the Ciragan Palace on Monday.\n\n${directive}`).replace(/\n/g, '\r\n')}`);
    // Enough articles for several batches, so that two threads both get some.
    for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(dir, `b${i}.md`), article('Beta Wire', 'The delegations met at the Dolmabahce Palace on Monday.'));
    const expected = [{ article: 'a', path: 'directives/a.md', line: 7, column: 1, facts: ['venue'] }];
    expect(extractCorpus(dir, { cwd: tmp }).suppressions).toEqual(expected);
    expect([...extractCorpusStream(dir, { cwd: tmp }).articles].map((a) => a.suppressions)).toEqual([expected, ...Array(40).fill([])]);
    const line = `{"type":"suppression",${JSON.stringify(expected[0]).slice(1)}\n`;
    for (const jobs of ['1', '2']) {
      const r = cli(['extract', '--format', 'ndjson', '--corpus', 'directives'], { cwd: tmp, env: { ISTANBUL_TALKS_JOBS: jobs } });
      expect(r.stdout.split(/(?<=\n)/).filter((l) => l.startsWith('{"type":"suppression"'))).toEqual([line]);
    }
  });

  it('stops quietly, exit code 0, when the reader goes away', () => {
    const dir = path.join(tmp, 'generated');
    writeCorpus(dir, 300, loadSources(ROOT), 'epipe');
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" extract --format ndjson --corpus "${dir}" | head -c 100 > /dev/null; echo "\${PIPESTATUS[0]}"`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('0\n');
  });
});
