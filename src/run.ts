/**
 * The whole extraction over a corpus directory: read a few articles, extract and forget them, in
 * article-id order, so memory holds a few articles' text (about a megabyte) and whatever the
 * caller keeps of the results. `extractCorpusStream` hands each article over as soon as it is
 * done (streaming output); `extractCorpus` collects everything. Both give the same records in the
 * same deterministic order (same corpus, same bytes).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { byString } from './canonical.js';
import { scanSuppressions, type Suppression } from './check/suppress.js';
import { displayPath, listArticleFiles, loadArticleFile, skippedDiagnostics, type LoadOptions, type SkippedEntry } from './corpus/load.js';
import type { QuoteContext } from './corpus/quote-context.js';
import { mergeNames, namesOfArticle, type ArticleNames, type NamesReport } from './names/names.js';
import { lookalikes } from './knowledge/lookalike.js';
import { escapeControls, quoteForMessage } from './report/sanitize.js';
import { defaultMeetings, loadCalendar } from './events/meetings.js';
import { defaultGazetteer, loadGazetteer } from './knowledge/gazetteer.js';
import { extractArticle, type PipelineOptions } from './pipeline.js';
import { inParallel } from './run-parallel.js';
import { FACT_KINDS, type ArticleSummary, type Diagnostic, type FactKind, type FactRecord } from './types.js';

export interface ExtractResult {
  articles: ArticleSummary[];
  facts: FactRecord[];
  diagnostics: Diagnostic[];
  /** Inline `istanbul-talks-disable` directives of the articles (for `check`). */
  suppressions: Suppression[];
  /** With RunOptions.context: what reports that show quotes in context need of the articles' text. */
  context?: CorpusContext;
}

/** Taken from the articles' text during extraction, for reports that show quotes in context. */
export interface CorpusContext {
  /** The sentence around each quote (see QuoteContext), in article order. */
  quotes: QuoteContext[];
  /** How each outlet spells people and places (what `names` reports). */
  names: NamesReport;
}

export interface RunOptions extends LoadOptions {
  gazetteerFiles?: string[];
  /** Calendar files whose meetings are added to the bundled calendar. */
  calendarFiles?: string[];
  facts?: readonly FactKind[];
  /** Only the I-th of N slices of the sorted file list (1-based). */
  shard?: { index: number; count: number };
  /** Called after each file with the number of files done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** The plain per-sentence path (see PipelineOptions.reference): for checking the fast one. */
  reference?: boolean;
  /**
   * Threads extracting at once (this one included): 1 (the default) extracts in this thread only;
   * 'auto' uses worker threads for large corpora when cores are idle (see autoJobs).
   */
  jobs?: number | 'auto';
  /** Also keep the sentence around each quote and the names each article uses (see CorpusContext). */
  context?: boolean;
}

/** One article's summary, its facts, sorted, and its inline suppression directives. */
export interface ArticleExtraction {
  summary: ArticleSummary;
  facts: FactRecord[];
  suppressions: Suppression[];
  /** With `context`: the sentence around each quote, and the names the article uses. */
  contexts?: QuoteContext[];
  names?: ArticleNames;
}

export interface ExtractionStream {
  /** Number of article files to read. */
  files: number;
  /** The good articles in id order, each with its sorted facts. Can be iterated once. */
  articles: Iterable<ArticleExtraction>;
  /** Every diagnostic, sorted; complete once `articles` has been iterated to the end. */
  diagnostics(): Diagnostic[];
}

const factOrder = new Map<string, number>(FACT_KINDS.map((k, i) => [k, i]));

export function sortFacts(facts: FactRecord[]): FactRecord[] {
  return facts.sort(
    (a, b) =>
      byString(a.article, b.article) ||
      a.evidence.start - b.evidence.start ||
      (factOrder.get(a.fact) as number) - (factOrder.get(b.fact) as number) ||
      byString(a.subject ?? '', b.subject ?? '') ||
      a.evidence.end - b.evidence.end,
  );
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => byString(a.path, b.path) || a.line - b.line || a.column - b.column || byString(a.code, b.code));
}

const idOf = (file: string) => path.basename(file).replace(/\.md$/i, '');

/**
 * The files of a corpus (or of one shard of it) in the order their articles are output: by article
 * id, then by path. Files are read in that order, so articles can be written as they are done.
 * Among files that share an id the first, by path, that loads wins — as when they are read in path
 * order — and the others are reported as duplicates.
 */
export function corpusFiles(
  corpusDir: string,
  shard?: { index: number; count: number },
  skipped: SkippedEntry[] = [],
  notRegular = new Set<string>(),
): { all: number; files: string[] } {
  const all = listArticleFiles(corpusDir, skipped, notRegular);
  // Contiguous slices of the path-sorted list, as test runners shard their files.
  const files = shard
    ? all.slice(Math.floor(((shard.index - 1) * all.length) / shard.count), Math.floor((shard.index * all.length) / shard.count))
    : all;
  const ids = new Map(files.map((f) => [f, idOf(f)]));
  return { all: all.length, files: [...files].sort((a, b) => byString(ids.get(a) as string, ids.get(b) as string) || byString(a, b)) };
}

