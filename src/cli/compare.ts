/** `istanbul-talks compare` */
import { compareRecords, STATUSES, type CompareReport, type Status } from '../compare/compare.js';
import { renderCompareJson } from '../report/json.js';
import { renderCompareNdjson } from '../report/ndjson.js';
import { renderCompareTable } from '../report/table.js';
import { reportDiagnostics, runExtraction } from './corpus-run.js';
import { EXIT, UsageError, hasErrors, parseFacts, parseList, resolveColor, write, type CommonOptions } from './shared.js';

export interface CompareCliOptions extends CommonOptions {
  format: 'table' | 'json' | 'ndjson';
  fact?: string[];
  outlet?: string[];
  event?: string[];
  status?: string[];
  mergeEvents?: boolean;
  tolerance: string;
  evidence?: boolean;
  failOn: 'conflict' | 'compatible' | 'never';
}

export const COMPARE_FORMATS = {
  table: (r: CompareReport, o: { color: 0 | 1 | 2 | 3; evidence: boolean }) => renderCompareTable(r, o),
  json: (r: CompareReport) => renderCompareJson(r),
  ndjson: (r: CompareReport) => renderCompareNdjson(r),
} as const;

export function parseTolerance(value: string): number {
  const t = Number(value);
  if (!/^\d*\.?\d+$/.test(value.trim()) || !(t >= 0 && t < 1)) throw new UsageError(`--tolerance takes a number from 0 to below 1, not "${value}"`);
  return t;
}

export function parseStatuses(values: string[] | undefined): Status[] | undefined {
  const list = parseList(values);
  for (const s of list ?? []) if (!(STATUSES as readonly string[]).includes(s)) throw new UsageError(`unknown status "${s}" (statuses: ${STATUSES.join(', ')})`);
  return list as Status[] | undefined;
}

/** Exit code for findings: 1 when they reach the --fail-on level. */
export function findingsExit(report: CompareReport, failOn: CompareCliOptions['failOn']): number {
  if (failOn === 'never') return EXIT.ok;
  const bad = report.summary.conflict + (failOn === 'compatible' ? report.summary.compatible : 0);
  return bad > 0 ? EXIT.findings : EXIT.ok;
}

export function runCompare(opts: CompareCliOptions): void {
  const tolerance = parseTolerance(opts.tolerance);
  const facts = parseFacts(opts.fact);
  const statuses = parseStatuses(opts.status);
  const events = parseList(opts.event);
  for (const e of events ?? []) if (!/^\d{4}-\d{2}-\d{2}$/.test(e)) throw new UsageError(`--event takes a date YYYY-MM-DD, not "${e}"`);
  const result = runExtraction(opts, facts);
  const report = compareRecords(result.facts, result.articles, result.diagnostics, {
    tolerance,
    mergeEvents: Boolean(opts.mergeEvents),
    ...(facts ? { facts } : {}),
    ...(parseList(opts.outlet) ? { outlets: parseList(opts.outlet) as string[] } : {}),
    ...(events ? { events } : {}),
    ...(statuses ? { statuses } : {}),
  });
  write(COMPARE_FORMATS[opts.format](report, { color: resolveColor(opts.color), evidence: Boolean(opts.evidence) }));
  reportDiagnostics(result, opts);
  process.exitCode = hasErrors(result.diagnostics) ? EXIT.invalid : findingsExit(report, opts.failOn);
}
