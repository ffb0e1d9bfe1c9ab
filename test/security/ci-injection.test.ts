/**
 * Issue 13, point 4: a GitHub runner reads workflow commands in a job's log. Its grammar, as the
 * runner parses a line: a line whose start, after .NET's Trim() (white space, tabs, CR, NBSP …),
 * is `::` is a command `::name k=v,…::message`; `##[name …]` anywhere in a line is a command of
 * the older form. Outlets, titles, quotes and file names are corpus text: in every command and
 * every format, on stdout and on stderr, they must never start a line with `::` nor contain `##[`.
 * The github format's own annotations are the only command lines there may be.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardOutput, outputGuard } from '../../src/report/sanitize.js';
import { cli } from '../helpers.js';

/** The commands a runner would read in `output`: [name, line]. */
function runnerCommands(output: string): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (const line of output.split('\n')) {
    // .NET's String.Trim() trims what char.IsWhiteSpace says, as JavaScript's trim() nearly does.
    const trimmed = line.replace(/^[\s\u0085]+/, '');
    if (trimmed.startsWith('::')) {
      const end = trimmed.indexOf('::', 2);
      const head = end === -1 ? trimmed.slice(2) : trimmed.slice(2, end);
      found.push([head.split(' ')[0] as string, line]);
    }
    if (line.includes('##[')) found.push(['##[', line]);
  }
  return found;
}

const OUTLETS = ['##[error]Forged', '::add-mask::x', ' \u00a0::stop-commands::tok', 'Plain Wire'];
const BAD_FILE = '::warning title=F::x.md';
let tmp: string;
let corpus: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'it-ci-'));
  corpus = path.join(tmp, 'corpus');
  fs.mkdirSync(corpus);
  OUTLETS.forEach((outlet, i) => {
    const venue = i % 2 ? 'Ciragan Palace' : 'Dolmabahce Palace';
    fs.writeFileSync(
      path.join(corpus, `a${i}.md`),
      `---\noutlet: ${JSON.stringify(outlet)}\npublished: 2025-05-16\ntitle: "##[warning]title ::set-output name=x::y"\n---\n::add-mask::body\nThe talks on Friday were held at the ${venue} ##[group]x and lasted two hours. The Russian delegation was led by Vladimir Medinsky.\n`,
    );
  });
  // A file name that is a command, and a diagnostic about it (an unknown field) to start a line of stderr.
  fs.writeFileSync(path.join(corpus, BAD_FILE), '---\noutlet: "::error::from outlet"\npublished: 2025-05-16\nextra: 1\n---\nThe talks on Friday were held at the Dolmabahce Palace.\n');
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const RUNS: string[][] = [
  ...['table', 'json', 'ndjson', 'markdown', 'github', 'sarif', 'html'].map((f) => ['compare', '--evidence', '--merge-events', '--format', f]),
  ...['table', 'json', 'ndjson', 'markdown'].map((f) => ['extract', '--format', f]),
  ...['table', 'json', 'ndjson', 'markdown', 'github', 'sarif', 'html'].map((f) => ['check', '--merge-events', '--format', f]),
  ...['table', 'json'].flatMap((f) => [['sources', '--format', f], ['names', '--format', f], ['explain', 'venue', '--merge-events', '--format', f]]),
];

describe('corpus text never forms a workflow command', () => {
  for (const args of RUNS) {
    it(args.join(' '), () => {
      const r = cli([...args, '--corpus', corpus], { cwd: tmp });
      expect([0, 1, 2], r.stderr).toContain(r.status);
      expect(r.stdout.length).toBeGreaterThan(0);
      // Corpus text did reach the output (else the test proves nothing) …
      expect(r.stdout + r.stderr).toMatch(/Forged|add-mask|warning title/);
      // … but never as a command.
      expect(runnerCommands(r.stderr)).toEqual([]);
      const commands = runnerCommands(r.stdout);
      if (args.includes('github')) {
        expect(commands.length).toBeGreaterThan(0);
        for (const [name] of commands) expect(['error', 'warning', 'notice']).toContain(name);
      } else expect(commands).toEqual([]);
      // The page's data keeps the outlets as they are (the escape is JSON's).
      if (args.includes('html')) {
        const data = /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(r.stdout)?.[1] ?? '';
        expect(JSON.stringify(JSON.parse(data))).toContain('##[error]Forged');
      }
      // JSON formats keep their data: the escapes decode to the outlet as it is.
      if (args.includes('json') && args[0] === 'extract') {
        expect(JSON.parse(r.stdout).articles.map((a: { outlet: string }) => a.outlet)).toEqual(expect.arrayContaining(['##[error]Forged', '::add-mask::x']));
      }
    });
  }

  it('add: the file name and the outlet echoed on stderr are not commands', () => {
    const dir = path.join(tmp, 'add');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, '::error::x.txt'), 'The talks on Friday were held at the Dolmabahce Palace.\n');
    const r = cli(['add', '::error::x.txt', '--outlet', '##[error]Forged', '--published', '2025-05-16', '--id-from', 'file', '--format', 'table'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('error');
    expect(runnerCommands(r.stderr)).toEqual([]);
    expect(runnerCommands(r.stdout)).toEqual([]);
  });
});

describe('the output guard', () => {
  it('neutralises both forms in text, keeps JSON data the same, keeps the github format\'s own commands', () => {
    expect(guardOutput('a ##[error]x\n  ::add-mask::y\n\u00a0::z::w\nok :: here\n', 'text')).toBe('a ##\\[error]x\n  \\::add-mask::y\n\u00a0\\::z::w\nok :: here\n');
    expect(JSON.parse(guardOutput('{"o":"##[error]x"}\n', 'json'))).toEqual({ o: '##[error]x' });
    expect(guardOutput('{"o":"##[error]x"}\n', 'json')).not.toContain('##[');
    expect(guardOutput('::error file=a.md,line=1::msg ##[x\n::add-mask::y\n', 'github')).toBe('::error file=a.md,line=1::msg ##\\[x\n\\::add-mask::y\n');
  });

  it('holds when the text comes in pieces cut anywhere', () => {
    const text = 'x ##[error] y\n::add-mask::z\n\x1b]0;title\x07ok \x1b[31mred\x1b[0m\n';
    const whole = guardOutput(text, 'text');
    expect(whole).toBe('x ##\\[error] y\n\\::add-mask::z\nok \x1b[31mred\x1b[0m\n');
    for (let cut = 1; cut < text.length; cut++) {
      const guard = outputGuard('text');
      expect(guard.push(text.slice(0, cut)) + guard.push(text.slice(cut)) + guard.end(), `cut at ${cut}`).toBe(whole);
    }
  });
});