/** What a batch of files needs besides the files: everything a worker thread can be sent. */
export interface BatchConfig {
  cwd: string;
  realRoot: string;
  maxFileBytes?: number;
  followSymlinks?: boolean;
  /** Listed files that are not regular files (see LoadOptions.notRegular). */
  notRegular?: string[];
  gazetteerFiles?: string[];
  calendarFiles?: string[];
  facts?: readonly FactKind[];
  reference?: boolean;
  context?: boolean;
}

export interface BatchResult {
  /** Number of files in the batch. */
  files: number;
  articles: ArticleExtraction[];
  diagnostics: Diagnostic[];
}

/**
 * Files in output order cut into batches of about `size` that never split the files of one id
 * (they are adjacent), so each batch can tell duplicates apart on its own.
 */
export function batchFiles(files: string[], size: number): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i] as string;
    current.push(file);
    const next = files[i + 1];
    if (current.length >= size && (next === undefined || idOf(next) !== idOf(file))) {
      batches.push(current);
      current = [];
    }
  }
  if (current.length) batches.push(current);
  return batches;
}

/**
 * A batch's files are read a few at a time before any of them is extracted: reading and parsing
 * file after file keeps that code, and the kernel's, in the processor's caches, and costs half as
 * much as reading each file between two extractions. Reading ahead stops once this much text (in
 * characters) is held, so that a batch of large files is never all in memory at once.
 */
const READ_AHEAD_CHARS = 1024 * 1024;

/** A batch's worth of work, set up once per thread. */
export function batchRunner(config: BatchConfig, extract: typeof extractArticle = extractArticle): (files: string[]) => BatchResult {
  const pipeline: PipelineOptions = {
    gazetteer: config.gazetteerFiles?.length ? loadGazetteer(config.gazetteerFiles) : defaultGazetteer(),
    meetings: config.calendarFiles?.length ? loadCalendar(config.calendarFiles) : defaultMeetings(),
    ...(config.facts ? { facts: config.facts } : {}),
    ...(config.reference ? { reference: true } : {}),
    ...(config.context ? { context: true } : {}),
  };
  const load: LoadOptions = {
    ...(config.maxFileBytes !== undefined ? { maxFileBytes: config.maxFileBytes } : {}),
    ...(config.followSymlinks ? { followSymlinks: true } : {}),
    ...(config.notRegular ? { notRegular: new Set(config.notRegular) } : {}),
  };
  return (files) => {
    const articles: ArticleExtraction[] = [];
    const diagnostics: Diagnostic[] = [];
    // Among files that share an id the first, by path, that loads wins.
    const seen = new Map<string, string>();
    for (let next = 0; next < files.length; ) {
      const loaded: Array<{ shown: string; result: ReturnType<typeof loadArticleFile> }> = [];
      for (let chars = 0; next < files.length && chars < READ_AHEAD_CHARS; next++) {
        const shown = displayPath(files[next] as string, config.cwd);
        const result = loadArticleFile(files[next] as string, shown, config.realRoot, load);
        loaded.push({ shown, result });
        chars += result.article?.raw.length ?? 0;
      }
      for (const { shown, result } of loaded) {
        diagnostics.push(...result.diagnostics);
        const article = result.article;
        if (!article) continue;
        const previous = seen.get(article.id);
        if (previous !== undefined) {
          diagnostics.push({ severity: 'error', path: shown, line: 1, column: 1, code: 'DUPLICATE_ID', message: `article id "${escapeControls(article.id)}" is already used by ${previous}; rename one of the files` });
          continue;
        }
        seen.set(article.id, shown);
        let extracted: ReturnType<typeof extractArticle>;
        try {
          extracted = extract(article, pipeline);
        } catch (error) {
          // No article may stop the run: this one is reported, the others are still compared.
          const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
          diagnostics.push({ severity: 'error', path: shown, line: 1, column: 1, code: 'EXTRACT_FAILED', message: `extraction failed (${quoteForMessage(what, 120, false)}); this article's facts are missing — please report it` });
          continue;
        }
        for (const d of extracted.diagnostics) diagnostics.push(d);
        // Looked for here, while the text is at hand: nothing downstream keeps it (or reads it again).
        articles.push({
          summary: extracted.summary,
          facts: sortFacts(extracted.facts),
          suppressions: scanSuppressions(article.raw, article.id, article.path),
          ...(config.context ? { contexts: extracted.contexts ?? [], names: namesOfArticle(article, pipeline.gazetteer) } : {}),
        });
      }
    }
    return { files: files.length, articles, diagnostics };
  };
}

const BATCH_SIZE = 16;

/** Below this many files a worker thread (about 0.4 s to start) does not earn its start-up back. */
export const AUTO_MIN_FILES = 2000;

/**
 * Threads worth using for `files` files: on a large corpus, one per core that was idle over the
 * last minute (at most 4, each costs ~90 MB). Measured on a 2-core machine: 1.7x faster with a
 * core free, 0.85-0.9x when other work kept both cores busy — hence the load average.
 */
