/** `explain` output: per meeting, each value with its outlets, quotes and positions, then word diffs. */
import { Chalk } from 'chalk';
import type { DiffPart, ExplainReport } from '../compare/explain.js';
import { fitLines } from './grid.js';
import { safeJson, sanitizeInline, truncate } from './sanitize.js';

const clean = (s: string, max = 200) => truncate(sanitizeInline(s), max);

/** Word diff for people: removed words in red and struck through, added in green; without colour `[-old-]{+new+}`. */
export function renderDiff(parts: DiffPart[], color: 0 | 1 | 2 | 3): string {
  const chalk = new Chalk({ level: color });
  return parts
    .map((p) => {
      const text = clean(p.value, 400);
      if (p.removed) return color ? chalk.red.strikethrough(text) : `[-${text}-]`;
      if (p.added) return color ? chalk.green(text) : `{+${text}+}`;
      return text;
    })
    .join('');
}

export function renderExplainTable(report: ExplainReport, options: { color: 0 | 1 | 2 | 3; width?: number }): string {
  const chalk = new Chalk({ level: options.color });
  const out: string[] = [];
  if (report.explanations.length === 0) return `No outlet reports ${report.fact} for the selection.\n`;
  for (const e of report.explanations) {
    const head = [e.fact + (e.subject ? ` (${e.subject})` : ''), e.event ?? 'meeting unknown', e.status].join(' · ');
    out.push(chalk.bold(head));
    for (const v of e.values) {
      out.push(`  ${chalk.bold(clean(v.label, 60))}`);
      for (const ev of v.evidence) {
        out.push(`    ${chalk.cyan(clean(ev.outlet, 40))}: “${clean(ev.quote)}” ${chalk.dim(`${clean(ev.path, 120)}:${ev.line}:${ev.column}`)}`);
      }
    }
    if (e.silent.length) out.push(`  ${chalk.dim(`silent: ${e.silent.map((o) => clean(o, 40)).join(', ')}`)}`);
    for (const d of e.diffs) {
      out.push(`  ${chalk.dim(`${clean(d.from.outlet, 40)} → ${clean(d.to.outlet, 40)}:`)} ${renderDiff(d.parts, options.color)}`);
    }
    out.push('');
  }
  const text = out.join('\n');
  return options.width === undefined ? text : fitLines(text, options.width);
}

export function renderExplainJson(report: ExplainReport): string {
  return `${safeJson(report, 2)}\n`;
}
