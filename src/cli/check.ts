/**
 * `istanbul-talks check`: for CI. The corpus must load cleanly (exit 2 otherwise), and no
 * disagreement may reach --fail-on unless the baseline lists it or the articles behind it disable
 * it inline (exit 1, beyond --max-findings). `--update-baseline` records the current disagreements.
 */
import fs from 'node:fs';
import { baselineEntries, buildCheckReport, type CheckReport, type FailOn } from '../check/findings.js';
import { BaselineError, DEFAULT_BASELINE, parseBaseline, serializeBaseline, type Baseline } from '../check/baseline.js';
import { partitionSuppressed, suppressionProblems } from '../check/suppress.js';
import { compareRecords, type CompareOptions } from '../compare/compare.js';
import { InputFileError, readInputFile } from '../corpus/input-file.js';
import { MAX_BASELINE_BYTES } from '../limits.js';
import { CHECK_FORMATS, type CheckFormat, type Format, type RenderOptions } from '../report/formats.js';
import { escapeControls } from '../report/sanitize.js';
import { WriteRefused, writeFileAtomic } from './atomic.js';
import { parseTolerance } from './compare.js';
import { loadInput, reportContext, reportDiagnostics, type InputOptions } from './corpus-run.js';
import { appendStepSummary, emit } from './output.js';
import { BUNDLED_CORPUS, EXIT, UsageError, chooseCorpus, hasErrors, outputMode, resolveColor, toolVersion, widthOf, writeErr } from './shared.js';

export interface CheckCliOptions extends InputOptions {
  format: CheckFormat;
  baseline?: string;
  updateBaseline?: boolean;
  failOn: FailOn;
  maxFindings: string;
  tolerance: string;
  /** Only new findings (failing or below --fail-on) and the summary. */
  quiet?: boolean;
  mergeEvents?: boolean;
  output?: string;
}

export function parseMaxFindings(value: string): number {
  if (!/^\s*\d{1,9}\s*$/.test(value)) throw new UsageError(`--max-findings takes a whole number of findings (0 or more), not "${value}"`);
  return Number(value);
}

function readBaseline(file: string, followSymlinks?: boolean): Baseline {
  let text: string;
  try {
    text = readInputFile(file, { what: 'baseline', maxBytes: MAX_BASELINE_BYTES, followSymlinks });
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    throw new UsageError(error.message.endsWith(': not found') ? `${error.message} (create it with --update-baseline)` : error.message);
  }
  try {
    return parseBaseline(text);
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(`baseline ${escapeControls(file)}: ${error.message}`);
    throw error;
  }
}

/** The exit code of a check; it depends on the findings only, never on the format or destination. */
export function checkExit(report: CheckReport): number {
  if (report.summary.errors > 0) return EXIT.invalid;
  return report.summary.failing > report.maxFindings ? EXIT.findings : EXIT.ok;
}

export async function runCheck(opts: CheckCliOptions): Promise<void> {
  const tolerance = parseTolerance(opts.tolerance);
  const maxFindings = parseMaxFindings(opts.maxFindings);
  if (!opts.fromFacts?.length && chooseCorpus(opts.corpus).bundled) {
    // A check that passes on the five sample articles says nothing about the user's own.
    throw new UsageError(
      `no corpus to check: there is no ./corpus here and no --corpus. Give the directory of your articles with --corpus DIR (or "corpus" in istanbul-talks.config.json); the bundled sample corpus is checked only when named: --corpus ${BUNDLED_CORPUS}`,
    );
  }
  const format: Format<CheckReport> = CHECK_FORMATS[opts.format];
  const input = await loadInput(opts, undefined, Boolean(format.context));
  const compareOptions: CompareOptions = { tolerance, mergeEvents: Boolean(opts.mergeEvents) };
  const report = compareRecords(input.facts, input.articles, input.diagnostics, compareOptions);
  const { kept, suppressed } = partitionSuppressed(input.facts, input.suppressions);
  const effective = suppressed.length ? compareRecords(kept, input.articles, [], compareOptions) : report;
  const extraDiagnostics = suppressionProblems(input.suppressions);
  const build = (baseline: Baseline | null, baselinePath: string | null) =>
    buildCheckReport({ report, effective, suppressions: input.suppressions, baseline, baselinePath, failOn: opts.failOn, maxFindings, extraDiagnostics });

  let baselinePath = opts.baseline ?? (fs.existsSync(DEFAULT_BASELINE) ? DEFAULT_BASELINE : null);
  if (opts.updateBaseline) {
    const target = opts.baseline ?? DEFAULT_BASELINE;
    if (hasErrors(input.diagnostics)) {
      reportDiagnostics(input, opts);
      // A baseline from a partly read corpus would forget the broken articles' disagreements.
      writeErr(`istanbul-talks: not updating ${target}: the corpus has errors; fix them first\n`);
      process.exitCode = EXIT.invalid;
      return;
    }
    const entries = baselineEntries(build(null, null));
    let before: Set<string> = new Set();
    try {
      before = new Set(readBaseline(target, opts.followSymlinks).entries.map((e) => e.fingerprint));
    } catch {
      // No usable baseline yet: every entry is new.
    }
    try {
      writeFileAtomic(target, serializeBaseline(entries));
    } catch (error) {
      if (error instanceof WriteRefused) throw new UsageError(`not updating the baseline: ${error.message}`);
      throw new UsageError(`cannot write baseline ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const now = new Set(entries.map((e) => e.fingerprint));
    const added = [...now].filter((f) => !before.has(f)).length;
    const removed = [...before].filter((f) => !now.has(f)).length;
    writeErr(`istanbul-talks: wrote ${now.size} baseline ${now.size === 1 ? 'entry' : 'entries'} to ${target} (${added} added, ${removed} removed)\n`);
    baselinePath = target;
  }
  const baseline = baselinePath !== null ? readBaseline(baselinePath, opts.followSymlinks) : null;
  const built = build(baseline, baselinePath);
  // --quiet drops what needs no attention: known and suppressed findings, stale baseline entries.
  const checked = opts.quiet ? { ...built, findings: built.findings.filter((f) => f.baseline === 'new' && !f.suppressed), stale: [] } : built;
  const render = await format.load();
  const options: RenderOptions = {
    color: resolveColor(opts.output ? false : opts.color),
    version: toolVersion(),
    ...widthOf(opts.output),
    ...(format.context ? { context: reportContext(input, tolerance), comparison: report } : {}),
  };
  await emit(render(checked, options), opts.output, outputMode(opts.format));
  if (opts.format === 'github') {
    const markdown = await CHECK_FORMATS.markdown.load();
    appendStepSummary(() => markdown(checked));
  }
  reportDiagnostics(checked, opts);
  process.exitCode = opts.updateBaseline ? EXIT.ok : checkExit(checked);
}
