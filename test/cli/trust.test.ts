/**
 * Issue 14, "a command line a user can trust": each test spawns the built binary as a user would
 * (real pipes, other directories, terminal widths) and failed on the behaviour before the fix.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSources, writeCorpus } from '../../bench/generate.js';
import stringWidth from 'string-width';
import { BIN, ROOT, cli } from '../helpers.js';
import { CHECK_FORMATS, COMPARE_FORMATS, EXTRACT_FORMATS } from '../../src/report/formats.js';
import { FACT_KINDS, STATUSES } from '../../src/types.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'it-trust-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const node = q(process.execPath);
const bin = `${node} ${q(BIN)}`;

/** A shell pipeline of real processes (pipefail: any stage failing fails it). */
function pipeline(command: string, options: { cwd?: string; env?: Record<string, string | undefined> } = {}) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, COLUMNS: undefined, ...options.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync('bash', ['-c', `set -o pipefail; ${command}`], { cwd: options.cwd ?? ROOT, env: env as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('1. pipes: stdin is read as a stream', () => {
  const direct = cli(['compare']).stdout;

  it('extract --format ndjson | compare --from-facts - gives what compare gives', () => {
    const r = pipeline(`${bin} extract --format ndjson | ${bin} compare --from-facts -`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(direct);
  });

  it('--from-facts also reads the extract --format json document, from a pipe or a file', () => {
    const r = pipeline(`${bin} extract --format json | ${bin} compare --from-facts -`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(direct);
    const file = path.join(tmp, 'facts.json');
    fs.writeFileSync(file, cli(['extract']).stdout);
    expect(cli(['compare', '--from-facts', file]).stdout).toBe(direct);
  });

  it('a file that is neither gets one diagnostic, at its first line, and exit 2', () => {
    const r = pipeline(`${bin} compare --format json | ${bin} compare --from-facts -`);
    expect(r.status).toBe(2);
    const errors = r.stderr.split('\n').filter((l) => l.includes('error'));
    expect(errors).toEqual(['<stdin>:1:1: error not fact records: expected the output of extract --format ndjson (one record per line) or extract --format json [FACTS_FORMAT]']);
  });

  it('check --from-facts - reads a pipe too', () => {
    const r = pipeline(`${bin} extract --format ndjson | ${bin} check --from-facts - --format json`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).summary.failing).toBe(0);
  });
});

describe('2. the right corpus, always', () => {
  const elsewhere = () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'elsewhere-'));
    return dir;
  };
  const bundled = path.join(ROOT, 'corpus');

  it('says on stderr when it reads the bundled sample corpus (no ./corpus, no --corpus)', () => {
    const r = cli(['compare'], { cwd: elsewhere() });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`istanbul-talks: no ./corpus here and no --corpus: reading the bundled sample corpus (${bundled})\n`);
    expect(r.stdout).toContain('39 facts');
  });

  it('says nothing when ./corpus is read (the quick start in a clone) or --corpus is given', () => {
    expect(cli(['compare']).stderr).toBe('');
    expect(cli(['compare', '--corpus', bundled], { cwd: elsewhere() }).stderr).toBe('');
  });

  it('check refuses the bundled corpus unless it is named', () => {
    const cwd = elsewhere();
    const r = cli(['check'], { cwd });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^istanbul-talks: no corpus to check: there is no \.\/corpus here and no --corpus\. Give the directory of your articles with --corpus DIR/);
    expect(r.stderr).not.toContain('::');
    const named = cli(['check', '--corpus', bundled], { cwd });
    expect(named.status).toBe(0);
    expect(named.stderr).toBe('');
  });

  it('an empty corpus is an error (exit 2), for every command that reads one', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'empty-'));
    for (const command of [['compare'], ['check'], ['extract'], ['extract', '--format', 'ndjson'], ['sources'], ['names']]) {
      const r = cli([...command, '--corpus', dir]);
      expect(r.status, command.join(' ')).toBe(2);
      expect(r.stderr, command.join(' ')).toMatch(/error no \*\.md articles found in the corpus directory \[CORPUS_EMPTY\]/);
    }
  });
});

