/**
 * Issue 13, points 5, 6 and 7: every input besides the articles — the baseline (also the one found
 * in the working directory), --from-facts, --gazetteer, --calendar, the files given to `add` — is read like an
 * article: regular files only, links not followed (the gazetteer's: only to a regular file), size
 * capped while reading, JSON nesting capped, nothing of the content echoed in a message; gazetteer
 * names are trimmed, validated and capped; and no escape sequence reaches the terminal from any of
 * them, nor from a warning of the YAML library.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { InputFileError, jsonTooDeep, parseJson, readInputFile } from '../../src/corpus/input-file.js';
import { MAX_GAZETTEER_NAMES, MAX_JSON_DEPTH } from '../../src/limits.js';
import { cli } from '../helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'it-inputs-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const SECRET = 'istanbul-talks-canary-0451';
const ARTICLE = '---\noutlet: Wire\npublished: 2025-05-16\n---\nThe talks on Friday were held at the Dolmabahce Palace. The Russian delegation was led by Vladimir Medinsky.\n';
/** ESC, other C0/C1 controls but tab and newline, BiDi controls. */
const FORBIDDEN = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

let dir: string;
let n = 0;
beforeEach(() => {
  dir = path.join(tmp, `d${n++}`);
  fs.mkdirSync(path.join(dir, 'corpus'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'corpus/wire.md'), ARTICLE);
});

const run = (args: string[]) => {
  const t = performance.now();
  const r = cli(args, { cwd: dir, env: { ISTANBUL_TALKS_SECRET: SECRET } });
  return { ...r, ms: performance.now() - t };
};

/** Exit 2, a message naming the file, nothing of the environment, no control character, quickly. */
function expectRefused(r: ReturnType<typeof run>, message: RegExp): void {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr + r.stdout).not.toContain(SECRET);
  expect(r.stderr).not.toMatch(FORBIDDEN);
  expect(r.ms).toBeLessThan(20_000);
}

