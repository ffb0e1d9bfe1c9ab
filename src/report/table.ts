/**
 * Terminal tables for people. Rows are built as data, then laid out by grid.ts; colour comes from
 * an explicit Chalk instance (level 0 = none). Every corpus string is sanitised here, at output
 * time.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { CompareReport, Comparison, ReportFilter, Status } from '../compare/compare.js';
import type { ExtractResult } from '../run.js';
import type { Diagnostic } from '../types.js';
import { grid } from './grid.js';
import { sanitizeInline, truncate } from './sanitize.js';

export interface TableOptions {
  color: 0 | 1 | 2 | 3;
  evidence?: boolean;
}

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

function layout(head: string[], rows: string[][], caps: number[], chalk: ChalkInstance): string {
  return grid(head.map((h) => chalk.bold(h)), rows, widths([head, ...rows], caps));
}

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
    if (outlets.length <= GRID_MAX_OUTLETS) {
      const rows = comparisons.map((c) => [factName(c), STATUS_STYLE[c.status](chalk)(c.status), ...outlets.map((o) => outletCell(c, o, chalk))]);
      out.push(layout(['Fact', 'Status', ...outlets.map((o) => clean(o, 24))], rows, [30, 13, ...outlets.map(() => 22)], chalk));
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
      out.push(layout(['Fact', 'Status', 'Value', 'Outlets', 'Silent'], rows, [30, 13, 26, 40, 30], chalk));
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
  if (report.filter) out.push(filterLine(report, report.filter));
  const s = report.summary;
  out.push(
    `${plural(s.articles, 'article')} · ${plural(s.outlets, 'outlet')} · ${plural(s.events, 'meeting')} · ${plural(s.facts, 'fact')} — ` +
      `${chalk.green(`${s.agree} agree`)}, ${chalk.yellow(`${s.compatible} compatible`)}, ${chalk.red(`${s.conflict} conflict`)}, ${s.singleSource} single-source`,
  );
  return `${out.join('\n')}\n`;
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
  const table = layout(['Article', 'Event', 'Fact', 'Value', 'Quote', 'Where'], rows, [28, 10, 26, 22, 40, 8], chalk);
  return `${table}\n${result.facts.length} facts from ${result.articles.length} articles\n`;
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
  return `${layout(['Article', 'Outlet', 'Published', 'Event', 'Event from', 'Facts', 'Diagnostics'], cells, [40, 26, 25, 10, 12, 5, 11], chalk)}\n`;
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
