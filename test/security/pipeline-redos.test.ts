/**
 * No hang in the whole pipeline: 100 KB articles built to stress what the extractors do with a
 * sentence (one enormous sentence, thousands of mentions, one enormous "name"), each through
 * load → segment → context → extractors → events, under a generous bound. Each runs in a worker
 * thread against the built dist/ so that a super-linear case is stopped, not waited for.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

const WORKER = path.join(__dirname, 'pipeline-worker.mjs');
const LENGTH = 100_000;
const BOUND_MS = 2000;

interface Case {
  prefix?: string;
  unit: string;
  suffix?: string;
}

const CASES: Record<string, Case> = {
  'one long sentence of words': { unit: 'the talks delegation meeting ' },
  'whitespace': { prefix: 'The talks lasted', unit: ' ', suffix: 'x' },
  'numbers': { unit: '1,000 ' },
  'prisoner figures': { unit: '1,000 for 1,000 prisoners ' },
  'durations': { unit: 'two hours ' },
  'ceasefires': { unit: '30-day ceasefire ' },
  'dates': { unit: 'on Friday May 16 ' },
  'short sentences': { unit: 'Talks ended. ' },
  'dots': { unit: '. ' },
  'capitalised words': { unit: 'Aa ' },
  'Markdown markers': { unit: '\n- # > | ' },
  'blank lines': { unit: '\n\n' },
  'accents to fold': { unit: 'Çağlayan Şişli ' },
  // Once super-linear (fixed: runs of @/# matched whole, mentions split in one pass, proposers found by binary search).
  'one 100 KB name before "led"': { prefix: 'Medinsky A', unit: 'a', suffix: ' Bb led the talks.' },
  'one 100 KB name as chair': { prefix: 'The talks were chaired by Aaaa', unit: 'a', suffix: ' Bbbb, who presided over the talks.' },
  'people mentioned thousands of times': { unit: 'Medinsky and Umerov ' },
  'venues mentioned thousands of times': { unit: 'Çırağan Dolmabahçe ' },
  'countries mentioned thousands of times': { unit: 'Turkey and Russia ' },
  'possessive countries': { unit: "Russia's delegation " },
  'hyphenated countries': { unit: 'Russia-Ukraine-Turkey-' },
  'repeated proposals': { unit: 'Ukraine proposed a 30-day ceasefire and Russia offered ' },
};

/** Cases known to be super-linear, expected to fail until fixed. None at present. */
const KNOWN = new Set<string>([]);

function timeArticle(c: Case): Promise<number | null> {
  const worker = new Worker(WORKER);
  const prefix = c.prefix ?? '';
  const suffix = c.suffix ?? '';
  const count = Math.floor((LENGTH - prefix.length - suffix.length) / c.unit.length);
  return new Promise<number | null>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    worker.on('message', (msg: { ready?: boolean; ms: number; facts: number }) => {
      if (msg.ready) {
        // The clock starts once the thread has loaded and warmed up the pipeline.
        timer = setTimeout(() => void worker.terminate().then(() => resolve(null)), BOUND_MS + 1000);
        worker.postMessage({ prefix, unit: c.unit, count, suffix });
        return;
      }
      clearTimeout(timer);
      expect(msg.facts).toBeGreaterThanOrEqual(0);
      void worker.terminate().then(() => resolve(msg.ms));
    });
    worker.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

const check = (name: string, c: Case) => async () => {
  const ms = await timeArticle(c);
  expect(ms, `${name}: ${ms === null ? 'stopped' : `${Math.round(ms)} ms`}`).not.toBeNull();
  expect(ms as number).toBeLessThan(BOUND_MS);
};

describe(`the pipeline handles adversarial ${LENGTH / 1000} KB articles in under ${BOUND_MS} ms`, () => {
  for (const [name, c] of Object.entries(CASES)) if (!KNOWN.has(name)) it(name, check(name, c), 30_000);
});

// After the others, and side by side: slowing each other down cannot make these pass.
if (KNOWN.size > 0) {
  describe.concurrent('known super-linear cases (expected to fail until fixed)', () => {
    for (const [name, c] of Object.entries(CASES)) if (KNOWN.has(name)) it.fails(name, check(name, c), 30_000);
  });
}
