/**
 * The look of the HTML report: one palette (the only place a colour is written; the tests compute
 * WCAG contrast from it), a symbol per status so that the report also reads in grey and for
 * colour-blind readers, and the stylesheet built from both. System fonts only: nothing is loaded.
 */
import type { Status } from '../compare/compare.js';
import type { Standing } from '../compare/standing.js';

/** A text colour and the background it is drawn on. */
export interface Swatch {
  fg: string;
  bg: string;
}

export type Mark = Status | 'silent';

export const PALETTE = {
  page: { fg: '#1f2328', bg: '#ffffff' },
  muted: { fg: '#57606a', bg: '#ffffff' },
  panel: { fg: '#1f2328', bg: '#f6f8fa' },
  panelMuted: { fg: '#57606a', bg: '#f6f8fa' },
  link: { fg: '#0550ae', bg: '#ffffff' },
  highlight: { fg: '#1f2328', bg: '#fff8c5' },
  removed: { fg: '#82071e', bg: '#ffebe9' },
  added: { fg: '#116329', bg: '#dafbe1' },
  status: {
    agree: { fg: '#116329', bg: '#dafbe1' },
    compatible: { fg: '#7d4e00', bg: '#fff8c5' },
    conflict: { fg: '#a40e26', bg: '#ffebe9' },
    'single-source': { fg: '#424a53', bg: '#eaeef2' },
    silent: { fg: '#57606a', bg: '#ffffff' },
  } satisfies Record<Mark, Swatch>,
  /** Bars of the per-outlet chart, drawn on the page background (each also labelled in text). */
  standing: { majority: '#116329', outlier: '#a40e26', alone: '#424a53', silent: '#7d8590' } satisfies Record<Standing, string>,
  rule: '#d0d7de',
} as const;

/** The symbol shown with each status, wherever the status is shown. */
export const SYMBOL: Record<Mark, string> = {
  agree: '✓',
  compatible: '≈',
  conflict: '✗',
  'single-source': '●',
  silent: '○',
};

export const STANDING_LABEL: Record<Standing, string> = {
  majority: 'with the majority',
  outlier: 'outlier',
  alone: 'alone',
  silent: 'silent',
};

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif';
const MONO = 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace';

const swatch = (s: Swatch) => `color: ${s.fg}; background: ${s.bg};`;
const statusClass = (m: Mark) => `.st-${m}`;

