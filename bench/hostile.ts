/**
 * What hostile input costs (`npm run bench:hostile`), issue 13: each 5 MB adversarial article
 * shape of test/security/article-bound.test.ts, extracted in this process (median of --runs, after
 * one warm-up article), in both layouts — one unbroken sentence, and paragraphs of sentences just
 * under the sentence cap — with the facts it gives and the caps it reports; then a gazetteer of N
 * generated names: the time to load it and to extract two articles with it (the regex engine
 * compiles its patterns on first use), for N up to the cap.
 *
 * Options: --runs N (default 3), --mb N (default 5).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findRoot } from './generate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = findRoot(here);
const dist = async <T>(file: string): Promise<T> => (await import(pathToFileURL(path.join(ROOT, 'dist', file)).href)) as T;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const SHAPES: Record<string, string> = {
  'venue cue and name': 'talks Dolmabahce Palace ',
  'delegation head': 'Medinsky led the Russian delegation ',
  chair: 'chaired by Turkish Foreign Minister Hakan Fidan ',
  mediator: 'US and Turkey-brokered talks ',
  'ceasefire proposal': 'Ukraine proposed a 30-day ceasefire ',
  'territorial demand': 'withdraw from Donetsk, Luhansk, Kherson and Zaporizhzhia ',
  duration: 'the talks lasted two hours ',
  'dates with commas': 'talks on May 16, ',
  'on Friday': 'the talks were held on Friday ',
  'ISO days': 'talks 2025-05-16 ',
  'names of places': 'Çırağan Dolmabahçe Istanbul Kyiv ',
  figures: '1,000 for 1,000 prisoners ',
  'recap clauses': 'as in 2022, at the previous meeting in May, ',
};

async function main(): Promise<void> {
  const runs = Math.max(1, option('--runs', 3));
  const bytes = option('--mb', 5) * 1024 * 1024;
  const { parseArticle } = await dist<typeof import('../dist/corpus/load.js')>('corpus/load.js');
  const { defaultMeetings } = await dist<typeof import('../dist/events/meetings.js')>('events/meetings.js');
  const { defaultGazetteer, loadGazetteer } = await dist<typeof import('../dist/knowledge/gazetteer.js')>('knowledge/gazetteer.js');
  const { extractArticle } = await dist<typeof import('../dist/pipeline.js')>('pipeline.js');
  const { MAX_SENTENCE_CHARS, MAX_GAZETTEER_NAMES } = await dist<typeof import('../dist/limits.js')>('limits.js');
  const options = { gazetteer: defaultGazetteer(), meetings: defaultMeetings() };
  const article = (body: string) => {
    const parsed = parseArticle(`---\noutlet: Adversary\npublished: 2025-05-16\n---\nISTANBUL, May 16 (Wire) - Talks in Istanbul.\n\n${body}\n`, 'adversary', 'adversary.md');
    if (!parsed.article) throw new Error('the generated article does not load');
    return parsed.article;
  };
  extractArticle(article('The talks on Friday were held at the Dolmabahce Palace.'), options);

  console.log(`${(bytes / 1024 / 1024).toFixed(0)} MB adversarial articles, median of ${runs} (${os.cpus()[0]?.model ?? 'cpu'}, load average ${os.loadavg()[0]?.toFixed(1)})`);
  console.log('| shape | layout | median | facts | caps |');
  console.log('|:--|:--|--:|--:|:--|');
  for (const [name, shape] of Object.entries(SHAPES)) {
    const paragraph = `${shape.repeat(Math.floor((MAX_SENTENCE_CHARS - 10) / shape.length))}\n\n`;
    for (const [layout, unit] of [['one sentence', shape], ['sentences under the cap', paragraph]] as const) {
      const a = article(unit.repeat(Math.floor(bytes / unit.length)));
      const times: number[] = [];
      let result: ReturnType<typeof extractArticle> | null = null;
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        result = extractArticle(a, options);
        times.push(performance.now() - t);
      }
      const codes = [...new Set(result?.diagnostics.map((d) => d.code).filter((c) => c !== 'EVENT_UNKNOWN'))].join(', ');
      console.log(`| ${name} | ${layout} | ${median(times).toFixed(0)} ms | ${result?.facts.length ?? 0} | ${codes} |`);
    }
  }

  console.log('\ngazetteer of N generated names (one entity each), load and two articles');
  console.log('| names | load | two articles |');
  console.log('|--:|--:|--:|');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-gazetteer-'));
  const word = (i: number) => {
    let s = '';
    do {
      s += String.fromCharCode(97 + (i % 26));
      i = Math.floor(i / 26);
    } while (i > 0);
    return s;
  };
  const text = article('The talks in Istanbul on Friday were led by Medinsky. Zed abson Qd met them. '.repeat(50));
  for (const n of [2_500, 5_000, 10_000, MAX_GAZETTEER_NAMES - 1_000]) {
    const file = path.join(dir, `g-${n}.json`);
    fs.writeFileSync(file, JSON.stringify({ entities: Array.from({ length: n }, (_, i) => ({ id: `p${i}`, kind: 'person', name: `Zed ${word(i)}son Q${word(i * 7 + 3)}` })) }));
    const t = performance.now();
    const gazetteer = loadGazetteer([file]);
    const loaded = performance.now();
    for (let i = 0; i < 2; i++) extractArticle(text, { gazetteer, meetings: options.meetings });
    console.log(`| ${n.toLocaleString('en-US')} | ${(loaded - t).toFixed(0)} ms | ${(performance.now() - loaded).toFixed(0)} ms |`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

await main();
