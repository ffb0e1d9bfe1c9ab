/**
 * The hostile corpus: one file per attack (test/fixtures/hostile/, plus large files, links and
 * special files made here in a temp dir), run through the real CLI. Each file must give exactly
 * its diagnostic code; nothing may execute, write, hang or leak; no escape sequence may reach the
 * terminal; and the good articles in the same corpus are still compared (exit code 2).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT, type CliResult } from '../helpers.js';

const FIXTURES = path.join(ROOT, 'test/fixtures/hostile');
const SECRET = 'istanbul-talks-canary-secret-0451';
const CANARY = 'hostile-canary';
const EVIL_NAME = 'evil\x1b[2J\x1b]0;pwned\x07\u202ename.md';

/** File → the diagnostic codes it must produce (exactly), [] for articles that load cleanly. */
const EXPECTED: Record<string, string[]> = {
  'good-wire.md': [],
  'good-gazette.md': [],
  'crlf-endings.md': [],
  'js-front-matter.md': ['FRONT_MATTER_LANGUAGE'],
  'javascript-front-matter.md': ['FRONT_MATTER_LANGUAGE'],
  'js-uppercase-spaces.md': ['FRONT_MATTER_LANGUAGE'],
  'js-after-bom.md': ['FRONT_MATTER_LANGUAGE'],
  'coffee-front-matter.md': ['FRONT_MATTER_LANGUAGE'],
  'dash-x-opener.md': ['FRONT_MATTER_LANGUAGE'],
  'four-dash-opener.md': ['FRONT_MATTER_DELIMITER'],
  'dash-x-closer.md': ['FRONT_MATTER_DELIMITER'],
  'alias-bomb.md': ['FRONT_MATTER_ALIAS'],
  'custom-tag.md': ['FRONT_MATTER_TAG'],
  'tag-injection.md': ['FRONT_MATTER_YAML'],
  'yaml-error-injection.md': ['FRONT_MATTER_YAML'],
  'proto-key.md': ['FIELD_UNKNOWN', 'FIELD_UNKNOWN'],
  'impossible-date.md': ['FIELD_DATE'],
  'scalar-front-matter.md': ['FRONT_MATTER_NOT_MAPPING'],
  'list-front-matter.md': ['FRONT_MATTER_NOT_MAPPING'],
  'unterminated.md': ['FRONT_MATTER_UNTERMINATED'],
  'no-front-matter.md': ['FRONT_MATTER_MISSING'],
  'empty.md': ['FILE_EMPTY'],
  'bare-cr.md': ['LINE_ENDINGS_CR'],
  'utf16-bom.md': ['FILE_UTF16'],
  'invalid-utf8.md': ['FILE_ENCODING'],
  'nul-bytes.md': ['FILE_BINARY'],
  'image.md': ['FILE_BINARY'],
  'terminal-injection.md': ['FIELD_UNKNOWN'],
  // Markup in every field and in the text (for --format html): they load as articles.
  'html-injection.md': [],
  'html-url.md': [],
  // Made in the temp corpus by `build()`:
  'too-large.md': ['FILE_TOO_LARGE'],
  'huge-front-matter.md': ['FRONT_MATTER_TOO_LARGE'],
  'link-environ.md': ['SYMLINK_OUTSIDE'],
  'link-dev-zero.md': ['SYMLINK_OUTSIDE'],
  'link-outside.md': ['SYMLINK_OUTSIDE'],
  'link-loop.md': ['SYMLINK_BROKEN'],
  'link-inside.md': [],
  'fifo.md': ['NOT_REGULAR_FILE'],
  'link-to-fifo.md': ['NOT_REGULAR_FILE'],
  'linked-dir': ['SYMLINK_DIRECTORY'],
  [EVIL_NAME]: ['FIELD_UNKNOWN'],
};
const GOOD_OUTLETS = ['Good Wire', 'Good Gazette', 'CRLF Courier', 'Proto Post', 'Evil Wire'];

/** ESC, other C0 controls but tab and newline, DEL, C1, BiDi controls, zero-width characters. */
const FORBIDDEN = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

let tmp: string;
let corpus: string;
let cwd: string;

