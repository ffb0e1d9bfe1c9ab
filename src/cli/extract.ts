/** `istanbul-talks extract` */
import { scanSuppressions } from '../check/suppress.js';
import { decodeArticle } from '../corpus/load.js';
import { EXTRACT_FORMATS, type ExtractFormat, type ExtractOutput } from '../report/formats.js';
import { renderArticleNdjson, renderDiagnosticsNdjson } from '../report/ndjson.js';
import type { ArticleExtraction } from '../run.js';
import fs from 'node:fs';
import { reportDiagnostics, runExtraction, scanArticleSuppressions, streamExtraction } from './corpus-run.js';
import { emit } from './output.js';
import { EXIT, hasErrors, parseFacts, parseShard, resolveColor, write, writeStreamed, type CommonOptions } from './shared.js';

export interface ExtractCliOptions extends CommonOptions {
  /** Default: json, or ndjson with --shard (the records --from-facts reads back). */
  format?: ExtractFormat;
  fact?: string[];
  shard?: string;
  output?: string;
}

/** An article's inline suppressions, read from its file (the extraction does not keep the text). */
function suppressionsOf(a: ArticleExtraction) {
  try {
    const decoded = decodeArticle(fs.readFileSync(a.summary.path));
    return 'text' in decoded ? scanSuppressions(decoded.text, a.summary.id, a.summary.path) : [];
  } catch {
    return [];
  }
}

export async function runExtract(opts: ExtractCliOptions): Promise<void> {
  const shard = parseShard(opts.shard);
  const format: ExtractFormat = opts.format ?? (shard ? 'ndjson' : 'json');
  const facts = parseFacts(opts.fact);
  if (format === 'ndjson' && (opts.output === undefined || opts.output === '-')) {
    // Streamed: each article's lines are written as soon as it is done, so memory stays flat.
    const stream = streamExtraction(opts, facts, shard);
    const lines = (a: ArticleExtraction) => renderArticleNdjson({ ...a, suppressions: suppressionsOf(a) });
    if (!(await writeStreamed(stream.articles, lines))) return;
    const diagnostics = stream.diagnostics();
    write(renderDiagnosticsNdjson(diagnostics));
    reportDiagnostics({ diagnostics }, opts);
    process.exitCode = hasErrors(diagnostics) ? EXIT.invalid : EXIT.ok;
    return;
  }
  const result = runExtraction(opts, facts, shard);
  // NDJSON is what --from-facts reads back, so it carries what `check` needs: inline suppressions.
  const output: ExtractOutput = format === 'ndjson' ? { ...result, suppressions: scanArticleSuppressions(result, opts) } : result;
  const render = await EXTRACT_FORMATS[format].load();
  emit(render(output, { color: resolveColor(opts.output ? false : opts.color) }), opts.output);
  reportDiagnostics(result, opts);
  process.exitCode = hasErrors(result.diagnostics) ? EXIT.invalid : EXIT.ok;
}
