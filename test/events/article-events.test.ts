/**
 * Which meeting an article reports, and which meeting each of its facts is about (SPEC.md §5),
 * through the whole pipeline on short articles written for these tests. Each case is a way of
 * writing with a trap beside it.
 */
import { describe, expect, it } from 'vitest';
import { defaultMeetings } from '../../src/events/meetings.js';
import { defaultGazetteer } from '../../src/knowledge/gazetteer.js';
import { extractArticle } from '../../src/pipeline.js';
import { articleOf } from '../helpers.js';

function run(body: string, published: string, event: string | null = null) {
  const result = extractArticle(articleOf(body, { published, event }), { gazetteer: defaultGazetteer(), meetings: defaultMeetings() });
  const facts = result.facts.map((f) => `${f.event} ${f.fact}${f.subject ? `[${f.subject}]` : ''} ${JSON.stringify(f.value)}`).sort();
  return { event: result.summary.event, source: result.summary.eventSource, facts, diagnostics: result.diagnostics };
}

describe('the article’s main meeting (rules 1–4)', () => {
  it('takes front matter first', () => {
    expect(run('The delegations met in Istanbul on Monday.', '2025-06-03', '2025-05-16')).toMatchObject({ event: '2025-05-16', source: 'front-matter' });
  });

  it('takes a day of the talks the text states', () => {
    expect(run('The delegations met in Istanbul on Monday and parted after an hour.', '2025-06-04')).toMatchObject({ event: '2025-06-02', source: 'stated' });
  });

  it('takes a round the text names when it states no day', () => {
    expect(run('The third round of talks between the two sides produced another prisoner deal.', '2025-07-28')).toMatchObject({ event: '2025-07-23', source: 'ordinal' });
    // Trap: a round before the day of writing is a recap, not the story.
    expect(run('Negotiators met in Istanbul again. Unlike the first round, this one produced a plan.', '2025-06-02')).toMatchObject({ event: '2025-06-02' });
  });

  it('falls back to the meeting held on the day of writing or up to three days before', () => {
    expect(run('Hakan Fidan chaired the session, which ran just over 90 minutes.', '2025-05-16')).toMatchObject({
      event: '2025-05-16',
      source: 'published',
      facts: ['2025-05-16 chair "hakan-fidan"', '2025-05-16 duration {"minutes":90,"qualifier":"over"}'],
    });
    expect(run('The sides met in Istanbul, officials said.', '2025-07-26')).toMatchObject({ event: '2025-07-23', source: 'published' });
    // Trap: a week later the day of writing says nothing.
    const late = run('The sides met in Istanbul, officials said.', '2025-07-31');
    expect(late.event).toBeNull();
    expect(late.diagnostics.map((d) => d.code)).toEqual(['EVENT_UNKNOWN']);
  });

  it('reads a preview as the next meeting up to a week ahead', () => {
    expect(run('Delegations will meet at the Ciragan Palace, Turkish officials said.', '2025-05-29')).toMatchObject({ event: '2025-06-02', source: 'published' });
  });

  it('keeps a reported day within two days of a meeting on that meeting, as a date that differs', () => {
    const r = run('Negotiators concluded their second round of talks in Istanbul on Tuesday after an hour.', '2025-06-03');
    expect(r.event).toBe('2025-06-02');
    expect(r.facts).toContain('2025-06-02 date "2025-06-03"');
  });

  it('prefers the meeting of the day of writing to days of earlier meetings it recalls', () => {
    const body = [
      'The second round of talks began on Monday at the Ciragan Palace.',
      'Negotiations were held on May 16 at the Dolmabahce Palace.',
      'The two sides agreed then to swap 1,000 prisoners each.',
    ].join('\n\n');
    const r = run(body, '2025-06-02');
    expect(r.event).toBe('2025-06-02');
    expect(r.facts).toEqual(
      expect.arrayContaining(['2025-06-02 venue "ciragan-palace"', '2025-05-16 venue "dolmabahce-palace"', '2025-05-16 date "2025-05-16"']),
    );
  });

  it('does not vote with a day told in the past perfect', () => {
    const r = run('ISTANBUL, July 23 (Wire) - The delegations met at the Ciragan Palace. Seven weeks earlier, on June 2, they had met in the same building.', '2025-07-23');
    expect(r.event).toBe('2025-07-23');
  });
});

