/** What every command shares: corpus resolution, colour, option parsing, usage errors, the single write. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { guardOutput, outputGuard, type OutputMode } from '../report/sanitize.js';
import { FACT_KINDS, type Diagnostic, type FactKind } from '../types.js';

export const EXIT = { ok: 0, findings: 1, invalid: 2 } as const;

/** A usage error: reported as `istanbul-talks: <message>` with exit code 2. */
export class UsageError extends Error {}

const here = path.dirname(fileURLToPath(import.meta.url));
export const BUNDLED_CORPUS = path.resolve(here, '../../corpus');

export interface CommonOptions {
  corpus?: string;
  color?: boolean;
  gazetteer?: string[];
  /** Calendar files with meetings to add to the bundled calendar. */
  calendar?: string[];
  maxFileSize?: string;
  followSymlinks?: boolean;
}

/** Which corpus a command reads, and whether it is the bundled sample (no ./corpus, no --corpus). */
export interface CorpusChoice {
  dir: string;
  bundled: boolean;
}

export function chooseCorpus(option: string | undefined, cwd = process.cwd()): CorpusChoice {
  if (option !== undefined) {
    const dir = path.resolve(cwd, option);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(dir);
    } catch {
      throw new UsageError(`corpus directory not found: ${option}`);
    }
    if (!stat.isDirectory()) throw new UsageError(`corpus is not a directory: ${option}`);
    return { dir, bundled: false };
  }
  const local = path.resolve(cwd, 'corpus');
  if (fs.existsSync(local) && fs.statSync(local).isDirectory()) return { dir: local, bundled: false };
  return { dir: BUNDLED_CORPUS, bundled: true };
}

/**
 * The corpus directory to read. The bundled sample is there for the quick start only: when it is
 * read because there is neither ./corpus nor --corpus, stderr says so, so that nobody takes its
 * results for their own corpus's.
 */
export function resolveCorpus(option: string | undefined): string {
  const choice = chooseCorpus(option);
  if (choice.bundled) {
    process.stderr.write(`istanbul-talks: no ./corpus here and no --corpus: reading the bundled sample corpus (${choice.dir})\n`);
  }
  return choice.dir;
}

/** Colour level: --no-color / --color, then FORCE_COLOR, then NO_COLOR, then whether stdout is a terminal. */
export function resolveColor(flag: boolean | undefined, stream: NodeJS.WriteStream = process.stdout): 0 | 1 | 2 | 3 {
  if (flag === false) return 0;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '' || force === 'true') return 1;
    if (force === 'false' || force === '0') return 0;
    const n = Number(force);
    return Number.isInteger(n) && n >= 1 && n <= 3 ? (n as 1 | 2 | 3) : 1;
  }
  if (flag === true) return 1;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return 0;
  return stream.isTTY ? 1 : 0;
}

/** No table is laid out narrower than this, whatever COLUMNS says. */
export const MIN_WIDTH = 20;

/**
 * The columns tables must fit: COLUMNS when set (a whole number), else the terminal's width when
 * stdout is one. Undefined when stdout is a pipe or a file and COLUMNS is unset: tables keep their
 * full width, so that logs and piped output do not depend on who ran the command.
 */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number } = process.stdout, env: Record<string, string | undefined> = process.env): number | undefined {
  const columns = env.COLUMNS?.trim();
  if (columns && /^\d{1,5}$/.test(columns)) return Math.max(MIN_WIDTH, Number(columns));
  return stream.isTTY && stream.columns ? Math.max(MIN_WIDTH, stream.columns) : undefined;
}

/** `{ width }` for a command's result: the terminal's, unless it goes to a file (--output); else nothing. */
export function widthOf(output: string | undefined): { width?: number } {
  const width = output !== undefined && output !== '-' ? undefined : terminalWidth();
  return width === undefined ? {} : { width };
}

export function parseFacts(values: string[] | undefined): FactKind[] | undefined {
  if (!values?.length) return undefined;
  const list = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  for (const f of list) {
    if (!(FACT_KINDS as readonly string[]).includes(f)) throw new UsageError(`unknown fact "${f}" (facts: ${FACT_KINDS.join(', ')})`);
  }
  return list as FactKind[];
}

