import { describe, expect, it } from 'vitest';
import { diffQuotes } from '../../src/compare/explain.js';
import { parseArticle } from '../../src/corpus/load.js';
import { defaultGazetteer } from '../../src/knowledge/gazetteer.js';
import { collectNames } from '../../src/names/names.js';
import { renderDiff } from '../../src/report/explain.js';
import type { Article } from '../../src/types.js';

const article = (id: string, outlet: string, body: string): Article =>
  parseArticle(`---\noutlet: ${outlet}\npublished: 2025-05-16\n---\n${body}\n`, id, `${id}.md`).article as Article;

describe('word diff', () => {
  it('marks what one quote has that the other has not', () => {
    const parts = diffQuotes('just two hours', 'less than two hours');
    expect(renderDiff(parts, 0)).toBe('[-just-]{+less than+} two hours');
    expect(renderDiff(parts, 1)).toContain('\x1b[');
  });
});

describe('names', () => {
  const report = collectNames(
    [
      article('a', 'Alpha', 'Zelenskiy met Volodymyr Zelenskiy in Kiev. ISTANBUL, May 16. The Dolmabahce Palace and Istanbul.'),
      article('b', 'Beta', 'Volodymyr Zelenskyy went to Kyiv and Istanbul. The Dolmabahçe Palace.'),
      article('c', 'Gamma', 'Medinsky spoke.'),
    ],
    defaultGazetteer(),
  );
  const get = (id: string) => report.names.find((n) => n.id === id);

  it('lists each outlet’s spellings of names that several outlets use, as written', () => {
    expect(get('volodymyr-zelensky')?.outlets).toEqual([
      { outlet: 'Alpha', spellings: [{ text: 'Volodymyr Zelenskiy', count: 2 }] },
      { outlet: 'Beta', spellings: [{ text: 'Volodymyr Zelenskyy', count: 1 }] },
    ]);
    expect(get('kyiv')?.spellings.map((s) => [s.text, s.outlets])).toEqual([
      ['Kiev', ['Alpha']],
      ['Kyiv', ['Beta']],
    ]);
    expect(get('dolmabahce-palace')?.spellings.map((s) => s.text).sort()).toEqual(['Dolmabahce Palace', 'Dolmabahçe Palace']);
  });

  it('treats case as typography, and leaves out names only one outlet uses', () => {
    expect(get('istanbul')?.spellings).toEqual([{ text: 'Istanbul', count: 3, outlets: ['Alpha', 'Beta'] }]);
    expect(get('vladimir-medinsky')).toBeUndefined();
  });
});
