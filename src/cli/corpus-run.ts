/** Runs extraction for a command from its common options, and reports diagnostics on stderr. */
import { extractCorpus, type ExtractResult } from '../run.js';
import { renderDiagnostics } from '../report/table.js';
import type { FactKind } from '../types.js';
import { parseBytes, resolveColor, resolveCorpus, type CommonOptions } from './shared.js';

export function runExtraction(opts: CommonOptions, facts?: readonly FactKind[]): ExtractResult {
  const corpus = resolveCorpus(opts.corpus);
  const maxFileBytes = parseBytes(opts.maxFileSize);
  return extractCorpus(corpus, {
    ...(maxFileBytes !== undefined ? { maxFileBytes } : {}),
    ...(opts.followSymlinks ? { followSymlinks: true } : {}),
    ...(opts.gazetteer?.length ? { gazetteerFiles: opts.gazetteer } : {}),
    ...(facts ? { facts } : {}),
  });
}

export function reportDiagnostics(result: { diagnostics: ExtractResult['diagnostics'] }, opts: CommonOptions): void {
  if (result.diagnostics.length) process.stderr.write(renderDiagnostics(result.diagnostics, resolveColor(opts.color, process.stderr)));
}
