/** `istanbul-talks extract` */
import { renderExtractJson } from '../report/json.js';
import { renderArticleNdjson, renderDiagnosticsNdjson, renderExtractNdjson } from '../report/ndjson.js';
import { renderExtractTable } from '../report/table.js';
import type { ExtractResult } from '../run.js';
import { reportDiagnostics, runExtraction, streamExtraction } from './corpus-run.js';
import { EXIT, hasErrors, parseFacts, resolveColor, write, writeStreamed, type CommonOptions } from './shared.js';

export interface ExtractCliOptions extends CommonOptions {
  format: 'json' | 'ndjson' | 'table';
  fact?: string[];
}

export const EXTRACT_FORMATS = {
  json: (r: ExtractResult) => renderExtractJson(r),
  ndjson: (r: ExtractResult) => renderExtractNdjson(r),
  table: (r: ExtractResult, color: 0 | 1 | 2 | 3) => renderExtractTable(r, { color }),
} as const;

export async function runExtract(opts: ExtractCliOptions): Promise<void> {
  if (opts.format === 'ndjson') {
    // Streamed: each article's lines are written as soon as it is done, so memory stays flat.
    const stream = streamExtraction(opts, parseFacts(opts.fact));
    if (!(await writeStreamed(stream.articles, renderArticleNdjson))) return;
    const diagnostics = stream.diagnostics();
    write(renderDiagnosticsNdjson(diagnostics));
    reportDiagnostics({ diagnostics }, opts);
    process.exitCode = hasErrors(diagnostics) ? EXIT.invalid : EXIT.ok;
    return;
  }
  const result = runExtraction(opts, parseFacts(opts.fact));
  write(EXTRACT_FORMATS[opts.format](result, resolveColor(opts.color)));
  reportDiagnostics(result, opts);
  process.exitCode = hasErrors(result.diagnostics) ? EXIT.invalid : EXIT.ok;
}
