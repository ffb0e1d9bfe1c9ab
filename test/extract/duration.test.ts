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
