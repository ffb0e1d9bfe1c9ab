/**
 * The output formats of each command, by name: this table feeds `--format` (choices and help) and
 * the CLI's dispatch. Renderers are pure `(report, options) => Rendered` and load only when used,
 * so importing this table costs nothing at start-up.
 */
import type { CheckReport, FailOn } from '../check/findings.js';
import type { CompareReport } from '../compare/compare.js';
import type { ExtractResult } from '../run.js';
import type { ReportContext } from './html.js';

export interface RenderOptions {
  color: 0 | 1 | 2 | 3;
  /** compare: show the quote and file:line:column behind each value. */
  evidence?: boolean;
  /** compare github|sarif: which findings are errors (they fail the run). */
  failOn?: FailOn;
  /** The tool's version, for formats that record it (sarif, html). */
  version?: string;
  /** For formats with `context` (html): the articles and what was read from their text. */
  context?: ReportContext;
  /** check html: the comparison the findings come from (the page shows it whole). */
  comparison?: CompareReport;
  /** Tables: the terminal's columns, which no line may exceed (unset: no limit). */
  width?: number;
}

/**
 * A rendered result: one string, or pieces written one after another as they are produced, so
 * that a document of tens of megabytes never has to exist whole (see json.ts).
 */
export type Rendered = string | Iterable<string>;

export type Renderer<R> = (report: R, options: RenderOptions) => Rendered;

export interface Format<R> {
  description: string;
  load: () => Promise<Renderer<R>>;
  /** The renderer needs RenderOptions.context: the command keeps each quote's sentence and the names while extracting. */
  context?: boolean;
}

const HTML_DESCRIPTION = 'one self-contained HTML page: grids, quotes in context, filters';
/** When a caller gives no context: no article text, the default tolerance. */
const NO_CONTEXT: ReportContext = { articles: [], corpus: null, tolerance: 0.1 };

const asFindings = async () => (await import('../check/findings.js')).findingsOfComparison;

export const COMPARE_FORMATS = {
  table: { description: 'tables for a terminal', load: async () => (await import('./table.js')).renderCompareTable },
  json: { description: 'one JSON document (schema/compare.schema.json)', load: async () => (await import('./json.js')).renderCompareJson },
  ndjson: { description: 'one JSON record per line', load: async () => (await import('./ndjson.js')).renderCompareNdjson },
  markdown: {
    description: 'Markdown tables, for pull-request comments',
    load: async () => {
      const { renderCompareMarkdown } = await import('./markdown.js');
      return (r, o) => renderCompareMarkdown(r, { evidence: Boolean(o.evidence) });
    },
  },
  github: {
    description: 'GitHub Actions annotations',
    load: async () => {
      const [{ renderGithub }, findings] = await Promise.all([import('./github.js'), asFindings()]);
      return (r, o) => renderGithub(findings(r, o.failOn ?? 'never'));
    },
  },
  sarif: {
    description: 'SARIF 2.1.0, for code scanning',
    load: async () => {
      const [{ renderSarif }, findings] = await Promise.all([import('./sarif.js'), asFindings()]);
      return (r, o) => renderSarif(findings(r, o.failOn ?? 'never'), o.version ? { version: o.version } : {});
    },
  },
  html: {
    description: HTML_DESCRIPTION,
    context: true,
    load: async () => {
      const { renderCompareHtml } = await import('./html.js');
      return (r, o) => renderCompareHtml(r, o.context ?? NO_CONTEXT);
    },
  },
} satisfies Record<string, Format<CompareReport>>;

export const EXTRACT_FORMATS = {
  json: { description: 'one JSON document (schema/extract.schema.json)', load: async () => (await import('./json.js')).renderExtractJson },
  ndjson: { description: 'one JSON record per line, the input of --from-facts', load: async () => (await import('./ndjson.js')).renderExtractNdjson },
  table: { description: 'a table for a terminal', load: async () => (await import('./table.js')).renderExtractTable },
  markdown: { description: 'a Markdown table', load: async () => (await import('./markdown.js')).renderExtractMarkdown },
} satisfies Record<string, Format<ExtractResult>>;

export const CHECK_FORMATS = {
  table: { description: 'findings for a terminal', load: async () => (await import('./check-table.js')).renderCheckTable },
  json: { description: 'one JSON document (schema/check.schema.json)', load: async () => (await import('./json.js')).renderCheckJson },
  ndjson: { description: 'one JSON record per line', load: async () => (await import('./ndjson.js')).renderCheckNdjson },
  markdown: { description: 'a Markdown report, for pull-request comments', load: async () => (await import('./markdown.js')).renderCheckMarkdown },
  github: { description: 'GitHub Actions annotations', load: async () => (await import('./github.js')).renderGithub },
  sarif: {
    description: 'SARIF 2.1.0, for code scanning',
    load: async () => {
      const { renderSarif } = await import('./sarif.js');
      return (r, o) => renderSarif(r, o.version ? { version: o.version } : {});
    },
  },
  html: {
    description: HTML_DESCRIPTION,
    context: true,
    load: async () => {
      const { renderCheckHtml } = await import('./html.js');
      return (r, o) => {
        if (!o.comparison) throw new Error('check --format html needs the comparison its findings come from');
        return renderCheckHtml(r, o.comparison, o.context ?? NO_CONTEXT);
      };
    },
  },
} satisfies Record<string, Format<CheckReport>>;

export type CompareFormat = keyof typeof COMPARE_FORMATS;
export type ExtractFormat = keyof typeof EXTRACT_FORMATS;
export type CheckFormat = keyof typeof CHECK_FORMATS;

/** `--format` help: "table (tables for a terminal), json (...)". */
export function describeFormats(formats: Record<string, { description: string }>): string {
  return Object.entries(formats)
    .map(([name, f]) => `${name} (${f.description})`)
    .join(', ');
}
