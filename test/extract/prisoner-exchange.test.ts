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

  // Real-world wording (issue 12), each with traps below.
  it.each([
    // an equal pair: N-N, N x N, N for N
    ['Both delegations backed a 1,200-1,200 POW swap.', per(1200)],
    ['Negotiators settled on a 500 x 500 exchange of captives.', per(500)],
    ['The sides agreed to trade 300 for 300 prisoners.', per(300)],
    // per-side figures with a verb of giving back and no verb of exchanging
    ['Each side will return 500 POWs to the other.', per(500)],
    ['Both sides are to hand back 750 prisoners of war each.', per(750)],
    // figures in quotation marks
    ['Kyiv wants \u201cat least 1,000\u201d prisoners freed on each side.', per(1000, 'at-least')],
    ['The sides will exchange "1,200" prisoners of war each.', per(1200)],
    // a per-side figure with no noun of its own; the total beside it is the same exchange
    ['He recalled the prisoner exchange, 1,000 from each side, agreed in May.', per(1000)],
    ['The deal covers 1,000 captured soldiers \u2014 500 from each country \u2014 in the largest prisoner release yet.', per(500)],
    // a batch of an exchange stated per side is not a figure of its own
    ['A swap of 270 prisoners on Friday was the first stage of the 1,000-for-1,000 deal.', per(1000)],
    // a superlative with "since" is no running total
    ['The deal covers 800 soldiers\u2014400 from each country\u2014the biggest prisoner release since the war began.', per(400)],
    // a figure of prisoners wins over a figure of other people in the same sentence
    ['The sides agreed to swap 1,200 prisoners of war, with Moscow also proposing to exchange about 30 civilians.', per(1200)],
    // "more" in an agreed number is no possible batch
    ['They agreed to exchange at least 1,200 more prisoners of war from each side.', per(1200, 'at-least')],
  ])('real-world wording: %s', (text, expected) => {
    expect(values(prisonerExchange, text)).toEqual([expected]);
  });

  it.each([
    // an unequal hyphenated pair of figures is a range only with prisoners after it, never a pair
    'They agreed a 1,000-1,200 swap of territory maps.',
    // a count held, not exchanged
    'Each side said it held more than 5,000 POWs.',
    // a running total of people home already
    'More than 5,000 POWs have already come home, and another swap was agreed.',
    'Ukraine has so far brought home 4,500 prisoners of war through swaps.',
    'Some 4,000 POWs have returned since 2022 in earlier swaps.',
    // a possible additional batch
    'Medinsky said another 3,000 prisoners could possibly be exchanged later.',
    'A further 2,000 prisoners might be swapped in a second stage, officials suggested.',
    // bodies, with the new forms
    'Each side will return 6,000 bodies to the other.',
    'The exchange of the dead, 1,000 from each side, took place at the border.',
  ])('real-world trap: %s', (text) => {
    expect(values(prisonerExchange, text)).toEqual([]);
  });

  // Real-world wording, round two (issue 12): each way of writing with its traps below.
  it.each([
    // an equal pair in quotation marks: after a verb of exchanging, or as the name of the deal alone
    ['Kyiv said both sides would swap "800 for 800" before the end of the month.', per(800)],
    ['Families are waiting for the "1,500 for 1,500" agreement to be carried out.', per(1500)],
    ['Under the "600-for-600" formula, each country gets its own citizens back.', per(600)],
    // "N on N", as a translation writes a pair
    ['Medinsky spoke of an exchange on the formula "1200 on 1200".', per(1200)],
    ['Both delegations approved a 750 on 750 swap of prisoners.', per(750)],
    // people (not prisoners) stated per side, in a sentence about the exchange or its deal
    ['The swap will free no fewer than 500 people from each side, Umerov said.', per(500, 'at-least')],
    ['Moscow said the deal would cover at least 700 people on each side.', per(700, 'at-least')],
    ['The accord covers some 900 servicemen from each side.', per(900, 'about')],
    // a range of people on each side
    ['Officials said the exchange would involve between 1,000 and 1,200 soldiers on each side.', { perSide: 1000, total: 2000, qualifier: 'range', perSideMax: 1200 }],
    ['The new deal covers 400-450 servicemen on each side.', { perSide: 400, total: 800, qualifier: 'range', perSideMax: 450 }],
    ['They would exchange prisoners, between 300 and 350 from each side.', { perSide: 300, total: 600, qualifier: 'range', perSideMax: 350 }],
    // a further figure that the sides agree on, or that will be exchanged, is the figure agreed
    ['Russia and Ukraine will trade another 840 prisoners of war each.', per(840)],
    ['The delegations decided that a further 250 captives would go home from each side.', per(250)],
    // "handed over" is a verb, not "over N"
    ['Under the deal, each side handed over 420 prisoners of war.', per(420)],
  ])('real-world wording, round two: %s', (text, expected) => {
    expect(values(prisonerExchange, text)).toEqual([expected]);
  });

  it.each([
    // a further batch carried out, after the agreed total: a stage of the exchange, not its figure
    'On Monday each side handed over 212 more captives, completing the swap agreed in Istanbul.',
    'Another 480 prisoners came home on Saturday, as the exchange went on.',
    'Kyiv received an additional 95 POWs in the third stage of the exchange.',
    // a range or a figure of people per side that is not about an exchange
    'Fighting killed between 1,000 and 1,200 soldiers on each side in that month.',
    'The ceasefire line is guarded by 300 to 400 soldiers on each side.',
    // the size of a delegation
    'The delegations, 12 people from each side, signed no agreement.',
    'Both teams of 14 people each agreed to exchange prisoners.',
    // an unequal "N on N", a quoted pair of odds, a small quoted pair
    'The agreement followed 40 on 12 votes in the two chambers.',
    'Diplomats put the odds of a deal at "50-50".',
    'The formula "two for two" was used for the handshakes, officials agreed.',
  ])('real-world trap, round two: %s', (text) => {
    expect(values(prisonerExchange, text)).toEqual([]);
  });

  it('reads a figure whose next clause speaks of something already done', () => {
    expect(values(prisonerExchange, 'He said the sides would trade "1,000 for 1,000" and that the date was already fixed.')).toEqual([per(1000)]);
    // … but a running total in the figure's own clause is still one
    expect(values(prisonerExchange, 'He said 3,000 prisoners have already come home and that more swaps would follow.')).toEqual([]);
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
