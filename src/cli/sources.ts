/** `istanbul-talks sources`: one row per article file, broken ones included. */
import { byString } from '../canonical.js';
import { safeJson } from '../report/sanitize.js';
import { renderSourcesTable, type SourceRow } from '../report/table.js';
import type { ExtractResult } from '../run.js';
import { reportDiagnostics, runExtraction } from './corpus-run.js';
import { EXIT, hasErrors, resolveColor, widthOf, write, type CommonOptions } from './shared.js';

export interface SourcesCliOptions extends CommonOptions {
  format: 'table' | 'json';
}

export function sourceRows(result: ExtractResult): SourceRow[] {
  // Counted in one pass each, not once per article.
  const factCounts = new Map<string, number>();
  for (const f of result.facts) factCounts.set(f.article, (factCounts.get(f.article) ?? 0) + 1);
  const diagnosticCounts = new Map<string, number>();
  for (const d of result.diagnostics) diagnosticCounts.set(d.path, (diagnosticCounts.get(d.path) ?? 0) + 1);
  const rows: SourceRow[] = result.articles.map((a) => ({
    id: a.id,
    path: a.path,
    outlet: a.outlet,
    published: a.published,
    event: a.event,
    eventSource: a.eventSource,
    facts: factCounts.get(a.id) ?? 0,
    diagnostics: diagnosticCounts.get(a.path) ?? 0,
  }));
  const known = new Set(rows.map((r) => r.path));
  const broken = new Map<string, number>();
  for (const d of result.diagnostics) if (!known.has(d.path) && d.code !== 'CORPUS_EMPTY') broken.set(d.path, (broken.get(d.path) ?? 0) + 1);
  for (const [path, count] of broken) {
    const id = (path.split('/').pop() ?? path).replace(/\.md$/i, '');
    rows.push({ id, path, outlet: '—', published: '—', event: null, eventSource: null, facts: 0, diagnostics: count });
  }
  return rows.sort((a, b) => byString(a.path, b.path));
}

export function runSources(opts: SourcesCliOptions): void {
  const result = runExtraction(opts);
  const rows = sourceRows(result);
  if (opts.format === 'json') write(`${safeJson({ schemaVersion: 1, sources: rows, diagnostics: result.diagnostics }, 2)}\n`, 'json');
  else write(renderSourcesTable(rows, { color: resolveColor(opts.color), ...widthOf(undefined) }));
  reportDiagnostics(result, opts);
  process.exitCode = hasErrors(result.diagnostics) ? EXIT.invalid : EXIT.ok;
}
