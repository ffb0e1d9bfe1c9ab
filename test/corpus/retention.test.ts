/**
 * What an extraction keeps must not hold the articles' text: V8 keeps a whole string alive for a
 * slice of it, and front-matter values, titles and quotes all start as slices. Measured in a fresh
 * process (with --expose-gc) over long articles: the results kept must weigh far less than the text.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'it-retention-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('extraction results', () => {
  it('do not keep the text of the articles alive', () => {
    // 200 articles of ~100,000 characters (two bytes each: “ ” are not Latin-1): 40 MB of text.
    // Plain (unquoted) front-matter values, a title taken from the first body line, and a
    // suppression directive naming long fact kinds.
    const filler = 'The “delegations” met again and spoke at length about nothing in particular. '.repeat(1300);
    for (let i = 0; i < 200; i++) {
      fs.writeFileSync(
        path.join(tmp, `a${String(i).padStart(3, '0')}.md`),
        `---\noutlet: Northern Evening Ledger ${i}\npublished: 2025-05-16T10:00:00Z\nurl: https://example.org/talks/${i}\nauthor: Jane Correspondent\n---\n` +
          `The talks in Istanbul, a long day for everyone involved ${i}\n\nThe talks were held on Friday at the Dolmabahce Palace and lasted two hours.\n${filler}\n` +
          '<!-- istanbul-talks-disable fact=prisoner-exchange,territorial-demand -->\n',
      );
    }
    const script = `
      const { extractCorpus } = await import(${JSON.stringify(path.join(ROOT, 'dist/run.js'))});
      const result = extractCorpus(${JSON.stringify(tmp)});
      gc(); gc();
      process.stdout.write(JSON.stringify({ heap: process.memoryUsage().heapUsed, facts: result.facts.length, articles: result.articles.length, suppressions: result.suppressions.length }));
    `;
    const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    const { heap, facts, articles, suppressions } = JSON.parse(r.stdout) as { heap: number; facts: number; articles: number; suppressions: number };
    expect(articles).toBe(200);
    expect(suppressions).toBe(200);
    expect(facts).toBeGreaterThanOrEqual(600);
    // The program itself takes ~15 MB; the text alone would be 40 MB more.
    expect(heap).toBeLessThan(30 * 1024 * 1024);
  });
});
