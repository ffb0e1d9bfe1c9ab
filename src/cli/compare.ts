/** `istanbul-talks compare` */
import { compareRecords, STATUSES, type CompareReport, type Status } from '../compare/compare.js';
import type { FailOn } from '../check/findings.js';
import { COMPARE_FORMATS, type CompareFormat, type Format, type RenderOptions } from '../report/formats.js';
import { loadInput, reportContext, reportDiagnostics, type InputOptions } from './corpus-run.js';
import { checkEvents, resolveOutlets } from './filters.js';
import { appendStepSummary, emit } from './output.js';
import { EXIT, UsageError, hasErrors, outputMode, parseFacts, parseList, resolveColor, toolVersion, widthOf } from './shared.js';

export interface CompareCliOptions extends InputOptions {
  format: CompareFormat;
  fact?: string[];
  outlet?: string[];
  event?: string[];
  status?: string[];
  mergeEvents?: boolean;
  tolerance: string;
  evidence?: boolean;
  failOn: FailOn;
  output?: string;
}

export function parseTolerance(value: string): number {
  const t = Number(value);
  if (!/^(?:\d+(?:\.\d+)?|\.\d+)$/.test(value.trim()) || !(t >= 0 && t < 1)) throw new UsageError(`--tolerance takes a number from 0 to below 1, not "${value}"`);
  return t;
}

export function parseStatuses(values: string[] | undefined): Status[] | undefined {
  const list = parseList(values);
  for (const s of list ?? []) if (!(STATUSES as readonly string[]).includes(s)) throw new UsageError(`unknown status "${s}" (statuses: ${STATUSES.join(', ')})`);
  return list as Status[] | undefined;
}

/** The meetings an input's articles are about or its facts are placed at. */
export function meetingsOf(input: { articles: ReadonlyArray<{ event: string | null }>; facts: ReadonlyArray<{ event: string | null }> }): Set<string | null> {
  return new Set([...input.articles.map((a) => a.event), ...input.facts.map((f) => f.event)]);
}

/** Exit code for findings: 1 when they reach the --fail-on level. */
export function findingsExit(report: CompareReport, failOn: FailOn): number {
  if (failOn === 'never') return EXIT.ok;
  const bad = report.summary.conflict + (failOn === 'compatible' ? report.summary.compatible : 0);
  return bad > 0 ? EXIT.findings : EXIT.ok;
}

export async function runCompare(opts: CompareCliOptions): Promise<void> {
  const tolerance = parseTolerance(opts.tolerance);
  const facts = parseFacts(opts.fact);
  const statuses = parseStatuses(opts.status);
  if (opts.mergeEvents && opts.event?.length) throw new UsageError('--event and --merge-events exclude each other: merged, the corpus is one meeting');
  const format: Format<CompareReport> = COMPARE_FORMATS[opts.format];
  const input = await loadInput(opts, facts, Boolean(format.context));
  const outlets = resolveOutlets(parseList(opts.outlet), [...input.articles.map((a) => a.outlet), ...input.facts.map((f) => f.outlet)]);
  const events = checkEvents(parseList(opts.event), meetingsOf(input));
  const report = compareRecords(input.facts, input.articles, input.diagnostics, {
    tolerance,
    mergeEvents: Boolean(opts.mergeEvents),
    ...(facts ? { facts } : {}),
    ...(outlets ? { outlets } : {}),
    ...(events ? { events } : {}),
    ...(statuses ? { statuses } : {}),
  });
  const render = await format.load();
  const options: RenderOptions = {
    color: resolveColor(opts.output ? false : opts.color),
    evidence: Boolean(opts.evidence),
    failOn: opts.failOn,
    version: toolVersion(),
    ...widthOf(opts.output),
    ...(format.context ? { context: reportContext(input, tolerance) } : {}),
  };
  await emit(render(report, options), opts.output, outputMode(opts.format));
  if (opts.format === 'github') {
    const markdown = await COMPARE_FORMATS.markdown.load();
    appendStepSummary(() => markdown(report, options));
  }
  reportDiagnostics(input, opts);
  process.exitCode = hasErrors(input.diagnostics) ? EXIT.invalid : findingsExit(report, opts.failOn);
}