function build(): void {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'it-hostile-'));
  corpus = path.join(tmp, 'corpus');
  cwd = path.join(tmp, 'cwd');
  fs.mkdirSync(cwd);
  fs.cpSync(FIXTURES, corpus, { recursive: true });
  const good = fs.readFileSync(path.join(FIXTURES, 'good-wire.md'), 'utf8');
  // Large files are made here, not committed: one byte over the default limit of 5 MiB.
  fs.writeFileSync(path.join(corpus, 'too-large.md'), good + 'x'.repeat(5 * 1024 * 1024 + 1 - Buffer.byteLength(good)));
  // 70 KB of blank lines in front matter: over the cap, and gray-matter's quadratic case.
  fs.writeFileSync(path.join(corpus, 'huge-front-matter.md'), `---\n${'\n'.repeat(70_000)}outlet: x\n---\nBody.\n`);
  fs.symlinkSync('/proc/self/environ', path.join(corpus, 'link-environ.md'));
  fs.symlinkSync('/dev/zero', path.join(corpus, 'link-dev-zero.md'));
  fs.writeFileSync(path.join(tmp, 'outside.md'), good.replace('Good Wire', 'Outside Outlet'));
  fs.symlinkSync(path.join(tmp, 'outside.md'), path.join(corpus, 'link-outside.md'));
  fs.symlinkSync('link-loop.md', path.join(corpus, 'link-loop.md'));
  fs.symlinkSync('good-wire.md', path.join(corpus, 'link-inside.md'));
  execFileSync('mkfifo', [path.join(corpus, 'fifo.md')]);
  // A link inside the corpus to the FIFO: only the open descriptor can tell (and must not block).
  fs.symlinkSync('fifo.md', path.join(corpus, 'link-to-fifo.md'));
  fs.mkdirSync(path.join(tmp, 'elsewhere'));
  fs.writeFileSync(path.join(tmp, 'elsewhere', 'hidden.md'), good.replace('Good Wire', 'Elsewhere Outlet'));
  fs.symlinkSync(path.join(tmp, 'elsewhere'), path.join(corpus, 'linked-dir'));
  fs.writeFileSync(path.join(corpus, EVIL_NAME), good.replace('Good Wire', 'Named Wire').replace('title:', 'extra: 1\ntitle:'));
}

