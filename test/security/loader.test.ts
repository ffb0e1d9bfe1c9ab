/** The loader's defences, unit by unit: front matter, YAML, metadata, bytes, files. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import matter from 'gray-matter';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { findFrontMatter, MAX_FRONT_MATTER } from '../../src/corpus/front-matter.js';
import { bareCarriageReturn, decodeArticle, displayPath, firstInvalidUtf8, listArticleFiles, loadArticleFile, loadCorpus, parseArticle } from '../../src/corpus/load.js';
import { ROOT } from '../helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'it-loader-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const FIELDS = 'outlet: Test Wire\npublished: 2025-05-16\n';
const article = (front: string, body = 'The talks ended on Friday.\n') => `---\n${front}---\n${body}`;
const codes = (raw: string) => parseArticle(raw, 'a', 'a.md').diagnostics.map((d) => d.code);
const g = globalThis as { __itCanary?: number };

describe('front matter language', () => {
  it('gray-matter itself still evaluates ---js front matter, even with language: yaml (why we never call it)', () => {
    g.__itCanary = 0;
    matter('\ufeff---JS \n{ a: (globalThis.__itCanary = 1) }\n---\n', { language: 'yaml' });
    expect(g.__itCanary).toBe(1);
    delete g.__itCanary;
  });

  it.each([
    ['---js\n', 'js'],
    ['---JS\n', 'js'],
    ['---js   \n', 'js'],
    ['---  JavaScript \r\n', 'javascript'],
    ['--- javascript\n', 'javascript'],
    ['\ufeff---js\n', 'js'],
    ['---coffee\n', 'coffee'],
    ['---json\n', 'json'],
    ['---toml\n', 'toml'],
    ['---x\n', 'x'],
  ])('rejects %j without running it', (opener, language) => {
    g.__itCanary = 0;
    const raw = `${opener}{ outlet: (globalThis.__itCanary = 1, "x"), published: "2025-05-16" }\n---\nbody\n`;
    const r = parseArticle(raw, 'a', 'a.md');
    expect(r.article).toBeNull();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'FRONT_MATTER_LANGUAGE', line: 1, message: `front matter declares language "${language}"; only YAML front matter is supported (open it with a plain "---" line)` }),
    ]);
    expect(g.__itCanary).toBe(0);
    delete g.__itCanary;
  });

  it.each(['---\n', '---yaml\n', '---YML \n', '\ufeff---\n', '---   \n'])('accepts the YAML opener %j', (opener) => {
    expect(parseArticle(`${opener}${FIELDS}---\nbody\n`, 'a', 'a.md').article?.outlet).toBe('Test Wire');
  });

  it.each([
    ['----\n' + FIELDS + '---\n', 1],
    ['---#\n' + FIELDS + '---\n', 1],
    ['--- ---\n' + FIELDS + '---\n', 1],
    ['---\n' + FIELDS + '---x\nbody\n---\n', 4],
    ['---\n' + FIELDS + '----\n', 4],
  ])('refuses the ambiguous delimiter line in %j', (raw, line) => {
    const r = parseArticle(raw, 'a', 'a.md');
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'FRONT_MATTER_DELIMITER', line })]);
  });

  it('reaches gray-matter only from the guarded reader, with every engine that could evaluate refused', () => {
    // gray-matter is loaded with require on first use, so an import statement is not what to look for:
    // any mention of it in src/ outside front-matter.ts is a second way in.
    const files = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
    const users = files(path.join(ROOT, 'src')).filter((f) => /['"]gray-matter['"]/.test(fs.readFileSync(f, 'utf8')));
    expect(users.map((f) => path.relative(ROOT, f))).toEqual(['src/corpus/front-matter.ts']);
    const source = fs.readFileSync(path.join(ROOT, 'src/corpus/front-matter.ts'), 'utf8');
    const engines = /engines:\s*\{([^}]*)\}/.exec(source)?.[1] ?? '';
    for (const evaluating of ['javascript', 'js', 'coffee', 'cson', 'json']) expect(engines).toMatch(new RegExp(`\\b${evaluating}: REFUSED\\b`));
  });
});

describe('front matter size and shape', () => {
  it('caps the block, fast, on the input that makes gray-matter quadratic', () => {
    const t = performance.now();
    const r = findFrontMatter(`---\n${'\n'.repeat(MAX_FRONT_MATTER + 10)}---\nbody`);
    expect(performance.now() - t).toBeLessThan(200);
    expect(r.ok ? null : r.problem.code).toBe('FRONT_MATTER_TOO_LARGE');
  });

  it('parses a block just under the cap in linear time', () => {
    const t = performance.now();
    const r = parseArticle(`---\n${FIELDS}${'\n'.repeat(MAX_FRONT_MATTER - 100)}---\nbody\n`, 'a', 'a.md');
    expect(performance.now() - t).toBeLessThan(500);
    expect(r.article?.outlet).toBe('Test Wire');
  });

  it.each([
    ['---\njust text\n---\n', 'FRONT_MATTER_NOT_MAPPING'],
    ['---\n42\n---\n', 'FRONT_MATTER_NOT_MAPPING'],
    ['---\n- a\n---\n', 'FRONT_MATTER_NOT_MAPPING'],
    ['---\n---\nbody', 'FIELD_REQUIRED'],
    ['---\noutlet: x\npublished: 2025-05-16\n', 'FRONT_MATTER_UNTERMINATED'],
    ['---\noutlet: x\noutlet: y\npublished: 2025-05-16\n---\n', 'FRONT_MATTER_YAML'],
    [`---\na: ${'['.repeat(3000)}${']'.repeat(3000)}\n${FIELDS}---\n`, 'FRONT_MATTER_YAML'],
    [`---\n${FIELDS}a:\n${Array.from({ length: 12 }, (_, i) => `${'  '.repeat(i + 1)}- \n`).join('')}---\n`, 'FRONT_MATTER_YAML'],
  ])('%j → %s', (raw, code) => {
    expect(codes(raw)).toContain(code);
  });
});

describe('YAML', () => {
  const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    .concat('bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`))
    .join('\n');

  it('rejects a 600-byte billion-laughs block in milliseconds', () => {
    const raw = article(`${FIELDS}${bomb}\n`);
    expect(Buffer.byteLength(raw)).toBeLessThan(600);
    const t = performance.now();
    expect(codes(raw)).toEqual(['FRONT_MATTER_ALIAS']);
    expect(performance.now() - t).toBeLessThan(100);
  });

  it.each([
    ['anchor alone', 'a: &x 1\n'],
    ['alias', 'a: &x 1\nb: *x\n'],
    ['merge key', 'a: &x {k: 1}\nb:\n  <<: *x\n'],
  ])('rejects an %s', (_name, yaml) => {
    expect(codes(article(FIELDS + yaml))).toEqual(['FRONT_MATTER_ALIAS']);
  });

  it.each(['!!js/function "f"', '!!str x', '!foo x', '!!binary aGk=', '! x', '!<tag:example.com,2000:x> y'])('rejects the tag in "title: %s"', (value) => {
    expect(codes(article(`${FIELDS}title: ${value}\n`))).toEqual(['FRONT_MATTER_TAG']);
  });

  it('copies only known fields into a fresh object: no prototype pollution', () => {
    const r = parseArticle(article(`${FIELDS}__proto__:\n  polluted: 1\nconstructor:\n  prototype:\n    polluted: 1\ntoString: x\n`), 'a', 'a.md');
    expect(r.article?.outlet).toBe('Test Wire');
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r.article)).toBe(Object.prototype);
    expect(Object.keys(r.article ?? {}).sort()).toEqual(['author', 'bodyStart', 'event', 'id', 'language', 'outlet', 'path', 'published', 'raw', 'title', 'url']);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['FIELD_UNKNOWN', 'FIELD_UNKNOWN', 'FIELD_UNKNOWN']);
  });

  it('keeps two parses of the same text independent (no shared cache)', () => {
    const raw = article(`${FIELDS}author: [A, B]\n`);
    const one = parseArticle(raw, 'a', 'a.md').article;
    (one?.author as string[]).push('C');
    expect(parseArticle(raw, 'a', 'a.md').article?.author).toEqual(['A', 'B']);
  });

  it('shows hostile bytes in field names escaped', () => {
    const r = parseArticle(article(`${FIELDS}"x\\e[2J\\u202e": 1\n`), 'a', 'a.md');
    expect(r.diagnostics[0]?.message).toContain('"x\\x1B[2J\\u202E"');
  });
});

describe('dates are validated as strings', () => {
  it.each([
    ['2024-02-30', 'FIELD_DATE'],
    ['2023-02-29', 'FIELD_DATE'],
    ['2025-13-01', 'FIELD_DATE'],
    ['2025-04-31', 'FIELD_DATE'],
    ['2025-05-16T24:00', 'FIELD_DATE'],
    ['20250516', 'FIELD_DATE'],
    ['"2024-02-30"', 'FIELD_DATE'],
    ['2024-02-29', null],
    ['2025-05-16T10:30:00+03:00', null],
  ])('published: %s', (value, code) => {
    const r = parseArticle(article(`outlet: x\npublished: ${value}\n`), 'a', 'a.md');
    expect(r.diagnostics.map((d) => d.code)).toEqual(code ? [code] : []);
    if (!code) expect(r.article?.published).toBe(value);
  });
});

describe('line endings', () => {
  it('rejects bare CR line endings where they are', () => {
    const r = parseArticle(`---\n${FIELDS}---\nOne.\rTwo.\n`, 'a', 'a.md');
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'LINE_ENDINGS_CR', line: 5, column: 5 })]);
    expect(bareCarriageReturn('a\r\nb\r\n')).toBe(-1);
    expect(bareCarriageReturn('a\r\nb\rc')).toBe(4);
  });

  it('reads CRLF and mixed CRLF/LF files', () => {
    expect(parseArticle(article(FIELDS).replace(/\n/g, '\r\n'), 'a', 'a.md').article?.outlet).toBe('Test Wire');
    expect(parseArticle(`---\r\n${FIELDS}---\nbody\r\n`, 'a', 'a.md').article?.outlet).toBe('Test Wire');
  });
});

describe('bytes', () => {
  const text = (s: string) => new TextEncoder().encode(s);
  it.each([
    ['empty', new Uint8Array(), 'FILE_EMPTY', 1, 1],
    ['UTF-16 LE', Uint8Array.from([0xff, 0xfe, 0x2d, 0x00]), 'FILE_UTF16', 1, 1],
    ['UTF-16 BE', Uint8Array.from([0xfe, 0xff, 0x00, 0x2d]), 'FILE_UTF16', 1, 1],
    ['PNG', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'FILE_BINARY', 1, 1],
    ['JPEG', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]), 'FILE_BINARY', 1, 1],
    ['PDF', text('%PDF-1.7\n'), 'FILE_BINARY', 1, 1],
    ['NUL', text('---\nab\0c'), 'FILE_BINARY', 2, 3],
    ['bad byte', Uint8Array.from([...text('---\nx: é\n'), 0xc3, 0x28]), 'FILE_ENCODING', 3, 1],
    ['overlong', Uint8Array.from([0x61, 0xc0, 0xaf]), 'FILE_ENCODING', 1, 2],
    ['surrogate', Uint8Array.from([0xed, 0xa0, 0x80]), 'FILE_ENCODING', 1, 1],
    ['truncated', Uint8Array.from([0x61, 0xe2, 0x82]), 'FILE_ENCODING', 1, 2],
  ])('%s → %s at %i:%i', (_name, bytes, code, line, column) => {
    expect(decodeArticle(bytes)).toMatchObject({ code, line, column });
  });

  it('drops a UTF-8 BOM and still sees a ---js opener behind it', () => {
    const decoded = decodeArticle(Uint8Array.from([0xef, 0xbb, 0xbf, ...text('---js\n{}\n---\n')]));
    expect('text' in decoded && decoded.text.startsWith('---js')).toBe(true);
  });

  it('finds the first invalid byte exactly where the strict decoder fails (property)', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        let valid = true;
        try {
          strict.decode(bytes);
        } catch {
          valid = false;
        }
        const bad = firstInvalidUtf8(bytes);
        expect(bad === -1).toBe(valid);
        if (!valid) expect(() => strict.decode(bytes.subarray(0, bad))).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });
});

describe('files', () => {
  const good = article(FIELDS);
  const dir = (name: string) => {
    const d = path.join(tmp, name);
    fs.mkdirSync(d, { recursive: true });
    return d;
  };

  it('reads at most the cap, whatever the size the file reports', () => {
    const d = dir('cap');
    fs.writeFileSync(path.join(d, 'ok.md'), good);
    fs.writeFileSync(path.join(d, 'big.md'), good + 'x'.repeat(200));
    const r = loadCorpus(d, { cwd: d, maxFileBytes: 150 });
    expect(r.articles.map((a) => a.id)).toEqual(['ok']);
    expect(r.diagnostics).toEqual([expect.objectContaining({ path: 'big.md', code: 'FILE_TOO_LARGE' })]);
  });

  it('does not hang on /dev/zero or a FIFO, even when following links', () => {
    const d = dir('special');
    fs.symlinkSync('/dev/zero', path.join(d, 'zero.md'));
    fs.symlinkSync('/proc/self/environ', path.join(d, 'environ.md'));
    const t = performance.now();
    const r = loadCorpus(d, { cwd: d, followSymlinks: true });
    expect(performance.now() - t).toBeLessThan(2000);
    expect(r.diagnostics.map((d) => [d.path, d.code])).toEqual([
      ['environ.md', 'FILE_BINARY'],
      ['zero.md', 'NOT_REGULAR_FILE'],
    ]);
    // The content of /proc/self/environ is never part of a message.
    expect(JSON.stringify(r.diagnostics)).not.toContain('PATH=');
  });

  it('takes file types from the directory listing: only links and special files are looked at before opening', () => {
    const d = dir('types');
    fs.writeFileSync(path.join(d, 'a.md'), good);
    fs.writeFileSync(path.join(d, 'b.md'), good);
    fs.symlinkSync('a.md', path.join(d, 'link.md'));
    execFileSync('mkfifo', [path.join(d, 'fifo.md')]);
    const notRegular = new Set<string>();
    expect(listArticleFiles(d, [], notRegular).map((f) => path.basename(f))).toEqual(['a.md', 'b.md', 'fifo.md', 'link.md']);
    expect([...notRegular].map((f) => path.basename(f)).sort()).toEqual(['fifo.md', 'link.md']);
    const lstat = vi.spyOn(fs, 'lstatSync');
    try {
      const r = loadCorpus(d, { cwd: d });
      expect(r.articles.map((a) => a.id)).toEqual(['a', 'b', 'link']);
      expect(r.diagnostics.map((x) => [x.path, x.code])).toEqual([['fifo.md', 'NOT_REGULAR_FILE']]);
      expect(lstat.mock.calls.map(([f]) => path.basename(String(f))).sort()).toEqual(['fifo.md', 'link.md']);
    } finally {
      lstat.mockRestore();
    }
  });

  it('does not follow a link put where the listing saw a regular file', () => {
    const d = dir('swapped');
    fs.writeFileSync(path.join(tmp, 'secret.md'), good);
    fs.symlinkSync(path.join(tmp, 'secret.md'), path.join(d, 'a.md'));
    // Listed as a regular file (no entry in notRegular), but a link by the time it is opened.
    const r = loadArticleFile(path.join(d, 'a.md'), 'a.md', fs.realpathSync(d), { notRegular: new Set() });
    expect(r.article).toBeNull();
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'FILE_READ', message: 'cannot read file (ELOOP)' })]);
  });

  it('escapes control characters in displayed paths and article ids', () => {
    const d = dir('names');
    const name = 'a\x1b[31m\u202eb.md';
    fs.writeFileSync(path.join(d, name), good);
    const r = loadCorpus(d, { cwd: tmp });
    expect(r.articles[0]?.id).toBe('a\\x1B[31m\\u202Eb');
    expect(r.articles[0]?.path).toBe('names/a\\x1B[31m\\u202Eb.md');
    expect(displayPath(path.join(tmp, 'x\ny.md'), tmp)).toBe('x\\x0Ay.md');
  });

  it('reports links to directories instead of skipping them silently', () => {
    const d = dir('dirlink');
    fs.writeFileSync(path.join(d, 'ok.md'), good);
    fs.symlinkSync(tmp, path.join(d, 'up'));
    const r = loadCorpus(d, { cwd: d });
    expect(r.articles.length).toBe(1);
    expect(r.diagnostics).toEqual([expect.objectContaining({ path: 'up', code: 'SYMLINK_DIRECTORY', severity: 'warning' })]);
  });
});