describe('reproductions of issue 12', () => {
  it('1: a day that is no meeting’s does not move the facts beside it', () => {
    const r = run('Both sides will meet again in Istanbul on Monday, June 2. On May 28, Medinsky phoned Rustem Umerov, the head of the Ukrainian delegation.', '2025-06-01');
    expect(r.event).toBe('2025-06-02');
    expect(r.facts).toContain('2025-06-02 delegation-head[ukraine] "rustem-umerov"');
    expect(r.facts.filter((f) => f.startsWith('2025-05-16'))).toEqual([]);
  });

  it('2: "as during the May 16 round" makes the fact true of both meetings', () => {
    const r = run('Delegations met in Istanbul on June 2. As during the May 16 round, Moscow’s team was headed by Vladimir Medinsky.', '2025-06-03');
    expect(r.facts).toEqual(expect.arrayContaining(['2025-06-02 delegation-head[russia] "vladimir-medinsky"', '2025-05-16 delegation-head[russia] "vladimir-medinsky"']));
  });

  it('3: a dateline is never a date fact', () => {
    const r = run('ISTANBUL, July 25. /TASS/. Erdogan commented on the third round of talks held in Istanbul on July 23.', '2025-07-25');
    expect(r.facts.filter((f) => f.includes(' date '))).toEqual(['2025-07-23 date "2025-07-23"']);
  });

  it('4: a comparison with an earlier meeting keeps the facts of this one', () => {
    const r = run('This session at the Ciragan Palace ended sooner than the previous meeting on June 2, taking only 40 minutes.', '2025-07-23');
    expect(r.facts).toEqual(expect.arrayContaining(['2025-07-23 venue "ciragan-palace"', '2025-07-23 duration {"minutes":40,"qualifier":"exact"}']));
    expect(r.facts.filter((f) => f.startsWith('2025-06-02') && !f.includes(' date '))).toEqual([]);
  });

  it('8: a byline line is never a date fact', () => {
    const r = run('The third round of talks was held in Istanbul on July 23.\nBy A. Writer in Berlin July 24, 2025', '2025-07-24');
    expect(r.facts.filter((f) => f.includes(' date '))).toEqual(['2025-07-23 date "2025-07-23"']);
  });

  it('9: an article published on the day with no day of its own still gets the meeting', () => {
    expect(run('Hakan Fidan chaired the session, which ran just over 90 minutes.', '2025-05-16').event).toBe('2025-05-16');
  });
});

