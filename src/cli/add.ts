/**
 * `istanbul-talks add FILE... --outlet O --published D`: plain-text articles into the corpus, with
 * front matter. Everything is checked before anything is written — the new file must load as an
 * article, and its id must be free unless --force — and each file is written atomically. Prints the
 * facts found in the new articles, as `extract` would.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeFrontMatter } from '../corpus/front-matter.js';
import { InputFileError, readInputBytes } from '../corpus/input-file.js';
import { checkIsoDate } from '../corpus/meta.js';
import { DEFAULT_MAX_FILE_BYTES, decodeArticle, displayPath, listArticleFiles, parseArticle } from '../corpus/load.js';
import { defaultMeetings, loadCalendar } from '../events/meetings.js';
import { slugify as slug } from '../knowledge/fold.js';
import { defaultGazetteer, loadGazetteer } from '../knowledge/gazetteer.js';
import { extractArticle } from '../pipeline.js';
import { EXTRACT_FORMATS, type ExtractFormat } from '../report/formats.js';
import { escapeControls } from '../report/sanitize.js';
import { sortDiagnostics, sortFacts } from '../run.js';
import type { Article, ArticleSummary, Diagnostic, FactRecord } from '../types.js';
import { WriteRefused, createFileAtomic, writeFileAtomic } from './atomic.js';
import { reportDiagnostics } from './corpus-run.js';
import { emit } from './output.js';
import { EXIT, UsageError, hasErrors, outputMode, parseBytes, resolveColor, widthOf, writeErr } from './shared.js';

export interface AddCliOptions {
  outlet: string;
  published: string;
  url?: string;
  title?: string;
  force?: boolean;
  corpus?: string;
  idFrom: 'outlet-date' | 'file';
  format: ExtractFormat;
  output?: string;
  gazetteer?: string[];
  calendar?: string[];
  maxFileSize?: string;
  color?: boolean;
}

/** ASCII, lower-case, hyphenated: "Financial Times" → financial-times, "Çırağan" → ciragan. */
export function slugify(text: string): string {
  // Cap the length at a word boundary so the id never ends in a hyphen.
  let out = '';
  for (const w of slug(text).split('-')) {
    const next = out ? `${out}-${w}` : w;
    if (next.length > 80) return out || w.slice(0, 80);
    out = next;
  }
  return out;
}

export function articleId(file: string, opts: Pick<AddCliOptions, 'outlet' | 'published' | 'idFrom'>): string {
  const base = opts.idFrom === 'file' ? slugify(path.basename(file).replace(/\.[^.]*$/, '')) : `${slugify(opts.outlet)}-${opts.published.slice(0, 10)}`;
  if (base === '' || base.startsWith('-')) throw new UsageError(`cannot make an article id from ${opts.idFrom === 'file' ? `the file name ${file}` : `the outlet "${opts.outlet}"`}; use --id-from ${opts.idFrom === 'file' ? 'outlet-date' : 'file'}`);
  return base;
}

/** Front matter written by gray-matter and the YAML library, so any outlet or title is quoted as it must be. */
export function articleText(body: string, opts: Pick<AddCliOptions, 'outlet' | 'published' | 'url' | 'title'>): string {
  const meta: Record<string, string> = { outlet: opts.outlet.trim(), published: opts.published.trim() };
  if (opts.title !== undefined) meta.title = opts.title.trim();
  if (opts.url !== undefined) meta.url = opts.url.trim();
  return writeFrontMatter(body.endsWith('\n') ? body : `${body}\n`, meta);
}

interface Planned {
  source: string;
  target: string;
  shown: string;
  replace: boolean;
  article: Article;
}

