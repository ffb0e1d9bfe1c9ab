import { describe, expect, it } from 'vitest';
import { mergeFactsInputs, parseFactsNdjson, valueProblem } from '../../src/report/facts-input.js';

const article = (id: string, path = `corpus/${id}.md`, outlet = 'A') =>
  JSON.stringify({ type: 'article', id, path, outlet, published: '2025-05-16', title: 't', url: null, event: '2025-05-16' });
const fact = (articleId: string, over: Record<string, unknown> = {}) =>
  JSON.stringify({
    type: 'fact',
    article: articleId,
    outlet: 'A',
    event: '2025-05-16',
    fact: 'venue',
    subject: null,
    value: 'dolmabahce-palace',
    label: 'Dolmabahçe Palace',
    evidence: { quote: 'Dolmabahce Palace', start: 40, end: 57, line: 5, column: 3 },
    ...over,
  });
const codes = (text: string) => parseFactsNdjson({ name: 'f.ndjson', text }).problems.map((p) => `${p.line}:${p.code}`);

describe('reading extract NDJSON back', () => {
  it('accepts what extract writes, CRLF and blank lines included', () => {
    const p = parseFactsNdjson({ name: 'f', text: `${article('a')}\r\n\r\n${fact('a')}\n` });
    expect(p.problems).toEqual([]);
    expect(p.facts.map((f) => f.record.value)).toEqual(['dolmabahce-palace']);
  });

  it('turns every bad line into an error at file:line, and keeps going', () => {
    const text = [
      'not json',
      '[1,2]',
      JSON.stringify({ type: 'comparison' }),
      fact('a', { fact: 'weather' }),
      fact('a', { fact: 'duration', value: { minutes: '120', qualifier: 'exact' } }),
      fact('a', { evidence: { quote: 'x', start: 9, end: 3, line: 1, column: 1 } }),
      fact('a', { event: 'last friday' }),
      JSON.stringify({ type: 'diagnostic', severity: 'fatal' }),
      article('a'),
    ].join('\n');
    expect(codes(text)).toEqual(['1:FACTS_JSON', '2:FACTS_JSON', '3:FACTS_RECORD', '4:FACTS_RECORD', '5:FACTS_RECORD', '6:FACTS_RECORD', '7:FACTS_RECORD', '8:FACTS_RECORD']);
  });

  it('reads the extract --format json document as the same records, naming a bad one by its place', () => {
    const doc = JSON.stringify({ schemaVersion: 1, articles: [JSON.parse(article('a'))], facts: [JSON.parse(fact('a')), { fact: 'weather' }], diagnostics: [] }, null, 2);
    const p = parseFactsNdjson({ name: 'f.json', text: doc });
    expect(p.articles.map((a) => a.record.id)).toEqual(['a']);
    expect(p.facts.map((f) => f.record.value)).toEqual(['dolmabahce-palace']);
    expect(p.problems.map((x) => `${x.line}:${x.code}:${x.message.slice(0, 10)}`)).toEqual(['1:FACTS_RECORD:facts[1]: ']);
  });

  it('gives one problem for a file in which no line is a record', () => {
    expect(codes('# Report\n\nnot json\n{"type":"comparison"}\n')).toEqual(['1:FACTS_FORMAT']);
    expect(codes(JSON.stringify({ schemaVersion: 1, events: [], comparisons: [] }, null, 2))).toEqual(['1:FACTS_FORMAT']);
    expect(codes('')).toEqual([]);
  });

  it.each([
    ['date', '2025-05-16', true],
    ['date', 'May 16', false],
    ['mediator', ['turkey'], true],
    ['mediator', 'turkey', false],
    ['prisoner-exchange', { perSide: 1000, total: 2000, qualifier: 'exact' }, true],
    ['prisoner-exchange', { perSide: 1000, total: 2000, qualifier: 'lots' }, false],
    ['ceasefire-proposal', { days: 2, maxDays: 3 }, true],
    ['ceasefire-proposal', { days: -2 }, false],
  ] as const)('%s value %j valid: %s', (fact, value, valid) => {
    expect(valueProblem(fact, value) === null).toBe(valid);
  });
});

describe('merging shards', () => {
  it('gives one run: articles by id, facts in run order, an empty corpus said once', () => {
    const empty = JSON.stringify({ type: 'diagnostic', severity: 'warning', path: 'corpus', line: 1, column: 1, code: 'CORPUS_EMPTY', message: 'no *.md articles found in the corpus directory' });
    const m = mergeFactsInputs([
      { name: 's2', text: `${article('b')}\n${fact('b')}\n${empty}\n` },
      { name: 's1', text: `${article('a')}\n${fact('a')}\n${empty}\n` },
    ]);
    expect(m.articles.map((a) => a.id)).toEqual(['a', 'b']);
    expect(m.facts.map((f) => f.article)).toEqual(['a', 'b']);
    expect(m.diagnostics.map((d) => d.code)).toEqual(['CORPUS_EMPTY']);
  });

  it('reports an id used by two files as the loader does, keeping the first by path', () => {
    const m = mergeFactsInputs([
      { name: 's1', text: `${article('a', 'corpus/x/a.md')}\n${fact('a', { label: 'first' })}\n` },
      { name: 's2', text: `${article('a', 'corpus/y/a.md')}\n${fact('a', { label: 'second' })}\n` },
    ]);
    expect(m.articles.map((a) => a.path)).toEqual(['corpus/x/a.md']);
    expect(m.facts.map((f) => f.label)).toEqual(['first']);
    expect(m.diagnostics).toEqual([
      { severity: 'error', path: 'corpus/y/a.md', line: 1, column: 1, code: 'DUPLICATE_ID', message: 'article id "a" is already used by corpus/x/a.md; rename one of the files' },
    ]);
  });

  it('refuses a shard given twice and facts without their article', () => {
    const shard = `${article('a')}\n${fact('a')}\n`;
    const m = mergeFactsInputs([
      { name: 's1', text: shard },
      { name: 's1-again', text: shard },
      { name: 'orphans', text: `${fact('zzz')}\n` },
    ]);
    expect(m.facts).toHaveLength(1);
    expect(m.diagnostics.map((d) => `${d.path}:${d.line}:${d.code}`)).toEqual(['orphans:1:FACTS_ARTICLE', 's1-again:1:FACTS_REPEATED']);
  });
});
