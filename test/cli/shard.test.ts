import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cli, ROOT } from '../helpers.js';
import { ndjsonErrors } from '../report/validate.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'it-shard-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Runs from tmp with a relative corpus path, so every path in the output is the same in each run. */
function copyCorpus(name: string, from: string): string {
  fs.cpSync(from, path.join(tmp, name), { recursive: true });
  return name;
}

function shardFiles(corpus: string, n: number, allowErrors = false): string[] {
  return Array.from({ length: n }, (_, i) => {
    const file = `${corpus}-${i + 1}-of-${n}.ndjson`;
    const r = cli(['extract', '--corpus', corpus, '--shard', `${i + 1}/${n}`, '--output', file], { cwd: tmp });
    expect(r.status === 0 || (allowErrors && r.status === 2), r.stderr).toBe(true);
    return file;
  });
}

describe('sharded extraction merged by --from-facts', () => {
  for (const [name, from] of [
    ['bundled', path.join(ROOT, 'corpus')],
    ['dev', path.join(ROOT, 'test/fixtures/dev')],
  ] as const) {
    it(`gives byte-identical compare JSON for N = 1, 2, 3 (${name} corpus)`, () => {
      const corpus = copyCorpus(name, from);
      const single = cli(['compare', '--corpus', corpus, '--format', 'json'], { cwd: tmp });
      const singleCheck = cli(['check', '--corpus', corpus, '--format', 'json', '--fail-on', 'never'], { cwd: tmp });
      expect(single.status).toBe(0);
      const lines = new Set<string>();
      for (const n of [1, 2, 3]) {
        const files = shardFiles(corpus, n);
        const texts = files.map((f) => fs.readFileSync(path.join(tmp, f), 'utf8'));
        for (const t of texts) {
          expect(ndjsonErrors('extract-record', t)).toEqual([]);
          for (const l of t.split('\n').filter(Boolean)) lines.add(l);
        }
        // The shards partition the corpus: together they hold each article exactly once.
        const ids = texts.flatMap((t) => t.split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((r) => r.type === 'article').map((r) => r.id));
        expect(ids.length).toBe(new Set(ids).size);
        const merged = cli(['compare', '--from-facts', ...files.reverse(), '--format', 'json'], { cwd: tmp });
        expect(merged.status, merged.stderr).toBe(0);
        expect(merged.stdout).toBe(single.stdout);
        const mergedCheck = cli(['check', '--from-facts', ...files, '--format', 'json', '--fail-on', 'never'], { cwd: tmp });
        expect(mergedCheck.stdout).toBe(singleCheck.stdout);
      }
      // Every shard line is a line of the whole extraction: shards split, they do not rewrite.
      const whole = cli(['extract', '--corpus', corpus, '--format', 'ndjson'], { cwd: tmp }).stdout.split('\n').filter(Boolean);
      expect([...lines].sort()).toEqual([...whole].sort());
    });
  }

  it('carries inline suppressions and problems through the shards, and reads stdin', () => {
    const dir = path.join(tmp, 'supp');
    fs.mkdirSync(dir);
    const art = (outlet: string, place: string, extra = '') => `---\noutlet: ${outlet}\npublished: 2025-05-16\n---\n${extra}The talks were held on Friday at the ${place} Palace.\n`;
    fs.writeFileSync(path.join(dir, 'a.md'), art('Alpha', 'Dolmabahce'));
    fs.writeFileSync(path.join(dir, 'b.md'), art('Beta', 'Ciragan', '<!-- istanbul-talks-disable fact=venue,nope -->\n'));
    fs.writeFileSync(path.join(dir, 'c.md'), '---\noutlet: Gamma\n---\nno date\n');
    const single = cli(['check', '--corpus', 'supp', '--format', 'json'], { cwd: tmp });
    expect(single.status).toBe(2);
    expect(JSON.parse(single.stdout).findings[0]).toMatchObject({ suppressed: true, failing: false });
    const files = shardFiles('supp', 3, true).map((f) => path.join(tmp, f));
    const shard2 = fs.readFileSync(files[1]!, 'utf8');
    expect(shard2).toContain('{"type":"suppression","article":"b","path":"supp/b.md","line":5,"column":1,"facts":["venue","nope"]}');
    const merged = cli(['check', '--from-facts', ...files, '--format', 'json'], { cwd: tmp });
    expect(merged.status).toBe(2);
    expect(merged.stdout).toBe(single.stdout);
    expect(merged.stderr).toBe(single.stderr);
    const piped = spawnSync(process.execPath, [BIN, 'compare', '--from-facts', '-', '--format', 'json'], {
      cwd: tmp,
      input: files.map((f) => fs.readFileSync(f, 'utf8')).join(''),
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(piped.stdout).toBe(cli(['compare', '--corpus', 'supp', '--format', 'json'], { cwd: tmp }).stdout);
  });

  it('rejects bad shards and bad facts files with exit 2 and file:line', () => {
    for (const shard of ['0/3', '4/3', '1/0', 'x', '1/2/3', '-1/2']) {
      const r = cli(['extract', '--shard', shard], { cwd: tmp });
      expect(r.status, shard).toBe(2);
      expect(r.stderr).toContain('--shard takes I/N');
    }
    fs.writeFileSync(path.join(tmp, 'bad.ndjson'), '{"type":"article"}\nnot json\n');
    const bad = cli(['compare', '--from-facts', 'bad.ndjson'], { cwd: tmp });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('bad.ndjson:1:1: error an article record needs "id" [FACTS_RECORD]');
    expect(bad.stderr).toContain('bad.ndjson:2:1: error not a JSON object');
    expect(cli(['compare', '--from-facts', 'missing.ndjson'], { cwd: tmp }).stderr).toContain('facts file missing.ndjson: not found');
    const both = cli(['compare', '--from-facts', 'bad.ndjson', '--corpus', 'supp'], { cwd: tmp });
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('--from-facts and --corpus exclude each other');
  });

  it('extract --shard writes NDJSON by default; slices are contiguous in path order', () => {
    const out = cli(['extract', '--corpus', path.join(ROOT, 'corpus'), '--shard', '1/5'], { cwd: tmp }).stdout;
    const records = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(records.filter((r) => r.type === 'article').map((r) => r.id)).toEqual(['atalayar-2025-05-19']);
    expect(cli(['extract', '--corpus', path.join(ROOT, 'corpus'), '--shard', '5/5'], { cwd: tmp }).stdout).toContain('"id":"radar-africa-2025-05-16"');
  });
});
