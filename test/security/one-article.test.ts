/**
 * Issue 13, points 2 and 3: no article may stop the run, and what one article can produce is
 * bounded. A 3 MB article of "talks Dolmabahce Palace" once made `check` die with "Maximum call
 * stack size exceeded" (a huge list spread into push) — no report, no SARIF, no diagnostics for
 * the others; 5 MB of "on Friday" gave 179 MB of JSON.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { batchRunner } from '../../src/run.js';
import type { Diagnostic } from '../../src/types.js';
import { MAX_FACTS_PER_ARTICLE, MAX_SENTENCE_CHARS } from '../../src/limits.js';
import { cli } from '../helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'it-one-article-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const GOOD = '---\noutlet: Good Wire\npublished: 2025-05-16\n---\nThe talks on Friday were held at the Dolmabahce Palace and lasted less than two hours.\n';
const GOOD2 = '---\noutlet: Other Post\npublished: 2025-05-16\n---\nThe talks on Friday were held at the Ciragan Palace.\n';

function corpus(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), text);
  return dir;
}

describe('one article cannot stop the run', () => {
  const dir = corpus('palace', {
    'a-good.md': GOOD,
    'b-other.md': GOOD2,
    'c-huge.md': `---\noutlet: Huge\npublished: 2025-05-16\n---\n${'talks Dolmabahce Palace '.repeat(Math.ceil((3 * 1024 * 1024) / 24))}\n`,
  });

  it('check --format sarif on a corpus with a 3 MB article of "talks Dolmabahce Palace": a report, the others compared', () => {
    const r = cli(['check', '--corpus', dir, '--format', 'sarif', '--merge-events']);
    expect(r.stderr).not.toContain('Maximum call stack');
    expect([0, 1]).toContain(r.status);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    // The venue conflict between the two good articles is found.
    expect(JSON.stringify(sarif.runs[0].results)).toContain('Ciragan');
    expect(r.stderr).toMatch(/c-huge\.md:\d+:\d+: warning .*\[SENTENCE_TOO_LONG\]/);
  });

  it('an article whose extraction throws becomes EXTRACT_FAILED with its file; the rest is extracted', () => {
    const run = batchRunner({ cwd: dir, realRoot: fs.realpathSync(dir) }, (article, options) => {
      if (article.id === 'b-other') throw new RangeError('Maximum call stack size exceeded');
      return extractArticleFor(article, options);
    });
    const result = run(['a-good.md', 'b-other.md'].map((f) => path.join(dir, f)));
    expect(result.articles.map((a) => a.summary.id)).toEqual(['a-good']);
    expect(result.articles[0]?.facts.length).toBeGreaterThan(0);
    const failed = result.diagnostics.filter((d: Diagnostic) => d.code === 'EXTRACT_FAILED');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ severity: 'error', path: expect.stringMatching(/b-other\.md$/), line: 1, column: 1 });
    expect(failed[0]?.message).toContain('RangeError: Maximum call stack size exceeded');
  });
});

// The real pipeline, for the runner above to fall back on.
import { extractArticle as extractArticleFor } from '../../src/pipeline.js';

describe('what one article can produce is bounded', () => {
  it(`5 MB of "on Friday" sentences: at most ${MAX_FACTS_PER_ARTICLE} facts, a FACTS_CAPPED warning, and JSON of a bounded size`, () => {
    const sentence = 'The talks were held on Friday. ';
    const dir = corpus('friday', { 'a-good.md': GOOD, 'friday.md': `---\noutlet: Friday\npublished: 2025-05-16\n---\n${sentence.repeat(Math.floor((5 * 1024 * 1024 - 100) / sentence.length))}\n` });
    const out = path.join(tmp, 'friday.json');
    const r = cli(['extract', '--corpus', dir, '--format', 'json', '--output', out]);
    expect(r.status, r.stderr).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    const doc = JSON.parse(text);
    const fromFriday = doc.facts.filter((f: { article: string }) => f.article === 'friday');
    expect(fromFriday.length).toBeLessThanOrEqual(MAX_FACTS_PER_ARTICLE);
    expect(fromFriday.length).toBeGreaterThan(0);
    expect(doc.facts.some((f: { article: string }) => f.article === 'a-good')).toBe(true);
    // 179 MB once; now about 3 MB (each fact repeats the article's outlet, quote and position).
    expect(text.length).toBeLessThan(5 * 1024 * 1024);
    expect(r.stderr).toMatch(/friday\.md:\d+:\d+: warning more than 5000 facts, days and references to meetings; the article was read up to here \[FACTS_CAPPED\]/);
  });

  it(`a sentence longer than ${MAX_SENTENCE_CHARS} characters is read up to the cap, with a warning at its line`, () => {
    const long = `${'The delegations met in Istanbul and talked '.repeat(60)}on Friday at the Dolmabahce Palace.`;
    const dir = corpus('long', { 'long.md': `---\noutlet: Long\npublished: 2025-05-16\n---\nFirst line.\n\nThe talks were held at the Ciragan Palace. ${long}\n` });
    const r = cli(['extract', '--corpus', dir, '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    // The venue in the short sentence is found; the one past the cap is not read.
    expect(doc.facts.map((f: { value: unknown }) => f.value)).toContain('ciragan-palace');
    expect(doc.facts.map((f: { value: unknown }) => f.value)).not.toContain('dolmabahce-palace');
    expect(doc.diagnostics.filter((d: Diagnostic) => d.code === 'SENTENCE_TOO_LONG')).toEqual([
      expect.objectContaining({ severity: 'warning', line: 7, column: 44, message: `a sentence is longer than ${MAX_SENTENCE_CHARS} characters; only its first ${MAX_SENTENCE_CHARS} were read for facts` }),
    ]);
  });
});
