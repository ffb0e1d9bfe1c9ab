/** `istanbul-talks explain FACT [--subject S] [--event D]` */
import { compareRecords } from '../compare/compare.js';
import { explainComparisons } from '../compare/explain.js';
import { renderExplainJson, renderExplainTable } from '../report/explain.js';
import { inferMeetings } from '../events/infer.js';
import { calendarOf, reportDiagnostics, runExtraction } from './corpus-run.js';
import { parseTolerance } from './compare.js';
import { EXIT, UsageError, hasErrors, parseFacts, parseList, resolveColor, write, type CommonOptions } from './shared.js';

export interface ExplainCliOptions extends CommonOptions {
  format: 'table' | 'json';
  subject?: string;
  event?: string[];
  tolerance: string;
  mergeEvents?: boolean;
}

export function runExplain(fact: string, opts: ExplainCliOptions): void {
  const facts = parseFacts([fact]) ?? [];
  const events = parseList(opts.event);
  for (const e of events ?? []) if (!/^\d{4}-\d{2}-\d{2}$/.test(e)) throw new UsageError(`--event takes a date YYYY-MM-DD, not "${e}"`);
  const extracted = runExtraction(opts, facts);
  const result = { ...extracted, ...inferMeetings(extracted, calendarOf(opts)) };
  const report = compareRecords(result.facts, result.articles, result.diagnostics, {
    tolerance: parseTolerance(opts.tolerance),
    mergeEvents: Boolean(opts.mergeEvents),
    facts,
  });
  const explained = explainComparisons(report, facts[0] as string, opts.subject, events);
  write(opts.format === 'json' ? renderExplainJson(explained) : renderExplainTable(explained, { color: resolveColor(opts.color) }));
  reportDiagnostics(result, opts);
  process.exitCode = hasErrors(result.diagnostics) ? EXIT.invalid : EXIT.ok;
}
