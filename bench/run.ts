/**
 * The benchmark (`npm run bench`, `npm run bench -- --large`). It generates synthetic corpora
 * (bench/generate.ts) into bench/out/, then times the built CLI end to end — a fresh `node` process
 * per run, reading the files, writing the output to a file — and prints MB/s, articles/s,
 * ms/article, CPU time and peak RSS, medians over several runs. Reference baselines are measured in
 * the same run on the same files (read + decode, one regex pass, `node -e 0`), so every figure can
 * be read as a ratio to what this machine can do at all, not as an absolute time. The main rows
 * run on one thread; one more times the extraction on two (ISTANBUL_TALKS_JOBS=2) to show whether
 * threads pay here. Then it times the stages of extraction one by one in its own process
 * (loading, folding and splitting, the gazetteer, the rest of extraction, rendering) against the
 * time the 40 MB/s target allows for the same corpus. Finally it checks that the optimised path
 * gives the same bytes as the plain one (per-sentence gazetteer matching, non-streaming rendering,
 * one thread) by comparing hashes of the NDJSON.
 *
 * Options: --large (adds the 100,000-article corpus), --runs N, --sizes 1000,10000, --no-check,
 * --json FILE (also write the results as JSON), --before DIR (also time the CLI of another checkout,
 * e.g. a build of the code before a change, in the same run).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { findRoot, loadSources, writeCorpus, type CorpusInfo } from './generate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = findRoot(here);
const OUT = path.join(ROOT, 'bench/out');
const BIN = path.join(ROOT, 'bin/istanbul-talks.js');
const HOOK = pathToFileURL(path.join(here, 'rss-hook.js')).href;
/** The targets are for one thread: the automatic choice of threads is kept out of the main rows. */
const ONE_THREAD = { ISTANBUL_TALKS_JOBS: '1' };
/** The throughput the issue asks of `extract --format ndjson` on one thread. */
const TARGET_MBPS = 40;

interface Args {
  sizes: number[];
  runs: number;
  check: boolean;
  json: string | null;
  before: string | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: [1000, 10_000], runs: 5, check: true, json: null, before: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--large') args.sizes = [...new Set([...args.sizes, 100_000])];
    else if (a === '--no-check') args.check = false;
    else if (a === '--runs') args.runs = Math.max(1, Number(argv[++i]));
    else if (a === '--sizes') args.sizes = String(argv[++i]).split(',').map(Number);
    else if (a === '--json') args.json = String(argv[++i]);
    else if (a === '--before') args.before = path.resolve(String(argv[++i]));
    else throw new Error(`unknown option ${a} (options: --large --runs N --sizes A,B --no-check --json FILE --before DIR)`);
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
}

let usageSeq = 0;

/** Runs `node [--import hook] args…` once, stdout to `stdoutFile` (default: discarded). */
function runNode(args: string[], options: { stdoutFile?: string; hook?: boolean; env?: Record<string, string> } = {}): Promise<Timed> {
  const seq = usageSeq++;
  const usageFile = path.join(OUT, `usage-${process.pid}-${seq}.json`);
  const errFile = path.join(OUT, `stderr-${seq}.txt`);
  const out = options.stdoutFile ? fs.openSync(options.stdoutFile, 'w') : 'ignore';
  const err = fs.openSync(errFile, 'w');
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', BENCH_USAGE_FILE: usageFile, ...options.env };
  delete env.FORCE_COLOR;
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, [...(options.hook === false ? [] : ['--import', HOOK]), ...args], { cwd: ROOT, env, stdio: ['ignore', out, err] });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (status) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (typeof out === 'number') fs.closeSync(out);
      fs.closeSync(err);
      let usage = { maxRssKb: 0, cpuMs: 0 };
      if (fs.existsSync(usageFile)) {
        usage = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as typeof usage;
        fs.rmSync(usageFile);
      }
      if (status !== 0 && status !== 2) reject(new Error(`node ${args.join(' ')} exited with ${status}:\n${fs.readFileSync(errFile, 'utf8').slice(0, 2000)}`));
      else resolve({ ms, ...usage, status });
    });
  });
}

