import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSources, writeCorpus } from '../bench/generate.js';
import { AUTO_MIN_FILES, autoJobs, batchFiles } from '../src/run.js';
import { cli, ROOT } from './helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'it-par-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('batches', () => {
  it('never split the files of one id, so each batch tells duplicates apart on its own', () => {
    const files = ['a/x.md', 'b/x.md', 'c/x.md', 'a/y.md', 'a/z.md', 'b/z.md', 'a/zz.md'];
    expect(batchFiles(files, 2)).toEqual([['a/x.md', 'b/x.md', 'c/x.md'], ['a/y.md', 'a/z.md', 'b/z.md'], ['a/zz.md']]);
    expect(batchFiles(files, 100)).toEqual([files]);
    expect(batchFiles([], 4)).toEqual([]);
  });
});

describe('automatic thread count', () => {
  it('uses threads only for large corpora, one per idle core, at most 4', () => {
    expect(autoJobs(AUTO_MIN_FILES - 1, 8, 0)).toBe(1);
    expect(autoJobs(AUTO_MIN_FILES, 1, 0)).toBe(1);
    expect(autoJobs(AUTO_MIN_FILES, 2, 0.2)).toBe(2);
    expect(autoJobs(AUTO_MIN_FILES, 2, 1.2)).toBe(1);
    expect(autoJobs(AUTO_MIN_FILES, 2, 3.7)).toBe(1);
    expect(autoJobs(100_000, 16, 1)).toBe(4);
  });
});

describe('extraction on several threads (ISTANBUL_TALKS_JOBS)', () => {
  const dir = path.join(tmp, 'generated');
  writeCorpus(dir, 60, loadSources(ROOT), 'threads');
  // Duplicated ids across folders, one of them broken: the first loadable file by path must win.
  for (const [file, from] of [['sub/000007-copy.md', '000003'], ['000007-copy.md', '000004']] as const) {
    const source = fs.readdirSync(dir).find((n) => n.startsWith(from)) as string;
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(dir, source), path.join(dir, file));
  }
  fs.writeFileSync(path.join(dir, '000008-copy.md'), '---\noutlet: Broken\n---\n');

  for (const corpus of ['test/fixtures/dev', dir]) {
    it(`gives the bytes of one thread, for extract and compare, on ${path.basename(corpus)}`, () => {
      for (const args of [['extract', '--format', 'ndjson'], ['compare', '--format', 'json']]) {
        const one = cli([...args, '--corpus', corpus]);
        expect(one.stdout.length).toBeGreaterThan(1000);
        for (const jobs of ['2', '3']) {
          const many = cli([...args, '--corpus', corpus], { env: { ISTANBUL_TALKS_JOBS: jobs } });
          expect(many.status).toBe(one.status);
          expect(many.stdout).toBe(one.stdout);
          expect(many.stderr).toBe(one.stderr);
        }
        if (corpus === dir && args[0] === 'extract') expect(one.stderr).toContain('[DUPLICATE_ID]');
      }
    });
  }

  it('rejects a count that is not a whole number', () => {
    const r = cli(['extract'], { env: { ISTANBUL_TALKS_JOBS: 'many' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('ISTANBUL_TALKS_JOBS takes auto or a whole number');
  });
});
