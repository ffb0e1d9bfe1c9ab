/**
 * Loading a corpus: every `*.md` below a directory becomes an Article or a diagnostic. One bad
 * file never stops the run, and nothing is skipped without saying so. Files come from strangers:
 * links out of the corpus are not followed, only regular files are read (a FIFO or /dev/zero
 * would block or never end), reads are capped, and bytes must be UTF-8 text before any parser
 * sees them. The loader never writes anything.
 */
import fs from 'node:fs';
import path from 'node:path';
import { escapeControls } from '../report/sanitize.js';
import type { Article, Diagnostic } from '../types.js';
import { detach } from './detach.js';
import { readFrontMatter, type FrontMatterProblem } from './front-matter.js';
import { createLocator, type Locator } from './location.js';
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
  /**
   * Set when the files come from listArticleFiles, whose directory listing already told each
   * file's type: the files it did not see as regular files (links, pipes, devices...). Only those
   * are looked at before they are opened; the others are opened at once, never following a link,
   * and the open descriptor is checked either way. Unset, every file is looked at first.
   */
  notRegular?: ReadonlySet<string>;
}

export interface LoadResult {
  articles: Article[];
  diagnostics: Diagnostic[];
  /** Paths of all article files considered, sorted. */
  files: string[];
}

/** The path shown to the user: relative to `cwd`, `/`-separated, control characters escaped. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return escapeControls((rel === '' ? file : rel).split(path.sep).join('/'));
}

export interface SkippedEntry {
  path: string;
  code: string;
  message: string;
}

/**
 * Lists `*.md` files below `root`, sorted by path, without following directory links. Directories
 * that cannot be read and links to directories are added to `skipped`, and listed files that are
 * not regular files (links, pipes, devices...) to `notRegular` (when given).
 */
export function listArticleFiles(root: string, skipped: SkippedEntry[] = [], notRegular = new Set<string>()): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ path: dir, code: 'DIR_READ', message: `cannot read directory (${(error as NodeJS.ErrnoException).code ?? 'error'}); its articles are skipped` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.toLowerCase().endsWith('.md')) {
        out.push(full);
        if (!entry.isFile()) notRegular.add(full);
      }
      else if (entry.isSymbolicLink() && isDirectory(full)) {
        skipped.push({ path: full, code: 'SYMLINK_DIRECTORY', message: 'symbolic link to a directory; not followed (link the article files instead)' });
      }
    }
  };
  walk(root);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** What listing the corpus passed over, as diagnostics: an unreadable directory is an error, a directory link a warning. */
export function skippedDiagnostics(skipped: readonly SkippedEntry[], cwd: string): Diagnostic[] {
  return skipped.map((e) => diag(e.code === 'DIR_READ' ? 'error' : 'warning', displayPath(e.path, cwd), 1, 1, e.code, e.message));
}

