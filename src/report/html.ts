/**
 * `--format html`: one self-contained page for people who will never run a terminal. A header with
 * the corpus summary and the statuses legend, a timeline of the meetings, per meeting the grid of
 * facts × outlets (conflicts first; a value opens its quotes in context), the differences between
 * meetings in words, per outlet how often it stands with the others and its own spellings, and
 * filters that work without a server.
 *
 * Self-contained and inert: inline CSS and script (html-style.ts, html-script.ts) allowed by a
 * Content-Security-Policy that names their sha256, computed here over the exact bytes; no other
 * script, style, image, font or connection is allowed. Everything from the corpus is text: escaped
 * with htmlText in the markup, sanitised strings in the JSON data block that the script reads and
 * puts in the page with textContent. Only http(s) URLs become links. Same input, same bytes.
 */
import { createHash } from 'node:crypto';
import type { CheckReport, Finding } from '../check/findings.js';
import type { CompareReport, Comparison, EventInfo, Status, ValueGroup } from '../compare/compare.js';
import { quoteDiffs } from '../compare/explain.js';
import { outletStandings, STANDINGS } from '../compare/standing.js';
import { byString } from '../canonical.js';
import type { QuoteContext } from '../corpus/quote-context.js';
import type { CorpusContext } from '../run.js';
import type { ArticleSummary, Diagnostic } from '../types.js';
import { SCRIPT } from './html-script.js';
import { STANDING_LABEL, SYMBOL, stylesheet, type Mark } from './html-style.js';
import { standingBar, timelineSvg, type TimelineItem } from './html-svg.js';
import { htmlText as t, httpUrl, sanitizeInline, scriptJson } from './sanitize.js';

/** What the HTML report needs besides the report: the articles, and what was read from their text. */
export interface ReportContext {
  articles: readonly ArticleSummary[];
  /** The sentence around each quote and the outlets' spellings; null when the records carry no text (--from-facts). */
  corpus: CorpusContext | null;
  /** The tolerance the comparison used (for the outlets' standings). */
  tolerance: number;
  /** The tool's version, for the page's footer. */
  version?: string;
}

/** Above this many outlets a meeting's grid lists values with their outlets instead of a column per outlet. */
export const GRID_MAX_OUTLETS = 8;
/** Quotes kept per value and outlet in the page's data (the rest are counted). */
export const QUOTES_PER_OUTLET = 3;
/** Diagnostics listed in the page (the rest are counted). */
const MAX_DIAGNOSTICS = 500;

const STATUS_ORDER: Record<Status, number> = { conflict: 0, compatible: 1, agree: 2, 'single-source': 3 };
const STATUS_MEANING: Record<Mark, string> = {
  conflict: 'values that cannot all be true',
  compatible: 'values that differ in precision but can all be true',
  agree: 'two or more outlets, the same value',
  'single-source': 'only one outlet reports it',
  silent: 'the outlet covers the meeting but does not report the fact',
};

