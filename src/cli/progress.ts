/**
 * A progress bar on stderr for long runs. It appears only after about a second (short runs stay
 * silent), only when stderr is a terminal, never in CI, never when a machine format (json, ndjson)
 * goes to a pipe — a script is reading, nobody is watching — and never when streamed output is
 * itself going to the terminal. It redraws at most ten times a second and erases itself when done,
 * so nothing of it is left between the results and the diagnostics.
 */

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressPolicy {
  stderr: { isTTY?: boolean };
  stdout: { isTTY?: boolean };
  /** Whether stdout is a pipe or socket (not a file or a terminal). */
  stdoutIsPipe: boolean;
  env: Record<string, string | undefined>;
  /** The output format is for machines (json, ndjson). */
  machineFormat: boolean;
  /** Output is written while the run goes on (so a terminal stdout already shows progress). */
  streaming: boolean;
}

/** True when CI says so: `CI` set to anything but empty, 0 or false. */
export function isCi(env: Record<string, string | undefined>): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

export function progressAllowed(p: ProgressPolicy): boolean {
  if (!p.stderr.isTTY || isCi(p.env) || p.env.TERM === 'dumb') return false;
  if (p.machineFormat && p.stdoutIsPipe) return false;
  if (p.streaming && p.stdout.isTTY) return false;
  return true;
}

const DELAY_MS = 1000;
const INTERVAL_MS = 100;

/** One line: `extracting ██████░░░░░░ 4,213/10,000 files · 42% · 3.1 s`, fitted to `columns`. */
export function renderProgress(label: string, done: number, total: number, elapsedMs: number, columns = 80): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 0;
  const counts = `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} files · ${Math.floor(fraction * 100)}% · ${(elapsedMs / 1000).toFixed(1)} s`;
  const room = columns - 1 - label.length - counts.length - 2;
  if (room < 10) return `${label} ${counts}`.slice(0, Math.max(0, columns - 1));
  const width = Math.min(40, room);
  const filled = Math.round(fraction * width);
  return `${label} ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${counts}`;
}

export interface Progress {
  update(done: number, total: number): void;
  /** Erases the bar if it was drawn. */
  stop(): void;
}

export function createProgress(label: string, stream: ProgressStream, now: () => number = () => performance.now()): Progress {
  const start = now();
  let last = -Infinity;
  let drawn = false;
  return {
    update(done, total) {
      const t = now();
      if (t - start < DELAY_MS || (t - last < INTERVAL_MS && done < total)) return;
      last = t;
      drawn = true;
      // A terminal of unknown width (0) is taken as 80 columns.
      stream.write(`\r${renderProgress(label, done, total, t - start, stream.columns || 80)}\x1b[K`);
    },
    stop() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}

/** A no-op stand-in where no bar may be shown. */
export const NO_PROGRESS: Progress = { update() {}, stop() {} };
