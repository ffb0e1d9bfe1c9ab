import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CalendarError, defaultMeetings, loadCalendar, mergeCalendars, parseCalendarFile } from '../../src/events/meetings.js';
import { cli } from '../helpers.js';

const parse = (source: string) => parseCalendarFile('my-calendar.json', source);

describe('the meeting calendar', () => {
  it('ships the four Istanbul meetings with their venues and the rounds of 2025', () => {
    expect(defaultMeetings().map((m) => [m.id, m.venue, m.series, m.ordinal ?? null])).toEqual([
      ['2022-03-29', 'dolmabahce-palace', '2022', null],
      ['2025-05-16', 'dolmabahce-palace', '2025', 1],
      ['2025-06-02', 'ciragan-palace', '2025', 2],
      ['2025-07-23', 'ciragan-palace', '2025', 3],
    ]);
  });

  it.each([
    ['not json', 'my-calendar.json:1: not valid JSON (unexpected character)'],
    ['{"meetings": 3}', 'my-calendar.json:1: expected { "meetings": [ … ] }'],
    ['{"meetings": [{"id": "2025-02-30"}]}', 'my-calendar.json:1: meeting #1 "2025-02-30": "id" must be the day of the meeting, YYYY-MM-DD'],
    ['{"meetings": [\n {"id": "2025-09-10", "ordinal": 0}]}', 'my-calendar.json:2: meeting #1 "2025-09-10": "ordinal" must be a whole number'],
    ['{"meetings": [\n {"id": "2025-09-10", "venue": "Çırağan"}]}', 'my-calendar.json:2: meeting #1 "2025-09-10": "venue" must be an id'],
    ['{"meetings": [{"id": "2025-09-10", "aliases": [" "]}]}', '"aliases" must be a list of non-empty strings'],
    ['{"meetings": [\n{"id": "2025-09-10"},\n{"id": "2025-09-10"}]}', 'my-calendar.json:2: meeting #2 "2025-09-10": the same day is listed twice in this file'],
  ])('refuses %j with file and line', (source, message) => {
    expect(() => parse(source)).toThrow(CalendarError);
    expect(() => parse(source)).toThrow(message);
  });

  it('adds a user file: a new day is a new meeting, a known day gains aliases and fields', () => {
    const merged = mergeCalendars([
      { file: 'a.json', source: '', meetings: parse('{"meetings": [{"id": "2025-06-02", "name": "Second", "series": "2025", "ordinal": 2}]}') },
      { file: 'b.json', source: '', meetings: parse('{"meetings": [{"id": "2025-06-02", "aliases": ["the Ciragan round"]}, {"id": "2025-09-10", "series": "2025", "ordinal": 4}]}') },
    ]);
    expect(merged.map((m) => [m.id, m.ordinal ?? null, m.aliases])).toEqual([
      ['2025-06-02', 2, ['the Ciragan round']],
      ['2025-09-10', 4, []],
    ]);
  });

  it('refuses two meetings claiming one round of a series', () => {
    const second = parse('{"meetings": [{"id": "2025-09-10", "series": "2025", "ordinal": 2}]}');
    expect(() => mergeCalendars([{ file: 'default.json', source: '', meetings: defaultMeetings() }, { file: 'b.json', source: '"2025-09-10"', meetings: second }])).toThrow(
      'b.json:1: meetings 2025-06-02 and 2025-09-10 are both round 2 of series "2025"',
    );
  });

  it('reads the bundled calendar and the files given after it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calendar-'));
    try {
      const file = path.join(dir, 'extra.json');
      fs.writeFileSync(file, '{"meetings": [{"id": "2025-09-10", "series": "2025", "ordinal": 4}]}');
      expect(loadCalendar([file]).map((m) => m.id)).toEqual(['2022-03-29', '2025-05-16', '2025-06-02', '2025-07-23', '2025-09-10']);
      expect(() => loadCalendar([path.join(dir, 'missing.json')])).toThrow(/missing\.json:1: not found/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('--calendar and meetings the calendar lacks (spawned)', () => {
  const article = (outlet: string, published: string, body: string) => `---\noutlet: ${outlet}\npublished: ${published}\n---\n${body}\n`;

  function project() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calendar-cli-'));
    fs.mkdirSync(path.join(dir, 'corpus'));
    fs.writeFileSync(path.join(dir, 'corpus/alpha.md'), article('Alpha Wire', '2025-09-11', 'Russian and Ukrainian delegations met in Istanbul on Wednesday for talks that lasted two hours.'));
    fs.writeFileSync(path.join(dir, 'corpus/beta.md'), article('Beta News', '2025-09-12', 'The talks held in Istanbul on Thursday lasted about 90 minutes.'));
    return dir;
  }

  it('compares a meeting the calendar lacks under the day most articles give, with a warning naming it; a wrong weekday is a date that differs', () => {
    const dir = project();
    try {
      const r = cli(['compare', '--format', 'json'], { cwd: dir });
      expect(r.status).toBe(0);
      const report = JSON.parse(r.stdout);
      expect(report.events.map((e: { id: string; articles: string[] }) => [e.id, e.articles])).toEqual([['2025-09-10', ['alpha', 'beta']]]);
      const date = report.comparisons.find((c: { fact: string }) => c.fact === 'date');
      expect(date.status).toBe('conflict');
      expect(r.stderr).toContain('corpus/alpha.md:1:1: warning meeting 2025-09-10 is not in the calendar: 2 articles date talks to it (alpha, beta)');
      expect(r.stderr).toContain('[EVENT_NOT_IN_CALENDAR]');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('knows the meeting from a calendar file, and says which file and line is wrong', () => {
    const dir = project();
    try {
      fs.writeFileSync(path.join(dir, 'cal.json'), '{"meetings": [{"id": "2025-09-10", "series": "2025", "ordinal": 4}]}');
      const r = cli(['compare', '--format', 'json', '--calendar', 'cal.json'], { cwd: dir });
      expect(r.status).toBe(0);
      expect(r.stderr).not.toContain('EVENT_NOT_IN_CALENDAR');
      fs.writeFileSync(path.join(dir, 'bad.json'), '{"meetings": [\n{"id": "2025-09-31"}]}');
      const bad = cli(['compare', '--calendar', 'bad.json'], { cwd: dir });
      expect(bad.status).toBe(2);
      expect(bad.stdout).toBe('');
      expect(bad.stderr).toBe('istanbul-talks: bad.json:2: meeting #1 "2025-09-31": "id" must be the day of the meeting, YYYY-MM-DD\n');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
