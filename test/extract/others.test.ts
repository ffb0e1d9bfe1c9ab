import { describe, expect, it } from 'vitest';
import ceasefire from '../../src/extract/ceasefire-proposal.js';
import mediator from '../../src/extract/mediator.js';
import territorial from '../../src/extract/territorial-demand.js';
import { values } from '../helpers.js';

describe('mediator', () => {
  it.each([
    ['The US and Turkey-brokered discussions in Istanbul ended.', [['turkey', 'united-states']]],
    ['The two-hour session, hosted under Turkish mediation, ended.', [['turkey']]],
    ['The talks were mediated by Ankara.', [['turkey']]],
    ['The Turkish-brokered talks resumed.', [['turkey']]],
  ])('%s', (text, expected) => {
    expect(values(mediator, text)).toEqual(expected);
  });
  it.each(['Turkey, the host country, said both sides agreed.', 'Washington could step back from its role as a mediator.'])('trap: %s', (text) => {
    expect(values(mediator, text)).toEqual([]);
  });
});

describe('ceasefire-proposal', () => {
  it.each([
    ['The Ukrainian side said Russia rejected their top priority, an unconditional 30-day ceasefire.', [['ukraine', { days: 30 }]]],
    ["Answering Ukraine's call for a month-long standstill, the Russian delegates offered a temporary two-day halt in hostilities.", [['ukraine', { days: 30 }], ['russia', { days: 2 }]]],
    ['Moscow offered a two-to-three-day pause in some sectors.', [['russia', { days: 2, maxDays: 3 }]]],
    ['Medinsky proposed short ceasefires of 24 to 48 hours.', [['russia', { days: 1, maxDays: 2 }]]],
  ])('%s', (text, expected) => {
    expect(values(ceasefire, text)).toEqual(expected);
  });
  it.each(['The Istanbul talks centered on the proposal of a 30-day ceasefire.', 'A 30-day deadline was set for the talks.'])('trap: %s', (text) => {
    expect(values(ceasefire, text)).toEqual([]);
  });
});

describe('territorial-demand', () => {
  it.each([
    ['Russia demanded that Ukraine withdraw from Donetsk, Luhansk, Kherson and Zaporizhzhia.', [['donetsk', 'kherson', 'luhansk', 'zaporizhzhia']]],
    ['Moscow insists Kyiv pull out of Lugansk and Zaporozhye.', [['luhansk', 'zaporizhzhia']]],
    ['it would only accept a truce if Ukraine withdrew from the regions of Luhansk, Donetsk, Zaporizhia and Kherson', [['donetsk', 'kherson', 'luhansk', 'zaporizhzhia']]],
  ])('%s', (text, expected) => {
    expect(values(territorial, text)).toEqual(expected);
  });
  it.each(['Russia demands recognition of Crimea as Russian.', 'Moscow demanded that Kyiv withdraw from the four regions it claims.', 'Fighting continued in Donetsk and Kherson.'])(
    'trap: %s',
    (text) => {
      expect(values(territorial, text)).toEqual([]);
    },
  );
});
