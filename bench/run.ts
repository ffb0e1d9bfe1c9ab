/**
 * The benchmark (`npm run bench`, `npm run bench -- --large`). It generates synthetic corpora
 * (bench/generate.ts) into bench/out/, then times the built CLI end to end — a fresh `node` process
 * per run, reading the files, writing the output to a file — and prints MB/s, articles/s,
 * ms/article and peak RSS, medians over several runs. Reference baselines are measured in the same
 * run on the same files (read + decode, one regex pass, `node -e 0`), so every figure can be read
 * as a ratio to what this machine can do at all, not as an absolute time. Finally it checks that
 * the optimised path gives the same bytes as the plain one (per-sentence gazetteer matching,
 * non-streaming rendering) by comparing hashes of the NDJSON.
 *
 * Options: --large (adds the 100,000-article corpus), --runs N, --sizes 1000,10000, --no-check,
 * --json FILE (also write the results as JSON), --workers (also time extraction in worker threads).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findRoot, loadSources, writeCorpus, type CorpusInfo } from './generate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = findRoot(here);
const OUT = path.join(ROOT, 'bench/out');
const BIN = path.join(ROOT, 'bin/istanbul-talks.js');
const HOOK = path.join(here, 'rss-hook.js');

interface Args {
  sizes: number[];
  runs: number;
  check: boolean;
  json: string | null;
  workers: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: [1000, 10_000], runs: 5, check: true, json: null, workers: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--large') args.sizes = [...new Set([...args.sizes, 100_000])];
    else if (a === '--no-check') args.check = false;
    else if (a === '--workers') args.workers = true;
    else if (a === '--runs') args.runs = Math.max(1, Number(argv[++i]));
    else if (a === '--sizes') args.sizes = String(argv[++i]).split(',').map(Number);
    else if (a === '--json') args.json = String(argv[++i]);
    else throw new Error(`unknown option ${a} (options: --large --runs N --sizes A,B --no-check --json FILE --workers)`);
  }
  return args;
}

// ---------------------------------------------------------------------------------------------
// Measuring.

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

interface Timed {
  ms: number;
  maxRssKb: number;
  cpuMs: number;
  status: number | null;
  stdout: string;
}

/** Runs `node [--import hook] args…` once, stdout to `stdoutFile` (default: discarded). */
function runNode(args: string[], options: { stdoutFile?: string; hook?: boolean; env?: Record<string, string> } = {}): Timed {
  const usageFile = path.join(OUT, `usage-${process.pid}.json`);
  fs.rmSync(usageFile, { force: true });
  const out = options.stdoutFile ? fs.openSync(options.stdoutFile, 'w') : 'ignore';
  const err = fs.openSync(path.join(OUT, 'last-stderr.txt'), 'w');
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', BENCH_USAGE_FILE: usageFile, ...options.env };
  delete env.FORCE_COLOR;
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...(options.hook === false ? [] : ['--import', pathToFileURL(HOOK).href]), ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', out, err],
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (typeof out === 'number') fs.closeSync(out);
  fs.closeSync(err);
  const usage = fs.existsSync(usageFile) ? (JSON.parse(fs.readFileSync(usageFile, 'utf8')) as { maxRssKb: number; cpuMs: number }) : { maxRssKb: 0, cpuMs: 0 };
  return { ms, ...usage, status: r.status, stdout: '' };
}

interface Measured {
  ms: number;
  runs: number[];
  maxRssMb: number;
  cpuMs: number;
}

function measure(runs: number, once: () => Timed, expectStatus: number[] = [0]): Measured {
  const times: number[] = [];
  const cpu: number[] = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const t = once();
    if (t.status === null || !expectStatus.includes(t.status)) {
      throw new Error(`command failed with exit code ${t.status}:\n${fs.readFileSync(path.join(OUT, 'last-stderr.txt'), 'utf8').slice(0, 2000)}`);
    }
    times.push(t.ms);
    cpu.push(t.cpuMs);
    rss = Math.max(rss, t.maxRssKb / 1024);
  }
  return { ms: median(times), runs: times, maxRssMb: rss, cpuMs: median(cpu) };
}

function timeInProcess(runs: number, fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .sort()
    .map((n) => path.join(dir, n));
}

/** Baseline 1: read every file and decode it as UTF-8 — the floor for any tool that reads the corpus. */
function readDecode(files: string[]): string[] {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return files.map((f) => decoder.decode(fs.readFileSync(f)));
}

/** Baseline 2: one pass of a simple regular expression (figures) over the decoded text. */
const FIGURE = /\d[\d,.]*/g;
function regexPass(texts: string[]): number {
  let n = 0;
  for (const t of texts) {
    FIGURE.lastIndex = 0;
    while (FIGURE.exec(t) !== null) n++;
  }
  return n;
}

