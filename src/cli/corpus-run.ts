/**
 * The input of a command: a corpus extracted now (optionally one shard of it, optionally streamed
 * article by article, with a progress bar on a terminal), or (`--from-facts`) the NDJSON records of
 * earlier extract runs merged into one. Diagnostics go to stderr.
 */
import fs from 'node:fs';
import { InputFileError, readInputFile } from '../corpus/input-file.js';
import { MAX_FACTS_FILE_BYTES } from '../limits.js';
import { mergeFactsInputs, type FactsInput } from '../report/facts-input.js';
import { extractCorpus, extractCorpusStream, type ExtractionStream, type ExtractResult, type RunOptions } from '../run.js';
import { renderDiagnostics } from '../report/table.js';
import { defaultMeetings, loadCalendar } from '../events/meetings.js';
import { inferMeetings } from '../events/infer.js';
import { calendarIndex, type CalendarIndex } from '../events/resolve.js';
import type { FactKind } from '../types.js';
import { NO_PROGRESS, createProgress, progressAllowed, type Progress } from './progress.js';
import type { ReportContext } from '../report/html.js';
import { UsageError, parseBytes, resolveColor, resolveCorpus, toolVersion, writeErr, type CommonOptions } from './shared.js';

export interface InputOptions extends CommonOptions {
  fromFacts?: string[];
}

type Shard = { index: number; count: number };

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

function runOptions(opts: Options, facts: readonly FactKind[] | undefined, progress: Progress, shard?: Shard, context = false): RunOptions {
  const maxFileBytes = parseBytes(opts.maxFileSize);
  const jobs = jobsFromEnv();
  return {
    ...(jobs !== 1 ? { jobs } : {}),
    ...(maxFileBytes !== undefined ? { maxFileBytes } : {}),
    ...(opts.followSymlinks ? { followSymlinks: true } : {}),
    ...(opts.gazetteer?.length ? { gazetteerFiles: opts.gazetteer } : {}),
    ...(opts.calendar?.length ? { calendarFiles: opts.calendar } : {}),
    ...(facts ? { facts } : {}),
    ...(shard ? { shard } : {}),
    ...(context ? { context: true } : {}),
    onProgress: (done, total) => {
      progress.update(done, total);
      if (done === total) progress.stop();
    },
  };
}

/** The whole extraction; with `context`, also what reports that show quotes in context need (see CorpusContext). */
export function runExtraction(opts: Options, facts?: readonly FactKind[], shard?: Shard, context = false): ExtractResult {
  const corpus = resolveCorpus(opts.corpus);
  const progress = progressFor(opts, false);
  try {
    return extractCorpus(corpus, runOptions(opts, facts, progress, shard, context));
  } finally {
    progress.stop();
  }
}

/** Extraction article by article, for output written as it goes (to stdout, or else to a file). */
export function streamExtraction(opts: Options, facts?: readonly FactKind[], shard?: Shard, toStdout = true): ExtractionStream {
  const corpus = resolveCorpus(opts.corpus);
  return extractCorpusStream(corpus, runOptions(opts, facts, progressFor(opts, toStdout), shard));
}

/**
 * All of a stream's text. Standard input is read as a stream: a pipe may be non-blocking (as Node
 * leaves it when the writer is another Node process), and a synchronous read of it fails with EAGAIN.
 */
export async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export async function readFactsFiles(files: readonly string[], stdin: NodeJS.ReadableStream = process.stdin, followSymlinks?: boolean): Promise<FactsInput> {
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('--from-facts: standard input (-) can be read once only');
  const sources = [];
  for (const file of files) {
    try {
      // A file as every input besides the articles is read (regular, capped, no link unless allowed).
      const text = file === '-' ? await readStream(stdin) : readInputFile(file, { what: 'facts file', maxBytes: MAX_FACTS_FILE_BYTES, ...(followSymlinks ? { followSymlinks } : {}) });
      sources.push({ name: file === '-' ? '<stdin>' : file, text });
    } catch (error) {
      if (error instanceof InputFileError) throw new UsageError(error.message);
      throw new UsageError(`cannot read facts file ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
  return mergeFactsInputs(sources);
}

/** The calendar the command works with: the bundled one and the user's `--calendar` files. */
export function calendarOf(opts: CommonOptions): CalendarIndex {
  return calendarIndex(opts.calendar?.length ? loadCalendar(opts.calendar) : defaultMeetings());
}

/**
 * Records to compare: from `--from-facts` files, or extracted from the corpus now (with `context`,
 * keeping what a format that shows quotes in context needs; fact records have no text to give it);
 * meetings the calendar lacks inferred from them (with a warning each).
 */
export async function loadInput(opts: InputOptions, facts: readonly FactKind[] | undefined, context = false): Promise<FactsInput> {
  const calendar = calendarOf(opts);
  if (opts.fromFacts?.length) {
    if (opts.corpus !== undefined) throw new UsageError('--from-facts and --corpus exclude each other: the facts files already say which corpus they come from');
    const input = await readFactsFiles(opts.fromFacts, process.stdin, opts.followSymlinks);
    return { ...input, ...inferMeetings(input, calendar) };
  }
  const input = runExtraction(opts, facts, undefined, context);
  return { ...input, ...inferMeetings(input, calendar) };
}

/** What a format with `context` (html) is given besides the report. */
export function reportContext(input: FactsInput, tolerance: number): ReportContext {
  return { articles: input.articles, corpus: input.context ?? null, tolerance, version: toolVersion() };
}

export function reportDiagnostics(result: { diagnostics: ExtractResult['diagnostics'] }, opts: CommonOptions): void {
  if (result.diagnostics.length) writeErr(renderDiagnostics(result.diagnostics, resolveColor(opts.color, process.stderr)));
}
