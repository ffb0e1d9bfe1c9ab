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
    ['Turkey, which has kept working relations with both Moscow and Kyiv, is acting as mediator.', [['turkey']]],
    ['Turkey and the United States are acting as mediators.', [['turkey', 'united-states']]],
    ['The first round, a US- and Turkey-brokered meeting, produced a swap.', [['turkey', 'united-states']]],
    ["Ankara's mediation has been skilful.", [['turkey']]],
    ['Türkiye would continue to mediate, Fidan said.', [['turkey']]],
    ['The talks were brokered jointly by Washington and Ankara.', [['turkey', 'united-states']]],
  ])('%s', (text, expected) => {
    expect(values(mediator, text)).toEqual(expected);
  });
  it.each(['Turkey, the host country, said both sides agreed.', 'Washington could step back from its role as a mediator.', 'Turkey, which hosted the talks, said little.'])('trap: %s', (text) => {
    expect(values(mediator, text)).toEqual([]);
  });
});

describe('ceasefire-proposal', () => {
  it.each([
    ['The Ukrainian side said Russia rejected their top priority, an unconditional 30-day ceasefire.', [['ukraine', { days: 30 }]]],
    ["Answering Ukraine's call for a month-long standstill, the Russian delegates offered a temporary two-day halt in hostilities.", [['ukraine', { days: 30 }], ['russia', { days: 2 }]]],
    ['Moscow offered a two-to-three-day pause in some sectors.', [['russia', { days: 2, maxDays: 3 }]]],
    ['Medinsky proposed short ceasefires of 24 to 48 hours.', [['russia', { days: 1, maxDays: 2 }]]],
    ["Ukraine's 30-day ceasefire proposal was rejected.", [['ukraine', { days: 30 }]]],
    ['Officials compared it with the 30-day ceasefire that Kyiv has been demanding.', [['ukraine', { days: 30 }]]],
    ['Medinski proposed pausing the fighting for two to three days.', [['russia', { days: 2, maxDays: 3 }]]],
    ["Russia's offer of a two- or three-day pause was dismissed.", [['russia', { days: 2, maxDays: 3 }]]],
    ['Medinsky says Moscow will return 6,000 bodies of Ukrainian servicemen and is proposing a ceasefire of two to three days.', [['russia', { days: 2, maxDays: 3 }]]],
    ['Russia had put forward a halt of between two and three days.', [['russia', { days: 2, maxDays: 3 }]]],
    ['Ukraine again asked for an unconditional truce of 30 days.', [['ukraine', { days: 30 }]]],
    ["Medinsky's offer of truces lasting a day or two was brushed aside.", [['russia', { days: 1, maxDays: 2 }]]],
    ['Kyiv said its thirty-day ceasefire offer still stood.', [['ukraine', { days: 30 }]]],
  ])('%s', (text, expected) => {
    expect(values(ceasefire, text)).toEqual(expected);
  });
  it.each(['The Istanbul talks centered on the proposal of a 30-day ceasefire.', 'A 30-day deadline was set for the talks.', 'Ukrainian soldiers held the line during a two-day lull in fighting.'])('trap: %s', (text) => {
    expect(values(ceasefire, text)).toEqual([]);
  });
});

describe('territorial-demand', () => {
  it.each([
    ['Russia demanded that Ukraine withdraw from Donetsk, Luhansk, Kherson and Zaporizhzhia.', [['donetsk', 'kherson', 'luhansk', 'zaporizhzhia']]],
    ['Moscow insists Kyiv pull out of Lugansk and Zaporozhye.', [['luhansk', 'zaporizhzhia']]],
    ['it would only accept a truce if Ukraine withdrew from the regions of Luhansk, Donetsk, Zaporizhia and Kherson', [['donetsk', 'kherson', 'luhansk', 'zaporizhzhia']]],
    ['Moscow had demanded that Kyiv pull its troops out of Donetsk and Luhansk as a condition.', [['donetsk', 'luhansk']]],
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
