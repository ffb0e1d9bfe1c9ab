/**
 * The whole extraction over a corpus directory: read, extract and forget one article at a time,
 * in article-id order, so memory holds one article's text and whatever the caller keeps of the
 * results. `extractCorpusStream` hands each article over as soon as it is done (streaming output);
 * `extractCorpus` collects everything. Both give the same records in the same deterministic order
 * (same corpus, same bytes).
 */
import fs from 'node:fs';
import path from 'node:path';
import { byString } from './canonical.js';
import { displayPath, listArticleFiles, loadArticleFile, type LoadOptions } from './corpus/load.js';
import { defaultMeetings } from './events/meetings.js';
import { defaultGazetteer, loadGazetteer } from './knowledge/gazetteer.js';
import { extractArticle } from './pipeline.js';
import { FACT_KINDS, type ArticleSummary, type Diagnostic, type FactKind, type FactRecord } from './types.js';

export interface ExtractResult {
  articles: ArticleSummary[];
  facts: FactRecord[];
  diagnostics: Diagnostic[];
}

export interface RunOptions extends LoadOptions {
  gazetteerFiles?: string[];
  facts?: readonly FactKind[];
  /** Only the I-th of N slices of the sorted file list (1-based). */
  shard?: { index: number; count: number };
  /** Called after each file with the number of files done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** The plain per-sentence path (see PipelineOptions.reference): for checking the fast one. */
  reference?: boolean;
}

/** One article's summary and its facts, sorted. */
export interface ArticleExtraction {
  summary: ArticleSummary;
  facts: FactRecord[];
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
export function corpusFiles(corpusDir: string, shard?: { index: number; count: number }): { all: number; files: string[] } {
  const all = listArticleFiles(corpusDir);
  // Contiguous slices of the path-sorted list, as test runners shard their files.
  const files = shard
    ? all.slice(Math.floor(((shard.index - 1) * all.length) / shard.count), Math.floor((shard.index * all.length) / shard.count))
    : all;
  const ids = new Map(files.map((f) => [f, idOf(f)]));
  return { all: all.length, files: [...files].sort((a, b) => byString(ids.get(a) as string, ids.get(b) as string) || byString(a, b)) };
}

export function extractCorpusStream(corpusDir: string, options: RunOptions = {}): ExtractionStream {
  const gazetteer = options.gazetteerFiles?.length ? loadGazetteer(options.gazetteerFiles) : defaultGazetteer();
  const meetings = defaultMeetings();
  const cwd = options.cwd ?? process.cwd();
  const { all, files } = corpusFiles(corpusDir, options.shard);
  const realRoot = fs.realpathSync(corpusDir);
  const diagnostics: Diagnostic[] = [];
  if (all === 0) {
    diagnostics.push({ severity: 'warning', path: displayPath(corpusDir, cwd), line: 1, column: 1, code: 'CORPUS_EMPTY', message: 'no *.md articles found in the corpus directory' });
  }
  let finished = false;
  function* articles(): Generator<ArticleExtraction> {
    const seen = new Map<string, string>();
    for (let i = 0; i < files.length; i++) {
      const file = files[i] as string;
      const shown = displayPath(file, cwd);
      const loaded = loadArticleFile(file, shown, realRoot, options);
      diagnostics.push(...loaded.diagnostics);
      const article = loaded.article;
      if (article) {
        const previous = seen.get(article.id);
        if (previous !== undefined) {
          diagnostics.push({ severity: 'error', path: shown, line: 1, column: 1, code: 'DUPLICATE_ID', message: `article id "${article.id}" is already used by ${previous}; rename one of the files` });
        } else {
          seen.set(article.id, shown);
          const result = extractArticle(article, {
            gazetteer,
            meetings,
            ...(options.facts ? { facts: options.facts } : {}),
            ...(options.reference ? { reference: true } : {}),
          });
          diagnostics.push(...result.diagnostics);
          options.onProgress?.(i + 1, files.length);
          yield { summary: result.summary, facts: sortFacts(result.facts) };
          continue;
        }
      }
      options.onProgress?.(i + 1, files.length);
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
  for (const a of stream.articles) {
    articles.push(a.summary);
    for (const f of a.facts) facts.push(f);
  }
  return { articles, facts, diagnostics: stream.diagnostics() };
}
