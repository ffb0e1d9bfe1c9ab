/**
 * `npm run eval`: precision and recall per fact kind on the bundled corpus and the hand-written
 * sets, then on the real development set when `../shared/real` is there (or `--real DIR`, or
 * `ISTANBUL_TALKS_REAL`): per kind, micro over the core kinds with meetings strict and ignored, and
 * the findings `compare` makes against those it makes on the gold. `--verbose` lists every missed
 * and spurious fact. A set name as argument (`npm run eval -- real`) runs that set only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE_KINDS, f1, micro, precision, recall, scoreReal, type RealKindScore, type RealScore } from './real.js';
import { scoreCorpus, type Score } from './score.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SETS = [
  { name: 'bundled corpus', corpus: path.join(root, 'corpus'), gold: path.join(root, 'test/gold/corpus') },
  { name: 'development set', corpus: path.join(root, 'test/fixtures/dev'), gold: path.join(root, 'test/gold/dev') },
  // Written by someone who never saw the rules, and never used to tune them: the honest figure.
  { name: 'held-out set', corpus: path.join(root, 'test/fixtures/holdout'), gold: path.join(root, 'test/gold/holdout') },
  { name: 'blind set', corpus: path.join(root, 'test/fixtures/blind'), gold: path.join(root, 'test/gold/blind') },
  // Written blind in the styles of real reporting (datelines, bylines, recaps, site chrome), never read for tuning.
  { name: 'field set', corpus: path.join(root, 'test/fixtures/field'), gold: path.join(root, 'test/gold/field') },
  // Two more sets in the same styles, each written independently of the others.
  { name: 'second field set', corpus: path.join(root, 'test/fixtures/field2'), gold: path.join(root, 'test/gold/field2') },
  // Never read for tuning: the honest figure for wording no one on the team wrote the rules against.
  { name: 'third field set', corpus: path.join(root, 'test/fixtures/field3'), gold: path.join(root, 'test/gold/field3') },
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
  // The six core kinds, as the real set is scored (meetings strict: the gold names each fact's meeting).
  const core = micro(score.kinds.map((k) => ({ fact: k.fact, gold: k.gold, found: k.extracted, correct: k.truePositives })));
  lines.push(`  core F1 ${pct(f1(core)).trim()} (P ${pct(precision(core)).trim()}, R ${pct(recall(core)).trim()}; meetings strict)`);
  if (score.unannotated.length) lines.push(`  (${score.unannotated.length} articles have no gold file and were not scored: ${score.unannotated.slice(0, 5).join(', ')}${score.unannotated.length > 5 ? ', …' : ''})`);
  return lines.join('\n');
}

function renderReal(score: RealScore, dir: string): string {
  const head = `  ${'fact'.padEnd(20)}${'gold'.padStart(6)}${'found'.padStart(7)}${'correct'.padStart(9)}${'precision'.padStart(11)}${'recall'.padStart(9)}${'F1'.padStart(7)}`;
  const row = (name: string, k: { gold: number; found: number; correct: number }) =>
    `  ${name.padEnd(20)}${String(k.gold).padStart(6)}${String(k.found).padStart(7)}${String(k.correct).padStart(9)}${pct(precision(k)).padStart(11)}${pct(recall(k))}${pct(f1(k)).slice(2).padStart(7)}`;
  const table = (kinds: RealKindScore[]) => [head, ...kinds.map((k) => row(k.fact, k)), row('core (micro)', micro(kinds))];
  const strict = micro(score.strict);
  const loose = micro(score.ignoringMeetings);
  const c = score.conflicts;
  const lines = [
    `real development set (${score.articles} articles, ${path.relative(process.cwd(), dir) || '.'}) — meetings strict`,
    ...table(score.strict),
    `  ignoring meetings: core P ${pct(precision(loose)).trim()} R ${pct(recall(loose)).trim()} F1 ${pct(f1(loose)).trim()}`,
    `  core F1 ${pct(f1(strict)).trim()} strict, ${pct(f1(loose)).trim()} ignoring meetings (core kinds: ${CORE_KINDS.join(', ')})`,
    `  articles without a meeting: ${score.noMeeting.length}${score.noMeeting.length ? ` (${score.noMeeting.join(', ')})` : ''}`,
    `  articles put on another main meeting than the gold's: ${score.wrongMeeting.length}${score.wrongMeeting.length ? ` (${score.wrongMeeting.map((w) => `${w.article}: ${w.found} for ${w.gold}`).join(', ')})` : ''}`,
    '  findings: compare on the extracted facts against compare on the gold facts',
    `  ${'status'.padEnd(20)}${'found'.padStart(7)}${'gold'.padStart(6)}${'same'.padStart(6)}`,
    ...score.findings.map((f) => `  ${f.status.padEnd(20)}${String(f.found).padStart(7)}${String(f.gold).padStart(6)}${String(f.same).padStart(6)}`),
    `  conflict precision ${pct(c.precision).trim()} (${c.correct}/${c.found}), recall ${pct(c.recall).trim()} (${c.recalled}/${c.gold})`,
  ];
  for (const s of c.spurious) lines.push(`    spurious conflict: ${s}`);
  for (const m of c.missed) lines.push(`    missed conflict: ${m}`);
  return lines.join('\n');
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const realAt = args.indexOf('--real');
const realDir = realAt >= 0 ? args[realAt + 1] : (process.env.ISTANBUL_TALKS_REAL ?? path.resolve(root, '../shared/real'));
const only = args.find((a, i) => !a.startsWith('--') && (realAt < 0 || i !== realAt + 1));
for (const set of SETS) {
  if (only && !set.name.startsWith(only)) continue;
  const score = scoreCorpus(set.corpus, set.gold);
  console.log(render(set.name, score));
  if (verbose) {
    for (const m of score.misses) console.log(`    ${m.kind.padEnd(8)} ${m.article}: ${m.key}   «${m.quote.replace(/\s+/g, ' ').slice(0, 100)}»`);
  }
  console.log('');
}

if (!only || 'real'.startsWith(only)) {
  if (realDir && fs.existsSync(path.join(realDir, 'gold.json'))) {
    const score = scoreReal(realDir);
    console.log(renderReal(score, realDir));
    if (verbose) for (const m of score.misses) console.log(`    ${m.kind.padEnd(13)} ${m.article}: ${m.key}   «${m.quote.replace(/\s+/g, ' ').slice(0, 100)}»`);
  } else {
    console.log(`real development set: skipped (no gold.json in ${realDir ?? '../shared/real'}; see ../shared/real/README.md)`);
  }
}