describe('each fact’s meeting, clause by clause', () => {
  it('moves the facts inside a recap and only those', () => {
    const r = run('The talks lasted two hours at the Ciragan Palace, while in May the sides had met at the Dolmabahce Palace.', '2025-06-02');
    expect(r.facts).toEqual(expect.arrayContaining(['2025-06-02 venue "ciragan-palace"', '2025-05-16 venue "dolmabahce-palace"']));
    expect(r.facts).toContain('2025-06-02 duration {"minutes":120,"qualifier":"exact"}');
  });

  it('gives a relative clause about an earlier round that round, with the phrase it hangs on', () => {
    const r = run('The second round began on Monday. Fidan recalled the swap, 1,000 for 1,000, which was agreed at the previous round in May, and urged progress.', '2025-06-02');
    expect(r.facts).toContain('2025-05-16 prisoner-exchange {"perSide":1000,"total":2000,"qualifier":"exact"}');
    expect(r.facts.filter((f) => f.startsWith('2025-06-02 prisoner'))).toEqual([]);
  });

  it('gives a relative clause hanging on a compared meeting to that meeting', () => {
    const r = run('Monday’s session was shorter than the previous meeting, which lasted two hours.', '2025-06-02');
    expect(r.facts).toContain('2025-05-16 duration {"minutes":120,"qualifier":"exact"}');
  });

  it('carries a recap on to the next sentence that has no reference of its own', () => {
    const r = run('The talks opened on Monday at the Ciragan Palace. In 2022 the two sides met at the Dolmabahce Palace. After that, the two sides agreed to swap 1,000 prisoners each.', '2025-06-02');
    expect(r.facts).toContain('2025-03-29 prisoner-exchange {"perSide":1000,"total":2000,"qualifier":"exact"}'.replace('2025-03-29', '2022-03-29'));
  });

  it('does not carry a recap into the next paragraph that goes on with something else', () => {
    const body = 'The talks opened on Monday at the Ciragan Palace.\n\nIn 2022 the two sides met at the Dolmabahce Palace.\n\nUmerov, who led the Ukrainian delegation, said the talks lasted an hour.';
    const r = run(body, '2025-06-02');
    expect(r.facts).toContain('2025-06-02 delegation-head[ukraine] "rustem-umerov"');
    expect(r.facts.filter((f) => f.startsWith('2022-03-29') && !f.includes('venue'))).toEqual([]);
  });

  it('drops what is said of a next round the calendar does not know', () => {
    const r = run('The third round of talks ended on Wednesday. Medinsky will also lead the delegation at the next round.', '2025-07-23');
    expect(r.facts.filter((f) => f.includes('delegation-head'))).toEqual([]);
  });

  it('reads "the next round" from the day of writing: in a preview it is the main meeting', () => {
    const r = run('The next round of talks will be held on Monday. Medinsky will lead the Russian delegation.', '2025-06-01');
    expect(r.event).toBe('2025-06-02');
    expect(r.facts).toContain('2025-06-02 delegation-head[russia] "vladimir-medinsky"');
  });
});

describe('datelines and bylines as segments of their own', () => {
  it('cuts a sentence at a byline line with no final stop', async () => {
    const { apart } = await import('../../src/pipeline.js');
    const text = 'The talks ended on July 23\nBy A. Writer in Berlin July 24, 2025\nThe two sides met at the Ciragan Palace.';
    const byline = { start: text.indexOf('By'), end: text.indexOf('2025') + 4 };
    const cut = apart(text, [{ start: 0, end: text.length }], [byline]).map((s) => text.slice(s.start, s.end));
    expect(cut).toEqual(['The talks ended on July 23', 'By A. Writer in Berlin July 24, 2025', 'The two sides met at the Ciragan Palace.']);
  });

  it('reads the facts after a byline line as their own sentence', () => {
    const r = run('ISTANBUL, July 24 (Wire) - The third round ended on Wednesday\nBy A. Writer, July 24, 2025\nThe two sides met at the Ciragan Palace for 40 minutes.', '2025-07-24');
    expect(r.facts).toEqual(['2025-07-23 date "2025-07-23"', '2025-07-23 duration {"minutes":40,"qualifier":"exact"}', '2025-07-23 venue "ciragan-palace"']);
  });
});

describe('a figure read in the light of the article', () => {
  it('takes a bare count of prisoners for the total when the article states half of it per side for the same meeting', () => {
    const both = run('The two sides agreed in Istanbul on Friday to swap 2,000 prisoners. "We agreed to exchange 1,000 prisoners for 1,000 prisoners," Umerov said.', '2025-05-16');
    expect(both.facts.filter((f) => f.includes('prisoner'))).toEqual([
      '2025-05-16 prisoner-exchange {"perSide":1000,"total":2000,"qualifier":"exact"}',
      '2025-05-16 prisoner-exchange {"perSide":1000,"total":2000,"qualifier":"exact"}',
    ]);
    // Trap: on its own, a swap of 2,000 prisoners is 2,000 a side (the gold convention); and a
    // per-side figure of another meeting says nothing of this one.
    expect(run('The two sides agreed in Istanbul on Friday to swap 2,000 prisoners.', '2025-05-16').facts.filter((f) => f.includes('prisoner'))).toEqual([
      '2025-05-16 prisoner-exchange {"perSide":2000,"total":4000,"qualifier":"exact"}',
    ]);
    const other = run('The sides agreed in Istanbul on Monday to swap 2,000 prisoners. In 2022 they had spoken of 1,000 for 1,000.', '2025-06-02');
    expect(other.facts).toContain('2025-06-02 prisoner-exchange {"perSide":2000,"total":4000,"qualifier":"exact"}');
  });
});

