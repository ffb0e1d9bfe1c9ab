import { describe, expect, it } from 'vitest';
import { compareRecords } from '../../src/compare/compare.js';
import { relate, subsumes } from '../../src/compare/values.js';
import type { ArticleSummary, FactKind, FactRecord, FactValue } from '../../src/types.js';

let n = 0;
function rec(outlet: string, fact: FactKind, value: FactValue, event: string | null = '2025-05-16', subject: string | null = null): FactRecord {
  n++;
  return {
    article: `${outlet.toLowerCase()}-a`,
    outlet,
    event,
    fact,
    subject,
    value,
    label: JSON.stringify(value),
    evidence: { quote: 'q', start: n, end: n + 1, line: 1, column: n },
  };
}
function art(outlet: string, event: string | null = '2025-05-16'): ArticleSummary {
  return { id: `${outlet.toLowerCase()}-a`, path: `${outlet}.md`, outlet, published: '2025-05-16', title: '', url: null, event, eventSource: event ? 'stated' : null };
}
const opts = { tolerance: 0.1, mergeEvents: false };
const dur = (minutes: number, qualifier: 'exact' | 'about' | 'under' | 'over') => ({ minutes, qualifier });

describe('relate', () => {
  it.each([
    [dur(120, 'exact'), dur(120, 'exact'), 'equal'],
    [dur(120, 'exact'), dur(120, 'under'), 'compatible'],
    [dur(100, 'exact'), dur(120, 'under'), 'compatible'],
    [dur(90, 'exact'), dur(120, 'exact'), 'conflict'],
    [dur(120, 'exact'), dur(115, 'exact'), 'compatible'],
    [dur(40, 'about'), dur(60, 'under'), 'compatible'],
    [dur(180, 'over'), dur(120, 'exact'), 'conflict'],
  ])('duration %j vs %j → %s', (a, b, r) => expect(relate('duration', a, b, 0.1)).toBe(r));

  it('widens with the tolerance', () => {
    expect(relate('duration', dur(90, 'exact'), dur(120, 'exact'), 0.2)).toBe('compatible');
  });

  it('compares prisoners per side, or as totals when one gives only a total', () => {
    const per = { perSide: 1000, total: 2000, qualifier: 'exact' as const };
    expect(relate('prisoner-exchange', per, { perSide: null, total: 2000, qualifier: 'at-least' }, 0.1)).toBe('compatible');
    expect(relate('prisoner-exchange', per, { perSide: 1200, total: 2400, qualifier: 'exact' }, 0.1)).toBe('compatible');
    expect(relate('prisoner-exchange', per, { perSide: 1200, total: 2400, qualifier: 'exact' }, 0.05)).toBe('conflict');
    expect(relate('prisoner-exchange', per, { perSide: null, total: 2000, qualifier: 'exact' }, 0.1)).toBe('equal');
  });

  it('compares sets: equal, subset, overlap, disjoint', () => {
    expect(relate('mediator', ['turkey'], ['turkey'], 0.1)).toBe('equal');
    expect(relate('mediator', ['turkey'], ['turkey', 'united-states'], 0.1)).toBe('compatible');
    expect(relate('territorial-demand', ['donetsk', 'luhansk'], ['luhansk', 'kherson'], 0.1)).toBe('conflict');
    expect(relate('territorial-demand', ['crimea'], ['kherson'], 0.1)).toBe('conflict');
  });

  it('compares entities by id', () => {
    expect(relate('venue', 'dolmabahce-palace', 'ciragan-palace', 0.1)).toBe('conflict');
  });

  it('treats a vaguer figure beside a precise one as implied by it', () => {
    expect(subsumes('prisoner-exchange', { perSide: null, total: 2000, qualifier: 'at-least' }, { perSide: 1000, total: 2000, qualifier: 'exact' })).toBe(true);
    expect(subsumes('prisoner-exchange', { perSide: 1000, total: 2000, qualifier: 'exact' }, { perSide: null, total: 2000, qualifier: 'at-least' })).toBe(false);
  });
});

describe('compareRecords', () => {
  it('gives each group a status and lists silent outlets', () => {
    const records = [rec('A', 'venue', 'dolmabahce-palace'), rec('B', 'venue', 'dolmabahce-palace'), rec('A', 'duration', dur(120, 'exact')), rec('B', 'duration', dur(90, 'exact')), rec('C', 'chair', 'hakan-fidan')];
    const r = compareRecords(records, [art('A'), art('B'), art('C')], [], opts);
    expect(r.comparisons.map((c) => [c.fact, c.status, c.silent])).toEqual([
      ['venue', 'agree', ['C']],
      ['duration', 'conflict', ['C']],
      ['chair', 'single-source', ['A', 'B']],
    ]);
    expect(r.summary).toMatchObject({ agree: 1, conflict: 1, singleSource: 1, compatible: 0, events: 1 });
  });

  it("drops an outlet's vaguer value that its precise value implies", () => {
    const records = [
      rec('A', 'prisoner-exchange', { perSide: null, total: 2000, qualifier: 'at-least' }),
      rec('A', 'prisoner-exchange', { perSide: 1000, total: 2000, qualifier: 'exact' }),
      rec('B', 'prisoner-exchange', { perSide: 1000, total: 2000, qualifier: 'exact' }),
    ];
    const r = compareRecords(records, [art('A'), art('B')], [], opts);
    expect(r.comparisons[0]?.status).toBe('agree');
    expect(r.comparisons[0]?.values).toHaveLength(1);
  });

  it('reports different values at different meetings as a cross-event difference, or a conflict when merged', () => {
    const records = [rec('A', 'venue', 'dolmabahce-palace', '2025-05-16'), rec('B', 'venue', 'ciragan-palace', '2025-06-02')];
    const articles = [art('A', '2025-05-16'), art('B', '2025-06-02')];
    const split = compareRecords(records, articles, [], opts);
    expect(split.comparisons.map((c) => c.status)).toEqual(['single-source', 'single-source']);
    expect(split.crossEvent).toEqual([
      {
        fact: 'venue',
        subject: null,
        values: [
          { event: '2025-05-16', value: 'dolmabahce-palace', label: '"dolmabahce-palace"', outlets: ['A'] },
          { event: '2025-06-02', value: 'ciragan-palace', label: '"ciragan-palace"', outlets: ['B'] },
        ],
      },
    ]);
    const merged = compareRecords(records, articles, [], { ...opts, mergeEvents: true });
    expect(merged.comparisons.map((c) => [c.event, c.status])).toEqual([['all', 'conflict']]);
    expect(merged.crossEvent).toEqual([]);
  });

  it('keeps the same value at different meetings out of the cross-event block', () => {
    const records = [rec('A', 'chair', 'hakan-fidan', '2025-05-16'), rec('B', 'chair', 'hakan-fidan', '2025-06-02')];
    expect(compareRecords(records, [art('A'), art('B', '2025-06-02')], [], opts).crossEvent).toEqual([]);
  });

  it('filters by status and fact', () => {
    const records = [rec('A', 'venue', 'dolmabahce-palace'), rec('B', 'venue', 'ciragan-palace'), rec('A', 'chair', 'hakan-fidan')];
    const r = compareRecords(records, [art('A'), art('B')], [], { ...opts, statuses: ['conflict'] });
    expect(r.comparisons.map((c) => c.fact)).toEqual(['venue']);
  });
});
