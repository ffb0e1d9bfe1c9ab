/** Runs extraction for a command from its common options, and reports diagnostics on stderr. */
import fs from 'node:fs';
import { extractCorpus, extractCorpusStream, type ExtractionStream, type ExtractResult, type RunOptions } from '../run.js';
import { renderDiagnostics } from '../report/table.js';
import type { FactKind } from '../types.js';
import { NO_PROGRESS, createProgress, progressAllowed, type Progress } from './progress.js';
import { UsageError, parseBytes, resolveColor, resolveCorpus, type CommonOptions } from './shared.js';

type Options = CommonOptions & { format?: string };

function progressFor(opts: Options, streaming: boolean): Progress {
  let stdoutIsPipe = false;
  try {
    const stat = fs.fstatSync(1);
    stdoutIsPipe = stat.isFIFO() || stat.isSocket();
  } catch {
    // No stdout at all: treat as a pipe nobody watches.
    stdoutIsPipe = true;
  }
  const machineFormat = opts.format === 'json' || opts.format === 'ndjson';
  const allowed = progressAllowed({ stderr: process.stderr, stdout: process.stdout, stdoutIsPipe, env: process.env, machineFormat, streaming });
  return allowed ? createProgress('extracting', process.stderr) : NO_PROGRESS;
}

/**
 * Threads to extract with: ISTANBUL_TALKS_JOBS (a number, or `auto`); by default `auto`: worker
 * threads only for large corpora and only while cores are idle (see run.ts autoJobs).
 */
export function jobsFromEnv(env: Record<string, string | undefined> = process.env): number | 'auto' {
  const value = env.ISTANBUL_TALKS_JOBS;
  if (value === undefined || value.trim() === '' || value.trim() === 'auto') return 'auto';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`ISTANBUL_TALKS_JOBS takes auto or a whole number of threads from 1 to 64, not "${value}"`);
  return n;
}

function runOptions(opts: Options, facts: readonly FactKind[] | undefined, progress: Progress): RunOptions {
  const maxFileBytes = parseBytes(opts.maxFileSize);
  const jobs = jobsFromEnv();
  return {
    ...(jobs !== 1 ? { jobs } : {}),
    ...(maxFileBytes !== undefined ? { maxFileBytes } : {}),
    ...(opts.followSymlinks ? { followSymlinks: true } : {}),
    ...(opts.gazetteer?.length ? { gazetteerFiles: opts.gazetteer } : {}),
    ...(facts ? { facts } : {}),
    onProgress: (done, total) => {
      progress.update(done, total);
      if (done === total) progress.stop();
    },
  };
}

export function runExtraction(opts: Options, facts?: readonly FactKind[]): ExtractResult {
  const corpus = resolveCorpus(opts.corpus);
  const progress = progressFor(opts, false);
  try {
    return extractCorpus(corpus, runOptions(opts, facts, progress));
  } finally {
    progress.stop();
  }
}

/** Extraction article by article, for output written as it goes. */
export function streamExtraction(opts: Options, facts?: readonly FactKind[]): ExtractionStream {
  const corpus = resolveCorpus(opts.corpus);
  return extractCorpusStream(corpus, runOptions(opts, facts, progressFor(opts, true)));
}

export function reportDiagnostics(result: { diagnostics: ExtractResult['diagnostics'] }, opts: CommonOptions): void {
  if (result.diagnostics.length) process.stderr.write(renderDiagnostics(result.diagnostics, resolveColor(opts.color, process.stderr)));
}