export function parseList(values: string[] | undefined): string[] | undefined {
  if (!values?.length) return undefined;
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

export function parseBytes(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+)\s*(k|kb|kib|m|mb|mib)?$/i.exec(value.trim());
  if (!m) throw new UsageError(`--max-file-size takes a size such as 5000000, 512k or 5m, not "${value}"`);
  const unit = (m[2] ?? '').toLowerCase();
  return Number(m[1]) * (unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 * 1024 : 1);
}

export function parseFormat<T extends string>(value: string, allowed: readonly T[], command: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${command}: unknown format "${value}" (formats: ${allowed.join(', ')})`);
  return value as T;
}

export function hasErrors(diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * What a format's output is, for the guard at the output boundary (see outputGuard): JSON formats
 * keep their bytes but `##[`, workflow commands keep their own command lines.
 */
export function outputMode(format: string): OutputMode {
  return format === 'json' || format === 'ndjson' || format === 'sarif' ? 'json' : format === 'github' || format === 'html' ? format : 'text';
}

/**
 * The single write of a command's result to stdout, through the guard: no escape sequence but
 * colour, no control or BiDi character, nothing a CI runner reads as a command.
 */
export function write(text: string, mode: OutputMode = 'text'): void {
  process.stdout.write(guardOutput(text, mode));
}

/** Every message to stderr goes through here, through the same guard as results. */
export function writeErr(text: string): void {
  process.stderr.write(guardOutput(text, 'text'));
}

let version: string | undefined;
/** The package version (for formats that record the tool, such as SARIF). */
export function toolVersion(): string {
  version ??= (JSON.parse(fs.readFileSync(path.resolve(here, '../../package.json'), 'utf8')) as { version: string }).version;
  return version;
}

/** `--shard I/N`: the I-th of N contiguous slices of the path-sorted file list, 1-based. */
export function parseShard(value: string | undefined): { index: number; count: number } | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(\d{1,6})\s*\/\s*(\d{1,6})\s*$/.exec(value);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard takes I/N with 1 <= I <= N (for example 2/3), not "${value}"`);
  return { index, count };
}

/** Pieces of text through the output guard, piece by piece. */
export function* guarded(pieces: Iterable<string>, mode: OutputMode): Generator<string> {
  const guard = outputGuard(mode);
  for (const piece of pieces) {
    const safe = guard.push(piece);
    if (safe) yield safe;
  }
  const rest = guard.end();
  if (rest) yield rest;
}

/** Pieces of text joined into blocks of at least `size` UTF-16 units (the last may be shorter): fewer, larger writes. */
export function* inBlocks(pieces: Iterable<string>, size = 65_536): Generator<string> {
  let block = '';
  for (const piece of pieces) {
    block += piece;
    if (block.length < size) continue;
    yield block;
    block = '';
  }
  if (block) yield block;
}

/** Until `out` drains or fails; both listeners are removed either way, so waits never pile them up. */
function drained(out: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('error', done);
      resolve();
    };
    out.on('drain', done);
    out.on('error', done);
  });
}

/**
 * Writes text as it is produced, in blocks of about 64 KiB, waiting while stdout's buffer is full,
 * so streamed output never piles up in memory. Returns false when the reader went away
 * (`… | head`): the caller stops quietly, as other command-line tools do.
 */
export async function writeStreamed(pieces: Iterable<string>, out: NodeJS.WritableStream = process.stdout, mode: OutputMode = 'text'): Promise<boolean> {
  let failed: NodeJS.ErrnoException | null = null;
  const onError = (error: NodeJS.ErrnoException) => {
    failed = error;
  };
  out.on('error', onError);
  for (const block of inBlocks(guarded(pieces, mode))) {
    const ok = out.write(block);
    if (!ok && !failed) await drained(out);
    if (failed) break;
  }
  const error = failed as NodeJS.ErrnoException | null;
  if (error === null) out.off('error', onError);
  else if (error.code !== 'EPIPE') throw error;
  return error === null;
}
