/**
 * Loading a corpus: every `*.md` below a directory becomes an Article or a diagnostic. One bad
 * file never stops the run, and nothing is skipped without saying so.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Article, Diagnostic } from '../types.js';
import { findFrontMatter, parseFrontMatter, type FrontMatterProblem } from './front-matter.js';
import { createLocator } from './location.js';
import { validateMeta } from './meta.js';

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface LoadOptions {
  maxFileBytes?: number;
  /** Follow symbolic links that point outside the corpus directory. */
  followSymlinks?: boolean;
  /** Base for the paths shown to the user (default: the working directory). */
  cwd?: string;
  /** Only the I-th of N slices of the sorted file list (1-based). */
  shard?: { index: number; count: number };
}

export interface LoadResult {
  articles: Article[];
  diagnostics: Diagnostic[];
  /** Paths of all article files considered, sorted. */
  files: string[];
}

export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return (rel === '' ? file : rel).split(path.sep).join('/');
}

/** Lists `*.md` files below `root`, sorted by path, without following directory links. */
export function listArticleFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.toLowerCase().endsWith('.md')) out.push(full);
    }
  };
  walk(root);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function loadCorpus(root: string, options: LoadOptions = {}): LoadResult {
  const cwd = options.cwd ?? process.cwd();
  const all = listArticleFiles(root);
  const shard = options.shard;
  // Contiguous slices of the sorted list, as test runners shard their files.
  const files = shard
    ? all.slice(Math.floor(((shard.index - 1) * all.length) / shard.count), Math.floor((shard.index * all.length) / shard.count))
    : all;
  const articles: Article[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, string>();
  const realRoot = fs.realpathSync(root);
  for (const file of files) {
    const shown = displayPath(file, cwd);
    const result = loadArticleFile(file, shown, realRoot, options);
    diagnostics.push(...result.diagnostics);
    const article = result.article;
    if (!article) continue;
    const previous = seen.get(article.id);
    if (previous !== undefined) {
      diagnostics.push(diag('error', shown, 1, 1, 'DUPLICATE_ID', `article id "${article.id}" is already used by ${previous}; rename one of the files`));
      continue;
    }
    seen.set(article.id, shown);
    articles.push(article);
  }
  if (all.length === 0) {
    diagnostics.push(diag('warning', displayPath(root, cwd), 1, 1, 'CORPUS_EMPTY', 'no *.md articles found in the corpus directory'));
  }
  return { articles, diagnostics, files };
}

interface FileResult {
  article: Article | null;
  diagnostics: Diagnostic[];
}

function diag(severity: Diagnostic['severity'], file: string, line: number, column: number, code: string, message: string): Diagnostic {
  return { severity, path: file, line, column, code, message };
}

function readRegularFile(file: string, shown: string, realRoot: string, options: LoadOptions): { bytes: Buffer } | { problem: Diagnostic } {
  const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const fail = (code: string, message: string) => ({ problem: diag('error', shown, 1, 1, code, message) });
  let target = file;
  const link = fs.lstatSync(file);
  if (link.isSymbolicLink()) {
    let real: string;
    try {
      real = fs.realpathSync(file);
    } catch {
      return fail('SYMLINK_BROKEN', 'symbolic link points to nothing');
    }
    const inside = real === realRoot || real.startsWith(realRoot + path.sep);
    if (!inside && !options.followSymlinks) {
      return fail('SYMLINK_OUTSIDE', 'symbolic link points outside the corpus directory; not followed (use --follow-symlinks to allow)');
    }
    target = real;
  }
  const stat = fs.statSync(target);
  if (!stat.isFile()) return fail('NOT_REGULAR_FILE', 'not a regular file (device, pipe or socket); skipped');
  if (stat.size > max) return fail('FILE_TOO_LARGE', `file is ${stat.size} bytes, over the limit of ${max} (see --max-file-size)`);
  // Read at most max+1 bytes through one descriptor: the size checked is the size read.
  const fd = fs.openSync(target, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(stat.size, max) + 1);
    let total = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, total, buffer.length - total, null);
      if (n === 0) break;
      total += n;
      if (total >= buffer.length) break;
    }
    if (total > max) return fail('FILE_TOO_LARGE', `file is over the limit of ${max} bytes (see --max-file-size)`);
    return { bytes: buffer.subarray(0, total) };
  } finally {
    fs.closeSync(fd);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes → text, or the reason they are not a UTF-8 article. */
export function decodeArticle(bytes: Uint8Array): { text: string } | { code: string; message: string; offset: number } {
  if (bytes.length === 0) return { code: 'FILE_EMPTY', message: 'file is empty', offset: 0 };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { code: 'FILE_ENCODING', message: 'file is UTF-16; save it as UTF-8', offset: 0 };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { code: 'FILE_BINARY', message: 'file contains NUL bytes: not a text article', offset: nul };
  try {
    // A UTF-8 byte order mark is dropped by the decoder; offsets count from after it.
    return { text: utf8.decode(bytes) };
  } catch {
    return { code: 'FILE_ENCODING', message: 'file is not valid UTF-8', offset: 0 };
  }
}

export function loadArticleFile(file: string, shown: string, realRoot: string, options: LoadOptions = {}): FileResult {
  let read: ReturnType<typeof readRegularFile>;
  try {
    read = readRegularFile(file, shown, realRoot, options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return { article: null, diagnostics: [diag('error', shown, 1, 1, 'FILE_READ', `cannot read file (${code})`)] };
  }
  if ('problem' in read) return { article: null, diagnostics: [read.problem] };
  const decoded = decodeArticle(read.bytes);
  if (!('text' in decoded)) return { article: null, diagnostics: [diag('error', shown, 1, 1, decoded.code, decoded.message)] };
  const id = path.basename(file).replace(/\.md$/i, '');
  return parseArticle(decoded.text, id, shown);
}

/** Text of one file → Article, or diagnostics explaining why not. Pure. */
export function parseArticle(raw: string, id: string, shown: string): FileResult {
  const locator = createLocator(raw);
  const at = (problem: FrontMatterProblem, severity: Diagnostic['severity'] = 'error'): Diagnostic => {
    const point = locator.point(problem.offset);
    return diag(severity, shown, point.line, point.column, problem.code, problem.message);
  };
  const found = findFrontMatter(raw);
  if (!found.ok) return { article: null, diagnostics: [at(found.problem)] };
  const parsed = parseFrontMatter(raw, found.block);
  if (!parsed.ok) return { article: null, diagnostics: [at(parsed.problem)] };
  const checked = validateMeta(parsed.data, found.block, parsed.keyOffsets);
  const diagnostics = checked.problems.map((p) => at(p, p.severity));
  if (!checked.meta) return { article: null, diagnostics };
  const bodyStart = found.block.bodyStart;
  const title = checked.meta.title ?? firstBodyLine(raw, bodyStart);
  return {
    article: {
      id,
      path: shown,
      outlet: checked.meta.outlet,
      published: checked.meta.published,
      title,
      url: checked.meta.url,
      author: checked.meta.author,
      language: checked.meta.language,
      event: checked.meta.event,
      raw,
      bodyStart,
    },
    diagnostics,
  };
}

function firstBodyLine(raw: string, from: number): string {
  const lines = raw.slice(from, from + 2000).split(/\r\n|\r|\n/);
  for (const line of lines) {
    const t = line.replace(/^#+\s*/, '').trim();
    if (t) return t;
  }
  return '';
}
