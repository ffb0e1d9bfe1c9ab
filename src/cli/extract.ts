/** `istanbul-talks extract` */
import { EXTRACT_FORMATS, type ExtractFormat, type ExtractOutput } from '../report/formats.js';
import { reportDiagnostics, runExtraction, scanArticleSuppressions } from './corpus-run.js';
import { emit } from './output.js';
import { EXIT, hasErrors, parseFacts, parseShard, resolveColor, type CommonOptions } from './shared.js';

export interface ExtractCliOptions extends CommonOptions {
  /** Default: json, or ndjson with --shard (the records --from-facts reads back). */
  format?: ExtractFormat;
  fact?: string[];
  shard?: string;
  output?: string;
}

export async function runExtract(opts: ExtractCliOptions): Promise<void> {
  const shard = parseShard(opts.shard);
  const format: ExtractFormat = opts.format ?? (shard ? 'ndjson' : 'json');
  const result = runExtraction(opts, parseFacts(opts.fact), shard);
  // NDJSON is what --from-facts reads back, so it carries what `check` needs: inline suppressions.
  const output: ExtractOutput = format === 'ndjson' ? { ...result, suppressions: scanArticleSuppressions(result, opts) } : result;
  const render = await EXTRACT_FORMATS[format].load();
  emit(render(output, { color: resolveColor(opts.output ? false : opts.color) }), opts.output);
  reportDiagnostics(result, opts);
  process.exitCode = hasErrors(result.diagnostics) ? EXIT.invalid : EXIT.ok;
}
