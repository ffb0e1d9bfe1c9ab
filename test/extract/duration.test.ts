import { describe, expect, it } from 'vitest';
import duration from '../../src/extract/duration.js';
import { values } from '../helpers.js';

const d = (minutes: number, qualifier: string) => ({ minutes, qualifier });

describe('duration', () => {
  it.each([
    ['The two-hour session, hosted under Turkish mediation, ended.', d(120, 'exact')],
    ['The talks ended after less than two hours on Friday.', d(120, 'under')],
    ['The discussions wrapped up after just two hours.', d(120, 'exact')],
    ['The meeting lasted an hour and 40 minutes.', d(100, 'exact')],
    ['The talks ran for just over 90 minutes.', d(90, 'over')],
    ['The session lasted about 1 hour and 45 minutes.', d(105, 'about')],
    ['The 90-minute talks produced little.', d(90, 'exact')],
    ['The talks went on for just over an hour and a half.', d(90, 'over')],
    ['The meeting ended in under an hour.', d(60, 'under')],
    ['The talks lasted roughly 40 minutes.', d(40, 'about')],
    ['The round took barely two hours.', d(120, 'exact')],
    ['It was a two-hour meeting with no result.', d(120, 'exact')],
    ['The negotiations lasted some three hours.', d(180, 'about')],
    ['After 1.5 hours of talks the delegations left.', d(90, 'exact')],
    ['The talks, lasting just beyond an hour, ended.', d(60, 'over')],
    ['The meeting lasted only slightly longer than an hour.', d(60, 'over')],
    ['The delegations managed a little over an hour of talks.', d(60, 'over')],
    ['The talks ended barely two hours after they started.', d(120, 'exact')],
  ])('%s', (text, expected) => {
    expect(values(duration, text)).toEqual([expected]);
  });

  // Real-world wording (issue 12): other verbs of lasting, and traps that give a length of something else.
  it.each([
    ['The Istanbul session, totaling about three hours, ended without a deal.', d(180, 'about')],
    ['The negotiations totalled just under two hours.', d(120, 'under')],
    ['The talks stretched over three hours.', d(180, 'over')],
    ['The meeting, spanning nearly four hours, ended late.', d(240, 'under')],
    ['The talks began an hour late and lasted 90 minutes.', d(90, 'exact')],
    ['The talks, held a day after a phone call between the leaders, lasted two hours.', d(120, 'exact')],
    ['Umerov spoke after talks that lasted just 40 minutes.', d(40, 'exact')],
  ])('real-world wording: %s', (text, expected) => {
    expect(values(duration, text)).toEqual([expected]);
  });

  // Real-world wording, round two (issue 12): verbs of lasting with "about", "approximately", "in total".
  it.each([
    ['The negotiations proceeded about three hours in total, a Turkish source said.', d(180, 'about')],
    ['The second round continued approximately fifty minutes.', d(50, 'about')],
    ['The talks went on for roughly two and a half hours.', d(150, 'about')],
    ['The session proceeded for 75 minutes in total.', d(75, 'exact')],
    ['The talks, which continued for around an hour, ended in silence.', d(60, 'about')],
    // "before" opening another clause after a verb of lasting
    ['The meeting ran for about an hour and 20 minutes before both delegations left.', d(80, 'about')],
    ['The talks lasted just 45 minutes before the Russian side walked out.', d(45, 'exact')],
  ])('real-world wording, round two: %s', (text, expected) => {
    expect(values(duration, text)).toEqual([expected]);
  });

  it.each([
    // something else went on, or stopped, for that long
    'As the talks opened, shelling continued for three hours in Kharkiv.',
    'The break lasted 30 minutes before the talks resumed.',
    'During the talks, the air-raid alert in Kyiv went on for two hours.',
    // a wait, a time to come, an offset
    'It took two hours before the talks began.',
    'The talks will continue in two hours, officials said.',
    'The talks continued two hours after the break.',
    'The delegations arrived two hours before the talks.',
  ])('real-world trap, round two: %s', (text) => {
    expect(values(duration, text)).toEqual([]);
  });

  it.each([
    // a delay or a wait
    'The meeting was delayed for an hour before the talks began.',
    'The start of the talks was postponed by two hours.',
    'The delegations waited for three hours before the talks.',
    // a start time to come
    'The talks are due to begin in two hours, officials said.',
    // the length of another meeting
    "The leaders' phone call lasted two hours, a day before the talks.",
    'The bilateral on the eve of the talks ran for an hour.',
    'Before the talks, Fidan held a dinner with the delegations that lasted three hours.',
  ])('real-world trap: %s', (text) => {
    expect(values(duration, text)).toEqual([]);
  });

  it.each([
    'Russia offered a 48-hour ceasefire before the talks.',
    'Two hours after the talks ended, missiles struck Kyiv.',
    'The delegations must reply within 24 hours, the talks chair said.',
    'Zelensky spoke to Trump for two hours on the phone.',
    'The front line is 1,000km long.',
    'The meeting is scheduled for 10 am.',
    'The delegations arrived two hours late for the talks.',
    'The talks started two hours after they were due to begin.',
  ])('trap: %s', (text) => {
    expect(values(duration, text)).toEqual([]);
  });
});
