import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateArticle, generateArticles, loadSources, writeCorpus } from '../../bench/generate.js';
import { parseArticle } from '../../src/corpus/load.js';
import { ROOT } from '../helpers.js';

const sources = loadSources(ROOT);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'it-gen-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const digest = (count: number, seed: string) => {
  const h = createHash('sha256');
  for (const a of generateArticles(count, sources, seed)) h.update(`${a.name}\0${a.text}\0`);
  return h.digest('hex');
};

describe('benchmark corpus generator', () => {
  it('reads every bundled and development article as a source', () => {
    expect(sources.length).toBe(fs.readdirSync(path.join(ROOT, 'corpus')).length + fs.readdirSync(path.join(ROOT, 'test/fixtures/dev')).length);
    expect(sources.every((s) => s.paragraphs.length >= 3)).toBe(true);
  });

  it('is deterministic: the same seed gives the same bytes, another seed other bytes', () => {
    expect(digest(200, 'a')).toBe(digest(200, 'a'));
    expect(digest(200, 'a')).not.toBe(digest(200, 'b'));
  });

  it('makes the small corpus a prefix of the large one', () => {
    const large = [...generateArticles(300, sources, 'p')];
    expect([...generateArticles(100, sources, 'p')]).toEqual(large.slice(0, 100));
    expect(generateArticle(250, sources, 'p')).toEqual(large[250]);
  });

  it('writes valid, varied, realistically sized articles', () => {
    const articles = [...generateArticles(400, sources, 'v')];
    const parsed = articles.map((a) => parseArticle(a.text, a.name.replace(/\.md$/, ''), a.name));
    expect(parsed.filter((p) => p.article === null)).toEqual([]);
    const outlets = new Set(parsed.map((p) => p.article?.outlet));
    const days = new Set(parsed.map((p) => p.article?.published.slice(0, 10)));
    expect(outlets.size).toBeGreaterThan(100);
    expect(days.size).toBeGreaterThan(10);
    const bytes = articles.map((a) => Buffer.byteLength(a.text));
    const mean = bytes.reduce((x, y) => x + y, 0) / bytes.length;
    expect(mean).toBeGreaterThan(3500);
    expect(mean).toBeLessThan(5500);
    const all = articles.map((a) => a.text).join('');
    for (const noise of ['\u201c', '\u2019', 'Ç', 'ł', '\r\n', '\u0327', 'Zelenskyy', 'Zelensky ', 'Kiev']) expect(all).toContain(noise);
    expect(new Set(articles.map((a) => a.name)).size).toBe(articles.length);
    expect(articles.map((a) => a.name)).toEqual(articles.map((a) => a.name).sort());
  });

  it('reuses a corpus it already wrote, and rewrites it when asked for another', () => {
    const dir = path.join(tmp, 'c');
    const first = writeCorpus(dir, 20, sources, 's');
    expect(first.reused).toBe(false);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.md'))).toHaveLength(20);
    expect(writeCorpus(dir, 20, sources, 's')).toEqual({ ...first, reused: true });
    const other = writeCorpus(dir, 10, sources, 's');
    expect(other.reused).toBe(false);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.md'))).toHaveLength(10);
  });
});
