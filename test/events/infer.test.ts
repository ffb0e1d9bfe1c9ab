import { describe, expect, it } from 'vitest';
import { inferMeetings } from '../../src/events/infer.js';
import { defaultMeetings } from '../../src/events/meetings.js';
import { calendarIndex } from '../../src/events/resolve.js';
import type { ArticleSummary, FactRecord } from '../../src/types.js';

const calendar = calendarIndex(defaultMeetings());
const article = (id: string, event: string | null): ArticleSummary => ({ id, path: `corpus/${id}.md`, outlet: id, published: '2025-09-12', title: '', url: null, event, eventSource: event ? 'stated' : null });
const fact = (articleId: string, event: string | null): FactRecord => ({
  article: articleId,
  outlet: articleId,
  event,
  fact: 'date',
  subject: null,
  value: event ?? '2025-01-01',
  label: '',
  evidence: { quote: 'q', start: 0, end: 1, line: 1, column: 1 },
});

describe('meetings the calendar lacks', () => {
  it('leaves records about calendar meetings alone', () => {
    const input = { articles: [article('a', '2025-05-16')], facts: [fact('a', '2025-05-16')], diagnostics: [] };
    expect(inferMeetings(input, calendar)).toBe(input);
  });

  it('makes days within two days of each other one meeting, named after the day most articles give', () => {
    const out = inferMeetings(
      { articles: [article('a', '2025-09-10'), article('b', '2025-09-11'), article('c', '2025-09-10'), article('d', '2025-10-01')], facts: [fact('b', '2025-09-12')], diagnostics: [] },
      calendar,
    );
    expect(out.articles.map((a) => a.event)).toEqual(['2025-09-10', '2025-09-10', '2025-09-10', '2025-10-01']);
    expect(out.facts.map((f) => [f.event, f.value])).toEqual([['2025-09-10', '2025-09-12']]);
    expect(out.diagnostics.map((d) => [d.path, d.code, d.message.slice(0, 60)])).toEqual([
      ['corpus/a.md', 'EVENT_NOT_IN_CALENDAR', 'meeting 2025-09-10 is not in the calendar: 3 articles date t'],
      ['corpus/d.md', 'EVENT_NOT_IN_CALENDAR', 'meeting 2025-10-01 is not in the calendar: 1 article dates t'],
    ]);
  });

  it('puts a day within two days of a calendar meeting on that meeting, without a warning', () => {
    const out = inferMeetings({ articles: [article('a', '2025-06-03')], facts: [fact('a', '2025-06-04')], diagnostics: [] }, calendar);
    expect([out.articles[0]?.event, out.facts[0]?.event, out.diagnostics]).toEqual(['2025-06-02', '2025-06-02', []]);
  });
});
