import { describe, expect, it } from 'vitest';
import * as chrono from 'chrono-node/en';
import date, { SPAN_PARSERS, dayPhrases, dayReader } from '../../src/extract/date.js';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, values } from '../helpers.js';

describe('date', () => {
  it.each([
    ['Talks between Ukraine and Russia ended on Friday.', '2025-05-16', '2025-05-16'],
    ['The first direct talks were held last Friday in Istanbul.', '2025-05-19', '2025-05-16'],
    ['The talks concluded on Friday with no progress.', '2025-05-19', '2025-05-16'],
    ['The talks are due on Wednesday in Istanbul.', '2025-07-22', '2025-07-23'],
    ['The delegations will meet tomorrow.', '2025-05-15', '2025-05-16'],
    ['The sides held talks on Monday, June 2.', '2025-06-04', '2025-06-02'],
    ['It follows on from a May 16 meeting, also in Istanbul.', '2025-06-02', '2025-05-16'],
    ['The talks in Istanbul on March 29, 2022 ended.', '2025-05-16', '2022-03-29'],
    ["Two days after Monday's round in Istanbul, the picture is clearer.", '2025-06-04', '2025-06-02'],
  ])('%s (ref %s)', (text, reference, expected) => {
    expect(values(date, text, reference)).toEqual([expected]);
  });

  it.each([
    // A day followed by a dash of punctuation (an em dash folds to "-"), which chrono leaves out.
    ['The delegations met today—and left within two hours.', '2025-05-16', '2025-05-16'],
    ['The talks were held on Friday—the first in three years.', '2025-05-19', '2025-05-16'],
  ])('a day before a dash: %s', (text, reference, expected) => {
    expect(values(date, text, reference)).toEqual([expected]);
  });

  it.each([
    ['The first direct talks since March 2022 ended.', '2025-05-16'],
    ['He wrote on Telegram on Monday.', '2025-06-02'],
    ['The meeting did not start until 2025.', '2025-05-16'],
  ])('trap: %s', (text, reference) => {
    expect(values(date, text, reference)).toEqual([]);
  });
});

describe('date: whose day is it', () => {
  it.each([
    ['Zelensky said on Thursday that the talks would go ahead.', '2025-05-15'],
    ['Turkish sources said late on Thursday that the delegations would meet.', '2025-05-15'],
    ['KYIV, May 19 (Wire) - The talks produced a prisoner deal.', '2025-05-19'],
    ['ISTANBUL, July 23 (AFP) - The talks ended quickly.', '2025-07-23'],
    ['Moscow’s team has been in Istanbul since early on Thursday.', '2025-05-15'],
    ['Olena runs a Saturday language school, and follows every round of talks.', '2025-06-02'],
  ])('trap: %s', (text, reference) => {
    expect(values(date, text, reference)).toEqual([]);
  });

  it.each([
    // The day of the talks, wherever the sentence puts it.
    ['The United Nations welcomed talks between the two countries held on Friday in Istanbul.', '2025-05-17', '2025-05-16'],
    ['On Tuesday, negotiators from both sides met at the Dolmabahce Palace.', '2022-03-30', '2022-03-29'],
    ['The third round of peace talks is held in Istanbul on July 23, 2025.', '2025-07-24', '2025-07-23'],
    ['The meeting is set to take place Monday at the Ciragan Palace.', '2025-06-01', '2025-06-02'],
    ['A trilateral meeting of the delegations began on Monday in Istanbul.', '2025-06-02', '2025-06-02'],
    ['Negotiators concluded their second round of talks in Istanbul on Tuesday.', '2025-06-03', '2025-06-03'],
    ['Umerov spoke after talks with Russia at the Ciragan Palace in Istanbul on Wednesday evening.', '2025-07-24', '2025-07-23'],
    ["The Kremlin said Friday's talks with Kyiv in Istanbul were useful.", '2025-05-17', '2025-05-16'],
    ["Monday's second round of talks in Istanbul produced a swap.", '2025-06-03', '2025-06-02'],
    ['The exchange agreed in Istanbul on May 16 was carried out in stages.', '2025-05-26', '2025-05-16'],
    ['The second round, held this Monday at the Ciragan Palace, lasted an hour.', '2025-06-03', '2025-06-02'],
  ])('the talks’ day: %s', (text, reference, expected) => {
    expect(values(date, text, reference)).toEqual([expected]);
  });

  it.each([
    // A day of something else, said before or after the day, or of what a verb is said of.
    ['Medinsky told reporters on Friday that the talks had gone well.', '2025-05-16'],
    ['On July 11, Zelensky confirmed that Ukraine was ready for another round of talks.', '2025-07-23'],
    ['Fidan on Friday urged both delegations to seize the chance the talks offered.', '2025-05-16'],
    ['The delegation arrived in Istanbul on Sunday evening ahead of the talks.', '2025-06-01'],
    ['On July 22, the president approved the make-up of the delegation for the talks.', '2025-07-23'],
    ['Both sides spoke of more humanitarian steps after a series of swaps, the latest of which took place on Wednesday.', '2025-07-23'],
    ['In a phone call on Sunday, the two leaders agreed that the talks would go ahead in Istanbul.', '2022-03-29'],
    ['Fidan held a bilateral meeting with the Ukrainian delegation on Thursday, on the eve of the talks.', '2025-05-16'],
    ['Medinsky gave a statement to journalists at the consulate in Istanbul on May 15 before the talks.', '2025-05-16'],
    ['The two sides agreed to further talks between June 20 and 30.', '2025-06-03'],
    ['Kyiv proposed holding the next meeting between June 20 and June 30.', '2025-06-03'],
    ['Putin had proposed the direct talks on Sunday, hours after a call for a truce.', '2025-05-16'],
    ['The delegations resumed their work by video link on Friday, weeks after the talks.', '2022-04-04'],
    ['The talks announced on Monday are expected next week.', '2025-05-20'],
    ['These are the first talks in person since the round in Belarus on 7 March.', '2022-03-29'],
    ["Yesterday's plan for talks on Thursday fell through; the delegations will meet at noon.", '2025-05-16'],
    ["Yesterday's drone strikes hang over the talks.", '2025-06-02'],
    ['Another group of prisoners came home on Thursday, under the deal reached at the talks.', '2025-06-20'],
    ['Families who gathered outside a hospital on Sunday held up photographs, a week after the talks.', '2025-05-26'],
    ['Related: Zelensky meets Erdogan in Ankara ahead of talks (May 15)', '2025-05-17'],
    ['After the talks he left Turkey on Friday for a summit in Albania.', '2025-05-16'],
  ])('trap, not the talks’ day: %s', (text, reference) => {
    expect(values(date, text, reference)).toEqual([]);
  });

  it('keeps only the words that name the day', () => {
    expect(values(date, "Russia and Ukraine's first negotiations since 2022 ended on Friday after an hour and 40 minutes.", '2025-05-16')).toEqual(['2025-05-16']);
  });
});

