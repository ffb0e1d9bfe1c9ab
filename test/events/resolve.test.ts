import { describe, expect, it } from 'vitest';
import { buildContext } from '../../src/extract/context.js';
import { dayMentions } from '../../src/extract/date.js';
import { defaultMeetings } from '../../src/events/meetings.js';
import { calendarIndex, mainEvent, sentenceScopes, windowMeeting } from '../../src/events/resolve.js';
import { foldText } from '../../src/knowledge/fold.js';
import { defaultGazetteer } from '../../src/knowledge/gazetteer.js';

const calendar = calendarIndex(defaultMeetings());

/** The scopes of one sentence, its days read as the pipeline reads them. */
function scopes(text: string, main: string | null = '2025-06-02', reference = main ?? '2025-06-02', carryIn: string | null = null) {
  const folded = foldText(text).text;
  const ctx = buildContext(folded, reference, defaultGazetteer(), calendar.ids);
  const s = sentenceScopes(ctx, { main, reference, calendar }, dayMentions(ctx), carryIn);
  return { at: (word: string) => s.at(folded.indexOf(word)), carry: s.carry };
}

describe('sentence scopes', () => {
  it.each([
    ['At the previous Istanbul meeting in May the two sides agreed on a 1,000-for-1,000 POW swap.', 'swap', '2025-05-16'],
    ['Three years ago, in the same halls, Arakhamia led the Ukrainian side.', 'Arakhamia', '2022-03-29'],
    ["Last month's round ended with a thousand-for-a-thousand exchange.", 'thousand', '2025-05-16'],
    ['The Russian side was led by Medinsky, who also headed the delegation at the talks of March 2022.', 'headed', '2022-03-29'],
    ['These talks follow the May meeting that secured a 1,000-prisoner exchange.', 'secured', '2025-05-16'],
    ['Two weeks earlier the two delegations had met in the Dolmabahce Palace.', 'Dolmabahce', '2025-05-16'],
  ])('%s → moves to %s', (text, word, event) => {
    expect(scopes(text, '2025-06-02').at(word).event).toBe(event);
  });

  it('reads "three years ago" loosely: in August 2025 it is the March 2022 meeting', () => {
    expect(scopes('Three years ago, talks in the same Dolmabahce palace ended with a draft.', '2025-07-23', '2025-08-15').at('Dolmabahce').event).toBe('2022-03-29');
  });

  it('takes "previous talks" to be the meeting before the main one, and a relative clause with it', () => {
    const text = 'Previous peace talks in Istanbul, which had also been led by Medinsky and Umerov, broke down in the spring of 2022.';
    expect(scopes(text, '2025-05-16').at('Medinsky').event).toBe('2022-03-29');
  });

  it.each([
    ['The first direct talks since March 2022 were held at the Ciragan Palace.', 'Ciragan', '2025-05-16'],
    ['Russia attempted to annex the regions in 2022, and demanded Kherson.', 'Kherson', '2025-06-02'],
    ['The Russian side was led by Medinsky, who also headed the delegation at the talks of March 2022.', 'Medinsky', '2025-06-02'],
    ['At the previous meeting in May they agreed a swap; this time they agreed on little.', 'little', '2025-06-02'],
    ['This session ended sooner than the previous meeting on June 2, taking only 40 minutes.', '40', '2025-07-23'],
    ['On May 28, Medinsky phoned Umerov, the head of the Ukrainian delegation.', 'head', '2025-06-02'],
    ['Umerov raised a future meeting between the two presidents.', 'Umerov', '2025-05-16'],
  ])('trap: %s stays with the main event', (text, word, main) => {
    expect(scopes(text, main).at(word).event).toBeNull();
  });

  it('says a fact also holds where "as in" or "as he did" points', () => {
    expect(scopes('As in 2022, the talks will be held at Dolmabahce.', '2025-05-16').at('Dolmabahce')).toMatchObject({ event: null, also: ['2022-03-29'] });
    expect(scopes('The delegation was led by Medinsky, just as in 2022.', '2025-05-16').at('Medinsky')).toMatchObject({ event: null, also: ['2022-03-29'] });
    expect(scopes('Fidan chaired the meeting as he did in May and June.', '2025-07-23').at('chaired')).toMatchObject({ event: null, also: ['2025-05-16', '2025-06-02'] });
    expect(scopes('As during the May 16 round, the team was headed by Medinsky.', '2025-06-02').at('Medinsky')).toMatchObject({ event: null, also: ['2025-05-16'] });
    const venue = "They met at the Dolmabahce Palace, the same venue as last month's round, for talks that ended early.";
    expect(scopes(venue).at('Dolmabahce')).toMatchObject({ also: ['2025-05-16'] });
    expect(scopes(venue).at('ended')).toMatchObject({ also: [] });
  });

  it('cuts a clause that moves to two meetings at the word that joins them', () => {
    const text = 'They spent 40 minutes at the Ciragan Palace, against an hour at the same venue on June 2 and two hours at Dolmabahce in May.';
    const s = scopes(text, '2025-07-23', '2025-07-24');
    expect([s.at('Ciragan').event, s.at('same venue').event, s.at('Dolmabahce').event]).toEqual([null, '2025-06-02', '2025-05-16']);
  });

  it('gives a clause of nothing but days to the clause before it', () => {
    const text = 'The sides met three times: on May 16 at the Dolmabahce Palace, and then twice at the Ciragan Palace, on June 2 and on July 23.';
    const s = scopes(text, '2025-07-23', '2025-08-15');
    expect(s.at('Dolmabahce')).toMatchObject({ event: '2025-05-16', also: [] });
    expect(s.at('Ciragan')).toMatchObject({ event: '2025-06-02', also: ['2025-07-23'] });
    // A day of the main meeting joins the list too.
    const main = scopes('They met twice at the Ciragan Palace, on June 2 and on July 23.', '2025-06-02', '2025-08-15');
    expect(main.at('Ciragan')).toMatchObject({ event: null, also: ['2025-07-23'] });
    // Trap: a clause with words of its own keeps them.
    expect(scopes('They met at the Ciragan Palace, and on June 2 they met again.', '2025-07-23', '2025-07-24').at('Ciragan').event).toBeNull();
  });

  it('makes "in all three rounds" at the head of a sentence hold for all of it', () => {
    const s = scopes('In all three rounds the Russian delegation was headed by Medinsky, and the Ukrainian one by Umerov.', '2025-07-23', '2025-08-15');
    expect(s.at('Umerov').also).toEqual(['2025-05-16', '2025-06-02']);
  });

  it('gives a place the meeting a "where" or "which hosted" clause after it names', () => {
    expect(scopes('The talks are expected at the Ciragan Palace, where the June round took place.', '2025-07-23', '2025-07-21').at('Ciragan')).toMatchObject({ event: null, also: ['2025-06-02'] });
    expect(scopes('The talks are expected at the Ciragan Palace, which hosted the June round.', '2025-07-23', '2025-07-21').at('Ciragan')).toMatchObject({ event: null, also: ['2025-06-02'] });
    // A place the clause before does not put the talks at was that meeting's only.
    expect(scopes('The Ciragan Palace is a short drive from Dolmabahce, where the first round took place on May 16.', '2025-06-02').at('Dolmabahce')).toMatchObject({ event: '2025-05-16', also: [] });
    // Trap: a relative clause that says something else of the place moves nothing.
    expect(scopes('The talks are expected at the Ciragan Palace, which was restored in May.', '2025-07-23', '2025-07-21').at('Ciragan')).toMatchObject({ event: null, also: [] });
  });

  it('reads a relative clause without a comma that holds a recap as its own clause', () => {
    const s = scopes('The delegations met in the same Dolmabahce Palace where their predecessors sat three years ago, and talked for two hours.', '2025-05-16');
    expect(s.at('Dolmabahce')).toMatchObject({ event: null, also: ['2022-03-29'] });
    expect(s.at('talked')).toMatchObject({ event: null, also: [] });
  });

  it('ends an opening "as during …" at a semicolon', () => {
    const s = scopes('As during the May round, the Russian team is headed by Medinsky; Umerov heads the Ukrainian one.', '2025-06-02');
    expect([s.at('Medinsky').also, s.at('Umerov').also]).toEqual([['2025-05-16'], []]);
  });

  it('reads "as the June 2 round did" as true of that round too', () => {
    expect(scopes('The meeting is expected at the Ciragan Palace, as the June 2 round did.', '2025-07-23', '2025-07-22').at('Ciragan')).toMatchObject({ event: null, also: ['2025-06-02'] });
  });

  it('reads a year beside a venue or a side as a meeting', () => {
    expect(scopes('In 2022, at Dolmabahce, the Ukrainian side was headed by Arakhamia.', '2025-07-23').at('Arakhamia').event).toBe('2022-03-29');
  });

  it('reads a year after "as in" as that year\'s meeting, with or without a word for one', () => {
    expect(scopes('As in 2022, the Russian side was led by Medinsky.', '2025-05-16').at('Medinsky').also).toEqual(['2022-03-29']);
    // Trap: a year alone far from any meeting is not one.
    expect(scopes('Russia annexed four regions in 2022 and now demands more.', '2025-05-16').at('regions').also).toEqual([]);
  });

  it('drops what was said of talks held elsewhere', () => {
    expect(scopes('At a US-brokered meeting in Jeddah, Ukraine backed a 30-day ceasefire.').at('US').offsite).toBe(true);
    expect(scopes('A meeting in Antalya on March 10 that was moderated by Cavusoglu ended without progress.', '2022-03-29').at('moderated').offsite).toBe(true);
    expect(scopes('The talks were mediated by Ankara.').at('Ankara').offsite).toBe(false);
    // A place named only in a comparison moves nothing.
    expect(scopes("Today's talks are the first since the round in Belarus on 7 March.", '2022-03-29').at('talks').offsite).toBe(false);
  });

  it('hands a recap the sentence opens with to the next sentence, and takes one in when it names no meeting', () => {
    expect(scopes('In 2022 the two sides met at the Dolmabahce Palace.', '2025-06-02').carry).toBe('2022-03-29');
    // Trap: a recap at the end of the sentence is that clause's only.
    expect(scopes('Umerov spoke of a deal, as well as of the talks in 2022.', '2025-06-02').carry).toBeNull();
    expect(scopes('The two sides agreed to swap prisoners.', '2025-06-02', '2025-06-02', '2022-03-29').at('swap').event).toBe('2022-03-29');
    expect(scopes('This time the two sides agreed to swap prisoners.', '2025-06-02', '2025-06-02', '2022-03-29').at('swap').event).toBeNull();
    // A day that names no meeting is no cue of its own: the recap holds.
    expect(scopes('The swap they agreed was completed on May 25.', '2025-06-02', '2025-06-02', '2025-05-16').at('swap').event).toBe('2025-05-16');
    // "now" resets at the head of a clause, not inside one.
    expect(scopes('In 2022 they met at Dolmabahce, the palace that now serves as an office.', '2025-06-02').carry).toBe('2022-03-29');
  });
});