function plan(files: string[], opts: AddCliOptions, corpusDir: string): Planned[] {
  if (opts.outlet.trim() === '') throw new UsageError('--outlet must not be empty');
  const dateProblem = checkIsoDate(opts.published.trim(), true);
  if (dateProblem) throw new UsageError(`--published: ${dateProblem}, not "${opts.published}"`);
  const max = parseBytes(opts.maxFileSize) ?? DEFAULT_MAX_FILE_BYTES;
  const existing = new Map<string, string>();
  if (fs.existsSync(corpusDir)) for (const f of listArticleFiles(corpusDir)) existing.set(path.basename(f).replace(/\.md$/i, ''), f);
  const claimed = new Map<string, string>();
  return files.map((file) => {
    let bytes: Buffer;
    try {
      // Not through a link: a committed link to a credentials file must not be copied into the corpus.
      bytes = readInputBytes(file, { what: 'file', maxBytes: max });
    } catch (error) {
      if (error instanceof InputFileError) throw new UsageError(error.message.endsWith('bytes') ? `${error.message} (see --max-file-size)` : error.message);
      throw error;
    }
    const decoded = decodeArticle(bytes);
    if (!('text' in decoded)) throw new UsageError(`${file}: ${decoded.message}`);
    if (/^---[a-z]*[ \t]*\r?\n/.test(decoded.text)) throw new UsageError(`${file} already has front matter; add takes plain text (copy a Markdown article into the corpus as it is)`);
    const id = articleId(file, opts);
    const other = claimed.get(id);
    if (other !== undefined) throw new UsageError(`${other} and ${file} would both get the id "${id}"; add them one at a time, or use --id-from file`);
    claimed.set(id, file);
    const current = existing.get(id);
    if (current !== undefined && !opts.force) {
      throw new UsageError(`the corpus already has an article with id "${id}" (${displayPath(current, process.cwd())}); use --force to replace it`);
    }
    const target = current ?? path.join(corpusDir, `${id}.md`);
    const shown = displayPath(target, process.cwd());
    const parsed = parseArticle(articleText(decoded.text, opts), id, shown);
    const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
    if (!parsed.article || errors.length) {
      throw new UsageError(`${file} would not load as an article: ${(errors[0] ?? parsed.diagnostics[0])?.message ?? 'unknown problem'}`);
    }
    return { source: file, target, shown, replace: current !== undefined, article: parsed.article };
  });
}

export async function runAdd(files: string[], opts: AddCliOptions): Promise<void> {
  const corpusDir = path.resolve(opts.corpus ?? 'corpus');
  if (fs.existsSync(corpusDir) && !fs.statSync(corpusDir).isDirectory()) throw new UsageError(`corpus is not a directory: ${opts.corpus ?? 'corpus'}`);
  const planned = plan(files, opts, corpusDir);
  const gazetteer = opts.gazetteer?.length ? loadGazetteer(opts.gazetteer) : defaultGazetteer();
  const meetings = opts.calendar?.length ? loadCalendar(opts.calendar) : defaultMeetings();
  fs.mkdirSync(corpusDir, { recursive: true });

  const articles: ArticleSummary[] = [];
  const facts: FactRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const p of planned) {
    try {
      if (p.replace) writeFileAtomic(p.target, p.article.raw, p.shown);
      else createFileAtomic(p.target, p.article.raw, p.shown);
    } catch (error) {
      if (error instanceof WriteRefused) throw new UsageError(`not adding: ${error.message}`);
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'EEXIST' ? `${p.shown} appeared while adding; not replaced (use --force)` : `cannot write ${p.shown} (${code ?? (error as Error).message})`);
    }
    writeErr(`istanbul-talks: ${p.replace ? 'replaced' : 'added'} ${escapeControls(p.shown)} (from ${escapeControls(p.source)})\n`);
    const result = extractArticle(p.article, { gazetteer, meetings });
    articles.push(result.summary);
    for (const f of result.facts) facts.push(f);
    for (const d of result.diagnostics) diagnostics.push(d);
  }
  const result = { articles: articles.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), facts: sortFacts(facts), diagnostics: sortDiagnostics(diagnostics), suppressions: [] };
  const render = await EXTRACT_FORMATS[opts.format].load();
  await emit(render(result, { color: resolveColor(opts.output ? false : opts.color), ...widthOf(opts.output) }), opts.output, outputMode(opts.format));
  reportDiagnostics(result, opts);
  process.exitCode = hasErrors(result.diagnostics) ? EXIT.invalid : EXIT.ok;
}
