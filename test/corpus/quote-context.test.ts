import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTEXT_CHARS, contextAround } from '../../src/corpus/quote-context.js';
import { extractCorpus } from '../../src/run.js';
import { collectNames } from '../../src/names/names.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { defaultGazetteer } from '../../src/knowledge/gazetteer.js';
import { ROOT } from '../helpers.js';

describe('contextAround', () => {
  it('gives the sentence before and after the quote', () => {
    const raw = 'Intro. They met at the Dolmabahce Palace on Friday. Next.';
    const start = raw.indexOf('Dolmabahce');
    expect(contextAround(raw, 7, 51, start, start + 17)).toEqual({ before: 'They met at the ', after: ' on Friday.' });
  });

  it('cuts a long side after a space near its far end, with an ellipsis', () => {
    const words = Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ');
    const raw = `${words} QUOTE ${words}`;
    const start = raw.indexOf('QUOTE');
    const { before, after } = contextAround(raw, 0, raw.length, start, start + 5);
    expect(before.startsWith('…w')).toBe(true);
    expect(after.endsWith('…')).toBe(true);
    expect(before.length).toBeLessThanOrEqual(CONTEXT_CHARS + 1);
    expect(after.length).toBeLessThanOrEqual(CONTEXT_CHARS + 1);
    expect(raw.slice(0, start).endsWith(before.slice(1))).toBe(true);
    expect(raw.slice(start + 5).startsWith(after.slice(0, -1))).toBe(true);
  });

  it('cuts a side without spaces at the limit', () => {
    const raw = `${'x'.repeat(1000)}Q${'y'.repeat(1000)}`;
    const { before, after } = contextAround(raw, 0, raw.length, 1000, 1001);
    expect([before, after]).toEqual([`…${'x'.repeat(CONTEXT_CHARS)}`, `${'y'.repeat(CONTEXT_CHARS)}…`]);
  });
});

describe('extraction with context', () => {
  const dir = path.join(ROOT, 'test/fixtures/dev');
  const result = extractCorpus(dir, { cwd: ROOT, context: true });

  it('gives every quote the text around it in its file, once per span', () => {
    const contexts = new Map(result.context!.quotes.map((q) => [`${q.article}:${q.line}:${q.column}`, q]));
    expect(contexts.size).toBe(result.context!.quotes.length);
    const paths = new Map(result.articles.map((a) => [a.id, a.path]));
    expect(result.facts.length).toBeGreaterThan(100);
    for (const f of result.facts) {
      const q = contexts.get(`${f.article}:${f.evidence.line}:${f.evidence.column}`);
      expect(q, `${f.article} ${f.evidence.line}:${f.evidence.column}`).toBeDefined();
      const raw = fs.readFileSync(path.join(ROOT, paths.get(f.article) as string), 'utf8');
      const before = q!.before.replace(/^…/, '');
      const after = q!.after.replace(/…$/, '');
      expect(raw.slice(f.evidence.start - before.length, f.evidence.end + after.length)).toBe(before + f.evidence.quote + after);
    }
  });

  it('gives the same facts as without it', () => {
    const plain = extractCorpus(dir, { cwd: ROOT });
    expect(result.facts).toEqual(plain.facts);
    expect(plain.context).toBeUndefined();
  });

  it('gives the names report that `names` gives', () => {
    const loaded = loadCorpus(dir, {});
    expect(result.context!.names).toEqual(collectNames(loaded.articles, defaultGazetteer()));
    expect(result.context!.names.names.length).toBeGreaterThan(3);
  });
});
