/**
 * NDJSON: one JSON object per line, each with a `type`. `extract` writes its articles, then its
 * fact records, then inline suppressions and diagnostics — the input `compare --from-facts` reads
 * back (facts-input.ts). `compare` writes events, comparisons, cross-event differences, the summary
 * and diagnostics; `check` writes findings, stale baseline entries, the summary and diagnostics.
 */
import type { CheckReport } from '../check/findings.js';
import type { Suppression } from '../check/suppress.js';
import type { CompareReport } from '../compare/compare.js';
import type { ExtractResult } from '../run.js';
import { safeJson } from './sanitize.js';

const line = (type: string, value: object) => `${safeJson({ type, ...value })}\n`;

export function renderExtractNdjson(result: ExtractResult & { suppressions?: readonly Suppression[] }): string {
  return [
    ...result.articles.map((a) => line('article', a)),
    ...result.facts.map((f) => line('fact', f)),
    ...(result.suppressions ?? []).map((s) => line('suppression', s)),
    ...result.diagnostics.map((d) => line('diagnostic', d)),
  ].join('');
}

export function renderCompareNdjson(report: CompareReport): string {
  return [
    ...report.events.map((e) => line('event', e)),
    ...report.comparisons.map((c) => line('comparison', c)),
    ...report.crossEvent.map((x) => line('cross-event', x)),
    line('summary', report.summary),
    ...report.diagnostics.map((d) => line('diagnostic', d)),
  ].join('');
}

export function renderCheckNdjson(report: CheckReport): string {
  return [
    ...report.findings.map((f) => line('finding', f)),
    ...report.stale.map((e) => line('stale', e)),
    line('summary', { failOn: report.failOn, maxFindings: report.maxFindings, baseline: report.baseline, ...report.summary }),
    ...report.diagnostics.map((d) => line('diagnostic', d)),
  ].join('');
}