export function loadCorpus(root: string, options: LoadOptions = {}): LoadResult {
  const cwd = options.cwd ?? process.cwd();
  const skipped: SkippedEntry[] = [];
  const notRegular = new Set<string>();
  const all = listArticleFiles(root, skipped, notRegular);
  const shard = options.shard;
  // Contiguous slices of the sorted list, as test runners shard their files.
  const files = shard
    ? all.slice(Math.floor(((shard.index - 1) * all.length) / shard.count), Math.floor((shard.index * all.length) / shard.count))
    : all;
  const articles: Article[] = [];
  const diagnostics: Diagnostic[] = skippedDiagnostics(skipped, cwd);
  const seen = new Map<string, string>();
  const realRoot = fs.realpathSync(root);
  for (const file of files) {
    const shown = displayPath(file, cwd);
    const result = loadArticleFile(file, shown, realRoot, { ...options, notRegular });
    diagnostics.push(...result.diagnostics);
    const article = result.article;
    if (!article) continue;
    const previous = seen.get(article.id);
    if (previous !== undefined) {
      diagnostics.push(diag('error', shown, 1, 1, 'DUPLICATE_ID', `article id "${escapeControls(article.id)}" is already used by ${previous}; rename one of the files`));
      continue;
    }
    seen.set(article.id, shown);
    articles.push(article);
  }
  if (all.length === 0) {
    diagnostics.push(diag('error', displayPath(root, cwd), 1, 1, 'CORPUS_EMPTY', 'no *.md articles found in the corpus directory'));
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

/** Open flags: never follow a link swapped in at the last moment, never block on a FIFO, never adopt a terminal. */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

/**
 * Files are read into one buffer, kept from file to file and doubled when a file does not fit,
 * up to the cap and the byte that shows a file is over it: a fresh buffer per file, or per chunk,
 * cost more than the reading. What is read must be copied out (decoded) before the next file.
 */
let readBuffer: Buffer = Buffer.allocUnsafe(64 * 1024);

function readRegularFile(file: string, shown: string, realRoot: string, options: LoadOptions): { bytes: Buffer } | { problem: Diagnostic } {
  const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const fail = (code: string, message: string) => ({ problem: diag('error', shown, 1, 1, code, message) });
  let target = file;
  // What the listing saw as a regular file is not looked at again (an lstat costs as much as the
  // open): were it swapped for a link since, the open would not follow it, and fstat below sees
  // anything else.
  const listedRegular = options.notRegular !== undefined && !options.notRegular.has(file);
  const link = listedRegular ? null : fs.lstatSync(file);
  if (link?.isSymbolicLink()) {
    let real: string;
    try {
      real = fs.realpathSync(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return fail('SYMLINK_BROKEN', code === 'ELOOP' ? 'symbolic link loops back on itself' : 'symbolic link points to nothing');
    }
    const inside = real === realRoot || real.startsWith(realRoot + path.sep);
    if (!inside && !options.followSymlinks) {
      return fail('SYMLINK_OUTSIDE', 'symbolic link points outside the corpus directory; not followed (use --follow-symlinks to allow)');
    }
    target = real;
  } else if (link && !link.isFile()) {
    return fail('NOT_REGULAR_FILE', 'not a regular file (device, pipe or socket); skipped');
  }
  // What is checked is what is read: the type comes from the open descriptor, and the size from
  // the bytes actually read (/proc files report size 0; a file may grow while we read).
  const fd = fs.openSync(target, OPEN_FLAGS);
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return fail('NOT_REGULAR_FILE', 'not a regular file (device, pipe or socket); skipped');
    if (stat.size > max) return fail('FILE_TOO_LARGE', `file is ${stat.size} bytes, over the limit of ${max} (see --max-file-size)`);
    const limit = max + 1;
    let total = 0;
    for (;;) {
      if (total === readBuffer.length) readBuffer = grown(readBuffer, limit, total);
      const n = fs.readSync(fd, readBuffer, total, Math.min(readBuffer.length, limit) - total, null);
      if (n === 0) break;
      total += n;
      if (total > max) return fail('FILE_TOO_LARGE', `file is over the limit of ${max} bytes (see --max-file-size)`);
    }
    return { bytes: readBuffer.subarray(0, total) };
  } finally {
    fs.closeSync(fd);
  }
}

/** `buffer` doubled (at most to `limit` bytes), with its first `keep` bytes. */
function grown(buffer: Buffer, limit: number, keep: number): Buffer {
  const next = Buffer.allocUnsafe(Math.min(limit, 2 * buffer.length));
  buffer.copy(next, 0, 0, keep);
  return next;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** File signatures of formats that end up renamed to `.md`: named in the diagnostic. */
const SIGNATURES: Array<[string, number[]]> = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive (or an Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['an executable (ELF)', [0x7f, 0x45, 0x4c, 0x46]],
];

export type Decoded = { text: string } | { code: string; message: string; line: number; column: number };

/** Line and column (1-based) of byte `offset`, counting in the valid UTF-8 before it. */
function bytePoint(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  let line = 1;
  for (let i = 0; i < before.length; i++) {
    const c = before.charCodeAt(i);
    if (c === 10 || (c === 13 && before.charCodeAt(i + 1) !== 10)) line++;
  }
  return { line, column: before.length - lastBreak };
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need === -1 || i + need >= bytes.length) return i;
    const b1 = bytes[i + 1] as number;
    // Overlongs, surrogates and code points above U+10FFFF are excluded by the second byte's range.
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (b1 < lo || b1 > hi) return i;
    for (let k = 2; k <= need; k++) {
      const bk = bytes[i + k] as number;
      if (bk < 0x80 || bk > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Bytes → text, or the reason they are not a UTF-8 article. */
export function decodeArticle(bytes: Uint8Array): Decoded {
  const at = (code: string, message: string, offset = 0): Decoded => ({ code, message, ...bytePoint(bytes, offset) });
  if (bytes.length === 0) return at('FILE_EMPTY', 'file is empty');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return at('FILE_UTF16', 'file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8');
  }
  for (const [name, signature] of SIGNATURES) {
    if (signature.every((b, i) => bytes[i] === b)) return at('FILE_BINARY', `file is ${name}, not a text article`);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) return at('FILE_BINARY', 'file contains NUL bytes: not a text article', nul);
  try {
    // A UTF-8 byte order mark is dropped by the decoder; offsets count from after it.
    return { text: utf8.decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return at('FILE_ENCODING', `file is not valid UTF-8 (byte ${Math.max(0, bad)}); save it as UTF-8`, Math.max(0, bad));
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
  if (!('text' in decoded)) return { article: null, diagnostics: [diag('error', shown, decoded.line, decoded.column, decoded.code, decoded.message)] };
  // The id is shown and emitted everywhere: it carries no control character either.
  const id = escapeControls(path.basename(file).replace(/\.md$/i, ''));
  return parseArticle(decoded.text, id, shown);
}

/** Text of one file → Article, or diagnostics explaining why not. Pure. */
export function parseArticle(raw: string, id: string, shown: string): FileResult {
  // Lines are counted only for a file that has something to report: most have nothing.
  let locator: Locator | undefined;
  const at = (problem: FrontMatterProblem, severity: Diagnostic['severity'] = 'error'): Diagnostic => {
    locator ??= createLocator(raw);
    const point = locator.point(problem.offset);
    return diag(severity, shown, point.line, point.column, problem.code, problem.message);
  };
  // Bare CR line endings: line breaks for some parsers and not others (the YAML parser reads
  // `outlet: x\rpublished: …` as one value), and a carriage return rewrites terminal lines.
  const cr = bareCarriageReturn(raw);
  if (cr !== -1) {
    return {
      article: null,
      diagnostics: [at({ code: 'LINE_ENDINGS_CR', message: 'bare carriage return (old Mac line ending): save the file with LF or CRLF line endings', offset: cr })],
    };
  }
  const found = readFrontMatter(raw);
  if (!found.ok) return { article: null, diagnostics: [at(found.problem)] };
  const checked = validateMeta(found.data, found.block, found.keyOffsets);
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

/** Offset of the first CR not followed by LF, or -1. */
export function bareCarriageReturn(text: string): number {
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) return i;
  }
  return -1;
}

function firstBodyLine(raw: string, from: number): string {
  const lines = raw.slice(from, from + 2000).split(/\r\n|\r|\n/);
  for (const line of lines) {
    const t = line.replace(/^#+\s*/, '').trim();
    if (t) return detach(t);
  }
  return '';
}