describe('date: chrono without its parsers of spans of time', () => {
  const casual = chrono.configuration.createCasualConfiguration();

  it('drops parsers that chrono still has (a rename in a chrono release is noticed here)', () => {
    const names = casual.parsers.map((p) => p.constructor.name);
    for (const name of SPAN_PARSERS) expect(names).toContain(name);
    expect(dayReader.parsers.length).toBe(casual.parsers.length - SPAN_PARSERS.size);
  });

  it('reads every form of day phrase as full chrono does', () => {
    const weekdays = ['Monday', 'friday', "Friday's", 'Sunday morning', 'Tuesday evening'];
    const monthDays = ['May 16', 'May 16th', 'Sept. 3', 'Jun 2', '16 May', '2nd of June', '29 March', 'March 29, 2022', '16 May 2025'];
    const phrases = [
      ...['', 'on ', 'last ', 'this ', 'next ', 'this past ', 'until ', 'On ', 'Last '].flatMap((p) => weekdays.map((w) => p + w)),
      ...monthDays.flatMap((d) => [d, `on ${d}`, `Friday, ${d}`, `on Monday ${d}`]),
      ...['today', 'tonight', 'yesterday', 'tomorrow', 'this morning', 'this afternoon', 'this evening', '2025-05-16', '2022-03-29, 2022'],
    ];
    const reading = (results: chrono.ParsedResult[]) =>
      results.map((r) => ({ index: r.index, text: r.text, date: r.start.date().toISOString(), day: r.start.isCertain('day'), weekday: r.start.isCertain('weekday') }));
    const full = new chrono.Chrono(casual);
    let read = 0;
    for (const ref of [new Date(2025, 4, 19, 12), new Date(2022, 2, 31, 12), new Date(2025, 0, 2, 12)]) {
      for (const phrase of phrases) {
        const expected = reading(full.parse(phrase, ref));
        expect(reading(dayReader.parse(phrase, ref)), phrase).toEqual(expected);
        if (expected.length) read++;
      }
    }
    // Nearly every phrase gives a date: the comparison is not of empty lists.
    expect(read).toBeGreaterThan(phrases.length * 3 * 0.9);
  });

  it('finds the same day phrases as full chrono in every sentence of the fixtures that names one', () => {
    const dayName = /(?:on|last|this|next)?\s*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|yesterday|tomorrow|\d{1,2}\s+(?:may|june|july|march)|(?:may|june|july|march)\s+\d{1,2})/i;
    const full = new chrono.Chrono(casual);
    let compared = 0;
    for (const dir of ['corpus', 'test/fixtures/dev', 'test/fixtures/holdout', 'test/fixtures/blind']) {
      for (const file of fs.readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.md'))) {
        const text = fs.readFileSync(path.join(ROOT, dir, file), 'utf8');
        for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
          if (!dayName.test(sentence)) continue;
          const ref = new Date(2025, 4, 19, 12);
          expect(dayPhrases(sentence, ref), sentence).toEqual(dayPhrases(sentence, ref, full));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(150);
  });
});
