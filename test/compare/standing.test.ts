import { describe, expect, it } from 'vitest';
import { outletStandings } from '../../src/compare/standing.js';
import { comparison, valueGroup } from '../check/factories.js';

const dolmabahce = (outlets: string[]) => valueGroup('dolmabahce-palace', 'Dolmabahçe Palace', outlets);
const ciragan = (outlets: string[]) => valueGroup('ciragan-palace', 'Çırağan Palace', outlets);

describe('outletStandings', () => {
  it.each([
    ['two against one: the one is the outlier', [dolmabahce(['A', 'B']), ciragan(['C'])], { A: 'majority', B: 'majority', C: 'outlier' }],
    ['one against one: both are outliers', [dolmabahce(['A']), ciragan(['B'])], { A: 'outlier', B: 'outlier' }],
    ['two against two: all are outliers', [dolmabahce(['A', 'B']), ciragan(['C', 'D'])], { A: 'outlier', B: 'outlier', C: 'outlier', D: 'outlier' }],
  ] as const)('%s', (_, values, expected) => {
    const rows = outletStandings({ comparisons: [comparison('venue', 'conflict', [...values])] }, 0.1);
    const got = Object.fromEntries(rows.map((r) => [r.outlet, (['majority', 'outlier', 'alone', 'silent'] as const).find((k) => r[k] === 1)]));
    expect(got).toEqual(expected);
  });

  it('counts compatible values as with the majority: "less than 2 h" does not contradict "2 h"', () => {
    const c = comparison('duration', 'compatible', [
      valueGroup({ minutes: 120, qualifier: 'exact' }, '2 h', ['A', 'B']),
      valueGroup({ minutes: 120, qualifier: 'under' }, 'less than 2 h', ['C']),
    ]);
    expect(outletStandings({ comparisons: [c] }, 0.1).map((r) => r.majority)).toEqual([1, 1, 1]);
  });

  it('counts the only outlet of a fact as alone and the outlets that cover the meeting without it as silent', () => {
    const single = comparison('chair', 'single-source', [valueGroup('hakan-fidan', 'Hakan Fidan', ['A'])]);
    single.silent = ['B'];
    const agree = comparison('date', 'agree', [valueGroup('2025-05-16', '16 May 2025', ['A', 'B'])]);
    expect(outletStandings({ comparisons: [single, agree] }, 0.1)).toEqual([
      { outlet: 'A', majority: 1, outlier: 0, alone: 1, silent: 0 },
      { outlet: 'B', majority: 1, outlier: 0, alone: 0, silent: 1 },
    ]);
  });

  it('an outlet with two values, one of them contradicted by more outlets, is an outlier', () => {
    const c = comparison('venue', 'conflict', [dolmabahce(['A', 'B', 'C']), ciragan(['C'])]);
    const rows = outletStandings({ comparisons: [c] }, 0.1);
    expect(rows.find((r) => r.outlet === 'C')).toEqual({ outlet: 'C', majority: 0, outlier: 1, alone: 0, silent: 0 });
  });
});
