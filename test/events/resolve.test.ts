import { describe, expect, it } from 'vitest';
import { buildContext } from '../../src/extract/context.js';
import { defaultMeetings } from '../../src/events/meetings.js';
import { mainEventFromDates, sentenceScopes } from '../../src/events/resolve.js';
import { foldText } from '../../src/knowledge/fold.js';
import { defaultGazetteer } from '../../src/knowledge/gazetteer.js';

/** The scope at the first occurrence of `word` in `text`. */
function scopeAt(text: string, word: string, main: string = '2025-06-02', reference = main) {
  const folded = foldText(text).text;
  const ctx = buildContext(folded, reference, defaultGazetteer());
  return sentenceScopes(ctx, main, defaultMeetings(), [])(folded.indexOf(word));
}

describe('sentence scopes', () => {
  it.each([
    ['At the previous Istanbul meeting in May the two sides agreed on a 1,000-for-1,000 POW swap.', 'swap', '2025-05-16'],
    ['Three years ago, in the same halls, Arakhamia led the Ukrainian side.', 'Arakhamia', '2022-03-29'],
    ["Last month's round ended with a thousand-for-a-thousand exchange.", 'thousand', '2025-05-16'],
    ['The Russian side was led by Medinsky, who also headed the delegation at the talks of March 2022.', 'headed', '2022-03-29'],
  ])('%s → moves to %s', (text, word, event) => {
    expect(scopeAt(text, word, '2025-06-02').event).toBe(event);
  });

  it('takes "previous talks" to be the meeting before the main one, and a relative clause with it', () => {
    const text = 'Previous peace talks in Istanbul, which had also been led by Medinsky and Umerov, broke down in the spring of 2022.';
    expect(scopeAt(text, 'Medinsky', '2025-05-16').event).toBe('2022-03-29');
  });

  it.each([
    ['The first direct talks since March 2022 were held at the Ciragan Palace.', 'Ciragan', '2025-05-16'],
    ['Russia attempted to annex the regions in 2022, and demanded Kherson.', 'Kherson', '2025-06-02'],
    ['The Russian side was led by Medinsky, who also headed the delegation at the talks of March 2022.', 'Medinsky', '2025-06-02'],
    ['At the previous meeting in May they agreed a swap; this time they agreed on little.', 'little', '2025-06-02'],
  ])('trap: %s stays with the main event', (text, word, main) => {
    expect(scopeAt(text, word, main).event).toBeNull();
  });

  it('says a fact also holds where "as in" or "as he did" points', () => {
    expect(scopeAt('As in 2022, the talks will be held at Dolmabahce.', 'Dolmabahce', '2025-05-16')).toMatchObject({ event: null, also: ['2022-03-29'] });
    expect(scopeAt('Fidan chaired the meeting as he did in May and June.', 'chaired', '2025-07-23')).toMatchObject({ event: null, also: ['2025-05-16', '2025-06-02'] });
    expect(scopeAt('They met at the Dolmabahce Palace, the same venue as last month\'s round, for talks that ended early.', 'Dolmabahce')).toMatchObject({ also: ['2025-05-16'] });
    expect(scopeAt('They met at the Dolmabahce Palace, the same venue as last month\'s round, for talks that ended early.', 'ended')).toMatchObject({ also: [] });
  });

  it('drops what was said of talks held elsewhere', () => {
    expect(scopeAt('At a US-brokered meeting in Jeddah, Ukraine backed a 30-day ceasefire.', 'US').offsite).toBe(true);
    expect(scopeAt('The talks were mediated by Ankara.', 'Ankara').offsite).toBe(false);
  });
});

describe('mainEventFromDates', () => {
  it('prefers known meetings, then the most frequent date, then the first', () => {
    const known = new Set(['2025-05-16']);
    expect(mainEventFromDates(['2025-05-15', '2025-05-15', '2025-05-16'], known)).toBe('2025-05-16');
    expect(mainEventFromDates(['2026-01-10', '2026-01-11', '2026-01-11'], known)).toBe('2026-01-11');
    expect(mainEventFromDates([], known)).toBeNull();
  });
});
