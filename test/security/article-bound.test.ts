/**
 * Issue 13, point 3: every stage is linear in an article's size, and one article cannot make the
 * run produce without bound. Each case is a 5 MB article (the default --max-file-size) of one
 * shape the extractors, the cue scan or the event scopes react to, built here, in two layouts:
 * one unbroken sentence (the sentence cap's case) and paragraphs of sentences just under the cap
 * (every sentence read in full, the fact cap's case). Each goes through load → fold → split →
 * gazetteer → cues → extractors → refiners → event scopes → records in a worker thread against
 * the built dist/, which is stopped when it overruns: a regression fails, it does not hang.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { MAX_FACTS_PER_ARTICLE, MAX_SENTENCE_CHARS } from '../../src/limits.js';

const WORKER = path.join(__dirname, 'pipeline-worker.mjs');
const LENGTH = 5 * 1024 * 1024;
const BOUND_MS = 2000;

/** One shape per case: what the text repeats. */
const SHAPES: Record<string, string> = {
  // Cue words of each extractor and of the event scopes.
  'venue cue and name (the 3 MB crash)': 'talks Dolmabahce Palace ',
  'delegation head (172 s at 5 MB once)': 'Medinsky led the Russian delegation ',
  'chair': 'chaired by Turkish Foreign Minister Hakan Fidan ',
  'mediator': 'US and Turkey-brokered talks ',
  'ceasefire proposal': 'Ukraine proposed a 30-day ceasefire ',
  'territorial demand': 'withdraw from Donetsk, Luhansk, Kherson and Zaporizhzhia ',
  'duration': 'the talks lasted two hours ',
  'cue words without a fact': 'the talks delegation meeting round negotiations ',
  // Dates: days with commas (> 590 s at 5 MB once), weekdays, ISO days.
  'dates with commas': 'talks on May 16, ',
  'bare dates with commas': 'May 16, ',
  'on Friday (179 MB of JSON once)': 'the talks were held on Friday ',
  'ISO days': 'talks 2025-05-16 ',
  // Names and figures.
  'names of people': 'Medinsky and Umerov ',
  'names of places': 'Çırağan Dolmabahçe Istanbul Kyiv ',
  'figures': '1,000 for 1,000 prisoners ',
  'numbers': '1,000 ',
  // Punctuation the scopes and the splitter cut at.
  'commas': 'talks, ',
  'quotes': '"the talks" ',
  'dashes': 'talks - ',
  'recap clauses': 'as in 2022, at the previous meeting in May, ',
  'offsite talks': 'talks in Jeddah, ',
};

interface Outcome {
  ms: number;
  facts: number;
  codes: string[];
}

function run(prefix: string, unit: string, count: number): Promise<Outcome | null> {
  const worker = new Worker(WORKER);
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    worker.on('message', (msg: Outcome & { ready?: boolean }) => {
      if (msg.ready) {
        timer = setTimeout(() => void worker.terminate().then(() => resolve(null)), BOUND_MS + 3000);
        worker.postMessage({ prefix, unit, count, suffix: '' });
        return;
      }
      clearTimeout(timer);
      void worker.terminate().then(() => resolve(msg));
    });
    worker.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

const DATELINE = 'ISTANBUL, May 16 (Wire) - Talks in Istanbul.\n\n';

describe(`5 MB adversarial articles, each extracted in under ${BOUND_MS} ms`, () => {
  for (const [name, shape] of Object.entries(SHAPES)) {
    it(`${name}: one sentence`, async () => {
      const outcome = await run(DATELINE, shape, Math.floor((LENGTH - DATELINE.length) / shape.length));
      expect(outcome, `${name}: stopped after ${BOUND_MS + 3000} ms`).not.toBeNull();
      const { ms, facts, codes } = outcome as Outcome;
      expect(ms, `${name}: ${Math.round(ms)} ms`).toBeLessThan(BOUND_MS);
      expect(facts).toBeLessThanOrEqual(MAX_FACTS_PER_ARTICLE);
      expect(codes).toContain('SENTENCE_TOO_LONG');
    }, 30_000);

    it(`${name}: sentences just under the cap`, async () => {
      const paragraph = `${shape.repeat(Math.floor((MAX_SENTENCE_CHARS - 10) / shape.length))}\n\n`;
      const outcome = await run(DATELINE, paragraph, Math.floor((LENGTH - DATELINE.length) / paragraph.length));
      expect(outcome, `${name}: stopped after ${BOUND_MS + 3000} ms`).not.toBeNull();
      const { ms, facts, codes } = outcome as Outcome;
      expect(ms, `${name}: ${Math.round(ms)} ms`).toBeLessThan(BOUND_MS);
      expect(facts).toBeLessThanOrEqual(MAX_FACTS_PER_ARTICLE);
      expect(codes).not.toContain('SENTENCE_TOO_LONG');
    }, 30_000);
  }
});