describe('the baseline', () => {
  it('found in the working directory as a link to /proc/self/environ: refused, the environment not printed', () => {
    fs.symlinkSync('/proc/self/environ', path.join(dir, '.istanbul-talks-baseline.json'));
    expectRefused(run(['check']), /baseline \.istanbul-talks-baseline\.json: is a symbolic link; not followed/);
  });

  it('a link to /dev/zero, a FIFO, a directory: refused at once', () => {
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.json'));
    execFileSync('mkfifo', [path.join(dir, 'fifo.json')]);
    fs.mkdirSync(path.join(dir, 'dir.json'));
    expectRefused(run(['check', '--baseline', 'zero.json']), /is a symbolic link/);
    expectRefused(run(['check', '--baseline', 'zero.json', '--follow-symlinks']), /is not a regular file \(a device\)/);
    expectRefused(run(['check', '--baseline', 'fifo.json']), /is not a regular file \(a FIFO\)/);
    expectRefused(run(['check', '--baseline', 'dir.json']), /is not a regular file \(a directory\)/);
  });

  it('not JSON: the message says where, and quotes nothing of it', () => {
    fs.writeFileSync(path.join(dir, 'b.json'), `${SECRET}=\x1b]0;pwned\x07\x1b[2J`);
    expectRefused(run(['check', '--baseline', 'b.json']), /baseline b\.json: not valid JSON \(unexpected character\)/);
    fs.writeFileSync(path.join(dir, 'c.json'), `{"schemaVersion": 1, "entries": [], "x": "${SECRET}\x1b[2J"}`);
    expectRefused(run(['check', '--baseline', 'c.json']), /baseline c\.json: not valid JSON \(a control character in a string at line 1, column \d+\)/);
  });

  it('200,000 nested levels: a clear error, not a crash', () => {
    fs.writeFileSync(path.join(dir, 'deep.json'), `${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    expectRefused(run(['check', '--baseline', 'deep.json']), new RegExp(`baseline deep\\.json: nested deeper than ${MAX_JSON_DEPTH} levels`));
  });
});

describe('--from-facts', () => {
  it('a link to /dev/zero, a FIFO: refused at once', () => {
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.ndjson'));
    execFileSync('mkfifo', [path.join(dir, 'fifo.ndjson')]);
    expectRefused(run(['compare', '--from-facts', 'zero.ndjson']), /facts file zero\.ndjson: is a symbolic link/);
    expectRefused(run(['compare', '--from-facts', 'fifo.ndjson']), /facts file fifo\.ndjson: is not a regular file \(a FIFO\)/);
  });

  it('a record nested 200,000 deep is a diagnostic of its line; the other lines are read', () => {
    const good = cli(['extract', '--format', 'ndjson'], { cwd: dir }).stdout;
    fs.writeFileSync(path.join(dir, 'deep.ndjson'), `${good}${'['.repeat(200_000)}${']'.repeat(200_000)}\n`);
    const r = run(['compare', '--from-facts', 'deep.ndjson', '--format', 'json']);
    expect(r.status).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.articles).toBe(1);
    expect(doc.diagnostics.map((d: { code: string; line: number }) => `${d.code}:${d.line}`)).toContain(`FACTS_JSON:${good.split('\n').length}`);
  });
});

describe('--gazetteer', () => {
  const gazetteer = (entities: unknown) => {
    fs.writeFileSync(path.join(dir, 'g.json'), JSON.stringify({ entities }));
    return ['--gazetteer', 'g.json'];
  };

  it('a link to /dev/zero or a FIFO: refused at once', () => {
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.json'));
    execFileSync('mkfifo', [path.join(dir, 'fifo.json')]);
    expectRefused(run(['compare', '--gazetteer', 'zero.json']), /zero\.json:1: is not a regular file \(a device\)/);
    expectRefused(run(['compare', '--gazetteer', 'fifo.json']), /fifo\.json:1: is not a regular file \(a FIFO\)/);
  });

  it('not JSON: file and line, nothing quoted, no escape sequence', () => {
    fs.writeFileSync(path.join(dir, 'g.json'), `\x1b]52;c;${SECRET}\x07`);
    expectRefused(run(['compare', '--gazetteer', 'g.json']), /g\.json:1: not valid JSON \(unexpected character\)/);
  });

  it("a person's side with an escape sequence is refused; it never reaches the fact subject", () => {
    expectRefused(run(['compare', ...gazetteer([{ id: 'ivan-evil', kind: 'person', name: 'Ivan Evil', side: 'russia\x1b[2J\x1b]0;pwned\x07' }])]), /"side" must be a lower-case hyphenated ASCII id/);
  });

  it('aliases are trimmed: " Zed" matches "Zed", and 200 KB of spaces stay fast', () => {
    const args = gazetteer([{ id: 'zed-zedson', kind: 'person', side: 'ukraine', name: '  Zed   Zedson ', aliases: [' Zed'] }]);
    fs.writeFileSync(path.join(dir, 'corpus/spaces.md'), `---\noutlet: Spaces\npublished: 2025-05-16\n---\nThe Ukrainian delegation was led by Zed Zedson.${' '.repeat(200_000)}x\n`);
    const r = run(['extract', '--format', 'json', ...args]);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).facts.filter((f: { fact: string }) => f.fact === 'delegation-head').map((f: { value: string }) => f.value)).toContain('zed-zedson');
    expect(r.ms).toBeLessThan(10_000);
  });

  it('an alias with a control character or longer than the cap is refused with file and line', () => {
    expectRefused(run(['compare', ...gazetteer([{ id: 'a-b', kind: 'person', name: 'A B', aliases: ['A\x1b[2JB'] }])]), /g\.json:\d+: entity #1 "a-b": "aliases" must be a list of non-empty strings/);
    expectRefused(run(['compare', ...gazetteer([{ id: 'a-b', kind: 'person', name: 'A'.repeat(5000) }])]), /"name" must be a non-empty string of at most/);
  });

  it(`more than ${MAX_GAZETTEER_NAMES} names: a clear error`, () => {
    const entities = Array.from({ length: MAX_GAZETTEER_NAMES }, (_, i) => ({ id: `p-${i}`, kind: 'person', name: `Person Number${i}` }));
    expectRefused(run(['compare', ...gazetteer(entities)]), new RegExp(`g\\.json:1: \\d+ names and aliases in all, over the limit of ${MAX_GAZETTEER_NAMES}`));
  });
});

describe('--calendar', () => {
  it('a link to /dev/zero, a FIFO, 200,000 nested levels: refused at once, with file and line', () => {
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.json'));
    execFileSync('mkfifo', [path.join(dir, 'fifo.json')]);
    fs.writeFileSync(path.join(dir, 'deep.json'), `${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    expectRefused(run(['compare', '--calendar', 'zero.json']), /zero\.json:1: is not a regular file \(a device\)/);
    expectRefused(run(['compare', '--calendar', 'fifo.json']), /fifo\.json:1: is not a regular file \(a FIFO\)/);
    expectRefused(run(['compare', '--calendar', 'deep.json']), new RegExp(`deep\\.json:1: nested deeper than ${MAX_JSON_DEPTH} levels`));
  });
});

describe('the configuration file found in the working directory', () => {
  it('a link to /dev/zero, a FIFO: refused at once; broken JSON quoted nowhere', () => {
    fs.symlinkSync('/dev/zero', path.join(dir, 'istanbul-talks.config.json'));
    expectRefused(run(['compare']), /config .*istanbul-talks\.config\.json: is not a regular file \(a device\)/);
    fs.rmSync(path.join(dir, 'istanbul-talks.config.json'));
    execFileSync('mkfifo', [path.join(dir, 'istanbul-talks.config.json')]);
    expectRefused(run(['compare']), /is not a regular file \(a FIFO\)/);
    fs.rmSync(path.join(dir, 'istanbul-talks.config.json'));
    fs.writeFileSync(path.join(dir, 'istanbul-talks.config.json'), `{"corpus": "corpus",\n${SECRET}=\x1b]0;x\x07}`);
    expectRefused(run(['compare']), /istanbul-talks\.config\.json:2: invalid JSON \(/);
  });
});

describe('add', () => {
  it('a file that is a link (to a credentials file) is not copied into the corpus', () => {
    fs.writeFileSync(path.join(dir, 'credentials'), `aws_secret_access_key = ${SECRET}\n`);
    fs.symlinkSync('credentials', path.join(dir, 'story.txt'));
    expectRefused(run(['add', 'story.txt', '--outlet', 'Wire', '--published', '2025-05-17']), /file story\.txt: is a symbolic link/);
    expect(fs.readdirSync(path.join(dir, 'corpus'))).toEqual(['wire.md']);
  });

  it('a FIFO or /dev/zero: refused at once', () => {
    execFileSync('mkfifo', [path.join(dir, 'fifo.txt')]);
    expectRefused(run(['add', 'fifo.txt', '--outlet', 'Wire', '--published', '2025-05-17']), /is not a regular file \(a FIFO\)/);
    expectRefused(run(['add', '/dev/zero', '--outlet', 'Wire', '--published', '2025-05-17']), /is not a regular file \(a device\)/);
  });

  it('echoes file names escaped', () => {
    const name = 'evil\x1b]0;pwned\x07.txt';
    fs.writeFileSync(path.join(dir, name), 'The talks on Friday were held at the Dolmabahce Palace.\n');
    const r = run(['add', name, '--outlet', 'Evil', '--published', '2025-05-17']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('(from evil\\x1B]0;pwned\\x07.txt)');
    expect(r.stderr).not.toMatch(FORBIDDEN);
  });
});

describe('the YAML library says nothing itself', () => {
  it('a key that is a list is a FRONT_MATTER_YAML diagnostic, not a warning printed by the library', () => {
    fs.writeFileSync(path.join(dir, 'corpus/keys.md'), '---\noutlet: Keys\npublished: 2025-05-16\n? [a, "\\e[2J"]\n: x\n---\nThe talks on Friday.\n');
    const r = run(['extract', '--format', 'json']);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toContain('Keys with collection values');
    expect(r.stderr).toMatch(/keys\.md:4:\d+: error a key that is a list or a mapping is not allowed in front matter \[FRONT_MATTER_YAML\]/);
    expect(r.stderr).not.toMatch(FORBIDDEN);
  });
});

describe('the guarded reader', () => {
  it('caps the size while reading, not from stat', () => {
    const file = path.join(dir, 'big.json');
    fs.writeFileSync(file, 'x'.repeat(1001));
    expect(() => readInputFile(file, { what: 'test', maxBytes: 1000 })).toThrow(new InputFileError(`test ${file}: is over the limit of 1000 bytes`));
    expect(readInputFile(file, { what: 'test', maxBytes: 1001 })).toHaveLength(1001);
    // /proc files claim size 0: only reading tells.
    expect(() => readInputFile('/proc/self/maps', { what: 'test', maxBytes: 10, followSymlinks: true })).toThrow('over the limit');
  });

  it('refuses invalid UTF-8 without quoting it', () => {
    const file = path.join(dir, 'latin1.json');
    fs.writeFileSync(file, Buffer.from([0x7b, 0xe9, 0x7d]));
    expect(() => readInputFile(file, { what: 'test', maxBytes: 100 })).toThrow('is not valid UTF-8 text');
  });

  it('measures JSON nesting in one pass, strings skipped', () => {
    expect(jsonTooDeep('[[["[[[["]]]', 3)).toBe(false);
    expect(jsonTooDeep('[[[["\\"[[["]]]]', 3)).toBe(true);
    expect(jsonTooDeep(`{"a":${'['.repeat(64)}${']'.repeat(64)}}`)).toBe(true);
    expect(() => parseJson(`${'['.repeat(MAX_JSON_DEPTH + 1)}`)).toThrow(`nested deeper than ${MAX_JSON_DEPTH} levels`);
    expect(parseJson('{"a":[1,{"b":"]]]"}]}')).toEqual({ a: [1, { b: ']]]' }] });
  });
});
