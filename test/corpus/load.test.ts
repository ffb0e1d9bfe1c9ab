import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus, parseArticle } from '../../src/corpus/load.js';
import { createLocator } from '../../src/corpus/location.js';
import { isWhiteSpace, splitSentences } from '../../src/corpus/sentences.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'it-load-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const good = '---\noutlet: Test Wire\npublished: 2025-05-16\n---\nThe talks ended on Friday.\n';

describe('locator', () => {
  it('gives 1-based line and column for LF, CRLF and CR endings', () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const text = `ab${nl}cd${nl}ef`;
      const at = text.indexOf('e');
      expect(createLocator(text).point(at)).toEqual({ line: 3, column: 1 });
      expect(createLocator(text).point(text.indexOf('d'))).toEqual({ line: 2, column: 2 });
    }
  });
});

describe('sentences', () => {
  const split = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));
  it('splits on terminal punctuation and blank lines, not on initials or abbreviations', () => {
    expect(split('Headline here\n\nU.S. Secretary of State Marco Rubio left. J. D. Vance spoke. Talks end.')).toEqual([
      'Headline here',
      'U.S. Secretary of State Marco Rubio left.',
      'J. D. Vance spoke.',
      'Talks end.',
    ]);
  });
  it('keeps hard-wrapped paragraphs whole and splits lines that end a sentence', () => {
    expect(split('The talks lasted\ntwo hours.\nThey ended.')).toEqual(['The talks lasted\ntwo hours.', 'They ended.']);
  });
  it('splits sentences whose space was lost in scraping, but not abbreviations, initials or domains', () => {
    expect(split('The talks took place at the Palace.The Russian side was led by Medinsky.')).toEqual(['The talks took place at the Palace.', 'The Russian side was led by Medinsky.']);
    expect(split('He spoke in Istanbul.Speaking later, he smiled.')).toEqual(['He spoke in Istanbul.', 'Speaking later, he smiled.']);
    expect(split('The U.S.Secretary spoke. See example.com for more. Talks with Gen.Smith ended.')).toEqual(['The U.S.Secretary spoke.', 'See example.com for more.', 'Talks with Gen.Smith ended.']);
  });
  it('handles quotes after the full stop', () => {
    expect(split('He said “no.” Then he left.')).toEqual(['He said “no.”', 'Then he left.']);
  });
  it('trims every kind of white space from a sentence, as \\s does', () => {
    expect(split('\u3000\u00a0Talks end.\u2028 \ufeff\n\n\u2003Next one.\t')).toEqual(['Talks end.', 'Next one.']);
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isWhiteSpace(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c.toString(16));
    expect(wrong).toEqual([]);
  });
});

describe('parseArticle', () => {
  it('reads the known fields and finds the body', () => {
    const r = parseArticle(good, 'a', 'a.md');
    expect(r.diagnostics).toEqual([]);
    expect(r.article?.outlet).toBe('Test Wire');
    expect(r.article?.raw.slice(r.article.bodyStart)).toBe('The talks ended on Friday.\n');
    expect(r.article?.title).toBe('The talks ended on Friday.');
  });

  it.each([
    ['---js\n{ outlet: "x" }\n---\nbody', 'FRONT_MATTER_LANGUAGE'],
    ['---javascript\nrequire("fs").writeFileSync("/tmp/it-canary", "x")\n---\nbody', 'FRONT_MATTER_LANGUAGE'],
    ['no front matter here', 'FRONT_MATTER_MISSING'],
    ['---\noutlet: x\npublished: 2025-05-16\nbody without end', 'FRONT_MATTER_UNTERMINATED'],
    ['---\n- a\n- b\n---\nbody', 'FRONT_MATTER_NOT_MAPPING'],
    ['---\noutlet: x\n---\nbody', 'FIELD_REQUIRED'],
    ['---\noutlet: x\npublished: 2024-02-30\n---\nbody', 'FIELD_DATE'],
    ['---\noutlet: x\npublished: [1\n---\nbody', 'FRONT_MATTER_YAML'],
    ['---\na: &x [1]\nb: *x\noutlet: x\npublished: 2025-05-16\n---\nbody', 'FRONT_MATTER_ALIAS'],
    ['---\noutlet: !!js/function "f"\npublished: 2025-05-16\n---\nbody', 'FRONT_MATTER_TAG'],
  ])('rejects %j with %s', (text, code) => {
    const r = parseArticle(text, 'a', 'a.md');
    expect(r.article).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toContain(code);
    expect(fs.existsSync('/tmp/it-canary')).toBe(false);
  });

  it('points a field error at the line of the field', () => {
    const r = parseArticle('---\noutlet: x\npublished: 2024-13-01\n---\nbody', 'a', 'a.md');
    expect(r.diagnostics[0]).toMatchObject({ line: 3, column: 1, code: 'FIELD_DATE' });
  });

  it('positions each of several diagnostics in one file, whatever its line endings and front-matter reader', () => {
    // An indented comment is outside what the hand-written reader takes: the YAML parser reads that one.
    for (const note of ['# note', '  # note']) {
      for (const nl of ['\n', '\r\n']) {
        const r = parseArticle(['---', 'outlet: x', 'section: a', 'published: 2025-05-16', note, 'kicker: b', '---', 'body'].join(nl), 'a', 'a.md');
        expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
          ['FIELD_UNKNOWN', 3, 1],
          ['FIELD_UNKNOWN', 6, 1],
        ]);
      }
    }
  });

  it('reads CRLF files with positions intact', () => {
    const r = parseArticle(good.replace(/\n/g, '\r\n'), 'a', 'a.md');
    expect(r.article?.outlet).toBe('Test Wire');
  });
});