/** Every file under `dir` with its size and mtime, links not followed. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      const st = fs.lstatSync(full);
      out.push(`${path.relative(dir, full)} ${st.size} ${st.mtimeMs}`);
      if (e.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return out.sort();
}

const run = (args: string[], extraEnv: Record<string, string> = {}): CliResult & { ms: number } => {
  const t = performance.now();
  const r = cli([...args, '--corpus', corpus], { cwd, env: { ISTANBUL_TALKS_SECRET: SECRET, ...extraEnv } });
  return { ...r, ms: performance.now() - t };
};

let before: string[];
let json: { diagnostics: Array<{ path: string; code: string; severity: string; line: number; column: number; message: string }>; comparisons: Array<{ fact: string; status: string; values: Array<{ outlets: string[] }> }> };
let table: ReturnType<typeof run>;
let jsonRun: ReturnType<typeof run>;

beforeAll(() => {
  build();
  before = snapshot(corpus);
  table = run(['compare']);
  jsonRun = run(['compare', '--format', 'json']);
  json = JSON.parse(jsonRun.stdout);
}, 120_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const codesFor = (name: string) =>
  json.diagnostics.filter((d) => d.path === `../corpus/${name}`.replace(/[\x00-\x1f\x7f-\x9f\u202e]/g, (c) => (c.charCodeAt(0) < 0x100 ? `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`))).map((d) => d.code).sort();

describe('hostile corpus, file by file', () => {
  it('covers every file in the fixture folder', () => {
    const committed = fs.readdirSync(FIXTURES).sort();
    expect(committed.filter((f) => !(f in EXPECTED))).toEqual([]);
  });

  for (const [name, codes] of Object.entries(EXPECTED)) {
    it(`${JSON.stringify(name)} → ${codes.length ? codes.join(', ') : 'loads'}`, () => {
      expect(codesFor(name)).toEqual([...codes].sort());
    });
  }

  it('reports nothing else', () => {
    expect(json.diagnostics.length).toBe(Object.values(EXPECTED).reduce((n, c) => n + c.length, 0));
  });
});

describe('hostile corpus, whole run', () => {
  it('still compares the good articles and exits 2', () => {
    expect(table.status).toBe(2);
    expect(jsonRun.status).toBe(2);
    for (const outlet of GOOD_OUTLETS) expect(table.stdout).toContain(outlet);
    const venue = json.comparisons.find((c) => c.fact === 'venue');
    expect(venue?.status).toBe('agree');
    expect(venue?.values[0]?.outlets).toEqual(expect.arrayContaining(['Good Wire', 'Good Gazette', 'CRLF Courier']));
    // The link inside the corpus is an article of its own; the ones out of it are not read.
    expect(jsonRun.stdout).not.toContain('Outside Outlet');
    expect(jsonRun.stdout).not.toContain('Elsewhere Outlet');
  });

  it('finishes quickly: no hang on /dev/zero, a FIFO, a link loop or a 5 MB file', () => {
    expect(table.ms).toBeLessThan(20_000);
  });

  it('executes nothing and writes nothing', () => {
    expect(fs.readdirSync(cwd)).toEqual([]);
    expect(fs.existsSync(path.join(corpus, CANARY))).toBe(false);
    expect(fs.existsSync(path.join(ROOT, CANARY))).toBe(false);
    expect(snapshot(corpus)).toEqual(before);
  });

  it('never leaks the environment', () => {
    expect(table.stdout + table.stderr + jsonRun.stdout + jsonRun.stderr).not.toContain(SECRET);
  });

  it('shows a control character in a file name escaped', () => {
    expect(table.stderr).toContain('../corpus/evil\\x1B[2J\\x1B]0;pwned\\x07\\u202Ename.md:');
  });

  it('prints each problem as path:line:column: severity message [CODE]', () => {
    const lines = table.stderr.trimEnd().split('\n');
    expect(lines.length).toBe(json.diagnostics.length);
    for (const line of lines) expect(line).toMatch(/^\S.*:\d+:\d+: (error|warning) .+ \[[A-Z][A-Z0-9_]+\]$/);
    expect(table.stderr).toContain('../corpus/bare-cr.md:1:4: error');
    expect(table.stderr).toContain('../corpus/invalid-utf8.md:5:6: error');
  });

  it.each([
    ['compare', 'table', ''],
    ['compare', 'json', ''],
    ['compare', 'ndjson', ''],
    ['compare', 'table', '--evidence'],
    ['extract', 'json', ''],
    ['extract', 'ndjson', ''],
    ['extract', 'table', ''],
    ['sources', 'table', ''],
    ['sources', 'json', ''],
    ['compare', 'html', ''],
    ['check', 'html', ''],
  ])('%s --format %s %s: no escape, control or BiDi character on stdout or stderr', (command, format, extra) => {
    const r = command === 'compare' && format === 'table' && extra === '' ? table : run([command, '--format', format, ...(extra ? [extra] : [])]);
    expect(r.status).toBe(2);
    expect(r.stdout).not.toMatch(FORBIDDEN);
    expect(r.stderr).not.toMatch(FORBIDDEN);
    expect(r.stdout.length).toBeGreaterThan(100);
  });

  it('keeps escapes out even with colour forced on (only its own SGR sequences)', () => {
    const r = run(['compare', '--evidence'], { FORCE_COLOR: '1' });
    const withoutSgr = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
    expect(r.stdout).toContain('\x1b[');
    expect(withoutSgr(r.stdout)).not.toMatch(FORBIDDEN);
    expect(withoutSgr(r.stderr)).not.toMatch(FORBIDDEN);
  });

  it('escapes control characters in JSON instead of dropping them', () => {
    expect(jsonRun.stdout).toContain('Evil\\u001b[2J');
  });

  it('follows links out of the corpus only when asked, and still refuses special files', () => {
    const r = run(['sources', '--format', 'json', '--follow-symlinks']);
    const out = JSON.parse(r.stdout) as { sources: Array<{ outlet: string }>; diagnostics: Array<{ path: string; code: string }> };
    expect(out.sources.map((s) => s.outlet)).toContain('Outside Outlet');
    const code = (name: string) => out.diagnostics.filter((d) => d.path === `../corpus/${name}`).map((d) => d.code);
    expect(code('link-dev-zero.md')).toEqual(['NOT_REGULAR_FILE']);
    // /proc/self/environ is read (the user asked) but is not an article, and is never echoed.
    expect(code('link-environ.md')).toEqual(['FILE_BINARY']);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  });

  it('says the same about every file on several threads (the file types from the listing reach each thread)', () => {
    const one = run(['extract', '--format', 'ndjson'], { ISTANBUL_TALKS_JOBS: '1' });
    const two = run(['extract', '--format', 'ndjson'], { ISTANBUL_TALKS_JOBS: '2' });
    expect(one.stderr).toContain('[NOT_REGULAR_FILE]');
    expect([two.status, two.stdout, two.stderr]).toEqual([one.status, one.stdout, one.stderr]);
  });

  it('honours --max-file-size', () => {
    const r = run(['sources', '--format', 'json', '--max-file-size', '200']);
    const out = JSON.parse(r.stdout) as { diagnostics: Array<{ path: string; code: string }> };
    const tooLarge = out.diagnostics.filter((d) => d.code === 'FILE_TOO_LARGE').map((d) => d.path);
    expect(tooLarge).toEqual(expect.arrayContaining(['../corpus/good-wire.md', '../corpus/too-large.md']));
    expect(tooLarge).not.toContain('../corpus/empty.md');
  });

  it('keeps positions right in CRLF files', () => {
    const r = run(['extract', '--format', 'json']);
    const out = JSON.parse(r.stdout) as { facts: Array<{ article: string; evidence: { quote: string; start: number; end: number; line: number; column: number } }> };
    const raw = fs.readFileSync(path.join(corpus, 'crlf-endings.md'), 'utf8');
    const facts = out.facts.filter((f) => f.article === 'crlf-endings');
    expect(facts.length).toBeGreaterThan(0);
    for (const { evidence: e } of facts) {
      expect(raw.slice(e.start, e.end)).toBe(e.quote);
      const before = raw.slice(0, e.start).split('\r\n');
      expect([e.line, e.column]).toEqual([before.length, (before.at(-1) as string).length + 1]);
    }
  });
});