describe('a chair named by title', () => {
  it('is whoever held the office on the day of the meeting', () => {
    expect(run('The talks in Istanbul on Monday were chaired by the Turkish foreign minister.', '2025-06-02').facts).toContain('2025-06-02 chair "hakan-fidan"');
    expect(run('The talks in Istanbul on Tuesday were chaired by the Turkish foreign minister.', '2022-03-29').facts).toContain('2022-03-29 chair "mevlut-cavusoglu"');
  });

  it('is of the host country when the text names none', () => {
    expect(run('The foreign minister will host the talks in Istanbul on Friday.', '2025-05-15').facts).toContain('2025-05-16 chair "hakan-fidan"');
  });

  it('is dropped when nobody in the gazetteer held the office that day', () => {
    // Trap: no head of Ukraine's intelligence is known.
    expect(run('The talks in Istanbul on Monday were moderated by the Ukrainian intelligence chief.', '2025-06-02').facts.filter((f) => f.includes('chair'))).toEqual([]);
  });
});

describe('a venue named as "the same palace"', () => {
  it('is the venue the article named before it, at the meeting its clause is about', () => {
    const r = run('The talks on Friday were held at the Dolmabahce Palace. Three years ago, in the same palace, an earlier round ended with a draft treaty.', '2025-05-16');
    expect(r.facts).toEqual(expect.arrayContaining(['2025-05-16 venue "dolmabahce-palace"', '2022-03-29 venue "dolmabahce-palace"']));
  });

  it('is nothing when the article named no venue before it', () => {
    const r = run('Three years ago, in the same palace, an earlier round ended with a draft treaty. The talks on Friday were held at the Dolmabahce Palace.', '2025-05-16');
    expect(r.facts.filter((f) => f.includes('venue'))).toEqual(['2025-05-16 venue "dolmabahce-palace"']);
  });
});

describe('a day that differs from its meeting’s', () => {
  it('is a date fact when the words tie it to the talks, not when people only met that day', () => {
    // Strong: the talks themselves ended on Tuesday (a Monday meeting): a reporting error to show.
    expect(run('The second round of talks in Istanbul ended on Tuesday.', '2025-06-04').facts).toContain('2025-06-02 date "2025-06-03"');
    // Weak: people met on the eve; the day is no date of the talks.
    expect(run('The delegations met on Sunday, a day before the second round of talks.', '2025-06-01').facts.filter((f) => f.includes(' date '))).toEqual([]);
  });

  it('prefers a calendar meeting stated once to a day no meeting is near', () => {
    const r = run('Another group of prisoners was brought to Kyiv after talks on Thursday in Ankara. The exchanges were agreed at the second round of talks in Istanbul on June 2.', '2025-06-20');
    expect(r.event).toBe('2025-06-02');
  });
});

describe('a table that compares meetings', () => {
  it('gives each cell its column’s meeting', () => {
    const body = 'How the rounds compare in Istanbul talks.\n\n| | First round | Second round |\n|---|---|---|\n| Venue | Dolmabahce Palace | Ciragan Palace |\n| Swap agreed | 1,000 for 1,000 prisoners | 1,200 for 1,200 prisoners |\n';
    const r = run(body, '2025-06-03');
    expect(r.facts).toEqual(
      expect.arrayContaining([
        '2025-05-16 venue "dolmabahce-palace"',
        '2025-06-02 venue "ciragan-palace"',
        '2025-05-16 prisoner-exchange {"perSide":1000,"total":2000,"qualifier":"exact"}',
        '2025-06-02 prisoner-exchange {"perSide":1200,"total":2400,"qualifier":"exact"}',
      ]),
    );
  });
});
