/**
 * The scorer of the real development set (src/eval/real.ts), on a small set in its format written
 * for this test; and, when ../shared/real is there (never in a user's clone), the floors issue 12
 * set on it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { f1, micro, precision, recall, scoreReal } from '../src/eval/real.js';
import { ROOT } from './helpers.js';

describe('real-set scorer', () => {
  const score = scoreReal(path.join(ROOT, 'test/fixtures/real-format'));
  const kind = (fact: string) => score.strict.find((k) => k.fact === fact);

  it('counts an uncertain gold fact when found and forgets it when missed', () => {
    // gamma's Dolmabahçe is uncertain and found; alpha's Russian head is uncertain and missed.
    expect(kind('venue')).toMatchObject({ gold: 3, found: 3, correct: 3 });
    expect(kind('delegation-head')).toMatchObject({ gold: 1, found: 0, correct: 0 });
  });

  it('scores spurious and missed facts per kind, and the core micro figures', () => {
    expect(kind('duration')).toMatchObject({ gold: 3, found: 4, correct: 3 });
    const all = micro(score.strict);
    expect(all).toEqual({ gold: 12, found: 12, correct: 11 });
    expect([precision(all), recall(all), f1(all)]).toEqual([11 / 12, 11 / 12, 11 / 12]);
    expect(score.misses.map((m) => `${m.kind} ${m.article} ${m.key}`).sort()).toEqual([
      'missed delta-2025-06-02 2025-06-02 delegation-head[russia] = "vladimir-medinsky"',
      'spurious delta-2025-06-02 2025-06-02 duration = 120',
    ]);
    expect(score.noMeeting).toEqual([]);
  });

  it('judges the conflicts compare makes against those it makes on the gold', () => {
    // Durations of one meeting: "just over an hour", "three hours", "about an hour", "two hours" (the
    // last is not in the gold): a conflict both ways. Venues: Çırağan against an uncertain
    // Dolmabahçe: a conflict the gold allows, so not spurious, and not required.
    expect(score.conflicts).toMatchObject({ found: 2, gold: 1, correct: 2, recalled: 1, precision: 1, recall: 1, spurious: [], missed: [] });
    expect(score.findings.find((f) => f.status === 'conflict')).toEqual({ status: 'conflict', found: 2, gold: 1, same: 1 });
  });
});

const REAL = path.resolve(ROOT, '../shared/real');
const hasReal = fs.existsSync(path.join(REAL, 'gold.json'));

describe.skipIf(!hasReal)('real development set floors (../shared/real, when present)', () => {
  it('core F1 ≥ 0.92 with meetings strict, every article on a meeting, conflict precision ≥ 0.9 and recall 1', () => {
    const score = scoreReal(REAL);
    expect(f1(micro(score.strict))).toBeGreaterThanOrEqual(0.92);
    expect(score.noMeeting).toEqual([]);
    expect(score.conflicts.precision).toBeGreaterThanOrEqual(0.9);
    expect(score.conflicts.recall).toBe(1);
  });
});