const plural = (n: number, word: string, many = `${word}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;
const factName = (c: { fact: string; subject: string | null }) => (c.subject ? `${c.fact} (${c.subject})` : c.fact);
const eventKey = (id: string | null) => id ?? 'unknown';
const anchorOf = (id: string | null) => `meeting-${eventKey(id)}`;
const eventTitle = (id: string | null) => (id === null ? 'Meeting unknown (no date found)' : id === 'all' ? 'All meetings (merged)' : `Meeting ${id}`);
const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function mark(m: Mark): string {
  return `<span class="st st-${m}"><span class="sym" aria-hidden="true">${SYMBOL[m]}</span> ${m}</span>`;
}

/** "A, B, C and 4 more", escaped. */
function outletList(outlets: readonly string[], max = 8): string {
  const shown = outlets.slice(0, max).map(t).join(', ');
  return outlets.length > max ? `${shown} and ${outlets.length - max} more` : shown;
}

// --- The data the script reads ---------------------------------------------------------------------

type QuoteRow = [article: number, outlet: number, line: number, column: number, before: string, quote: string, after: string];

interface ValueData {
  l: string;
  o: number[];
  q: QuoteRow[];
  /** Every quote of the value, shown or not. */
  n: number;
  /** Per outlet index: its quotes left out of `q`. */
  m: Record<number, number>;
}

interface ComparisonData {
  /** Title: the fact (and subject). */
  t: string;
  /** The meeting, in words. */
  e: string;
  s: Status;
  /** `explain` arguments that list every quote. */
  x: string;
  v: ValueData[];
  /** Word diffs: from, to, parts ('-' removed, '+' added, '=' same). */
  d: Array<[string, string, Array<['-' | '+' | '=', string]>]>;
}

interface PageData {
  sym: Record<Mark, string>;
  o: string[];
  a: Array<[title: string, url: string | null, path: string, published: string]>;
  c: ComparisonData[];
  /** Whether quotes come with their sentence. */
  ctx: boolean;
}

/** Everything the page shows, indexed once: outlets, articles, quotes in context. */
interface Indexes {
  /** Every outlet of the report, sorted: an outlet's number in the page is its place here. */
  outlets: string[];
  outlet(name: string): number;
  /** The article's number in the page's data, adding its row the first time. */
  article(id: string, path: string): number;
  articleRows: PageData['a'];
  context(article: string, line: number, column: number): QuoteContext | undefined;
}

function indexes(report: CompareReport, context: ReportContext): Indexes {
  const names = new Set<string>();
  for (const e of report.events) for (const o of e.outlets) names.add(o);
  for (const c of report.comparisons) {
    for (const v of c.values) for (const o of v.outlets) names.add(o);
    for (const o of c.silent) names.add(o);
  }
  const outlets = [...names].sort(byString);
  const outletIndex = new Map(outlets.map((o, i) => [o, i]));
  const summaries = new Map(context.articles.map((a) => [a.id, a]));
  const quoteKey = (article: string, line: number, column: number) => `${article}\u0000${line}\u0000${column}`;
  const quotes = context.corpus ? new Map(context.corpus.quotes.map((q) => [quoteKey(q.article, q.line, q.column), q])) : null;
  const articleIndex = new Map<string, number>();
  const articleRows: PageData['a'] = [];
  return {
    outlets,
    outlet: (name) => outletIndex.get(name) ?? -1,
    article: (id, path) => {
      let index = articleIndex.get(id);
      if (index === undefined) {
        const a = summaries.get(id);
        index = articleRows.length;
        articleIndex.set(id, index);
        articleRows.push([sanitizeInline(a?.title ?? id), httpUrl(a?.url), sanitizeInline(a?.path ?? path), sanitizeInline(a?.published ?? '')]);
      }
      return index;
    },
    articleRows,
    context: (article, line, column) => quotes?.get(quoteKey(article, line, column)),
  };
}

function explainArgs(c: Comparison): string {
  return [c.fact, ...(c.subject ? ['--subject', c.subject] : []), ...(c.event && c.event !== 'all' ? ['--event', c.event] : [])].join(' ');
}

function valueData(v: ValueGroup, ix: Indexes): ValueData {
  const perOutlet = new Map<string, number>();
  const q: QuoteRow[] = [];
  const m: Record<number, number> = {};
  for (const e of v.evidence) {
    const seen = perOutlet.get(e.outlet) ?? 0;
    perOutlet.set(e.outlet, seen + 1);
    const o = ix.outlet(e.outlet);
    if (seen >= QUOTES_PER_OUTLET) {
      m[o] = (m[o] ?? 0) + 1;
      continue;
    }
    const around = ix.context(e.article, e.line, e.column);
    q.push([ix.article(e.article, e.path), o, e.line, e.column, sanitizeInline(around?.before ?? ''), sanitizeInline(e.quote), sanitizeInline(around?.after ?? '')]);
  }
  return { l: sanitizeInline(v.label), o: v.outlets.map((o) => ix.outlet(o)), q, n: v.evidence.length, m };
}

function comparisonData(c: Comparison, ix: Indexes): ComparisonData {
  return {
    t: sanitizeInline(factName(c)),
    e: eventTitle(c.event),
    s: c.status,
    x: sanitizeInline(explainArgs(c)),
    v: c.values.map((v) => valueData(v, ix)),
    d: quoteDiffs(c).map((d) => [
      sanitizeInline(`${d.from.outlet} (${d.from.label})`),
      sanitizeInline(`${d.to.outlet} (${d.to.label})`),
      d.parts.map((p) => [p.removed ? '-' : p.added ? '+' : '=', sanitizeInline(p.value)]),
    ]),
  };
}

// --- Sections ----------------------------------------------------------------------------------------

function legend(report: CompareReport): string {
  const s = report.summary;
  const counts: Record<Mark, number | null> = { conflict: s.conflict, compatible: s.compatible, agree: s.agree, 'single-source': s.singleSource, silent: null };
  const items = (Object.keys(counts) as Mark[]).map(
    (m) => `<li>${mark(m)}${counts[m] === null ? '' : ` <strong>${counts[m]}</strong>`} <span class="muted">${STATUS_MEANING[m]}</span></li>`,
  );
  return `<ul class="legend" aria-label="Statuses">${items.join('')}</ul>`;
}

function meetingOutlets(event: EventInfo, comparisons: readonly Comparison[]): string[] {
  const names = new Set(event.outlets);
  for (const c of comparisons) for (const v of c.values) for (const o of v.outlets) names.add(o);
  return [...names].sort(byString);
}

function venueOf(comparisons: readonly Comparison[]): string {
  const venue = comparisons.find((c) => c.fact === 'venue');
  if (!venue) return 'venue not reported';
  return venue.values.map((v) => v.label).join(' / ');
}

function timeline(report: CompareReport, byEvent: Map<string | null, Comparison[]>): string {
  const items: TimelineItem[] = [];
  for (const e of report.events) {
    if (e.id === null) continue;
    const comparisons = byEvent.get(e.id) ?? [];
    if (comparisons.length === 0 && e.articles.length === 0) continue;
    const outlets = meetingOutlets(e, comparisons).length;
    const venue = sanitizeInline(venueOf(comparisons));
    items.push({
      anchor: t(anchorOf(e.id)),
      date: t(e.id),
      venue: t(venue),
      venueShort: t(venue.length > 30 ? `${[...venue].slice(0, 29).join('')}…` : venue),
      counts: `${plural(e.articles.length, 'article')} · ${plural(outlets, 'outlet')}`,
      articles: e.articles.length,
    });
  }
  if (items.length === 0) return '';
  return `<nav class="timeline band" aria-label="Meetings">${timelineSvg(items, 'Timeline of the meetings: date, venue as reported, articles and outlets')}</nav>`;
}

function statusCell(status: Status): string {
  return `<td>${mark(status)}</td>`;
}

function valueButton(ci: number, vi: number, label: string, outlets?: readonly number[]): string {
  const os = outlets ? ` data-os="${outlets.join(' ')}"` : '';
  return `<button type="button" class="v" data-c="${ci}" data-v="${vi}"${os} aria-controls="panel" aria-expanded="false">${t(label)}</button>`;
}

function meetingSection(event: EventInfo, comparisons: ReadonlyArray<{ c: Comparison; index: number }>, ix: Indexes): string {
  const outlets = meetingOutlets(event, comparisons.map((x) => x.c));
  const articles = event.articles.length === 0 ? 'mentioned only in articles about other meetings' : plural(event.articles.length, 'article');
  const key = t(eventKey(event.id));
  const head = [
    `<section class="meeting band" id="${t(anchorOf(event.id))}" data-event="${key}" aria-labelledby="h-${key}">`,
    `<h2 id="h-${key}">${t(eventTitle(event.id))}</h2>`,
    `<p class="meta">${articles} · ${plural(outlets.length, 'outlet')} · ${t(venueOf(comparisons.map((x) => x.c)))}</p>`,
  ];
  if (comparisons.length === 0) return `${head.join('\n')}\n<p class="muted">No facts extracted.</p>\n</section>`;
  const rows = [...comparisons].sort((a, b) => STATUS_ORDER[a.c.status] - STATUS_ORDER[b.c.status] || a.index - b.index);
  const grid = outlets.length <= GRID_MAX_OUTLETS;
  const lines: string[] = [];
  if (grid) {
    lines.push(
      `<table class="grid cards"><thead><tr><th scope="col">Fact</th><th scope="col">Status</th>${outlets.map((o) => `<th scope="col" data-o="${ix.outlet(o)}">${t(o)}</th>`).join('')}</tr></thead><tbody>`,
    );
  } else {
    lines.push(`<table class="grid cards"><thead><tr><th scope="col">Fact</th><th scope="col">Status</th><th scope="col">Values, with the outlets that report them</th><th scope="col">Silent</th></tr></thead><tbody>`);
  }
  for (const { c, index } of rows) {
    const involved = [...new Set([...c.values.flatMap((v) => v.outlets), ...c.silent])].map((o) => ix.outlet(o)).sort((a, b) => a - b);
    const cells: string[] = [];
    if (grid) {
      for (const o of outlets) {
        const values = c.values.map((v, vi) => ({ v, vi })).filter(({ v }) => v.outlets.includes(o));
        const content = values.length
          ? values.map(({ v, vi }) => valueButton(index, vi, v.label)).join('<br>')
          : c.silent.includes(o)
            ? mark('silent')
            : '';
        cells.push(`<td class="cell" data-o="${ix.outlet(o)}" data-label="${t(o)}">${content}</td>`);
      }
    } else {
      const values = c.values.map((v, vi) => {
        const button = valueButton(index, vi, v.label, v.outlets.map((o) => ix.outlet(o)));
        return `<li>${button} <span class="count">${plural(v.outlets.length, 'outlet')}: ${outletList(v.outlets)}</span></li>`;
      });
      cells.push(`<td><ul class="values">${values.join('')}</ul></td>`);
      cells.push(
        c.silent.length === 0
          ? '<td></td>'
          : `<td><details><summary>${mark('silent')} ${c.silent.length}</summary>${outletList(c.silent, c.silent.length)}</details></td>`,
      );
    }
    lines.push(
      `<tr${c.status === 'conflict' ? ' class="conflict"' : ''} data-fact="${t(c.fact)}" data-status="${c.status}" data-os="${involved.join(' ')}"><th scope="row">${t(factName(c))}</th>${statusCell(c.status)}${cells.join('')}</tr>`,
    );
  }
  lines.push('</tbody></table>');
  return `${head.join('\n')}\n<div class="scroll">${lines.join('\n')}</div>\n</section>`;
}

function differences(report: CompareReport): string {
  const items = report.crossEvent.map((x) => {
    const parts = x.values.map(
      (v) => `${t(v.label)} at the <a href="#${t(anchorOf(v.event))}">${t(v.event)}</a> meeting (${outletList(v.outlets, 6)})`,
    );
    return `<li><strong>${t(factName(x))}</strong>: ${parts.join('; ')} — different meetings, not a contradiction.</li>`;
  });
  const body = items.length ? `<ul class="differences">${items.join('')}</ul>` : '<p class="muted">No fact differs between meetings.</p>';
  return `<section class="band" id="differences" aria-labelledby="h-differences"><h2 id="h-differences">Differences between meetings</h2>\n${body}\n</section>`;
}

function outletsSection(report: CompareReport, context: ReportContext, ix: Indexes): string {
  const standings = new Map(outletStandings(report, context.tolerance).map((s) => [s.outlet, s]));
  const articles = new Map<string, number>();
  for (const a of context.articles) articles.set(a.outlet, (articles.get(a.outlet) ?? 0) + 1);
  const spellings = new Map<string, string[]>();
  for (const n of context.corpus?.names.names ?? []) {
    if (n.spellings.length < 2) continue;
    for (const o of n.outlets) {
      const list = spellings.get(o.outlet) ?? [];
      list.push(`<li>${t(n.name)}: ${o.spellings.map((s) => `${t(s.text)} ×${s.count}`).join(', ')}</li>`);
      spellings.set(o.outlet, list);
    }
  }
  const keys = STANDINGS.map((s) => `<li><span class="key key-${s}" aria-hidden="true"></span>${STANDING_LABEL[s]}</li>`).join('');
  const rows = ix.outlets.map((o, i) => {
    const s = standings.get(o) ?? { outlet: o, majority: 0, outlier: 0, alone: 0, silent: 0 };
    const words = STANDINGS.map((k) => `${s[k]} ${STANDING_LABEL[k]}`).join(' · ');
    const names = spellings.get(o);
    const spelled = names ? `<ul class="spellings">${names.join('')}</ul>` : context.corpus ? '<span class="muted">—</span>' : '';
    return `<tr data-o="${i}"><th scope="row">${t(o)}</th><td data-label="Articles">${articles.get(o) ?? 0}</td><td>${standingBar(s)}<span class="count">${words}</span></td><td>${spelled}</td></tr>`;
  });
  const note = context.corpus
    ? 'Spellings: how the outlet writes the people and places that outlets spell differently.'
    : 'Spellings are not available: fact records read with --from-facts carry no article text.';
  return [
    `<section class="outlets band" id="outlets" aria-labelledby="h-outlets"><h2 id="h-outlets">Outlets</h2>`,
    `<p>How often each outlet is with the majority, an outlier (its value contradicts one that at least as many outlets report), alone (the only outlet reporting the fact) or silent (it covers the meeting but does not report the fact). ${note}</p>`,
    `<ul class="legend">${keys}</ul>`,
    `<div class="scroll"><table class="cards"><thead><tr><th scope="col">Outlet</th><th scope="col">Articles</th><th scope="col">Standing</th><th scope="col">Spellings</th></tr></thead><tbody>`,
    rows.join('\n'),
    '</tbody></table></div>\n</section>',
  ].join('\n');
}

function diagnosticsSection(diagnostics: readonly Diagnostic[]): string {
  if (diagnostics.length === 0) return '';
  const items = diagnostics
    .slice(0, MAX_DIAGNOSTICS)
    .map((d) => `<li><span class="where">${t(d.path)}:${d.line}:${d.column}</span> ${d.severity === 'error' ? '<strong>error</strong>' : 'warning'} ${t(d.message)} <code>${t(d.code)}</code></li>`);
  const more = diagnostics.length > MAX_DIAGNOSTICS ? `<p class="muted">and ${diagnostics.length - MAX_DIAGNOSTICS} more (the command prints them all on stderr)</p>` : '';
  return `<section class="band" id="diagnostics" aria-labelledby="h-diagnostics"><h2 id="h-diagnostics">Problems in the corpus</h2>\n<ul>${items.join('\n')}</ul>${more}\n</section>`;
}

function filters(report: CompareReport, ix: Indexes): string {
  const option = (value: string, label: string) => `<option value="${t(value)}">${t(label)}</option>`;
  const meetings = report.events.map((e) => option(eventKey(e.id), e.id ?? 'unknown'));
  const facts = [...new Set(report.comparisons.map((c) => c.fact))].map((f) => option(f, f));
  const statuses = (Object.keys(STATUS_ORDER) as Status[]).map((s) => option(s, `${SYMBOL[s]} ${s}`));
  const outlets = ix.outlets.map((o, i) => option(String(i), o));
  return [
    `<form class="filters" id="filters" hidden aria-label="Filters">`,
    `<label>Meeting <select name="meeting"><option value="">all meetings</option>${meetings.join('')}</select></label>`,
    `<label>Fact <select name="fact"><option value="">all facts</option>${facts.join('')}</select></label>`,
    `<label>Status <select name="status"><option value="">all statuses</option>${statuses.join('')}</select></label>`,
    `<label>Outlet <select name="outlet"><option value="">all outlets</option>${outlets.join('')}</select></label>`,
    `<button type="reset">Show all</button> <output id="shown" aria-live="polite"></output>`,
    `</form>`,
  ].join('\n');
}

const PANEL = [
  `<aside class="panel" id="panel" hidden tabindex="-1" role="dialog" aria-labelledby="panel-title">`,
  `<div class="panel-head"><h2 id="panel-title">Quotes</h2><button type="button" id="panel-close" aria-label="Close the quotes">×</button></div>`,
  `<div id="panel-body"></div>`,
  `</aside>`,
].join('\n');

/** The comparison's part of the page: timeline, filters, meetings, differences, outlets, problems; and its data. */
function comparisonParts(report: CompareReport, context: ReportContext): { top: string; body: string; data: PageData } {
  const ix = indexes(report, context);
  const byEvent = new Map<string | null, Array<{ c: Comparison; index: number }>>();
  report.comparisons.forEach((c, index) => {
    const list = byEvent.get(c.event) ?? [];
    list.push({ c, index });
    byEvent.set(c.event, list);
  });
  const sections: string[] = [];
  for (const e of report.events) {
    const comparisons = byEvent.get(e.id) ?? [];
    if (comparisons.length === 0 && e.articles.length === 0) continue;
    sections.push(meetingSection(e, comparisons, ix));
  }
  const plain = new Map([...byEvent].map(([k, v]) => [k, v.map((x) => x.c)]));
  const c = report.comparisons.map((x) => comparisonData(x, ix));
  const data: PageData = { sym: SYMBOL, o: ix.outlets.map(sanitizeInline), a: ix.articleRows, c, ctx: context.corpus !== null };
  const body = [
    sections.length ? sections.join('\n') : '<section class="band"><p class="muted">No meeting matches the selection.</p></section>',
    differences(report),
    outletsSection(report, context, ix),
    diagnosticsSection(report.diagnostics),
  ].join('\n');
  return { top: `${timeline(report, plain)}\n${filters(report, ix)}`, body, data };
}

function summaryLine(s: CompareReport['summary']): string {
  return `${plural(s.articles, 'article')} · ${plural(s.outlets, 'outlet')} · ${plural(s.events, 'meeting')} · ${plural(s.facts, 'fact')}`;
}

/** The page around its parts, with the CSP naming the hashes of its one style and one script. */
function page(title: string, header: string, top: string, body: string, data: PageData, version: string | undefined): string {
  const style = stylesheet();
  const csp = [
    "default-src 'none'",
    `style-src ${hash(style)}`,
    `script-src ${hash(SCRIPT)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<meta name="color-scheme" content="light">`,
    `<title>${t(title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    `<header>\n${header}\n</header>`,
    top,
    `<main>\n${body}\n</main>`,
    `<footer><p class="muted">Made by istanbul-talks${version ? ` ${t(version)}` : ''}. Values are extracted automatically: open a value to read the quote behind it.</p></footer>`,
    PANEL,
    `<script type="application/json" id="report-data">${scriptJson(data)}</script>`,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function renderCompareHtml(report: CompareReport, context: ReportContext): string {
  const { top, body, data } = comparisonParts(report, context);
  const header = [`<h1>What the outlets report</h1>`, `<p class="summary">${summaryLine(report.summary)}</p>`, legend(report)].join('\n');
  return page('istanbul-talks: compare', header, top, body, data, context.version);
}

function findingRow(f: Finding): string {
  const values = f.values.map((v) => `${t(v.label)} <span class="count">(${outletList(v.outlets, 6)})</span>`).join('<br>');
  const state = [f.baseline === 'known' ? 'in the baseline' : 'new', ...(f.suppressed ? ['suppressed inline'] : [])].join(', ');
  const level = f.failing ? '<strong>fails</strong>' : f.level === 'warning' ? 'warning' : 'note';
  return `<tr><td>${t(f.event ?? 'unknown')}</td><th scope="row">${t(factName(f))}</th><td>${mark(f.status)}</td><td>${state}</td><td>${level}</td><td>${values}</td></tr>`;
}

export function renderCheckHtml(check: CheckReport, comparison: CompareReport, context: ReportContext): string {
  const { top, body, data } = comparisonParts(comparison, context);
  const s = check.summary;
  const failed = s.errors > 0 || s.failing > check.maxFindings;
  const verdict = s.errors > 0 ? 'fails: the corpus has errors' : failed ? 'fails' : 'passes';
  const findings = check.findings.length
    ? `<div class="scroll"><table><thead><tr><th scope="col">Meeting</th><th scope="col">Fact</th><th scope="col">Status</th><th scope="col">Baseline</th><th scope="col">Result</th><th scope="col">Values</th></tr></thead><tbody>${check.findings.map(findingRow).join('\n')}</tbody></table></div>`
    : '<p class="muted">No disagreement.</p>';
  const header = [
    `<h1>Corpus check ${verdict}</h1>`,
    `<p class="summary">${summaryLine(comparison.summary)}</p>`,
    `<section class="check ${failed ? 'fail' : 'pass'}" aria-label="Check result">`,
    `<p>${plural(s.failing, 'disagreement')} ${s.failing === 1 ? 'fails' : 'fail'} (--fail-on ${check.failOn}, at most ${check.maxFindings} allowed) · ${s.new} new · ${s.known} in the baseline · ${s.suppressed} suppressed · ${plural(s.stale, 'stale baseline entry', 'stale baseline entries')} · ${plural(s.errors, 'error')} · ${plural(s.warnings, 'warning')}</p>`,
    findings,
    '</section>',
    legend(comparison),
  ].join('\n');
  return page('istanbul-talks: check', header, top, body, data, context.version);
}