/** The page's stylesheet: the exact text that goes in its one <style> element (and is hashed for the CSP). */
export function stylesheet(): string {
  const p = PALETTE;
  const marks = Object.entries(p.status) as Array<[Mark, Swatch]>;
  const bars = Object.entries(p.standing) as Array<[Standing, string]>;
  return [
    `*, *::before, *::after { box-sizing: border-box; }`,
    `[hidden] { display: none !important; }`,
    `html { -webkit-text-size-adjust: 100%; }`,
    `body { margin: 0; font: 15px/1.45 ${FONT}; ${swatch(p.page)} }`,
    `header, main, footer, .band { max-width: 1200px; margin: 0 auto; padding: 0 16px; }`,
    `h1 { font-size: 1.5rem; margin: 20px 0 4px; }`,
    `h2 { font-size: 1.2rem; margin: 28px 0 6px; }`,
    `h3 { font-size: 1rem; margin: 16px 0 4px; }`,
    `a { color: ${p.link.fg}; }`,
    `code, .where { font-family: ${MONO}; font-size: 0.85em; overflow-wrap: anywhere; }`,
    `.muted, .where, .meta { color: ${p.muted.fg}; }`,
    `.summary { margin: 0 0 8px; }`,
    `.legend { display: flex; flex-wrap: wrap; gap: 6px 14px; padding: 0; margin: 8px 0; list-style: none; }`,
    `.st { display: inline-block; padding: 0 6px; border-radius: 4px; white-space: nowrap; font-weight: 600; }`,
    ...marks.map(([m, s]) => `${statusClass(m)} { ${swatch(s)} }`),
    `.st-silent { font-weight: 400; }`,
    `.sym { display: inline-block; min-width: 1em; text-align: center; }`,
    `nav.timeline { overflow-x: auto; border-bottom: 1px solid ${p.rule}; }`,
    `nav.timeline svg { display: block; margin: 0 auto; }`,
    `.tl-line { stroke: ${p.rule}; stroke-width: 2; }`,
    `.tl-dot { fill: ${p.link.fg}; }`,
    `.tl-dot.none { fill: ${p.page.bg}; stroke: ${p.link.fg}; stroke-width: 2; }`,
    `.tl-date { font: 600 13px ${FONT}; fill: ${p.page.fg}; }`,
    `.tl-text { font: 12px ${FONT}; fill: ${p.muted.fg}; }`,
    `nav.timeline a:focus-visible .tl-date, nav.timeline a:hover .tl-date { fill: ${p.link.fg}; text-decoration: underline; }`,
    `form.filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; padding: 10px 16px; margin: 0 auto; max-width: 1200px; position: sticky; top: 0; z-index: 2; ${swatch(p.panel)} border-bottom: 1px solid ${p.rule}; }`,
    `form.filters label { display: flex; flex-direction: column; font-size: 0.85rem; color: ${p.panelMuted.fg}; }`,
    `form.filters select, form.filters button { font: inherit; font-size: 0.95rem; color: ${p.page.fg}; min-height: 32px; max-width: 260px; }`,
    `form.filters output { font-size: 0.9rem; color: ${p.panelMuted.fg}; }`,
    `.differences li { margin: 4px 0; }`,
    `section.meeting { content-visibility: auto; contain-intrinsic-size: auto 600px; }`,
    `section.outlets { content-visibility: auto; contain-intrinsic-size: auto 2000px; }`,
    `.scroll { overflow-x: auto; max-width: 100%; }`,
    `table { border-collapse: collapse; font-size: 0.92rem; }`,
    `th, td { border-bottom: 1px solid ${p.rule}; padding: 5px 8px; text-align: left; vertical-align: top; }`,
    `thead th { position: sticky; top: 0; background: ${p.page.bg}; font-weight: 600; }`,
    `table.grid tbody th { position: sticky; left: 0; background: ${p.page.bg}; font-weight: 600; white-space: nowrap; z-index: 1; }`,
    `table.grid thead th:first-child { left: 0; z-index: 2; }`,
    `tr.conflict > th { box-shadow: inset 4px 0 0 ${p.status.conflict.fg}; }`,
    `td.cell { min-width: 9em; }`,
    `button.v { font: inherit; color: ${p.link.fg}; background: none; border: 0; border-bottom: 1px dotted ${p.link.fg}; padding: 0; margin: 0 0 2px; text-align: left; cursor: pointer; }`,
    `button.v:hover, button.v:focus-visible { background: ${p.highlight.bg}; color: ${p.highlight.fg}; }`,
    `button.v.mine { font-weight: 700; }`,
    `.values li { margin: 2px 0; }`,
    `.values, .spellings { margin: 0; padding: 0; list-style: none; }`,
    `.count { color: ${p.muted.fg}; font-size: 0.85em; }`,
    `details summary { cursor: pointer; color: ${p.muted.fg}; }`,
    `.bar { display: block; width: 240px; height: 14px; }`,
    ...bars.map(([s, colour]) => `.bar-${s} { fill: ${colour}; }`),
    `.key { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }`,
    ...bars.map(([s, colour]) => `.key-${s} { background: ${colour}; }`),
    `aside.panel { position: fixed; top: 0; right: 0; bottom: 0; width: min(460px, 100%); overflow-y: auto; padding: 14px 18px 24px; z-index: 10; ${swatch(p.panel)} border-left: 1px solid ${p.rule}; box-shadow: -4px 0 16px rgba(31, 35, 40, 0.15); }`,
    `aside.panel:focus { outline: none; }`,
    `.panel-head { display: flex; justify-content: space-between; align-items: start; gap: 8px; }`,
    `.panel-head h2 { margin: 0; font-size: 1.05rem; }`,
    `#panel-close { font: inherit; font-size: 1.3rem; line-height: 1; background: none; border: 1px solid ${p.rule}; border-radius: 4px; padding: 2px 8px; cursor: pointer; color: ${p.page.fg}; }`,
    `blockquote { margin: 8px 0 2px; padding: 6px 10px; border-left: 3px solid ${p.rule}; background: ${p.page.bg}; overflow-wrap: anywhere; }`,
    `mark { ${swatch(p.highlight)} font-weight: 600; }`,
    `.cite { font-size: 0.85rem; margin: 0 0 10px; overflow-wrap: anywhere; color: ${p.panelMuted.fg}; }`,
    `del { ${swatch(p.removed)} }`,
    `ins { ${swatch(p.added)} text-decoration: none; }`,
    `.diff { overflow-wrap: anywhere; }`,
    `.check.fail { border-left: 6px solid ${p.status.conflict.fg}; padding-left: 10px; }`,
    `.check.pass { border-left: 6px solid ${p.status.agree.fg}; padding-left: 10px; }`,
    // A phone: each row of a table becomes a card, each cell a line labelled with its column.
    `@media (max-width: 640px) { body { font-size: 14px; } header, main, footer, .band { padding: 0 10px; } form.filters { padding: 8px 10px; position: static; } form.filters label { flex: 1 1 40%; } form.filters select { max-width: 100%; width: 100%; } aside.panel { top: auto; max-height: 75vh; border-left: 0; border-top: 1px solid ${p.rule}; } table.cards, table.cards tbody, table.cards tr, table.cards th, table.cards td { display: block; } table.cards thead { display: none; } table.cards tr { border-bottom: 1px solid ${p.rule}; padding: 6px 0; } table.cards th, table.cards td { border: 0; padding: 2px 0; min-width: 0; } table.cards tbody th { position: static; white-space: normal; } table.cards td.cell:empty { display: none; } table.cards td[data-label]::before { content: attr(data-label) ": "; color: ${p.muted.fg}; } tr.conflict > th { box-shadow: none; } tr.conflict { box-shadow: inset 4px 0 0 ${p.status.conflict.fg}; padding-left: 10px; } }`,
    `@media print { form.filters, aside.panel, .noprint { display: none !important; } body { font-size: 11pt; } section.meeting, section.outlets { content-visibility: visible; } .scroll { overflow: visible; } thead th, table.grid tbody th { position: static; } button.v { border: 0; color: ${p.page.fg}; padding: 0; } tr { break-inside: avoid; } h2 { break-after: avoid; } a { color: ${p.page.fg}; } }`,
  ].join('\n');
}
