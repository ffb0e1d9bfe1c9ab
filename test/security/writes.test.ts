/**
 * Issue 13, point 1: every write (`add`, `--output`, `check --update-baseline`) looks at the target
 * itself (lstat) and refuses a symbolic link, a directory or a special file with a message and
 * exit 2; it never resolves a link to decide where to write, and what a link points to is left
 * byte for byte and mode for mode as it was.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, createFileAtomic, WriteRefused } from '../../src/cli/atomic.js';
import { cli } from '../helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'it-writes-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const SCRIPT = '#!/bin/sh\necho original\n';
const STORY = 'ISTANBUL, May 16 (Wire) - Russian and Ukrainian delegations met on Friday at the Dolmabahce Palace for talks that lasted less than two hours.\n';
const ARTICLE = `---\noutlet: Wire\npublished: 2025-05-16\n---\n${STORY}`;
const OTHER = `---\noutlet: Post\npublished: 2025-05-16\n---\nThe talks on Friday were held at the Ciragan Palace.\n`;

let dir: string;
let count = 0;
beforeEach(() => {
  dir = path.join(tmp, `w${count++}`);
  fs.mkdirSync(path.join(dir, 'corpus'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'corpus/wire-2025-05-16.md'), ARTICLE);
  fs.writeFileSync(path.join(dir, 'corpus/post-2025-05-16.md'), OTHER);
  fs.writeFileSync(path.join(dir, 'script.sh'), SCRIPT, { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'story.txt'), STORY);
});

/** The script a link pointed to: same bytes, still executable. */
function expectScriptUntouched(): void {
  const file = path.join(dir, 'script.sh');
  expect(fs.readFileSync(file, 'utf8')).toBe(SCRIPT);
  expect(fs.statSync(file).mode & 0o777).toBe(0o755);
}

const leftovers = () => fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).includes('.istanbul-talks-tmp-'));

describe('writes never follow links', () => {
  it('add --force onto a corpus file that is a link to a script: refused, exit 2, script kept', () => {
    fs.rmSync(path.join(dir, 'corpus/wire-2025-05-16.md'));
    fs.symlinkSync('../script.sh', path.join(dir, 'corpus/wire-2025-05-16.md'));
    const r = cli(['add', 'story.txt', '--outlet', 'Wire', '--published', '2025-05-16', '--force'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('corpus/wire-2025-05-16.md is a symbolic link');
    expectScriptUntouched();
    expect(fs.lstatSync(path.join(dir, 'corpus/wire-2025-05-16.md')).isSymbolicLink()).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it('check --update-baseline with a committed baseline that is a link: refused, target kept', () => {
    fs.symlinkSync('script.sh', path.join(dir, '.istanbul-talks-baseline.json'));
    const r = cli(['check', '--update-baseline', '--merge-events'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('.istanbul-talks-baseline.json is a symbolic link');
    expectScriptUntouched();
    // --baseline names the same kind of file: also refused.
    const named = cli(['check', '--update-baseline', '--baseline', '.istanbul-talks-baseline.json'], { cwd: dir });
    expect(named.status).toBe(2);
    expectScriptUntouched();
  });

  for (const command of [['compare'], ['extract'], ['check', '--fail-on', 'never'], ['add', 'story.txt', '--outlet', 'New', '--published', '2025-05-16']]) {
    it(`${command[0]} --output LINK: refused, exit 2, target kept`, () => {
      fs.symlinkSync('script.sh', path.join(dir, 'out.txt'));
      const r = cli([...command, '--output', 'out.txt'], { cwd: dir });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain('out.txt is a symbolic link');
      expect(r.stdout).toBe('');
      expectScriptUntouched();
    });
  }

  it('a link to a file that does not exist yet (dangling) is refused too, and nothing is created', () => {
    fs.symlinkSync('created-by-link.txt', path.join(dir, 'out.txt'));
    const r = cli(['compare', '--output', 'out.txt'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(fs.existsSync(path.join(dir, 'created-by-link.txt'))).toBe(false);
  });

  it('--output onto a directory, a FIFO or a device: refused with what it is, exit 2', () => {
    fs.mkdirSync(path.join(dir, 'a-dir'));
    execFileSync('mkfifo', [path.join(dir, 'a-fifo')]);
    for (const [target, kind] of [['a-dir', 'a directory'], ['a-fifo', 'a FIFO'], ['/dev/null', 'a device']] as const) {
      const r = cli(['extract', '--output', target], { cwd: dir });
      expect(r.status, target).toBe(2);
      expect(r.stderr).toContain(`${target} is ${kind}`);
    }
  });

  it('a regular file is replaced by rename: new inode, no execute bit, no temp file left', () => {
    const out = path.join(dir, 'out.json');
    fs.writeFileSync(out, 'old\n', { mode: 0o755 });
    const inode = fs.statSync(out).ino;
    const r = cli(['extract', '--output', 'out.json'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).schemaVersion).toBe(1);
    expect(fs.statSync(out).ino).not.toBe(inode);
    expect(fs.statSync(out).mode & 0o111).toBe(0);
    expect(leftovers()).toEqual([]);
  });
});

describe('the write helper', () => {
  it('refuses links with WriteRefused and leaves them as they are', () => {
    const link = path.join(dir, 'link');
    fs.symlinkSync('script.sh', link);
    expect(() => writeFileAtomic(link, 'x')).toThrow(WriteRefused);
    expect(() => createFileAtomic(link, 'x')).toThrow(WriteRefused);
    expect(fs.readlinkSync(link)).toBe('script.sh');
    expectScriptUntouched();
  });

  it('creates without replacing: EEXIST on a regular file', () => {
    const file = path.join(dir, 'exists.txt');
    fs.writeFileSync(file, 'kept');
    expect(() => createFileAtomic(file, 'x')).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(fs.readFileSync(file, 'utf8')).toBe('kept');
  });
});