interface Measured {
  ms: number;
  runs: number[];
  maxRssMb: number;
  cpuMs: number;
}

async function measure(runs: number, once: () => Promise<Timed>): Promise<Measured> {
  const times: number[] = [];
  const cpu: number[] = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const t = await once();
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
// The reference path: plain per-sentence matching, non-streaming renderer, in this process.

/** A module of the build, loaded when first needed. */
const dist = async <T>(file: string): Promise<T> => (await import(pathToFileURL(path.join(ROOT, 'dist', file)).href)) as T;

type RunModule = typeof import('../dist/run.js');
type NdjsonModule = typeof import('../dist/report/ndjson.js');

async function referenceHash(corpusDir: string): Promise<string> {
  const run = await dist<RunModule>('run.js');
  const ndjson = await dist<NdjsonModule>('report/ndjson.js');
  const hash = createHash('sha256');
  // Article by article so that 100,000 articles fit: the renderer of one article is the one the
  // non-streaming renderExtractNdjson uses for each.
  const stream = run.extractCorpusStream(corpusDir, { cwd: ROOT, reference: true });
  for (const a of stream.articles) hash.update(ndjson.renderExtractNdjson({ articles: [a.summary], facts: a.facts, diagnostics: [] }));
  hash.update(ndjson.renderExtractNdjson({ articles: [], facts: [], diagnostics: stream.diagnostics() }));
  return hash.digest('hex');
}

// ---------------------------------------------------------------------------------------------
// The budget: where one thread's time goes, stage by stage, in this process.

type LoadModule = typeof import('../dist/corpus/load.js');
type FoldModule = typeof import('../dist/knowledge/fold.js');
type SentencesModule = typeof import('../dist/corpus/sentences.js');
type GazetteerModule = typeof import('../dist/knowledge/gazetteer.js');
type MeetingsModule = typeof import('../dist/events/meetings.js');
type PipelineModule = typeof import('../dist/pipeline.js');

interface Stage {
  what: string;
  ms: number;
  /** Whether every article goes through it, whatever it says (the floor under any extractor design). */
  everyArticle: boolean;
}

/**
 * The stages of `extract --format ndjson` timed one by one over the same files (medians of `runs`
 * passes): loading (reading, decoding, front matter), folding and splitting into sentences, the
 * gazetteer's pass, the whole of extraction (which includes folding, splitting and the gazetteer),
 * rendering NDJSON. The stages every article goes through whatever it says — loading, folding,
 * splitting, the gazetteer — set a floor under any design of the extractors.
 */
async function budget(files: string[], runs: number): Promise<Stage[]> {
  // As bin/istanbul-talks.js does: regular expressions compiled to machine code after 100 runs.
  setFlagsFromString('--regexp-tier-up-ticks=100');
  const { listArticleFiles, loadArticleFile } = await dist<LoadModule>('corpus/load.js');
  const { foldText } = await dist<FoldModule>('knowledge/fold.js');
  const { splitSentences } = await dist<SentencesModule>('corpus/sentences.js');
  const { defaultGazetteer } = await dist<GazetteerModule>('knowledge/gazetteer.js');
  const { defaultMeetings } = await dist<MeetingsModule>('events/meetings.js');
  const { extractArticle } = await dist<PipelineModule>('pipeline.js');
  const { renderArticleNdjson } = await dist<NdjsonModule>('report/ndjson.js');
  const dir = path.dirname(files[0] as string);
  const realRoot = fs.realpathSync(dir);
  // What the listing found not to be a regular file (nothing here): as the CLI does, files it
  // listed as regular are not looked at again before they are opened.
  const notRegular = new Set<string>();
  listArticleFiles(dir, [], notRegular);
  type Article = NonNullable<ReturnType<typeof loadArticleFile>['article']>;
  let articles: Article[] = [];
  const load = timeInProcess(runs, () => {
    articles = files.map((f) => loadArticleFile(f, f, realRoot, { notRegular }).article).filter((a): a is Article => a !== null);
  });
  let split: Array<{ text: string; sentences: ReturnType<typeof splitSentences> }> = [];
  const foldSplit = timeInProcess(runs, () => {
    split = articles.map((a) => {
      const text = foldText(a.raw, a.bodyStart).text;
      return { text, sentences: splitSentences(text) };
    });
  });
  const gazetteer = defaultGazetteer();
  const mentions = timeInProcess(runs, () => {
    for (const s of split) gazetteer.mentionsBySpan(s.text, s.sentences);
  });
  split = [];
  const options = { gazetteer, meetings: defaultMeetings() };
  let results: Array<ReturnType<typeof extractArticle>> = [];
  const extract = timeInProcess(runs, () => {
    results = articles.map((a) => extractArticle(a, options));
  });
  const render = timeInProcess(runs, () => {
    for (const r of results) renderArticleNdjson({ summary: r.summary, facts: r.facts });
  });
  return [
    { what: 'load: read, decode, front matter', ms: load, everyArticle: true },
    { what: 'fold and split into sentences', ms: foldSplit, everyArticle: true },
    { what: 'gazetteer, one pass per article', ms: mentions, everyArticle: true },
    { what: 'the rest of extraction: cues, extractors, scopes, records', ms: extract - foldSplit - mentions, everyArticle: false },
    { what: 'render NDJSON', ms: render, everyArticle: false },
  ];
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
  cpu: string;
  rss: string;
  ratio: string;
}

const HEAD: Row = {
  what: 'what',
  corpus: 'corpus',
  median: 'median',
  mbps: 'MB/s',
  articlesPerS: 'articles/s',
  msPerArticle: 'ms/article',
  cpu: 'CPU',
  rss: 'peak RSS',
  ratio: 'ratio',
};
const LEFT = new Set<keyof Row>(['what', 'corpus']);

const mb = (bytes: number) => bytes / 1e6;
const f1 = (n: number) => n.toFixed(1);
const fint = (n: number) => Math.round(n).toLocaleString('en-US');
const seconds = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`);
const kilo = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));
const dash = { mbps: '—', articlesPerS: '—', msPerArticle: '—', cpu: '—', rss: '—' };

/** A Markdown table: the columns of `head`, those in `left` aligned left, the others right. */
function table<K extends string>(head: Record<K, string>, rows: Array<Record<K, string>>, left: ReadonlySet<string>): string {
  const keys = Object.keys(head) as K[];
  const width = (k: K) => Math.max(...[head, ...rows].map((r) => r[k].length));
  const line = (r: Record<K, string>) => `| ${keys.map((k) => (left.has(k) ? r[k].padEnd(width(k)) : r[k].padStart(width(k)))).join(' | ')} |`;
  const rule = `|${keys.map((k) => (left.has(k) ? `:${'-'.repeat(width(k) + 1)}` : `${'-'.repeat(width(k) + 1)}:`)).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  fs.mkdirSync(OUT, { recursive: true });
  if (!fs.existsSync(path.join(ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const cpus = os.cpus();
  const load = () => os.loadavg()[0]?.toFixed(2) ?? '?';
  console.log(`istanbul-talks benchmark · Node ${process.version} · ${os.platform()} ${os.arch()} · ${cpus.length} × ${cpus[0]?.model ?? 'cpu'} · ${Math.round(os.totalmem() / 2 ** 30)} GB · load average ${load()}`);

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
  const results: Record<string, unknown> = { load: os.loadavg() };
  const main = corpora.get(10_000) ?? ([...corpora.values()].pop() as CorpusInfo);
  const rel = (info: CorpusInfo) => path.relative(ROOT, info.dir);
  const label = (info: CorpusInfo) => `${kilo(info.files)} · ${f1(mb(info.bytes))} MB`;
  const rates = (info: CorpusInfo, m: { ms: number; cpuMs?: number; maxRssMb?: number }) => ({
    mbps: f1(mb(info.bytes) / (m.ms / 1000)),
    articlesPerS: fint(info.files / (m.ms / 1000)),
    msPerArticle: (m.ms / info.files).toFixed(3),
    cpu: m.cpuMs ? seconds(m.cpuMs) : '—',
    rss: m.maxRssMb ? `${fint(m.maxRssMb)} MB` : '—',
  });

  // Baselines, in this process, on the main corpus.
  const files = listFiles(main.dir);
  let texts: string[] = [];
  const readMs = timeInProcess(args.runs, () => {
    texts = readDecode(files);
  });
  const regexMs = timeInProcess(args.runs, () => regexPass(texts));
  texts = [];
  const readMbps = mb(main.bytes) / (readMs / 1000);
  rows.push({ what: 'baseline: read + decode, in-process', corpus: label(main), median: seconds(readMs), ...rates(main, { ms: readMs }), ratio: '1.0 (the limit)' });
  rows.push({ what: 'baseline: one regex pass, in-process', corpus: label(main), median: seconds(regexMs), ...rates(main, { ms: regexMs }), ratio: '—' });
  const nodeStart = await measure(15, () => runNode(['-e', '0'], { hook: false }));
  rows.push({ what: 'baseline: node -e 0', corpus: '—', median: seconds(nodeStart.ms), ...dash, ratio: '1.00' });
  results.baselines = { readMs, regexMs, readMbps, nodeMs: nodeStart.ms };

  const bins: Array<[string, string]> = [['', BIN]];
  if (args.before) bins.push([' (before)', path.join(args.before, 'bin/istanbul-talks.js')]);

  // Extraction, end to end.
  const extractMs = new Map<number, number>();
  const outputs = new Map<number, string>();
  for (const [n, info] of corpora) {
    for (const [suffix, bin] of bins) {
      if (suffix && n > 10_000) continue;
      const outFile = path.join(OUT, `extract-${n}${suffix ? '-before' : ''}.ndjson`);
      const m = await measure(runsFor(n), () => runNode([bin, 'extract', '--format', 'ndjson', '--corpus', rel(info)], { stdoutFile: outFile, env: ONE_THREAD }));
      if (!suffix) {
        extractMs.set(n, m.ms);
        outputs.set(n, outFile);
      }
      rows.push({ what: `extract --format ndjson${suffix}`, corpus: label(info), median: seconds(m.ms), ...rates(info, m), ratio: `${(m.ms / 1000 / (mb(info.bytes) / readMbps)).toFixed(0)}× read` });
      results[`extract-${n}${suffix}`] = { ...m, bytes: info.bytes, files: info.files };
    }
  }

  // Compare on the main corpus.
  for (const [suffix, bin] of bins) {
    const cmp = await measure(runsFor(main.files), () => runNode([bin, 'compare', '--format', 'json', '--corpus', rel(main)], { env: ONE_THREAD }));
    const base = suffix ? (results[`extract-${main.files} (before)`] as Measured).ms : (extractMs.get(main.files) as number);
    rows.push({ what: `compare --format json${suffix}`, corpus: label(main), median: seconds(cmp.ms), ...rates(main, cmp), ratio: `${(cmp.ms / base).toFixed(2)}× extract` });
    results[`compare${suffix}`] = cmp;
  }

  // Could threads pay? The same extraction with a worker thread beside the main one.
  const threadsOut = path.join(OUT, `extract-${main.files}-2-threads.ndjson`);
  const threads = await measure(runsFor(main.files), () =>
    runNode([BIN, 'extract', '--format', 'ndjson', '--corpus', rel(main)], { stdoutFile: threadsOut, env: { ISTANBUL_TALKS_JOBS: '2' } }),
  );
  const sameThreads = sha256File(threadsOut) === sha256File(outputs.get(main.files) as string);
  rows.push({
    what: 'extract --format ndjson, ISTANBUL_TALKS_JOBS=2',
    corpus: label(main),
    median: seconds(threads.ms),
    ...rates(main, threads),
    ratio: `${((extractMs.get(main.files) as number) / threads.ms).toFixed(2)}× faster`,
  });
  results.threads = { ...threads, sameOutput: sameThreads };

  // Start-up.
  for (const [suffix, bin] of bins) {
    const version = await measure(15, () => runNode([bin, '--version'], { hook: false }));
    const bundled = await measure(15, () => runNode([bin, 'compare'], { hook: false }));
    rows.push({ what: `istanbul-talks --version${suffix}`, corpus: '—', median: seconds(version.ms), ...dash, ratio: `${(version.ms / nodeStart.ms).toFixed(2)}× node` });
    rows.push({ what: `istanbul-talks compare${suffix}`, corpus: 'bundled (5)', median: seconds(bundled.ms), ...dash, ratio: `${(bundled.ms / nodeStart.ms).toFixed(2)}× node` });
    results[`startup${suffix}`] = { version, bundled };
  }

  console.log('');
  console.log(table(HEAD, rows, LEFT));
  console.log('');

  const sizes = [...extractMs.keys()].sort((a, b) => a - b);
  for (let i = 1; i < sizes.length; i++) {
    const a = sizes[i - 1] as number;
    const b = sizes[i] as number;
    console.log(`scaling ${kilo(a)} → ${kilo(b)} articles: time × ${((extractMs.get(b) as number) / (extractMs.get(a) as number)).toFixed(1)} (articles × ${b / a})`);
  }

  // The budget: the target's time for the main corpus, and what each stage takes of it.
  const target = (mb(main.bytes) / TARGET_MBPS) * 1000;
  const stages = await budget(files, runsFor(main.files));
  const total = stages.reduce((sum, s) => sum + s.ms, 0);
  const floor = stages.filter((s) => s.everyArticle).reduce((sum, s) => sum + s.ms, 0);
  const share = (ms: number) => `${((100 * ms) / target).toFixed(0)}%`;
  const stageRow = (what: string, ms: number) => ({ what, median: seconds(ms), perArticle: ((1000 * ms) / main.files).toFixed(0), share: share(ms) });
  console.log('');
  console.log(`Where one thread's time goes, ${label(main)}, stage by stage in one process (median of ${runsFor(main.files)}); ${TARGET_MBPS} MB/s would be ${seconds(target)} for all of it:`);
  console.log('');
  console.log(
    table(
      { what: 'stage', median: 'median', perArticle: 'µs/article', share: `of ${seconds(target)}` },
      [...stages.map((s) => stageRow(s.what, s.ms)), stageRow('all', total)],
      new Set(['what']),
    ),
  );
  console.log('');
  console.log(`Loading, folding, splitting and the gazetteer alone, which every article goes through: ${seconds(floor)}, ${share(floor)} of the ${TARGET_MBPS} MB/s budget.`);
  results.budget = { targetMs: target, stages, floorMs: floor };
  console.log('');

  let failed = !sameThreads;
  console.log(`2 threads: output ${sameThreads ? 'identical to' : 'DIFFERS from'} one thread's`);
  if (args.check) {
    for (const [n, info] of corpora) {
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
  const busy = Number(load()) > cpus.length * 0.75;
  console.log(`load average at the end: ${load()}${busy ? ` — other processes were competing for the ${cpus.length} cores: absolute figures are pessimistic, ratios to the same-run baselines less so` : ''}`);
  if (args.json) fs.writeFileSync(args.json, `${JSON.stringify(results, null, 2)}\n`);
  for (const f of fs.readdirSync(OUT)) if (/^stderr-\d+\.txt$/.test(f)) fs.rmSync(path.join(OUT, f));
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
