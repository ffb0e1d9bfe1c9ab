/**
 * Every input file other than the corpus's articles — the baseline, `--from-facts`, `--gazetteer`,
 * the calendar, the files given to `add` — is read here, with the corpus loader's protections: the
 * file is opened without following a link (unless the user allows it), non-blocking and without
 * becoming the controlling terminal; its type is checked on the open descriptor (a FIFO, a device
 * or a directory is refused); at most the cap plus one byte is read, whatever size it claims; it
 * must be UTF-8. Messages name the file and the problem, never its content.
 */
import fs from 'node:fs';
import { MAX_JSON_DEPTH } from '../limits.js';
import { escapeControls } from '../report/sanitize.js';

/** An input file that cannot be used; the message names the file and says why. */
export class InputFileError extends Error {
  constructor(
    message: string,
    /** The system's code when the file could not be opened (ENOENT, ENOTDIR …). */
    readonly code?: string,
  ) {
    super(message);
  }
}

/** JSON that cannot be used: `problem` says what, `line` where (1 when unknown); nothing of the text is quoted. */
export class JsonError extends SyntaxError {
  constructor(
    readonly problem: string,
    readonly line: number,
    wrapped = true,
  ) {
    super(wrapped ? `not valid JSON (${problem})` : problem);
  }
}

export interface InputFileOptions {
  /** Largest size accepted, in bytes. */
  maxBytes: number;
  /** What the file is, for messages ("baseline", "gazetteer"). */
  what: string;
  /** Follow a symbolic link at the path (the user's --follow-symlinks); else a link is refused. */
  followSymlinks?: boolean;
}

const { O_RDONLY, O_NOFOLLOW = 0, O_NONBLOCK = 0, O_NOCTTY = 0 } = fs.constants;
const utf8 = new TextDecoder('utf-8', { fatal: true });

const failure = (file: string, options: InputFileOptions) => (why: string) => new InputFileError(`${options.what} ${escapeControls(file)}: ${why}`);

/** The text of `file`, read with the protections above; throws InputFileError. */
export function readInputFile(file: string, options: InputFileOptions): string {
  const bytes = readInputBytes(file, options);
  try {
    return utf8.decode(bytes).replace(/^\ufeff/, '');
  } catch {
    throw failure(file, options)('is not valid UTF-8 text');
  }
}

/** The bytes of `file`, read with the protections above; throws InputFileError. */
export function readInputBytes(file: string, options: InputFileOptions): Buffer {
  const fail = failure(file, options);
  let fd: number;
  try {
    fd = fs.openSync(file, O_RDONLY | O_NONBLOCK | O_NOCTTY | (options.followSymlinks ? 0 : O_NOFOLLOW));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const refused = code === 'ELOOP' ? fail('is a symbolic link; not followed (name the file itself)') : code === 'ENOENT' ? fail('not found') : fail(`cannot be read (${code ?? 'error'})`);
    throw new InputFileError(refused.message, code);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw fail(`is not a regular file (${stat.isDirectory() ? 'a directory' : stat.isFIFO() ? 'a FIFO' : stat.isSocket() ? 'a socket' : 'a device'})`);
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.allocUnsafe(Math.min(options.maxBytes + 1, 1024 * 1024));
    for (;;) {
      let n: number;
      try {
        n = fs.readSync(fd, chunk, 0, Math.min(chunk.length, options.maxBytes + 1 - total), null);
      } catch (error) {
        throw fail(`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      }
      if (n === 0) break;
      chunks.push(Buffer.from(chunk.subarray(0, n)));
      total += n;
      if (total > options.maxBytes) throw fail(`is over the limit of ${options.maxBytes} bytes`);
    }
    return Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(fd);
  }
}

/** Whether JSON text nests arrays and objects deeper than `max` (one linear scan, strings skipped). */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Skip a string: up to the next quote not escaped.
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === 92) i++;
        else if (s === 34) break;
      }
    } else if (c === 91 || c === 123) {
      if (++depth > max) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

/**
 * JSON.parse with a depth cap and a message that quotes nothing of the input (V8's messages quote
 * the start of the text: a baseline linked to /proc/self/environ printed the environment).
 */
export function parseJson(text: string, max = MAX_JSON_DEPTH): unknown {
  if (jsonTooDeep(text, max)) throw new JsonError(`nested deeper than ${max} levels`, 1, false);
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = / at position (\d+)/.exec(message);
    throw new JsonError(jsonProblem(message, text), at ? lineOf(text, Number(at[1])) : 1);
  }
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** What is wrong, and where, from V8's message, without the input it quotes. */
function jsonProblem(message: string, text: string): string {
  const at = / at position (\d+)/.exec(message);
  const where = at ? ` at ${pointOf(text, Number(at[1]))}` : '';
  if (message.startsWith('Unexpected end')) return 'it ends too early';
  if (message.startsWith('Unexpected token') || message.startsWith('Unexpected non-whitespace')) return `unexpected character${where}`;
  if (message.startsWith('Bad control character')) return `a control character in a string${where}`;
  if (message.startsWith('Bad escaped') || message.startsWith('Bad Unicode escape')) return `a bad escape in a string${where}`;
  if (message.startsWith('Unterminated string')) return `a string is not closed${where}`;
  if (message.startsWith('Expected')) return `${message.slice(0, message.indexOf(' in JSON') === -1 ? message.length : message.indexOf(' in JSON'))}${where}`;
  return `syntax error${where}`;
}

function pointOf(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return `line ${line}, column ${offset - start + 1}`;
}
