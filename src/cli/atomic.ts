/**
 * Every file the program writes (`add`, `--output`, `check --update-baseline`) goes through here.
 * The target's own entry is looked at with `lstat`, never resolved: a symbolic link, a directory, a
 * device, a FIFO or a socket is refused (`WriteRefused`), so a link committed in a pull request
 * cannot make the program replace the file it points to. The text goes to a new temporary file
 * beside the target (created with O_EXCL, so never an existing file or link), is flushed, and only
 * then takes the target's name by `rename`, which replaces the directory entry and never follows a
 * link put there meanwhile. A reader, or a crash, never sees a half-written file. Temporary names
 * match `.istanbul-talks-tmp-*`, which .gitignore lists.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inBlocks } from './shared.js';

/** A write refused because of what is at the target path; the message says what and why. */
export class WriteRefused extends Error {}

/** A whole text, or its pieces in order (written as they come, never joined whole). */
type Content = string | Iterable<string>;

function kindOf(stat: fs.Stats): string | null {
  if (stat.isSymbolicLink()) return 'a symbolic link';
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFile()) return null;
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  return 'a device';
}

/**
 * What is at `target` now: null when nothing, else its permission bits (read and write only: what
 * is written is data, never a program). Throws `WriteRefused` for anything but a regular file.
 */
function inspectTarget(target: string, shown: string): number | null {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const kind = kindOf(stat);
  if (kind !== null) throw new WriteRefused(`${shown} is ${kind}; istanbul-talks writes only regular files and never through links (remove it or choose another path)`);
  return stat.mode & 0o666;
}

function writeTemp(target: string, content: Content, mode: number): string {
  const tmp = path.join(path.dirname(target), `.istanbul-talks-tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
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

/** Writes `content` to `target`, replacing a regular file there; `shown` names it in messages. */
export function writeFileAtomic(target: string, content: Content, shown = target): void {
  const mode = inspectTarget(target, shown) ?? 0o666;
  const tmp = writeTemp(target, content, mode);
  try {
    fs.renameSync(tmp, target);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}

/**
 * Creates `target` with `text`, failing with EEXIST when it already exists — also when another
 * process creates it meanwhile: a hard link, unlike a rename, never replaces (and never follows a
 * link at the target).
 */
export function createFileAtomic(target: string, text: string, shown = target): void {
  if (inspectTarget(target, shown) !== null) throw Object.assign(new Error(`${shown} exists`), { code: 'EEXIST' });
  const tmp = writeTemp(target, text, 0o666);
  try {
    fs.linkSync(tmp, target);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