describe('loadCorpus', () => {
  it('loads good files and reports bad ones without stopping', () => {
    const dir = path.join(tmp, 'mixed');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'good.md'), good);
    fs.writeFileSync(path.join(dir, 'bad.md'), '---js\n{}\n---\n');
    fs.writeFileSync(path.join(dir, 'empty.md'), '');
    fs.writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    fs.writeFileSync(path.join(dir, 'utf16.md'), Buffer.from([0xff, 0xfe, 0x2d, 0]));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'ignored');
    const r = loadCorpus(dir, { cwd: tmp });
    expect(r.articles.map((a) => a.id)).toEqual(['good']);
    expect(r.diagnostics.map((d) => [d.path, d.code])).toEqual([
      ['mixed/bad.md', 'FRONT_MATTER_LANGUAGE'],
      ['mixed/binary.md', 'FILE_BINARY'],
      ['mixed/empty.md', 'FILE_EMPTY'],
      ['mixed/utf16.md', 'FILE_UTF16'],
    ]);
  });

  it('does not follow a symlink out of the corpus and caps file size', () => {
    const dir = path.join(tmp, 'links');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(tmp, 'outside.md'), good);
    fs.symlinkSync(path.join(tmp, 'outside.md'), path.join(dir, 'link.md'));
    fs.writeFileSync(path.join(dir, 'big.md'), good + 'x'.repeat(2000));
    const r = loadCorpus(dir, { cwd: tmp, maxFileBytes: 1000 });
    expect(r.diagnostics.map((d) => d.code).sort()).toEqual(['FILE_TOO_LARGE', 'SYMLINK_OUTSIDE']);
  });

  it('reads files of any size up to the cap whole, one after another (they share one read buffer)', () => {
    const dir = path.join(tmp, 'sizes');
    fs.mkdirSync(dir);
    // Each file's bytes differ all the way through, so a stale or misplaced byte shows.
    const text = (n: number, seed: number) => good + Array.from({ length: n }, (_, i) => String.fromCharCode(97 + ((i * 7 + seed) % 26))).join('') + '\n';
    const files = { 'a.md': text(10, 1), 'b.md': text(200_000, 2), 'c.md': text(70_000, 3), 'd.md': text(300_000, 4), 'e.md': text(5, 5) };
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
    const largest = Buffer.byteLength(files['d.md']);
    const r = loadCorpus(dir, { cwd: tmp, maxFileBytes: largest });
    expect(r.diagnostics).toEqual([]);
    expect(Object.fromEntries(r.articles.map((a) => [`${a.id}.md`, a.raw]))).toEqual(files);
    const capped = loadCorpus(dir, { cwd: tmp, maxFileBytes: largest - 1 });
    expect(capped.articles.map((a) => a.id)).toEqual(['a', 'b', 'c', 'e']);
    expect(capped.diagnostics).toEqual([expect.objectContaining({ path: 'sizes/d.md', code: 'FILE_TOO_LARGE', message: `file is ${largest} bytes, over the limit of ${largest - 1} (see --max-file-size)` })]);
  });

  it('caps what it reads from a file that reports no size (/proc)', () => {
    const dir = path.join(tmp, 'proc');
    fs.mkdirSync(dir);
    fs.symlinkSync('/proc/self/status', path.join(dir, 'status.md'));
    const r = loadCorpus(dir, { cwd: tmp, maxFileBytes: 100, followSymlinks: true });
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'FILE_TOO_LARGE', message: 'file is over the limit of 100 bytes (see --max-file-size)' })]);
    // Under the cap, it is read to its end like any file (and has no front matter).
    expect(loadCorpus(dir, { cwd: tmp, followSymlinks: true }).diagnostics.map((d) => d.code)).toEqual(['FRONT_MATTER_MISSING']);
  });
});
