/** `istanbul-talks explain FACT [--subject S] [--event D]` */
import { compareRecords } from '../compare/compare.js';
import { explainComparisons } from '../compare/explain.js';
import { renderExplainJson, renderExplainTable } from '../report/explain.js';
import { inferMeetings } from '../events/infer.js';
import { calendarOf, reportDiagnostics, runExtraction } from './corpus-run.js';
import { meetingsOf, parseTolerance } from './compare.js';
import { checkEvents, unknownValue } from './filters.js';
import { EXIT, UsageError, hasErrors, parseFacts, parseList, outputMode, resolveColor, widthOf, write, type CommonOptions } from './shared.js';

export interface ExplainCliOptions extends CommonOptions {
  format: 'table' | 'json';
  subject?: string;
  event?: string[];
  tolerance: string;
  mergeEvents?: boolean;
}

export function runExplain(fact: string, opts: ExplainCliOptions): void {
  const facts = parseFacts([fact]) ?? [];
  const tolerance = parseTolerance(opts.tolerance);
  if (opts.mergeEvents && opts.event?.length) throw new UsageError('--event and --merge-events exclude each other: merged, the corpus is one meeting');
  const extracted = runExtraction(opts, facts);
  const result = { ...extracted, ...inferMeetings(extracted, calendarOf(opts)) };
  const events = checkEvents(parseList(opts.event), meetingsOf(result));
  const report = compareRecords(result.facts, result.articles, result.diagnostics, { tolerance, mergeEvents: Boolean(opts.mergeEvents), facts });
  if (opts.subject !== undefined) {
    const subjects = [...new Set(report.comparisons.flatMap((c) => (c.subject === null ? [] : [c.subject])))].sort();
    if (!subjects.includes(opts.subject)) throw unknownValue('subject', opts.subject, subjects, `subjects of ${fact}`);
  }
  const explained = explainComparisons(report, facts[0] as string, opts.subject, events);
  write(opts.format === 'json' ? renderExplainJson(explained) : renderExplainTable(explained, { color: resolveColor(opts.color), ...widthOf(undefined) }), outputMode(opts.format));
  reportDiagnostics(result, opts);
  process.exitCode = hasErrors(result.diagnostics) ? EXIT.invalid : EXIT.ok;
}
