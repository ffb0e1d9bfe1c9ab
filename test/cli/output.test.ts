/** Results written in pieces: to stdout, or atomically into --output FILE, the same bytes as whole. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/cli/atomic.js';
import { inBlocks } from '../../src/cli/shared.js';
import { safeJson } from '../../src/report/sanitize.js';
import { cli, ROOT } from '../helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'it-output-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const DEV = path.join(ROOT, 'test/fixtures/dev');
const leftovers = () => fs.readdirSync(tmp).filter((f) => f.startsWith('.istanbul-talks-tmp-'));

describe('inBlocks', () => {
  it('joins pieces into blocks of at least the size, in order', () => {
    const pieces = Array.from({ length: 100 }, (_, i) => `${i},`);
    const blocks = [...inBlocks(pieces, 50)];
    expect(blocks.join('')).toBe(pieces.join(''));
    expect(blocks.slice(0, -1).every((b) => b.length >= 50 && b.length < 53)).toBe(true);
    expect([...inBlocks([], 50)]).toEqual([]);
  });
});

describe('writeFileAtomic with pieces', () => {
  it('writes them in order', () => {
    const file = path.join(tmp, 'pieces.txt');
    writeFileAtomic(file, (function* () {
      for (let i = 0; i < 20_000; i++) yield `line ${i}\n`;
    })());
    expect(fs.readFileSync(file, 'utf8')).toBe(Array.from({ length: 20_000 }, (_, i) => `line ${i}\n`).join(''));
    expect(leftovers()).toEqual([]);
  });

  it('leaves the target as it was when rendering fails half-way', () => {
    const file = path.join(tmp, 'kept.txt');
    fs.writeFileSync(file, 'before\n');
    const failing = (function* () {
      for (let i = 0; i < 20_000; i++) yield `line ${i}\n`;
      throw new Error('renderer failed');
    })();
    expect(() => writeFileAtomic(file, failing)).toThrow('renderer failed');
    expect(fs.readFileSync(file, 'utf8')).toBe('before\n');
    expect(leftovers()).toEqual([]);
  });
});

describe('streamed documents from the CLI', () => {
  it('compare --format json: stdout and --output hold the document stringified whole', () => {
    const out = path.join(tmp, 'compare.json');
    const stdout = cli(['compare', '--corpus', DEV, '--format', 'json'], { cwd: tmp });
    const file = cli(['compare', '--corpus', DEV, '--format', 'json', '--output', out], { cwd: tmp });
    expect(stdout.status).toBe(file.status);
    expect(file.stdout).toBe('');
    expect(stdout.stdout.length).toBeGreaterThan(100_000);
    expect(fs.readFileSync(out, 'utf8')).toBe(stdout.stdout);
    expect(stdout.stdout).toBe(`${safeJson(JSON.parse(stdout.stdout), 2)}\n`);
    expect(leftovers()).toEqual([]);
  });

  for (const args of [
    ['compare', '--format', 'ndjson'],
    ['check', '--format', 'json', '--fail-on', 'never'],
    ['check', '--format', 'ndjson', '--fail-on', 'never'],
    ['extract', '--format', 'json'],
    ['extract', '--format', 'ndjson'],
  ]) {
    it(`${args.join(' ')}: --output writes what stdout gets`, () => {
      const out = path.join(tmp, `${args.join('-')}.out`);
      const stdout = cli([...args, '--corpus', DEV], { cwd: tmp });
      const file = cli([...args, '--corpus', DEV, '--output', out], { cwd: tmp });
      expect(stdout.stdout.length).toBeGreaterThan(10_000);
      expect([file.status, file.stdout, file.stderr]).toEqual([stdout.status, '', stdout.stderr]);
      expect(fs.readFileSync(out, 'utf8')).toBe(stdout.stdout);
      if (args.includes('json')) expect(stdout.stdout).toBe(`${safeJson(JSON.parse(stdout.stdout), 2)}\n`);
      expect(leftovers()).toEqual([]);
    });
  }

  it('--output into a missing directory is a usage error, and nothing is left behind', () => {
    const r = cli(['extract', '--corpus', DEV, '--format', 'ndjson', '--output', path.join(tmp, 'no/such/dir/x.ndjson')], { cwd: tmp });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*x\.ndjson: ENOENT/);
  });
});
