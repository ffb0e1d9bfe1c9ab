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
import { escapeJson } from './sanitize.js';

/**
 * The unescaped text of `JSON.stringify({ type, ...value })` and a newline, without building that
 * object: `{"type":"…",` then the value's own members. Records have no `type` of their own (the
 * parameter's type rules one out). An integer-like key ("0") would come before `type`, as it comes
 * first in any object: a value whose first key starts with a digit takes the long way.
 */
function json(type: string, value: object & { type?: never }): string {
  const members = JSON.stringify(value);
  const first = members.charCodeAt(2);
  if (first >= 0x30 && first <= 0x39) return `${JSON.stringify({ type, ...value })}\n`;
  return `{"type":${JSON.stringify(type)}${members.length > 2 ? `,${members.slice(1)}` : '}'}\n`;
}

const line = (type: string, value: object & { type?: never }) => escapeJson(json(type, value));

/**
 * One article's lines: the article, then its facts, then its inline suppressions. Escaped as one
 * text (escaping works character by character): one test instead of one per line.
 */
export function renderArticleNdjson(a: Omit<ArticleExtraction, 'suppressions'> & { suppressions?: readonly Suppression[] }): string {
  let out = json('article', a.summary);
  for (const f of a.facts) out += json('fact', f);
  for (const s of a.suppressions ?? []) out += json('suppression', s);
  return escapeJson(out);
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
  const summary = { failOn: report.failOn, maxFindings: report.maxFindings, baseline: report.baseline, ...report.summary };
  yield line('summary', summary);
  for (const d of report.diagnostics) yield line('diagnostic', d);
}
