import { describe, expect, it } from 'vitest';
import prisonerExchange, { groupDigits } from '../../src/extract/prisoner-exchange.js';
import { values } from '../helpers.js';

const per = (n: number, qualifier = 'exact') => ({ perSide: n, total: n * 2, qualifier });

describe('prisoner-exchange', () => {
  it.each([
    ['The sides agreed a prisoner exchange — 1,000 for 1,000.', per(1000)],
    ['They agreed on a 1,000-for-1,000 POW swap.', per(1000)],
    ['a 1000x1000 prisoner swap was agreed', per(1000)],
    ['a 1,000 by 1,000 person prisoner swap', per(1000)],
    ['a thousand-for-thousand exchange of prisoners', per(1000)],
    ['a thousand for a thousand exchange of prisoners of war', per(1000)],
    ['The sides will exchange 1,000 prisoners of war each.', per(1000)],
    ['They agreed to swap 1,200 POWs.', per(1200)],
    ['They agreed to swap more than 1,000 prisoners.', per(1000, 'at-least')],
    ['They agreed a swap of a total of 2,000 prisoners.', { perSide: null, total: 2000, qualifier: 'exact' }],
    ['an agreement on swapping thousands of war prisoners', { perSide: null, total: 2000, qualifier: 'at-least' }],
    ['They will exchange 1,000 to 1,200 prisoners each.', { perSide: 1000, total: 2000, qualifier: 'range', perSideMax: 1200 }],
    ["Each side will hand back a thousand of the other's prisoners of war.", per(1000)],
    ['Officials agreed that a thousand men would be sent home by each side.', per(1000)],
  ])('%s', (text, expected) => {
    expect(values(prisonerExchange, text)).toEqual([expected]);
  });

  it.each([
    'The sides agreed to exchange the bodies of 6,000 soldiers.',
    'Russia will hand over 6,000 bodies in exchange.',
    'Ukraine held the 1,000km frontline, while prisoners were discussed.',
    'After 1,000 days of war, a prisoner exchange was discussed.',
    'Russia launched 1,200 drones before the prisoner swap.',
    'In 2022 the sides exchanged prisoners.',
    'Support for a swap rose to 70% among prisoners families.',
    'A thousand men were sent home from the front for the exchange season.',
    'Ten thousand people went home after the rally.',
  ])('trap: %s', (text) => {
    expect(values(prisonerExchange, text)).toEqual([]);
  });
});

describe('groupDigits', () => {
  it('writes numbers as en-US does', () => {
    for (const n of [0, 7, 24, 999, 1000, 1200, 12345, 100000, 999999, 1000000, 1234567890, 1.5, 2500.25, -1200, Number.MAX_SAFE_INTEGER]) {
      expect(groupDigits(n), String(n)).toBe(n.toLocaleString('en-US'));
    }
  });
});
