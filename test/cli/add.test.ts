import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { schemaErrors } from '../report/validate.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'it-add-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const STORY = 'ISTANBUL, May 16 (Wire) - Russian and Ukrainian delegations met on Friday at the Dolmabahce Palace for talks that lasted less than two hours.\n';

function workspace(name: string, files: Record<string, string | Buffer> = { 'story.txt': STORY }): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), text);
  return dir;
}

describe('istanbul-talks add', () => {
  it('writes the article with front matter, id from outlet slug and date, and prints its facts', () => {
    const dir = workspace('one');
    const outlet = 'Wire: Ünal & "Co" #1';
    const r = cli(['add', 'story.txt', '--outlet', outlet, '--published', '2025-05-16', '--url', 'https://example.org/a?b=c', '--title', "Talks: 'brief'", '--format', 'json'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('istanbul-talks: added corpus/wire-unal-co-1-2025-05-16.md (from story.txt)\n');
    const printed = JSON.parse(r.stdout);
    expect(schemaErrors('extract', printed)).toEqual([]);
    expect(printed.facts.map((f: { fact: string; value: unknown }) => [f.fact, f.value])).toEqual([
      ['date', '2025-05-16'],
      ['venue', 'dolmabahce-palace'],
      ['duration', { minutes: 120, qualifier: 'under' }],
    ]);
    const file = path.join(dir, 'corpus/wire-unal-co-1-2025-05-16.md');
    expect(fs.readFileSync(file, 'utf8').endsWith(`---\n${STORY}`)).toBe(true);
    // The corpus reads back what was given, and extract finds exactly what add printed.
    const extracted = JSON.parse(cli(['extract'], { cwd: dir }).stdout);
    expect(extracted.articles).toEqual([
      { id: 'wire-unal-co-1-2025-05-16', path: 'corpus/wire-unal-co-1-2025-05-16.md', outlet, published: '2025-05-16', title: "Talks: 'brief'", url: 'https://example.org/a?b=c', event: '2025-05-16', eventSource: 'stated' },
    ]);
    expect(extracted.facts).toEqual(printed.facts);
    expect(fs.readdirSync(path.join(dir, 'corpus'))).toEqual(['wire-unal-co-1-2025-05-16.md']);
  });

  it('refuses to overwrite an existing id unless --force', () => {
    const dir = workspace('force');
    const args = ['add', 'story.txt', '--outlet', 'Wire', '--published', '2025-05-16T09:30:00Z'];
    expect(cli(args, { cwd: dir }).status).toBe(0);
    const file = path.join(dir, 'corpus/wire-2025-05-16.md');
    const before = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(path.join(dir, 'story.txt'), 'A different text about the talks on Friday.\n');
    const again = cli(args, { cwd: dir });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('the corpus already has an article with id "wire-2025-05-16" (corpus/wire-2025-05-16.md); use --force to replace it');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    const forced = cli([...args, '--force'], { cwd: dir });
    expect(forced.status).toBe(0);
    expect(forced.stderr).toContain('replaced corpus/wire-2025-05-16.md');
    expect(fs.readFileSync(file, 'utf8')).toContain('A different text');
    // An id taken in a subdirectory counts too, and --force replaces that file.
    fs.mkdirSync(path.join(dir, 'corpus/2025'));
    fs.renameSync(file, path.join(dir, 'corpus/2025/wire-2025-05-16.md'));
    expect(cli(args, { cwd: dir }).status).toBe(2);
    expect(cli([...args, '--force'], { cwd: dir }).stderr).toContain('replaced corpus/2025/wire-2025-05-16.md');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('several files: ids from the file names, or a clear error before anything is written', () => {
    const dir = workspace('many', { 'first story.txt': STORY, 'second.txt': 'The talks on Friday lasted two hours.\n' });
    const clash = cli(['add', 'first story.txt', 'second.txt', '--outlet', 'Wire', '--published', '2025-05-16'], { cwd: dir });
    expect(clash.status).toBe(2);
    expect(clash.stderr).toContain('first story.txt and second.txt would both get the id "wire-2025-05-16"; add them one at a time, or use --id-from file');
    expect(fs.existsSync(path.join(dir, 'corpus'))).toBe(false);
    const ok = cli(['add', 'first story.txt', 'second.txt', '--outlet', 'Wire', '--published', '2025-05-16', '--id-from', 'file', '--corpus', 'articles'], { cwd: dir });
    expect(ok.status, ok.stderr).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'articles')).sort()).toEqual(['first-story.md', 'second.md']);
    expect(ok.stdout).toContain('5 facts from 2 articles');
  });

  it('rejects bad input with exit 2 and writes nothing', () => {
    const dir = workspace('bad', {
      'story.txt': STORY,
      'utf16.txt': Buffer.from('\ufeffHello', 'utf16le'),
      'binary.txt': Buffer.from([0x41, 0x00, 0x42]),
      'fm.md': '---\noutlet: X\n---\ntext\n',
      'empty.txt': '',
    });
    const cases: [string[], RegExp][] = [
      [['story.txt', '--outlet', 'Wire', '--published', '2025-02-30'], /--published: 2025-02-30 is not a calendar date/],
      [['story.txt', '--outlet', 'Wire', '--published', 'yesterday'], /--published: expected an ISO date/],
      [['story.txt', '--outlet', '  ', '--published', '2025-05-16'], /--outlet must not be empty/],
      [['story.txt', '--outlet', '!!!', '--published', '2025-05-16'], /cannot make an article id from the outlet "!!!"; use --id-from file/],
      [['story.txt', '--published', '2025-05-16'], /required option '--outlet <outlet>' not specified/],
      [['missing.txt', '--outlet', 'Wire', '--published', '2025-05-16'], /file missing.txt: not found/],
      [['utf16.txt', '--outlet', 'Wire', '--published', '2025-05-16'], /utf16.txt: file is UTF-16 .*save it as UTF-8/],
      [['binary.txt', '--outlet', 'Wire', '--published', '2025-05-16'], /binary.txt: file contains NUL bytes/],
      [['empty.txt', '--outlet', 'Wire', '--published', '2025-05-16'], /empty.txt: file is empty/],
      [['fm.md', '--outlet', 'Wire', '--published', '2025-05-16'], /fm.md already has front matter/],
      [['story.txt', 'story.txt', '--outlet', 'Wire', '--published', '2025-05-16', '--id-from', 'file'], /would both get the id "story"/],
    ];
    for (const [args, message] of cases) {
      const r = cli(['add', ...args], { cwd: dir });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
    expect(fs.existsSync(path.join(dir, 'corpus'))).toBe(false);
  });
});
