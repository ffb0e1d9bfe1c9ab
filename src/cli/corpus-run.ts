/**
 * The input of a command: a corpus extracted now, or (`--from-facts`) the NDJSON records of earlier
 * extract runs merged into one. Diagnostics go to stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import { scanSuppressions, type Suppression } from '../check/suppress.js';
import { DEFAULT_MAX_FILE_BYTES, decodeArticle } from '../corpus/load.js';
import { mergeFactsInputs, type FactsInput } from '../report/facts-input.js';
import { extractCorpus, type ExtractResult } from '../run.js';
import { renderDiagnostics } from '../report/table.js';
import type { FactKind } from '../types.js';
import { UsageError, parseBytes, resolveColor, resolveCorpus, type CommonOptions } from './shared.js';

export interface InputOptions extends CommonOptions {
  fromFacts?: string[];
}

export function runExtraction(opts: CommonOptions, facts?: readonly FactKind[], shard?: { index: number; count: number }): ExtractResult {
  const corpus = resolveCorpus(opts.corpus);
  const maxFileBytes = parseBytes(opts.maxFileSize);
  return extractCorpus(corpus, {
    ...(maxFileBytes !== undefined ? { maxFileBytes } : {}),
    ...(opts.followSymlinks ? { followSymlinks: true } : {}),
    ...(opts.gazetteer?.length ? { gazetteerFiles: opts.gazetteer } : {}),
    ...(facts ? { facts } : {}),
    ...(shard ? { shard } : {}),
  });
}

/**
 * Inline suppression directives of the extracted articles. The extraction does not keep the text,
 * so each accepted article file is read once more (paths are relative to the working directory).
 */
export function scanArticleSuppressions(result: ExtractResult, opts: CommonOptions): Suppression[] {
  const max = parseBytes(opts.maxFileSize) ?? DEFAULT_MAX_FILE_BYTES;
  const out: Suppression[] = [];
  for (const a of result.articles) {
    let bytes: Buffer;
    try {
      if (fs.statSync(a.path).size > max) continue;
      bytes = fs.readFileSync(path.resolve(a.path));
    } catch {
      continue; // It was read a moment ago; a file that vanished since has no directives to honour.
    }
    const decoded = decodeArticle(bytes);
    if ('text' in decoded) out.push(...scanSuppressions(decoded.text, a.id, a.path));
  }
  return out;
}

export function readFactsFiles(files: readonly string[]): FactsInput {
  const sources = files.map((file) => {
    try {
      return { name: file === '-' ? '<stdin>' : file, text: fs.readFileSync(file === '-' ? 0 : file, 'utf8') };
    } catch (error) {
      throw new UsageError(`cannot read facts file ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  });
  return mergeFactsInputs(sources);
}

/** Records to compare: from `--from-facts` files, or extracted from the corpus now. */
export function loadInput(opts: InputOptions, facts: readonly FactKind[] | undefined, withSuppressions: boolean): FactsInput {
  if (opts.fromFacts?.length) {
    if (opts.corpus !== undefined) throw new UsageError('--from-facts and --corpus exclude each other: the facts files already say which corpus they come from');
    return readFactsFiles(opts.fromFacts);
  }
  const result = runExtraction(opts, facts);
  return { ...result, suppressions: withSuppressions ? scanArticleSuppressions(result, opts) : [] };
}

export function reportDiagnostics(result: { diagnostics: ExtractResult['diagnostics'] }, opts: CommonOptions): void {
  if (result.diagnostics.length) process.stderr.write(renderDiagnostics(result.diagnostics, resolveColor(opts.color, process.stderr)));
}
