import { describe, expect, it } from 'vitest';
import { checkEvents, resolveOutlets, suggest } from '../../src/cli/filters.js';

describe('did you mean', () => {
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
