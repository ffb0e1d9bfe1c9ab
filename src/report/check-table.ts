/**
 * `check` for people on a terminal: failing disagreements in full (each value, its outlets and
 * where it is said), the others one line each (new below --fail-on, known, suppressed), stale
 * baseline entries, a closing count. A passing run prints little.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { CheckReport, Finding } from '../check/findings.js';
import { checkSummaryLine, factName, findingMessage, findingState, meetingName, staleMessage } from '../check/messages.js';
import { fitLines } from './grid.js';
import { sanitizeInline, truncate } from './sanitize.js';

export interface CheckTableOptions {
  color: 0 | 1 | 2 | 3;
  /** The terminal's columns: longer lines are wrapped. */
  width?: number;
}

const clean = (s: string, max = 80) => truncate(sanitizeInline(s), max);

function heading(f: Finding, chalk: ChalkInstance): string {
  const status = f.status === 'conflict' ? chalk.red.bold(f.status) : chalk.yellow(f.status);
  return `${chalk.red('✖')} ${status} ${chalk.bold(clean(factName(f)))} at ${meetingName(f.event)} ${chalk.dim(`[${f.code}] ${findingState(f)}`)}`;
}

function details(f: Finding, chalk: ChalkInstance): string[] {
  const lines: string[] = [];
  for (const v of f.values) {
    lines.push(`    ${chalk.bold(clean(v.label, 60))} — ${v.outlets.map((o) => chalk.cyan(clean(o, 40))).join(', ')}`);
    for (const e of v.evidence) lines.push(`      ${chalk.dim(`${clean(e.path, 120)}:${e.line}:${e.column}`)} “${clean(e.quote, 120)}”`);
  }
  if (f.silent.length) lines.push(`    ${chalk.dim(`silent: ${f.silent.map((o) => clean(o, 40)).join(', ')}`)}`);
  lines.push(`    ${chalk.dim(`fingerprint ${f.fingerprint}`)}`);
  return lines;
}

export function renderCheckTable(report: CheckReport, options: CheckTableOptions): string {
  const chalk = new Chalk({ level: options.color });
  const out: string[] = [];
  // Only what fails is shown in full; a passing run stays short.
  const loud = report.findings.filter((f) => f.level === 'error');
  const quiet = report.findings.filter((f) => f.level !== 'error');
  for (const f of loud) out.push(heading(f, chalk), ...details(f, chalk), '');
  if (quiet.length) {
    out.push(chalk.dim('Not failing:'));
    for (const f of quiet) out.push(`  ${chalk.dim(`${findingState(f)} ·`)} ${clean(findingMessage(f), 200)}`);
    out.push('');
  }
  if (report.stale.length) {
    out.push(chalk.yellow('Stale baseline entries (run check --update-baseline to drop them):'));
    for (const e of report.stale) out.push(`  ${clean(staleMessage(e), 200)} ${chalk.dim(e.fingerprint.slice(0, 12))}`);
    out.push('');
  }
  const s = report.summary;
  const failed = s.failing > report.maxFindings || s.errors > 0;
  const line = `${checkSummaryLine(s, report.baseline.path !== null)} (fail on ${report.failOn})`;
  out.push(failed ? chalk.red(`✖ ${line}`) : chalk.green(`✔ ${line}`));
  const text = `${out.join('\n')}\n`;
  return options.width === undefined ? text : fitLines(text, options.width);
}
