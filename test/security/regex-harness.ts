/**
 * Timing regular expressions without letting one hang the run: every scan happens in a worker
 * thread (regex-worker.mjs) with a watchdog that terminates it, and the time is measured there.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Pattern } from './patterns.js';

const WORKER = path.join(__dirname, 'regex-worker.mjs');

export interface AttackInput {
  name: string;
  unit: string;
  count: number;
  suffix: string;
  prefix?: string;
}

export interface ScanResult {
  input: string;
  /** Milliseconds, or null when the watchdog stopped the scan. */
  ms: number | null;
}

/** Flags as the checker and the worker should see them: `d` (indices) does not change matching. */
export const checkFlags = (flags: string) => flags.replace('d', '');

/** `length` characters made of `unit` repeated, then `suffix`. */
export function attack(name: string, unit: string, length: number, suffix = ''): AttackInput {
  return { name, unit, count: Math.max(1, Math.floor((length - suffix.length) / unit.length)), suffix };
}

const SINGLES = [' ', '\t', '\n', 'a', 'A', '1', '0', '@', '#', '-', '.', ',', "'", '(', 's', 'é', 'İ', '\u00a0'];
const PAIRS = ['a ', 'A ', 'Aa ', '1 ', '1,', '12,', '1-', 'a-', 'a.', 'A.', '@ ', '# ', '@,', '#-', '@\'s ', 'x\t'];

/** Words the pattern itself is made of ("talks", "delegation"), so an input can feed its loops. */
export function patternWords(source: string, max = 10): string[] {
  const bare = source.replace(/\\[pPu]\{[^}]*\}|\\[a-zA-Z]/g, ' ');
  const words = new Set<string>();
  for (const m of bare.matchAll(/[A-Za-z][A-Za-z'-]{2,}/g)) {
    words.add(m[0]);
    if (words.size >= max) break;
  }
  return [...words];
}

/** Adversarial inputs of `length` characters for one pattern: repeated characters, pairs, its own words. */
export function attackInputs(p: Pattern, length: number): AttackInput[] {
  const out: AttackInput[] = [];
  for (const unit of [...SINGLES, ...PAIRS]) {
    out.push(attack(JSON.stringify(unit), unit, length));
    out.push(attack(`${JSON.stringify(unit)}+"!"`, unit, length, '!'));
  }
  for (const w of patternWords(p.source)) {
    out.push(attack(JSON.stringify(`${w} `), `${w} `, length, '!'));
    out.push(attack(JSON.stringify(w), w, length, '!'));
  }
  return out;
}

/**
 * Scans every input with the pattern (as the program uses it: all matches when global), each in a
 * worker; an input still running after `hardLimitMs` is stopped and reported with ms = null.
 */
export async function timeScans(p: Pattern, inputs: AttackInput[], hardLimitMs: number, stopAfterMs = Infinity): Promise<ScanResult[]> {
  const results: ScanResult[] = [];
  let next = 0;
  while (next < inputs.length) {
    const batch = inputs.slice(next);
    const worker = new Worker(WORKER);
    await new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      let current = -1;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          results.push({ input: (batch[current] as AttackInput).name, ms: null });
          next = stopAfterMs === Infinity ? next + current + 1 : inputs.length;
          void worker.terminate().then(() => resolve());
        }, hardLimitMs);
      };
      worker.on('message', (msg: { kind: string; index: number; ms: number }) => {
        if (msg.kind === 'started') {
          current = msg.index;
          arm();
        } else if (msg.kind === 'scanned') {
          results.push({ input: (batch[msg.index] as AttackInput).name, ms: msg.ms });
          if (msg.ms > stopAfterMs) {
            // One slow input is enough to fail; the rest would only cost time.
            clearTimeout(timer);
            next = inputs.length;
            void worker.terminate().then(() => resolve());
          }
        } else if (msg.kind === 'done') {
          clearTimeout(timer);
          next = inputs.length;
          void worker.terminate().then(() => resolve());
        }
      });
      worker.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      worker.postMessage({ kind: 'scan', source: p.source, flags: checkFlags(p.flags), inputs: batch });
    });
  }
  return results;
}

export interface RecheckResult {
  status: 'safe' | 'vulnerable' | 'unknown';
  checker: string | null;
  ms: number;
  attack?: string;
  /** The attack's shape, to rebuild it at another size: prefix + pump × n + suffix. */
  pump?: { prefix: string; pump: string; suffix: string };
  complexity?: string;
  error?: string;
}

/** Bounded effort for the pure-JS checker: it runs on every `npm test`. Fixed seed: same verdicts. */
export const RECHECK_PARAMS = {
  timeout: 2000,
  randomSeed: 1,
  maxIteration: 3,
  maxInitialGenerationSize: 100,
  maxGenerationSize: 30,
  attackTimeout: 250,
  incubationTimeout: 100,
};

// Verdicts are cached between runs (not in git) keyed by recheck's version, the parameters and the
// pattern, so an unchanged pattern is not re-analysed on every `npm test`.
const CACHE = path.resolve(__dirname, '../../node_modules/.cache/istanbul-talks/recheck.json');
const recheckVersion = (JSON.parse(fs.readFileSync(require.resolve('recheck/package.json'), 'utf8')) as { version: string }).version;

function readCache(): Record<string, RecheckResult> {
  try {
    return JSON.parse(fs.readFileSync(CACHE, 'utf8')) as Record<string, RecheckResult>;
  } catch {
    return {};
  }
}

function writeCache(key: string, value: RecheckResult): void {
  const cache = readCache();
  cache[key] = value;
  fs.mkdirSync(path.dirname(CACHE), { recursive: true });
  const tmp = `${CACHE}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(cache));
  fs.renameSync(tmp, CACHE);
}

/** recheck's verdict on one pattern, from its pure-JS backend in a worker thread. */
export async function recheck(p: Pattern): Promise<RecheckResult> {
  const flags = checkFlags(p.flags);
  const key = createHash('sha256').update(JSON.stringify([recheckVersion, RECHECK_PARAMS, flags, p.source])).digest('hex');
  const cached = readCache()[key];
  if (cached) return cached;
  const worker = new Worker(WORKER);
  try {
    const result = await new Promise<RecheckResult>((resolve, reject) => {
      // recheck honours its own timeout; this is only a backstop.
      const timer = setTimeout(() => resolve({ status: 'unknown', checker: null, ms: RECHECK_PARAMS.timeout * 3, error: 'timeout' }), RECHECK_PARAMS.timeout * 3);
      worker.on('message', (msg: { kind: string; result: RecheckResult }) => {
        clearTimeout(timer);
        resolve(msg.result);
      });
      worker.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      worker.postMessage({ kind: 'recheck', source: p.source, flags, params: RECHECK_PARAMS });
    });
    writeCache(key, result);
    return result;
  } finally {
    await worker.terminate();
  }
}
