/** `istanbul-talks extract` */
import { renderExtractJson } from '../report/json.js';
import { renderExtractNdjson } from '../report/ndjson.js';
import { renderExtractTable } from '../report/table.js';
import type { ExtractResult } from '../run.js';
import { reportDiagnostics, runExtraction } from './corpus-run.js';
import { EXIT, hasErrors, parseFacts, resolveColor, write, type CommonOptions } from './shared.js';

export interface ExtractCliOptions extends CommonOptions {
  format: 'json' | 'ndjson' | 'table';
  fact?: string[];
}

export const EXTRACT_FORMATS = {
  json: (r: ExtractResult) => renderExtractJson(r),
  ndjson: (r: ExtractResult) => renderExtractNdjson(r),
  table: (r: ExtractResult, color: 0 | 1 | 2 | 3) => renderExtractTable(r, { color }),
} as const;

export function runExtract(opts: ExtractCliOptions): void {
  const result = runExtraction(opts, parseFacts(opts.fact));
  write(EXTRACT_FORMATS[opts.format](result, resolveColor(opts.color)));
  reportDiagnostics(result, opts);
  process.exitCode = hasErrors(result.diagnostics) ? EXIT.invalid : EXIT.ok;
}
