/**
 * Property-based: random and mutated articles never crash or hang the loader, the pipeline,
 * extractCorpus or the CLI, and whatever comes out keeps its invariants (spans point into the
 * file, diagnostics are well formed and carry no hostile bytes, output is deterministic).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeArticle, parseArticle } from '../../src/corpus/load.js';
import { defaultMeetings } from '../../src/events/meetings.js';
import { defaultGazetteer } from '../../src/knowledge/gazetteer.js';
import { extractArticle } from '../../src/pipeline.js';
import { extractCorpus } from '../../src/run.js';
import type { Diagnostic } from '../../src/types.js';
import { cli, ROOT } from '../helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'it-fuzz-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const FORBIDDEN = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;
const SEEDS = ['corpus', 'test/fixtures/dev'].flatMap((dir) =>
  fs.readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.md')).sort().slice(0, 12).map((f) => fs.readFileSync(path.join(ROOT, dir, f), 'utf8')),
);
const options = { gazetteer: defaultGazetteer(), meetings: defaultMeetings() };

/** Pieces of attacks and of the facts the extractors look for. */
const PIECES = [
  '---', '---js', '---yaml', '\n', '\r\n', '\r', '\ufeff', '&a ', '*a', '!!str ', '!x ', ': ', '- ', '[', '{', '"', "'", '#', '@',
  '\x1b[2J', '\x1b]0;t\x07', '\u202e', '\u200b', '\0', '\x85', '__proto__: 1\n', 'published: 2024-02-30\n', 'outlet: X\n', 'event: 2025-05-16\n',
  'Medinsky', 'Vladimir Medinsky', 'Rustem Umerov', 'Hakan Fidan', 'Dolmabahçe Palace', 'Çırağan', 'Turkey', "Russia's", 'Ukraine',
  '1,000', '1,000 for 1,000', 'thousands of prisoners', 'two hours', 'less than', '30-day ceasefire', 'led by', 'headed the delegation',
  'chaired by', 'on Friday', 'May 16', 'in Istanbul', '. ', 'U.S.', 'Donetsk, Luhansk', 'withdraw from', 'brokered', ' ',
];
const piece = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) });

type Edit = { at: number; kind: 'insert' | 'delete' | 'repeat'; text: string; size: number };
const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('insert' as const, 'delete' as const, 'repeat' as const),
  text: piece,
  size: fc.integer({ min: 1, max: 40 }),
});

function mutate(base: string, edits: Edit[]): string {
  let s = base;
  for (const e of edits) {
    const at = s.length ? e.at % (s.length + 1) : 0;
    if (e.kind === 'insert') s = s.slice(0, at) + e.text + s.slice(at);
    else if (e.kind === 'delete') s = s.slice(0, at) + s.slice(at + e.size);
    else s = s.slice(0, at) + e.text.repeat(e.size) + s.slice(at);
  }
  return s;
}

const mutated = fc.tuple(fc.constantFrom(...SEEDS), fc.array(edit, { maxLength: 10 })).map(([base, edits]) => mutate(base, edits));
const random = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(piece, { maxLength: 60 }).map((p) => p.join('')));
const anyArticle = fc.oneof({ weight: 3, arbitrary: mutated }, { weight: 1, arbitrary: random });

function checkDiagnostics(diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
    expect(d.message).not.toMatch(FORBIDDEN);
    expect(d.path).not.toMatch(FORBIDDEN);
  }
}

describe('loader and pipeline (property)', () => {
  it('parseArticle returns an article or an error, never throws', () => {
    fc.assert(
      fc.property(anyArticle, (raw) => {
        const r = parseArticle(raw, 'a', 'a.md');
        checkDiagnostics(r.diagnostics);
        const errors = r.diagnostics.filter((d) => d.severity === 'error');
        expect(r.article === null).toBe(errors.length > 0);
      }),
      { numRuns: 1500 },
    );
  });

  it('decodeArticle accepts only UTF-8 text without NUL, never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), mutated.map((s) => new TextEncoder().encode(s))), (bytes) => {
        const d = decodeArticle(bytes);
        if ('text' in d) expect(d.text.includes('\0')).toBe(false);
        else expect(d.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 1500 },
    );
  });

  it('extractArticle never throws or hangs, and every quote is the text at its span', () => {
    fc.assert(
      fc.property(mutated, (raw) => {
        const parsed = parseArticle(raw, 'a', 'a.md');
        if (!parsed.article) return;
        const t = performance.now();
        const r = extractArticle(parsed.article, options);
        expect(performance.now() - t).toBeLessThan(2000);
        checkDiagnostics(r.diagnostics);
        for (const f of r.facts) {
          expect(raw.slice(f.evidence.start, f.evidence.end)).toBe(f.evidence.quote);
          const before = raw.slice(0, f.evidence.start).split(/\r\n|\r|\n/);
          expect([f.evidence.line, f.evidence.column]).toEqual([before.length, (before.at(-1) as string).length + 1]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

let corpusCount = 0;
function writeCorpus(files: Array<string | Uint8Array>): string {
  const dir = path.join(tmp, `c${corpusCount++}`);
  fs.mkdirSync(dir);
  files.forEach((content, i) => fs.writeFileSync(path.join(dir, `a${i}.md`), content));
  return dir;
}
const corpusFiles = fc.array(fc.oneof({ weight: 3, arbitrary: mutated }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 100 }) }), { minLength: 1, maxLength: 5 });

describe('corpus and CLI (property)', () => {
  it('extractCorpus never throws, and is deterministic', () => {
    fc.assert(
      fc.property(corpusFiles, (files) => {
        const dir = writeCorpus(files);
        const one = extractCorpus(dir, { cwd: dir });
        const two = extractCorpus(dir, { cwd: dir });
        expect(JSON.stringify(two)).toBe(JSON.stringify(one));
        checkDiagnostics(one.diagnostics);
        expect(one.articles.length + new Set(one.diagnostics.filter((d) => d.severity === 'error').map((d) => d.path)).size).toBe(files.length);
      }),
      { numRuns: 60 },
    );
  });

  it('the CLI exits 0, 1 or 2 with clean output on random corpora', () => {
    fc.assert(
      fc.property(corpusFiles, fc.constantFrom('table', 'json', 'ndjson'), (files, format) => {
        const dir = writeCorpus(files);
        const r = cli(['compare', '--format', format, '--evidence', '--corpus', dir], { cwd: tmp });
        expect([0, 1, 2]).toContain(r.status);
        expect(r.stdout).not.toMatch(FORBIDDEN);
        expect(r.stderr).not.toMatch(FORBIDDEN);
        expect(r.stderr).not.toMatch(/TypeError|RangeError|at .*\.js:\d+/);
        if (format === 'json') expect(() => JSON.parse(r.stdout)).not.toThrow();
      }),
      { numRuns: 8 },
    );
  }, 120_000);
});