function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

// ---------------------------------------------------------------------------------------------
// The reference path: plain per-sentence matching, in-process, hashed as it is rendered.

type RunModule = typeof import('../dist/run.js');
type NdjsonModule = typeof import('../dist/report/ndjson.js');

async function referenceHash(corpusDir: string): Promise<string> {
  const run = (await import(pathToFileURL(path.join(ROOT, 'dist/run.js')).href)) as RunModule;
  const ndjson = (await import(pathToFileURL(path.join(ROOT, 'dist/report/ndjson.js')).href)) as NdjsonModule;
  const hash = createHash('sha256');
  const stream = run.extractCorpusStream(corpusDir, { cwd: ROOT, reference: true });
  for (const a of stream.articles) hash.update(ndjson.renderArticleNdjson(a));
  hash.update(ndjson.renderDiagnosticsNdjson(stream.diagnostics()));
  return hash.digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Report.

interface Row {
  what: string;
  corpus: string;
  median: string;
  mbps: string;
  articlesPerS: string;
  msPerArticle: string;
  rss: string;
  ratio: string;
}

const mb = (bytes: number) => bytes / 1e6;
const f1 = (n: number) => n.toFixed(1);
const fint = (n: number) => Math.round(n).toLocaleString('en-US');
const seconds = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`);
const kilo = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

function table(rows: Row[]): string {
  const head: Row = { what: 'what', corpus: 'corpus', median: 'median', mbps: 'MB/s', articlesPerS: 'articles/s', msPerArticle: 'ms/article', rss: 'peak RSS', ratio: 'ratio' };
  const keys = Object.keys(head) as Array<keyof Row>;
  const width = (k: keyof Row) => Math.max(...[head, ...rows].map((r) => r[k].length));
  const line = (r: Row) => `| ${keys.map((k) => (k === 'what' || k === 'corpus' ? r[k].padEnd(width(k)) : r[k].padStart(width(k)))).join(' | ')} |`;
  const rule = `|${keys.map((k) => `${k === 'what' || k === 'corpus' ? ':' : '-'}${'-'.repeat(width(k))}${k === 'what' || k === 'corpus' ? '-' : ':'}`).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  fs.mkdirSync(OUT, { recursive: true });
  if (!fs.existsSync(path.join(ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const cpus = os.cpus();
  console.log(`istanbul-talks benchmark · Node ${process.version} · ${os.platform()} ${os.arch()} · ${cpus.length} × ${cpus[0]?.model ?? 'cpu'} · ${Math.round(os.totalmem() / 2 ** 30)} GB`);

  const sources = loadSources(ROOT);
  const corpora = new Map<number, CorpusInfo>();
  for (const n of args.sizes) {
    const t = process.hrtime.bigint();
    const info = writeCorpus(path.join(OUT, `corpus-${n}`), n, sources);
    corpora.set(n, info);
    console.log(`corpus ${kilo(n)}: ${fint(info.files)} articles, ${f1(mb(info.bytes))} MB (${info.reused ? 'reused' : `generated in ${seconds(Number(process.hrtime.bigint() - t) / 1e6)}`})`);
  }
  const runsFor = (n: number) => (n >= 100_000 ? 1 : n >= 10_000 ? Math.min(args.runs, 3) : args.runs);
  const rows: Row[] = [];
  const results: Record<string, unknown> = {};
  const main10k = corpora.get(10_000) ?? [...corpora.values()].pop();
  if (!main10k) throw new Error('no corpus');

  // Baselines, in this process, on the main corpus.
  const files = listFiles(main10k.dir);
  let texts: string[] = [];
  const readMs = timeInProcess(args.runs, () => {
    texts = readDecode(files);
  });
  const regexMs = timeInProcess(args.runs, () => regexPass(texts));
  texts = [];
  const readMbps = mb(main10k.bytes) / (readMs / 1000);
  const corpusLabel = (info: CorpusInfo) => `${kilo(info.files)} · ${f1(mb(info.bytes))} MB`;
  const perArticle = (info: CorpusInfo, ms: number) => ({
    mbps: f1(mb(info.bytes) / (ms / 1000)),
    articlesPerS: fint(info.files / (ms / 1000)),
    msPerArticle: (ms / info.files).toFixed(3),
  });
  rows.push({ what: 'baseline: read + decode (in-process)', corpus: corpusLabel(main10k), median: seconds(readMs), ...perArticle(main10k, readMs), rss: '—', ratio: '1.00 (limit)' });
  rows.push({ what: 'baseline: one regex pass (in-process)', corpus: corpusLabel(main10k), median: seconds(regexMs), ...perArticle(main10k, regexMs), rss: '—', ratio: '—' });
  results.baselines = { readMs, regexMs, readMbps };

  const nodeStart = measure(15, () => runNode(['-e', '0'], { hook: false }));
  rows.push({ what: 'baseline: node -e 0', corpus: '—', median: seconds(nodeStart.ms), mbps: '—', articlesPerS: '—', msPerArticle: '—', rss: '—', ratio: '1.00' });

  // Extraction, end to end.
  const extractMs = new Map<number, number>();
  const outputs = new Map<number, string>();
  for (const [n, info] of corpora) {
    const outFile = path.join(OUT, `extract-${n}.ndjson`);
    const m = measure(runsFor(n), () => runNode([BIN, 'extract', '--format', 'ndjson', '--corpus', path.relative(ROOT, info.dir)], { stdoutFile: outFile }));
    extractMs.set(n, m.ms);
    outputs.set(n, outFile);
    const p = perArticle(info, m.ms);
    rows.push({
      what: 'extract --format ndjson',
      corpus: corpusLabel(info),
      median: seconds(m.ms),
      ...p,
      rss: `${fint(m.maxRssMb)} MB`,
      ratio: `${(readMbps / Number(p.mbps)).toFixed(1)}× read`,
    });
    results[`extract-${n}`] = { ...m, bytes: info.bytes, files: info.files };
    if (args.workers) {
      const w = measure(runsFor(n), () =>
        runNode([BIN, 'extract', '--format', 'ndjson', '--corpus', path.relative(ROOT, info.dir)], { stdoutFile: `${outFile}.workers`, env: { ISTANBUL_TALKS_WORKERS: '2' } }),
      );
      const pw = perArticle(info, w.ms);
      rows.push({ what: 'extract --format ndjson, 2 workers', corpus: corpusLabel(info), median: seconds(w.ms), ...pw, rss: `${fint(w.maxRssMb)} MB`, ratio: `${(m.ms / w.ms).toFixed(2)}× faster` });
      results[`extract-workers-${n}`] = w;
      if (sha256File(`${outFile}.workers`) !== sha256File(outFile)) throw new Error('worker output differs from single-thread output');
    }
  }

  // Compare on the main corpus.
  const cmp = measure(runsFor(main10k.files), () => runNode([BIN, 'compare', '--format', 'json', '--corpus', path.relative(ROOT, main10k.dir)]));
  const extractMain = extractMs.get(main10k.files) as number;
  rows.push({
    what: 'compare --format json',
    corpus: corpusLabel(main10k),
    median: seconds(cmp.ms),
    ...perArticle(main10k, cmp.ms),
    rss: `${fint(cmp.maxRssMb)} MB`,
    ratio: `${(cmp.ms / extractMain).toFixed(2)}× extract`,
  });
  results.compare = cmp;

  // Start-up.
  const version = measure(15, () => runNode([BIN, '--version'], { hook: false }));
  const bundled = measure(15, () => runNode([BIN, 'compare'], { hook: false }));
  rows.push({ what: 'istanbul-talks --version', corpus: '—', median: seconds(version.ms), mbps: '—', articlesPerS: '—', msPerArticle: '—', rss: '—', ratio: `${(version.ms / nodeStart.ms).toFixed(2)}× node` });
  rows.push({ what: 'istanbul-talks compare', corpus: 'bundled (5)', median: seconds(bundled.ms), mbps: '—', articlesPerS: '—', msPerArticle: '—', rss: '—', ratio: `${(bundled.ms / nodeStart.ms).toFixed(2)}× node` });
  results.startup = { node: nodeStart, version, bundled };

  console.log('');
  console.log(table(rows));
  console.log('');

  // Scaling and targets.
  const sizes = [...extractMs.keys()].sort((a, b) => a - b);
  for (let i = 1; i < sizes.length; i++) {
    const a = sizes[i - 1] as number;
    const b = sizes[i] as number;
    console.log(`scaling ${kilo(a)} → ${kilo(b)} articles: time × ${((extractMs.get(b) as number) / (extractMs.get(a) as number)).toFixed(1)} (articles × ${b / a})`);
  }

  let failed = false;
  if (args.check) {
    for (const [n, info] of corpora) {
      if (n > 10_000 && !args.sizes.includes(100_000)) continue;
      const t = process.hrtime.bigint();
      const expected = await referenceHash(info.dir);
      const actual = sha256File(outputs.get(n) as string);
      const same = expected === actual;
      failed ||= !same;
      console.log(
        `facts ${kilo(n)}: ${same ? 'identical to' : 'DIFFER from'} the plain per-sentence, non-streaming path (sha256 ${actual.slice(0, 12)}${same ? '' : ` vs ${expected.slice(0, 12)}`}; checked in ${seconds(Number(process.hrtime.bigint() - t) / 1e6)})`,
      );
    }
  }
  if (args.json) fs.writeFileSync(args.json, `${JSON.stringify(results, null, 2)}\n`);
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