export function autoJobs(files: number, cores = os.availableParallelism(), load = os.loadavg()[0] ?? 0): number {
  if (files < AUTO_MIN_FILES || cores < 2) return 1;
  return Math.max(1, Math.min(4, Math.floor(cores - load + 0.5)));
}

/** Files whose ids differ but are one id in NFC (a name in NFD beside one in NFC): a warning for the second. */
function lookalikeIds(files: readonly string[], cwd: string): Diagnostic[] {
  const byNfc = new Map<string, string>();
  const out: Diagnostic[] = [];
  for (const file of files) {
    const id = idOf(file);
    const key = id.normalize('NFC');
    const first = byNfc.get(key);
    if (first === undefined) byNfc.set(key, file);
    else if (idOf(first) !== id) {
      out.push({ severity: 'warning', path: displayPath(file, cwd), line: 1, column: 1, code: 'ID_LOOKALIKE', message: `article id ${quoteForMessage(id)} looks the same as ${quoteForMessage(idOf(first))} (${displayPath(first, cwd)}): the file names differ only in Unicode normalisation` });
    }
  }
  return out;
}

export function extractCorpusStream(corpusDir: string, options: RunOptions = {}): ExtractionStream {
  const cwd = options.cwd ?? process.cwd();
  const realRoot = fs.realpathSync(corpusDir);
  const skipped: SkippedEntry[] = [];
  const notRegular = new Set<string>();
  const { all, files } = corpusFiles(corpusDir, options.shard, skipped, notRegular);
  const config: BatchConfig = {
    cwd,
    realRoot,
    notRegular: [...notRegular],
    ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}),
    ...(options.followSymlinks ? { followSymlinks: true } : {}),
    ...(options.gazetteerFiles?.length ? { gazetteerFiles: options.gazetteerFiles } : {}),
    ...(options.calendarFiles?.length ? { calendarFiles: options.calendarFiles } : {}),
    ...(options.facts ? { facts: options.facts } : {}),
    ...(options.reference ? { reference: true } : {}),
    ...(options.context ? { context: true } : {}),
  };
  // Set up before any file is read, so that a bad gazetteer fails the run at once.
  const runBatch = batchRunner(config);
  const diagnostics: Diagnostic[] = skippedDiagnostics(skipped, cwd);
  if (all === 0) {
    // Nothing to compare is an error, as ESLint's "no files matching": a green run on nothing proves nothing.
    diagnostics.push({ severity: 'error', path: displayPath(corpusDir, cwd), line: 1, column: 1, code: 'CORPUS_EMPTY', message: 'no *.md articles found in the corpus directory' });
  }
  for (const d of lookalikeIds(files, cwd)) diagnostics.push(d);
  const batches = batchFiles(files, BATCH_SIZE);
  const jobs = Math.min(options.jobs === 'auto' ? autoJobs(files.length) : (options.jobs ?? 1), batches.length);
  let finished = false;
  // Outlets that look the same but are not (a Cyrillic letter, say): warned about where the second appears.
  const outlets = lookalikes();
  function* articles(): Generator<ArticleExtraction> {
    let done = 0;
    const results = jobs > 1 ? inParallel(batches, config, jobs, runBatch) : (function* () { for (const b of batches) yield runBatch(b); })();
    for (const result of results) {
      diagnostics.push(...result.diagnostics);
      for (const a of result.articles) {
        const like = outlets.check(a.summary.outlet, a.summary.path);
        if (like) {
          diagnostics.push({ severity: 'warning', path: a.summary.path, line: 1, column: 1, code: 'OUTLET_CONFUSABLE', message: `outlet ${quoteForMessage(a.summary.outlet)} looks like ${quoteForMessage(like.name)} of ${escapeControls(like.where)} but is written with other characters; it counts as another outlet` });
        }
        yield a;
      }
      done += result.files;
      options.onProgress?.(done, files.length);
    }
    finished = true;
  }
  return {
    files: files.length,
    articles: articles(),
    diagnostics: () => {
      if (!finished) throw new Error('diagnostics() called before all articles were read');
      return sortDiagnostics(diagnostics);
    },
  };
}

export function extractCorpus(corpusDir: string, options: RunOptions = {}): ExtractResult {
  const stream = extractCorpusStream(corpusDir, options);
  const articles: ArticleSummary[] = [];
  const facts: FactRecord[] = [];
  const suppressions: Suppression[] = [];
  const quotes: QuoteContext[] = [];
  const names: Array<{ outlet: string; names: ArticleNames }> = [];
  for (const a of stream.articles) {
    articles.push(a.summary);
    for (const f of a.facts) facts.push(f);
    for (const s of a.suppressions) suppressions.push(s);
    if (a.contexts) for (const q of a.contexts) quotes.push(q);
    if (a.names) names.push({ outlet: a.summary.outlet, names: a.names });
  }
  const result: ExtractResult = { articles, facts, diagnostics: stream.diagnostics(), suppressions };
  if (options.context) {
    const gazetteer = options.gazetteerFiles?.length ? loadGazetteer(options.gazetteerFiles) : defaultGazetteer();
    result.context = { quotes, names: mergeNames(names, gazetteer) };
  }
  return result;
}
