/** `names` output: one row per outlet for each person or place, its spellings with counts. */
import { Chalk } from 'chalk';
import type { NamesReport } from '../names/names.js';
import { fitLines, grid, shrinkWidths } from './grid.js';
import { safeJson, sanitizeInline, truncate } from './sanitize.js';

const clean = (s: string, max = 60) => truncate(sanitizeInline(s), max);

export function renderNamesTable(report: NamesReport, options: { color: 0 | 1 | 2 | 3; width?: number }): string {
  const chalk = new Chalk({ level: options.color });
  if (report.names.length === 0) return 'No person or place is named by two or more outlets.\n';
  const rows: string[][] = [];
  for (const n of report.names) {
    const variants = n.spellings.length;
    n.outlets.forEach((o, i) => {
      rows.push([
        i === 0 ? `${clean(n.name, 40)}${variants > 1 ? chalk.yellow(` (${variants} spellings)`) : ''}` : '',
        i === 0 ? n.kind : '',
        clean(o.outlet, 40),
        o.spellings.map((s) => `${clean(s.text, 40)} ×${s.count}`).join(', '),
      ]);
    });
  }
  const widths = [34, 9, 26, 44];
  const fitted = options.width === undefined ? widths : (shrinkWidths(widths, options.width, 3) ?? widths);
  const table = `${grid(['Name', 'Kind', 'Outlet', 'Spellings'].map((h) => chalk.bold(h)), rows, fitted)}\n`;
  return options.width === undefined ? table : fitLines(table, options.width);
}

export function renderNamesJson(report: NamesReport): string {
  return `${safeJson(report, 2)}\n`;
}
