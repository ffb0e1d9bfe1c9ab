/**
 * Accuracy floors, so that a change that makes extraction worse fails the build. The figures come
 * from the hand-written gold in test/gold (see its README); `npm run eval` prints them in full.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreCorpus } from '../src/eval/score.js';
import { ROOT } from './helpers.js';

const CORE = ['date', 'venue', 'duration', 'prisoner-exchange', 'delegation-head', 'chair'];

describe('accuracy against gold', () => {
  it('bundled corpus: every annotated article scored, precision and recall ≥ 0.95 for every kind', () => {
    const score = scoreCorpus(path.join(ROOT, 'corpus'), path.join(ROOT, 'test/gold/corpus'));
    expect(score.unannotated).toEqual([]);
    for (const k of score.kinds) {
      expect([k.fact, k.precision >= 0.95, k.recall >= 0.95]).toEqual([k.fact, true, true]);
    }
  });

  it('development set: precision ≥ 0.95 and recall ≥ 0.90 on each core kind', () => {
    const score = scoreCorpus(path.join(ROOT, 'test/fixtures/dev'), path.join(ROOT, 'test/gold/dev'));
    expect(score.articles).toBeGreaterThanOrEqual(40);
    expect(score.unannotated).toEqual([]);
    for (const k of score.kinds.filter((k) => CORE.includes(k.fact))) {
      expect([k.fact, k.precision >= 0.95, k.recall >= 0.9]).toEqual([k.fact, true, true]);
    }
  });
});