describe('3. filters that match nothing are errors', () => {
  const OUTLETS = '(outlets: Atalayar, Financial Times, North Press Agency, Radar Africa, bne IntelliNews)';
  it.each([
    [['compare', '--outlet', 'ft'], `istanbul-talks: no outlet "ft" in the input; did you mean "Financial Times"? ${OUTLETS}\n`],
    [['compare', '--outlet', 'Atalyar'], `istanbul-talks: no outlet "Atalyar" in the input; did you mean "Atalayar"? ${OUTLETS}\n`],
    [['compare', '--event', '2024-01-01'], 'istanbul-talks: no meeting on 2024-01-01 in the input; did you mean 2025-05-16? (meetings: 2022-03-29, 2025-05-16, 2025-06-02)\n'],
    [['compare', '--event', '2025-13-40'], 'istanbul-talks: --event takes the date of a meeting, YYYY-MM-DD: "2025-13-40": 2025-13-40 is not a calendar date\n'],
    [['explain', 'delegation-head', '--subject', 'rusia'], 'istanbul-talks: no subject "rusia" in the input; did you mean "russia"? (subjects of delegation-head: russia, ukraine)\n'],
    [['explain', 'venue', '--event', '2025-05-17'], 'istanbul-talks: no meeting on 2025-05-17 in the input; did you mean 2025-05-16? (meetings: 2025-05-16, 2025-06-02)\n'],
  ])('%j: exit 2 with the valid values', (args, message) => {
    const r = cli(args);
    expect(r.stderr).toBe(message);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(2);
  });

  it('an outlet matches whatever its case and accents, and by its id', () => {
    const names = (args: string[]) => JSON.parse(cli(['compare', '--format', 'json', ...args]).stdout).filter.outlets;
    expect(names(['--outlet', 'financial times'])).toEqual(['Financial Times']);
    expect(names(['--outlet', 'financial-times'])).toEqual(['Financial Times']);
    expect(names(['--outlet', 'ATALAYAR', '--outlet', 'àtalayar'])).toEqual(['Atalayar']);
  });

  it('filtered output says what was filtered, with counts of what is left', () => {
    const r = cli(['compare', '--status', 'conflict']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('no facts extracted');
    expect(r.stdout).toContain('Filtered (--status conflict): no conflicts among 39 facts\n');
    const agree = cli(['compare', '--status', 'agree']).stdout;
    expect(agree).toContain('Filtered (--status agree): 5 of 20 comparisons shown, among 39 facts; the counts below are of what is shown\n');
    expect(agree).toMatch(/· \d+ facts — 5 agree, 0 compatible, 0 conflict, 0 single-source\n$/);
  });

  it('--outlet keeps the other outlets as context: a shared fact is not made single-source', () => {
    const report = JSON.parse(cli(['compare', '--format', 'json', '--outlet', 'Atalayar', '--event', '2025-05-16']).stdout);
    const venue = report.comparisons.find((c: { fact: string }) => c.fact === 'venue');
    expect(venue.status).toBe('agree');
    expect(venue.values[0].outlets).toEqual(['Atalayar', 'Financial Times']);
    const table = cli(['compare', '--outlet', 'Atalayar', '--event', '2025-05-16']).stdout;
    expect(table).toMatch(/│ Fact\s+│ Status\s+│ Atalayar\s+│ Financial Times\s+│ North Press Agency/);
    // Every comparison shown involves Atalayar: a value or its silence.
    for (const c of report.comparisons) expect(c.silent.includes('Atalayar') || c.values.some((v: { outlets: string[] }) => v.outlets.includes('Atalayar'))).toBe(true);
  });
});

describe('4. back-pressure on stdout', () => {
  let corpus: string;
  beforeAll(() => {
    corpus = path.join(tmp, 'large');
    writeCorpus(corpus, 300, loadSources(ROOT));
  });

  it('a slow reader of a large JSON document draws no MaxListenersExceededWarning', () => {
    // The reader takes one chunk at a time with a pause between: the writer waits for 'drain' each time.
    const slow = `${node} -e ${q("let n=0;process.stdin.on('data',(c)=>{n+=c.length;process.stdin.pause();setTimeout(()=>process.stdin.resume(),2)});process.stdin.on('end',()=>console.log(n))")}`;
    const r = pipeline(`${bin} extract --format json --corpus ${q(corpus)} | ${slow}`);
    expect(r.status, r.stderr).toBe(0);
    expect(Number(r.stdout.trim())).toBeGreaterThan(1_000_000);
    expect(r.stderr).not.toContain('MaxListenersExceededWarning');
  });
});

const widest = (text: string) => Math.max(...text.split('\n').map((l) => stringWidth(l)));
const hasScript = spawnSync('script', ['--version']).status === 0;

describe('6. tables fit the terminal', () => {
  it.each([80, 40])('COLUMNS=%i: no line is wider, in every table command', (columns) => {
    for (const args of [['compare'], ['compare', '--evidence'], ['extract', '--format', 'table'], ['sources'], ['explain', 'duration'], ['names'], ['check', '--fail-on', 'compatible']]) {
      const r = cli(args, { env: { COLUMNS: String(columns) } });
      expect(r.stdout.length, args.join(' ')).toBeGreaterThan(100);
      expect(widest(r.stdout), args.join(' ')).toBeLessThanOrEqual(columns);
    }
  });

  it('a grid that cannot fit becomes one block per fact, outlets as rows', () => {
    const r = cli(['compare'], { env: { COLUMNS: '80' } });
    expect(r.stdout).toContain('  venue · agree\n    Atalayar            Dolmabahçe Palace\n    Financial Times     Dolmabahçe Palace\n    — silent: North Press Agency, Radar Africa\n');
    // A meeting with one outlet still fits as a grid.
    expect(r.stdout).toMatch(/Meeting 2025-06-02 · 1 article · 1 outlet\n┌─/);
  });

  it('without a terminal and without COLUMNS, the full-width grid is kept (pipes and logs do not change)', () => {
    const r = cli(['compare']);
    expect(widest(r.stdout)).toBeGreaterThan(150);
    expect(r.stdout).toMatch(/│ Fact\s+│ Status\s+│ Atalayar\s+│ Financial Times\s+│ North Press Agency\s+│ Radar Africa\s+│ bne IntelliNews\s+│/);
  });

  it('the legend explains a blank cell, "— silent" and the counts, in one line', () => {
    const lines = cli(['compare']).stdout.split('\n');
    const legend = lines.filter((l) => l.startsWith('Legend: '));
    expect(legend).toHaveLength(1);
    expect(legend[0]).toContain('"— silent" = ');
    expect(legend[0]).toContain('blank = ');
    expect(legend[0]).toContain('"N articles · N outlets" = ');
  });

  it.skipIf(!hasScript)('on a real terminal the width is the terminal\'s', () => {
    const r = spawnSync('script', ['-qec', `stty cols 70 rows 50; ${bin} compare`, '/dev/null'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', COLUMNS: '', FORCE_COLOR: '' } as NodeJS.ProcessEnv,
      timeout: 60_000,
    });
    const text = r.stdout.replace(/\r/g, '');
    expect(text).toContain('39 facts');
    expect(widest(text)).toBeLessThanOrEqual(70);
  });

  it('differences between meetings on a large corpus wrap instead of making lines of thousands of characters', () => {
    const corpus = path.join(tmp, 'wide');
    writeCorpus(corpus, 120, loadSources(ROOT));
    const wide = cli(['compare', '--corpus', corpus]).stdout;
    expect(widest(wide)).toBeGreaterThan(300);
    const narrow = cli(['compare', '--corpus', corpus], { env: { COLUMNS: '100' } }).stdout;
    expect(widest(narrow)).toBeLessThanOrEqual(100);
    expect(narrow).toContain('Differences between meetings');
  });
});

describe('7. help, errors, --quiet', () => {
  /** Help text with commander's line wrapping undone, to look for a list. */
  const help = (command: string) => cli([command, '--help']).stdout.replace(/\s+/g, ' ');

  it.each(['compare', 'extract', 'check', 'add', 'sources', 'explain', 'names'])('%s --help has examples', (command) => {
    const r = cli([command, '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`\\nExamples:\\n  \\$ istanbul-talks ${command}\\b`));
  });

  it('lists the values of --fact, --status and --format from the registries', () => {
    for (const command of ['compare', 'extract']) expect(help(command)).toContain(FACT_KINDS.join(', '));
    expect(help('explain')).toContain(FACT_KINDS.join(', '));
    expect(help('compare')).toContain(STATUSES.join(', '));
    for (const [command, formats] of [['compare', COMPARE_FORMATS], ['extract', EXTRACT_FORMATS], ['check', CHECK_FORMATS]] as const) {
      for (const name of Object.keys(formats)) expect(help(command), `${command} ${name}`).toContain(`"${name}"`);
    }
  });

  it('one error prefix, commander\'s errors included', () => {
    for (const args of [['compare', '--bogus'], ['compare', '--format', 'xml'], ['frobnicate'], ['compare', '--fact', 'weather']]) {
      const r = cli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^istanbul-talks: /);
      expect(r.stderr, args.join(' ')).not.toMatch(/^error:/m);
    }
  });

  it('--gazetteer errors name the file and line', () => {
    const file = path.join(tmp, 'gaz.json');
    fs.writeFileSync(file, '[{"id":"x"}]');
    const r = cli(['compare', '--gazetteer', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`istanbul-talks: gazetteer ${file}:1: entity #1 "x": "kind" must be one of venue, person, country, region, city\n`);
    const missing = cli(['compare', '--gazetteer', path.join(tmp, 'none.json')]);
    expect(missing.stderr).toBe(`istanbul-talks: gazetteer ${path.join(tmp, 'none.json')}:1: not found\n`);
  });

  it('check --quiet shows only new findings and the summary', () => {
    const cwd = fs.mkdtempSync(path.join(tmp, 'quiet-'));
    const corpus = ['--corpus', path.join(ROOT, 'corpus')];
    expect(cli(['check', ...corpus, '--update-baseline'], { cwd }).status).toBe(0);
    const loud = cli(['check', ...corpus, '--fail-on', 'compatible'], { cwd });
    expect(loud.stdout).toContain('in baseline ·');
    const quiet = cli(['check', ...corpus, '--fail-on', 'compatible', '--quiet'], { cwd });
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).not.toContain('in baseline ·');
    expect(quiet.stdout.trimEnd().split('\n')).toEqual([loud.stdout.trimEnd().split('\n').at(-1)]);
  });
});

describe('5. help', () => {
  it('help compare exits 0 and prints what compare --help prints', () => {
    const a = cli(['help', 'compare']);
    const b = cli(['compare', '--help']);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(b.status).toBe(0);
  });
});
