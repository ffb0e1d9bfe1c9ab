/**
 * Atomic file writes: the text goes to a temporary file beside the target (same directory, so same
 * file system), is flushed, and only then takes the target's name. A reader — or a crash — never
 * sees a half-written file. Temporary names match `.istanbul-talks-tmp-*`, which .gitignore lists.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inBlocks } from './shared.js';

function realTarget(target: string): string {
  // Replace what a symbolic link points to, not the link itself.
  try {
    return fs.realpathSync(target);
  } catch {
    return target;
  }
}

/** A whole text, or its pieces in order (written as they come, never joined whole). */
type Content = string | Iterable<string>;

function writeTemp(target: string, content: Content): string {
  const tmp = path.join(path.dirname(target), `.istanbul-talks-tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
  let mode = 0o666;
  try {
    mode = fs.statSync(target).mode & 0o777;
  } catch {
    // New file: default mode (less the umask).
  }
  const fd = fs.openSync(tmp, 'wx', mode);
  try {
    if (typeof content === 'string') fs.writeFileSync(fd, content);
    else for (const block of inBlocks(content)) fs.writeFileSync(fd, block);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  return tmp;
}

/** Writes `content` to `target`, replacing it if it exists. */
export function writeFileAtomic(target: string, content: Content): void {
  const real = realTarget(target);
  const tmp = writeTemp(real, content);
  try {
    fs.renameSync(tmp, real);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}

/**
 * Creates `target` with `text`, failing with EEXIST when it already exists — also when another
 * process creates it meanwhile: a hard link, unlike a rename, never replaces.
 */
export function createFileAtomic(target: string, text: string): void {
  const tmp = writeTemp(target, text);
  try {
    fs.linkSync(tmp, target);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
