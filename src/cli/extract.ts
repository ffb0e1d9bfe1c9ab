/** `istanbul-talks extract` */
import { EXTRACT_FORMATS, type ExtractFormat } from '../report/formats.js';
import { renderArticleNdjson, renderDiagnosticsNdjson } from '../report/ndjson.js';
import { reportDiagnostics, runExtraction, streamExtraction } from './corpus-run.js';
import { emit } from './output.js';
import { EXIT, hasErrors, outputMode, parseFacts, parseShard, resolveColor, widthOf, type CommonOptions } from './shared.js';

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
  const facts = parseFacts(opts.fact);
  if (format === 'ndjson') {
    // Streamed, to stdout or into the file: each article's lines are written as soon as it is done,
    // so memory stays flat.
    const toStdout = opts.output === undefined || opts.output === '-';
    const stream = streamExtraction(opts, facts, shard, toStdout);
    const lines = function* () {
      for (const a of stream.articles) yield renderArticleNdjson(a);
      yield renderDiagnosticsNdjson(stream.diagnostics());
    };
    if (!(await emit(lines(), opts.output, outputMode(format)))) return;
    const diagnostics = stream.diagnostics();
    reportDiagnostics({ diagnostics }, opts);
    process.exitCode = hasErrors(diagnostics) ? EXIT.invalid : EXIT.ok;
    return;
  }
  const result = runExtraction(opts, facts, shard);
  const render = await EXTRACT_FORMATS[format].load();
  await emit(render(result, { color: resolveColor(opts.output ? false : opts.color), ...widthOf(opts.output) }), opts.output, outputMode(format));
  reportDiagnostics(result, opts);
  process.exitCode = hasErrors(result.diagnostics) ? EXIT.invalid : EXIT.ok;
}
