/**
 * NDJSON: one JSON object per line, each with a `type`. `extract` writes each article followed by
 * its fact records and inline suppressions, then the diagnostics — the order in which it can stream
 * them, one article at a time — and `compare --from-facts` reads them back (facts-input.ts).
 * `compare` writes events, comparisons, cross-event differences, the summary and diagnostics;
 * `check` writes findings, stale baseline entries, the summary and diagnostics.
 */
import type { CheckReport } from '../check/findings.js';
import type { Suppression } from '../check/suppress.js';
import type { CompareReport } from '../compare/compare.js';
import type { ArticleExtraction, ExtractResult } from '../run.js';
import type { Diagnostic } from '../types.js';
import { safeJson } from './sanitize.js';

const line = (type: string, value: object) => `${safeJson({ type, ...value })}\n`;

/** One article's lines: the article, then its facts, then its inline suppressions. */
export function renderArticleNdjson(a: Omit<ArticleExtraction, 'suppressions'> & { suppressions?: readonly Suppression[] }): string {
  let out = line('article', a.summary);
  for (const f of a.facts) out += line('fact', f);
  for (const s of a.suppressions ?? []) out += line('suppression', s);
  return out;
}

export function renderDiagnosticsNdjson(diagnostics: Diagnostic[]): string {
  return diagnostics.map((d) => line('diagnostic', d)).join('');
}

export function renderExtractNdjson(result: Omit<ExtractResult, 'suppressions'> & { suppressions?: readonly Suppression[] }): string {
  const byArticle = new Map<string, ExtractResult['facts']>(result.articles.map((a) => [a.id, []]));
  for (const f of result.facts) byArticle.get(f.article)?.push(f);
  const suppressions = new Map<string, Suppression[]>();
  for (const s of result.suppressions ?? []) suppressions.set(s.article, [...(suppressions.get(s.article) ?? []), s]);
  return [
    ...result.articles.map((a) => renderArticleNdjson({ summary: a, facts: byArticle.get(a.id) ?? [], suppressions: suppressions.get(a.id) ?? [] })),
    renderDiagnosticsNdjson(result.diagnostics),
  ].join('');
}

/** Line by line, for the CLI to write as they come (see json.ts). */
export function* renderCompareNdjson(report: CompareReport): Generator<string> {
  for (const e of report.events) yield line('event', e);
  for (const c of report.comparisons) yield line('comparison', c);
  for (const x of report.crossEvent) yield line('cross-event', x);
  yield line('summary', report.summary);
  for (const d of report.diagnostics) yield line('diagnostic', d);
}

export function* renderCheckNdjson(report: CheckReport): Generator<string> {
  for (const f of report.findings) yield line('finding', f);
  for (const e of report.stale) yield line('stale', e);
  yield line('summary', { failOn: report.failOn, maxFindings: report.maxFindings, baseline: report.baseline, ...report.summary });
  for (const d of report.diagnostics) yield line('diagnostic', d);
}
