import { describe, expect, it } from 'vitest';
import { checkEvents, editDistance, resolveOutlets, suggest } from '../../src/cli/filters.js';

describe('did you mean', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['rusia', 'russia', 1],
    ['ab', 'ba', 1],
    ['', 'abc', 3],
  ])('edit distance %s → %s is %d', (a, b, d) => {
    expect(editDistance(a, b, 5)).toBe(d);
  });

  it('gives up past the limit', () => {
    expect(editDistance('aaaaaaaa', 'bbbbbbbb', 2)).toBe(3);
  });

  it.each([
    ['ft', ['Atalayar', 'Financial Times'], ['Financial Times']],
    ['atalyar', ['Atalayar', 'Financial Times'], ['Atalayar']],
    ['north', ['North Press Agency', 'Radar Africa'], ['North Press Agency']],
    ['zzz', ['Atalayar'], []],
    ['', ['Atalayar'], []],
  ])('%s → %j', (value, candidates, expected) => {
    expect(suggest(value, candidates)).toEqual(expected);
  });

  it('resolves outlets by folded name or id, once each', () => {
    expect(resolveOutlets(['financial-times', 'FINANCIAL TIMES'], ['Financial Times', 'Atalayar'])).toEqual(['Financial Times']);
    expect(() => resolveOutlets(['ft'], ['Financial Times'])).toThrow('did you mean "Financial Times"?');
  });

  it('takes only real dates of meetings the input has', () => {
    expect(checkEvents(['2025-05-16'], ['2025-05-16', null])).toEqual(['2025-05-16']);
    expect(() => checkEvents(['2025-02-30'], ['2025-05-16'])).toThrow('not a calendar date');
    expect(() => checkEvents(['2025-06-01'], ['2025-05-16', '2025-06-02'])).toThrow('did you mean 2025-06-02?');
  });
});
