/**
 * NDJSON: one JSON object per line, each with a `type`. `extract` writes each article followed by
 * its fact records, then the diagnostics — the order in which it can stream them, one article at a
 * time — and `compare --from-facts` reads them back. `compare` writes events, comparisons,
 * cross-event differences, the summary and diagnostics.
 */
import type { CompareReport } from '../compare/compare.js';
import type { ArticleExtraction, ExtractResult } from '../run.js';
import type { Diagnostic } from '../types.js';
import { safeJson } from './sanitize.js';

const line = (type: string, value: object) => `${safeJson({ type, ...value })}\n`;

/** One article's lines: the article, then its facts. */
export function renderArticleNdjson(a: ArticleExtraction): string {
  let out = line('article', a.summary);
  for (const f of a.facts) out += line('fact', f);
  return out;
}

export function renderDiagnosticsNdjson(diagnostics: Diagnostic[]): string {
  return diagnostics.map((d) => line('diagnostic', d)).join('');
}

export function renderExtractNdjson(result: ExtractResult): string {
  const byArticle = new Map<string, ExtractResult['facts']>(result.articles.map((a) => [a.id, []]));
  for (const f of result.facts) byArticle.get(f.article)?.push(f);
  return [
    ...result.articles.map((a) => renderArticleNdjson({ summary: a, facts: byArticle.get(a.id) ?? [] })),
    renderDiagnosticsNdjson(result.diagnostics),
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
