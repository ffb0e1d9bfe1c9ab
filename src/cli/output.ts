/** The single write of a command's result: stdout, or `--output FILE` (atomically); and the job summary. */
import fs from 'node:fs';
import { writeFileAtomic } from './atomic.js';
import { UsageError, write } from './shared.js';

export function emit(text: string, output: string | undefined): void {
  if (output === undefined || output === '-') {
    write(text);
    return;
  }
  try {
    writeFileAtomic(output, text);
  } catch (error) {
    throw new UsageError(`cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/**
 * GitHub shows only a few annotations per step; the job summary shows everything. The file named by
 * GITHUB_STEP_SUMMARY is appended to, as the runner expects.
 */
export function appendStepSummary(markdown: () => string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  try {
    fs.appendFileSync(file, `${markdown()}\n`);
  } catch (error) {
    process.stderr.write(`istanbul-talks: cannot append to GITHUB_STEP_SUMMARY (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`);
  }
}
