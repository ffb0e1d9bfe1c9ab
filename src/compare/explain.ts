/**
 * `explain`: one fact, every outlet's value with its quote, and a word-level diff between the
 * quotes of differing values — so an editor sees at a glance that one outlet wrote "less than two
 * hours" and another "just two hours".
 */
import { diffWords } from 'diff';
import type { CompareReport, Comparison } from './compare.js';

export interface DiffPart {
  value: string;
  added?: true;
  removed?: true;
}

export interface QuoteDiff {
  from: { label: string; outlet: string; quote: string };
  to: { label: string; outlet: string; quote: string };
  parts: DiffPart[];
}

export interface Explanation extends Comparison {
  diffs: QuoteDiff[];
}

export interface ExplainReport {
  schemaVersion: 1;
  fact: string;
  explanations: Explanation[];
  diagnostics: CompareReport['diagnostics'];
}

export function diffQuotes(from: string, to: string): DiffPart[] {
  return diffWords(from, to).map((c) => ({ value: c.value, ...(c.added ? { added: true as const } : {}), ...(c.removed ? { removed: true as const } : {}) }));
}

/** The first value (most outlets) is the reference; every other value's first quote is diffed against it. */
export function quoteDiffs(c: Comparison): QuoteDiff[] {
  const [first, ...rest] = c.values;
  const diffs: QuoteDiff[] = [];
  const ref = first?.evidence[0];
  if (!first || !ref) return diffs;
  for (const v of rest) {
    const other = v.evidence[0];
    if (!other || other.quote === ref.quote) continue;
    diffs.push({
      from: { label: first.label, outlet: ref.outlet, quote: ref.quote },
      to: { label: v.label, outlet: other.outlet, quote: other.quote },
      parts: diffQuotes(ref.quote, other.quote),
    });
  }
  return diffs;
}

export function explainComparisons(report: CompareReport, fact: string, subject?: string, events?: string[]): ExplainReport {
  const explanations = report.comparisons
    .filter((c) => c.fact === fact && (subject === undefined || c.subject === subject) && (!events || (c.event !== null && events.includes(c.event))))
    .map((c): Explanation => ({ ...c, diffs: quoteDiffs(c) }));
  return { schemaVersion: 1, fact, explanations, diagnostics: report.diagnostics };
}
