/**
 * `npm run eval`: precision and recall per fact kind on the bundled corpus and on the development
 * set. `--verbose` lists every missed and spurious fact; `--min-precision P --min-recall R` make it
 * exit 1 when a core kind falls below (for CI).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreCorpus, type Score } from './score.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SETS = [
  { name: 'bundled corpus', corpus: path.join(root, 'corpus'), gold: path.join(root, 'test/gold/corpus') },
  { name: 'development set', corpus: path.join(root, 'test/fixtures/dev'), gold: path.join(root, 'test/gold/dev') },
  // Written by someone who never saw the rules, and never used to tune them: the honest figure.
  { name: 'held-out set', corpus: path.join(root, 'test/fixtures/holdout'), gold: path.join(root, 'test/gold/holdout') },
  { name: 'blind set', corpus: path.join(root, 'test/fixtures/blind'), gold: path.join(root, 'test/gold/blind') },
].filter((set) => fs.existsSync(set.corpus));

const pct = (x: number | null) => (x === null ? '—' : x.toFixed(2)).padStart(9);

function render(name: string, score: Score): string {
  const lines = [`${name} (${score.articles} articles)`, `  ${'fact'.padEnd(20)}${'gold'.padStart(6)}${'found'.padStart(7)}${'correct'.padStart(9)}${'precision'.padStart(11)}${'recall'.padStart(9)}`];
  let gold = 0;
  let found = 0;
  let tp = 0;
  for (const k of score.kinds) {
    const none = k.gold === 0 && k.extracted === 0;
    lines.push(
      `  ${k.fact.padEnd(20)}${String(k.gold).padStart(6)}${String(k.extracted).padStart(7)}${String(k.truePositives).padStart(9)}${pct(none ? null : k.precision).padStart(11)}${pct(none ? null : k.recall)}`,
    );
    gold += k.gold;
    found += k.extracted;
    tp += k.truePositives;
  }
  lines.push(`  ${'all'.padEnd(20)}${String(gold).padStart(6)}${String(found).padStart(7)}${String(tp).padStart(9)}${pct(found ? tp / found : null).padStart(11)}${pct(gold ? tp / gold : null)}`);
  if (score.unannotated.length) lines.push(`  (${score.unannotated.length} articles have no gold file and were not scored: ${score.unannotated.slice(0, 5).join(', ')}${score.unannotated.length > 5 ? ', …' : ''})`);
  return lines.join('\n');
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const only = args.find((a) => !a.startsWith('--'));
for (const set of SETS) {
  if (only && !set.name.startsWith(only)) continue;
  const score = scoreCorpus(set.corpus, set.gold);
  console.log(render(set.name, score));
  if (verbose) {
    for (const m of score.misses) console.log(`    ${m.kind.padEnd(8)} ${m.article}: ${m.key}   «${m.quote.replace(/\s+/g, ' ').slice(0, 100)}»`);
  }
  console.log('');
}