describe('the main meeting', () => {
  const evidence = (o: Partial<Parameters<typeof mainEvent>[2]>) => ({ stated: [], ordinals: [], named: [], preview: false, ...o });

  it('is the meeting of the day of writing when the text names it at all', () => {
    expect(mainEvent(calendar, '2025-06-02', evidence({ stated: ['2025-05-16', '2025-05-16', '2025-06-02'] }))).toEqual({ event: '2025-06-02', source: 'stated' });
    expect(mainEvent(calendar, '2025-06-02', evidence({ stated: ['2025-05-16'], ordinals: ['2025-06-02'] }))).toEqual({ event: '2025-06-02', source: 'ordinal' });
  });

  it('is the most stated meeting otherwise, a day near a meeting counting for it', () => {
    expect(mainEvent(calendar, '2025-06-20', evidence({ stated: ['2025-06-03', '2025-06-02', '2025-05-16'] }))).toEqual({ event: '2025-06-02', source: 'stated' });
    // A meeting the calendar lacks is the day itself.
    expect(mainEvent(calendar, '2026-01-12', evidence({ stated: ['2026-01-10'] }))).toEqual({ event: '2026-01-10', source: 'stated' });
  });

  it('does not take a round before the day of writing for the story', () => {
    expect(mainEvent(calendar, '2025-06-02', evidence({ ordinals: ['2025-05-16'] }))).toEqual({ event: '2025-06-02', source: 'published' });
  });

  it('is unknown when nothing points anywhere', () => {
    expect(mainEvent(calendar, '2024-01-01', evidence({}))).toBeNull();
  });

  it('finds the day-of-writing meeting up to three days after it, or a week before it for a preview', () => {
    expect(windowMeeting(calendar, '2025-05-19', false)).toBe('2025-05-16');
    expect(windowMeeting(calendar, '2025-05-20', false)).toBeNull();
    expect(windowMeeting(calendar, '2025-05-27', true)).toBe('2025-06-02');
    expect(windowMeeting(calendar, '2025-05-25', true)).toBeNull();
  });
});
