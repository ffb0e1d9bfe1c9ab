/**
 * Terminal tables for people. Rows are built as data, then laid out by grid.ts; colour comes from
 * an explicit Chalk instance (level 0 = none). Every corpus string is sanitised here, at output
 * time.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { CompareReport, Comparison, ReportFilter, Status } from '../compare/compare.js';
import type { ExtractResult } from '../run.js';
import type { Diagnostic } from '../types.js';
import { fitLines, grid, shrinkWidths, widestWord, wrapText } from './grid.js';
import { sanitizeInline, truncate } from './sanitize.js';

export interface TableOptions {
  color: 0 | 1 | 2 | 3;
  evidence?: boolean;
  /** Columns of the terminal: no line is wider. Unset: as wide as the content needs (pipes, files). */
  width?: number;
}

/** Narrowest a column may get before a compare grid gives way to the stacked layout. */
const MIN_COLUMN = 10;

/** Above this many outlets in one meeting the grid turns into a list (one row per value). */
const GRID_MAX_OUTLETS = 5;

const STATUS_STYLE: Record<Status, (c: ChalkInstance) => (s: string) => string> = {
  agree: (c) => c.green,
  compatible: (c) => c.yellow,
  conflict: (c) => c.red.bold,
  'single-source': (c) => c.dim,
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const clean = (s: string, max = 60) => truncate(sanitizeInline(s), max);

/** Column widths from the content, each capped, so long values wrap instead of widening the table. */
function widths(rows: string[][], caps: number[]): number[] {
  const visible = (s: string) => Math.max(...s.replace(/\x1b\[[0-9;]*m/g, '').split('\n').map((l) => [...l].length));
  return caps.map((cap, i) => Math.min(cap, Math.max(3, ...rows.map((r) => visible(r[i] ?? '')))) + 2);
}

/**
 * The grid, its columns narrowed (cells wrap) to fit `width`; null when that would take a column
 * under `min`.
 */
function layout(head: string[], rows: string[][], caps: number[], chalk: ChalkInstance, width?: number, min?: number): string | null {
  const natural = widths([head, ...rows], caps);
  // By default no column gets narrower than its widest word (capped): a cut word reads worse than the stacked layout.
  const mins = natural.map((w, i) => Math.min(w, Math.max(MIN_COLUMN, ...[head, ...rows].map((r) => Math.min(20, widestWord(r[i] ?? '')) + 2))));
  const fitted = width === undefined ? natural : shrinkWidths(natural, width, min ?? mins);
  return fitted && grid(head.map((h) => chalk.bold(h)), rows, fitted);
}

/** A table that must be shown whatever the width: narrowed as far as it goes (cells cut with …). */
function layoutAnyway(head: string[], rows: string[][], caps: number[], chalk: ChalkInstance, width?: number): string {
  return layout(head, rows, caps, chalk, width) ?? layout(head, rows, caps, chalk, width, 3) ?? (layout(head, rows, caps, chalk) as string);
}

/** One fact per block, one outlet per line: for a terminal too narrow for the grid. */
function stacked(comparisons: Comparison[], outlets: string[], chalk: ChalkInstance, width: number): string[] {
  const names = new Map(outlets.map((o) => [o, clean(o, 24)]));
  const pad = Math.min(Math.max(...[...names.values()].map((n) => [...n].length)), Math.floor(width / 3));
  const lines: string[] = [];
  for (const c of comparisons) {
    lines.push(`  ${chalk.bold(factName(c))} · ${STATUS_STYLE[c.status](chalk)(c.status)}`);
    for (const o of outlets) {
      const labels = c.values.filter((v) => v.outlets.includes(o)).map((v) => clean(v.label, 40));
      if (!labels.length) continue;
      const name = truncate(names.get(o) as string, pad);
      const room = Math.max(8, width - pad - 6);
      const text = wrapText(labels.join(', '), room);
      text.forEach((t, i) => lines.push(`    ${i === 0 ? name + ' '.repeat(Math.max(0, pad - [...name].length)) : ' '.repeat(pad)}  ${t}`));
    }
    if (c.silent.length) lines.push(`    ${chalk.dim(`— silent: ${c.silent.map((o) => clean(o, 24)).join(', ')}`)}`);
  }
  return lines;
}

/** What the cells and the meeting lines of a compare table mean, in one line. */
export const COMPARE_LEGEND =
  'Legend: "— silent" = the outlet has an article about this meeting that does not state the fact; blank = the outlet states facts of this meeting only in articles about another one; ' +
  '"N articles · N outlets" = the articles about the meeting, and the outlets with an article about it or a value for it.';

/** Text no wider than the terminal, when there is one. */
const fitted = (text: string, width: number | undefined) => (width === undefined ? text : fitLines(text, width));

function factName(c: { fact: string; subject: string | null }): string {
  return c.subject ? `${c.fact} (${c.subject})` : c.fact;
}

function eventTitle(id: string | null): string {
  if (id === null) return 'Meeting unknown (no date found)';
  if (id === 'all') return 'All meetings (merged)';
  return `Meeting ${id}`;
}

function outletCell(c: Comparison, outlet: string, chalk: ChalkInstance): string {
  const labels = c.values.filter((v) => v.outlets.includes(outlet)).map((v) => clean(v.label, 40));
  if (labels.length) return labels.join('\n');
  return c.silent.includes(outlet) ? chalk.dim('— silent') : '';
}

function evidenceLines(comparisons: Comparison[], chalk: ChalkInstance): string[] {
  const lines: string[] = [];
  for (const c of comparisons) {
    lines.push(`  ${chalk.bold(factName(c))} · ${STATUS_STYLE[c.status](chalk)(c.status)}`);
    for (const v of c.values) {
      for (const e of v.evidence) {
        lines.push(
          `    ${clean(v.label, 40)} — ${chalk.cyan(clean(e.outlet, 40))}: “${clean(e.quote, 160)}” ${chalk.dim(`${clean(e.path, 120)}:${e.line}:${e.column}`)}`,
        );
      }
    }
  }
  return lines;
}

const STATUS_PLURAL: Record<Status, string> = {
  agree: 'agreements',
  compatible: 'compatible values',
  conflict: 'conflicts',
  'single-source': 'single-source facts',
};

/** What a filtered report was filtered by, and what is left: "no conflicts among 39 facts". */
function filterLine(report: CompareReport, filter: ReportFilter): string {
  const by = [
    ...(filter.facts ? [`--fact ${filter.facts.join(',')}`] : []),
    ...(filter.outlets ? [`--outlet ${filter.outlets.map((o) => clean(o, 30)).join(',')}`] : []),
    ...(filter.events ? [`--event ${filter.events.join(',')}`] : []),
    ...(filter.statuses ? [`--status ${filter.statuses.join(',')}`] : []),
  ].join(' ');
  const what = filter.statuses ? filter.statuses.map((s) => STATUS_PLURAL[s]).join(' or ') : 'comparisons';
  const where = [
    ...(filter.outlets ? [`involving ${filter.outlets.map((o) => clean(o, 30)).join(' or ')}`] : []),
    ...(filter.events ? [`at ${filter.events.join(' or ')}`] : []),
  ].join(' ');
  const among = `among ${plural(filter.before.facts, 'fact')}${filter.facts ? ` of ${filter.facts.length === 1 ? 'that kind' : 'those kinds'}` : ''}`;
  if (report.comparisons.length === 0) return `Filtered (${by}): no ${what}${where ? ` ${where}` : ''} ${among}`;
  return `Filtered (${by}): ${report.comparisons.length} of ${plural(filter.before.comparisons, 'comparison')} shown, ${among}; the counts below are of what is shown`;
}

export function renderCompareTable(report: CompareReport, options: TableOptions): string {
  const chalk = new Chalk({ level: options.color });
  const out: string[] = [];
  let drawn = false;
  for (const event of report.events) {
    const comparisons = report.comparisons.filter((c) => c.event === event.id);
    if (comparisons.length === 0 && event.articles.length === 0) continue;
    const reporting = new Set(comparisons.flatMap((c) => c.values.flatMap((v) => v.outlets)));
    const outlets = [...new Set([...event.outlets, ...reporting])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const articleCount =
      event.articles.length === 0
        ? 'mentioned only in articles about other meetings'
        : `${event.articles.length} article${event.articles.length === 1 ? '' : 's'}`;
    out.push(chalk.bold(`${eventTitle(event.id)} · ${articleCount} · ${outlets.length} outlet${outlets.length === 1 ? '' : 's'}`));
    if (comparisons.length === 0) {
      out.push(chalk.dim(report.filter ? '  no comparison left by the filter' : '  no facts extracted'), '');
      continue;
    }
    drawn = true;
    const table =
      outlets.length <= GRID_MAX_OUTLETS
        ? layout(
            ['Fact', 'Status', ...outlets.map((o) => clean(o, 24))],
            comparisons.map((c) => [factName(c), STATUS_STYLE[c.status](chalk)(c.status), ...outlets.map((o) => outletCell(c, o, chalk))]),
            [30, 13, ...outlets.map(() => 22)],
            chalk,
            options.width,
          )
        : null;
    if (table !== null) {
      out.push(table);
    } else if (options.width !== undefined && outlets.length <= GRID_MAX_OUTLETS) {
      out.push(...stacked(comparisons, outlets, chalk, options.width));
    } else {
      const rows = comparisons.flatMap((c) =>
        c.values.map((v, i) => [
          i === 0 ? factName(c) : '',
          i === 0 ? STATUS_STYLE[c.status](chalk)(c.status) : '',
          clean(v.label, 40),
          v.outlets.map((o) => clean(o, 30)).join(', '),
          i === 0 ? chalk.dim(c.silent.map((o) => clean(o, 30)).join(', ')) : '',
        ]),
      );
      out.push(layoutAnyway(['Fact', 'Status', 'Value', 'Outlets', 'Silent'], rows, [30, 13, 26, 40, 30], chalk, options.width));
    }
    if (options.evidence) out.push(chalk.bold('  Evidence'), ...evidenceLines(comparisons, chalk));
    out.push('');
  }
  if (report.crossEvent.length) {
    out.push(chalk.bold('Differences between meetings'));
    for (const x of report.crossEvent) {
      const parts = x.values.map((v) => `${clean(v.label, 40)} at ${v.event} [${v.outlets.map((o) => clean(o, 30)).join(', ')}]`);
      out.push(`  ${factName(x)}: ${parts.join(' vs ')} ${chalk.dim('— different meetings')}`);
    }
    out.push('');
  }
  if (drawn) out.push(chalk.dim(COMPARE_LEGEND));
  if (report.filter) out.push(filterLine(report, report.filter));
  const s = report.summary;
  out.push(
    `${plural(s.articles, 'article')} · ${plural(s.outlets, 'outlet')} · ${plural(s.events, 'meeting')} · ${plural(s.facts, 'fact')} — ` +
      `${chalk.green(`${s.agree} agree`)}, ${chalk.yellow(`${s.compatible} compatible`)}, ${chalk.red(`${s.conflict} conflict`)}, ${s.singleSource} single-source`,
  );
  return fitted(`${out.join('\n')}\n`, options.width);
}

export function renderExtractTable(result: ExtractResult, options: TableOptions): string {
  const chalk = new Chalk({ level: options.color });
  const rows = result.facts.map((f) => [
    clean(f.article, 40),
    f.event ?? '?',
    factName(f),
    clean(f.label, 40),
    clean(f.evidence.quote, 120),
    `${f.evidence.line}:${f.evidence.column}`,
  ]);
  const table = layoutAnyway(['Article', 'Event', 'Fact', 'Value', 'Quote', 'Where'], rows, [28, 10, 26, 22, 40, 8], chalk, options.width);
  return fitted(`${table}\n${result.facts.length} facts from ${result.articles.length} articles\n`, options.width);
}

export interface SourceRow {
  id: string;
  path: string;
  outlet: string;
  published: string;
  event: string | null;
  /** How the event was found (front-matter, stated, ordinal, published). */
  eventSource: string | null;
  facts: number;
  diagnostics: number;
}

export function renderSourcesTable(rows: SourceRow[], options: TableOptions): string {
  const chalk = new Chalk({ level: options.color });
  const cells = rows.map((r) => [
    clean(r.id, 60),
    clean(r.outlet, 40),
    clean(r.published, 25),
    r.event ?? chalk.yellow('unknown'),
    r.eventSource ?? '—',
    String(r.facts),
    r.diagnostics ? chalk.yellow(String(r.diagnostics)) : '0',
  ]);
  return fitted(`${layoutAnyway(['Article', 'Outlet', 'Published', 'Event', 'Event from', 'Facts', 'Diagnostics'], cells, [40, 26, 25, 10, 12, 5, 11], chalk, options.width)}\n`, options.width);
}

/** `path:line:column: severity message [CODE]`, one per line, for stderr. */
export function renderDiagnostics(diagnostics: Diagnostic[], color: TableOptions['color']): string {
  const chalk = new Chalk({ level: color });
  return diagnostics
    .map((d) => {
      const sev = d.severity === 'error' ? chalk.red('error') : chalk.yellow('warning');
      return `${clean(d.path, 200)}:${d.line}:${d.column}: ${sev} ${sanitizeInline(d.message)} [${d.code}]\n`;
    })
    .join('');
}
