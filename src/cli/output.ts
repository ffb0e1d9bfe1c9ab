/** The single write of a command's result: stdout, or `--output FILE` (atomically); and the job summary. */
import fs from 'node:fs';
import type { Rendered } from '../report/formats.js';
import { WriteRefused, writeFileAtomic } from './atomic.js';
import { guardOutput, type OutputMode } from '../report/sanitize.js';
import { UsageError, guarded, write, writeErr, writeStreamed } from './shared.js';

/**
 * Writes a result, whole or (large documents) piece by piece as it is rendered. False when stdout's
 * reader went away before the end: the caller stops quietly.
 */
export async function emit(rendered: Rendered, output: string | undefined, mode: OutputMode): Promise<boolean> {
  if (output === undefined || output === '-') {
    if (typeof rendered !== 'string') return writeStreamed(rendered, process.stdout, mode);
    write(rendered, mode);
    return true;
  }
  try {
    // A file gets what stdout would: it may be printed in a CI log later.
    writeFileAtomic(output, typeof rendered === 'string' ? guardOutput(rendered, mode) : guarded(rendered, mode));
  } catch (error) {
    if (error instanceof WriteRefused) throw new UsageError(`not writing --output: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    // Only the file system's errors are the file's; one from rendering the pieces is not.
    if (code === undefined) throw error;
    throw new UsageError(`cannot write ${output}: ${code}`);
  }
  return true;
}

/**
 * GitHub shows only a few annotations per step; the job summary shows everything. The file named by
 * GITHUB_STEP_SUMMARY is appended to, as the runner expects.
 */
export function appendStepSummary(markdown: () => string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  try {
    fs.appendFileSync(file, guardOutput(`${markdown()}\n`, 'text'));
  } catch (error) {
    writeErr(`istanbul-talks: cannot append to GITHUB_STEP_SUMMARY (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`);
  }
}
