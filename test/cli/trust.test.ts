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
import { BIN, ROOT, cli } from '../helpers.js';

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

describe('5. help', () => {
  it('help compare exits 0 and prints what compare --help prints', () => {
    const a = cli(['help', 'compare']);
    const b = cli(['compare', '--help']);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(b.status).toBe(0);
  });
});
