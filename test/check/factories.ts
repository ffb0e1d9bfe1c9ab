/** Small hand-made reports for renderer and finding tests. */
import type { CompareReport, Comparison, ValueGroup } from '../../src/compare/compare.js';
import type { FactKind, FactValue } from '../../src/types.js';

export function valueGroup(value: FactValue, label: string, outlets: string[], at: { path?: string; line?: number; column?: number; quote?: string } = {}): ValueGroup {
  return {
    value,
    label,
    outlets,
    evidence: outlets.map((outlet, i) => ({
      article: `${outlet.toLowerCase().replace(/[^a-z]+/g, '-')}-a`,
      outlet,
      path: at.path ?? `corpus/${outlet.toLowerCase().replace(/[^a-z]+/g, '-')}.md`,
      quote: at.quote ?? label,
      line: (at.line ?? 10) + i,
      column: at.column ?? 5,
    })),
  };
}

export function comparison(fact: FactKind, status: Comparison['status'], values: ValueGroup[], event: string | null = '2025-05-16', subject: string | null = null): Comparison {
  return { event, fact, subject, status, values, silent: [] };
}

export function report(comparisons: Comparison[]): CompareReport {
  return {
    schemaVersion: 1,
    events: [{ id: '2025-05-16', articles: [], outlets: [] }],
    comparisons,
    crossEvent: [],
    summary: {
      articles: 2,
      outlets: 2,
      events: 1,
      facts: comparisons.length * 2,
      agree: comparisons.filter((c) => c.status === 'agree').length,
      compatible: comparisons.filter((c) => c.status === 'compatible').length,
      conflict: comparisons.filter((c) => c.status === 'conflict').length,
      singleSource: 0,
    },
    diagnostics: [],
  };
}

/** The headline conflict: Dolmabahçe vs Çırağan at one meeting. */
export const venueConflict = () =>
  comparison('venue', 'conflict', [
    valueGroup('dolmabahce-palace', 'Dolmabahçe Palace', ['Atalayar', 'Financial Times']),
    valueGroup('ciragan-palace', 'Çırağan Palace', ['bne IntelliNews']),
  ]);
