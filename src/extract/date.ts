/**
 * date: the day a meeting took (or takes) place, "YYYY-MM-DD". chrono-node reads the wording
 * ("on Friday", "last Friday", "Monday, June 2", "tomorrow") against the article's reference date
 * (its dateline day, else `published`). chrono runs only on sentences that name a day and speak of
 * the meeting. A bare weekday is the one before the reference in past-tense text and the next one
 * in a preview ("talks are due on Wednesday"). Month-only dates ("since March 2022") are not days.
 */
import * as chrono from 'chrono-node';
import { defineExtractor, type Candidate } from './types.js';

const DAY_CUE = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b|\b(?:today|tonight|yesterday|tomorrow)\b|\b\d{4}-\d{2}-\d{2}\b/i;
const MEETING = /\b(?:talks|meeting|meetings|negotiations|round|met|meet|meets|held|session|delegations?|sat\s+down|convened?|convenes|negotiators|summit|gathered)\b/;
const FUTURE = /\b(?:will|is\s+due|are\s+due|due\s+to|is\s+set\s+to|are\s+set\s+to|is\s+scheduled|are\s+scheduled|is\s+expected\s+to|are\s+expected\s+to|to\s+be\s+held|to\s+take\s+place|to\s+resume|to\s+meet|upcoming|planned\s+for|slated|shall|going\s+to)\b/;
const BARE_WEEKDAY = /^(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
const NOT_THE_MEETING_DAY = /\b(?:since|until|till|before|by|after|from)\s+$/;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function labelDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[(m as number) - 1]} ${y}`;
}

/** Noon local time of an ISO day: chrono reasons in local time, noon keeps DST shifts away. */
function referenceDate(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(y as number, (m as number) - 1, d as number, 12);
}

function shiftDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days, 12);
}

export default defineExtractor({
  id: 'date',
  description: 'The day the meeting took place (YYYY-MM-DD).',
  extract(ctx) {
    const out: Candidate<'date'>[] = [];
    if (!DAY_CUE.test(ctx.text) || !MEETING.test(ctx.lower)) return out;
    const ref = referenceDate(ctx.reference);
    const future = FUTURE.test(ctx.lower);
    for (const result of chrono.parse(ctx.text, ref)) {
      const start = result.start;
      const weekdayOnly = !start.isCertain('day') && start.isCertain('weekday');
      if (!start.isCertain('day') && !weekdayOnly) continue;
      if (NOT_THE_MEETING_DAY.test(ctx.lower.slice(Math.max(0, result.index - 12), result.index))) continue;
      let date = new Date(start.get('year') as number, (start.get('month') as number) - 1, start.get('day') as number, 12);
      const bare = BARE_WEEKDAY.exec(result.text.trim());
      if (weekdayOnly && bare) {
        const target = WEEKDAYS.indexOf((bare[1] as string).toLowerCase());
        const delta = (target - ref.getDay() + 7) % 7;
        date = future ? shiftDays(ref, delta) : shiftDays(ref, delta === 0 ? 0 : delta - 7);
      }
      const value = isoDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
      const text = result.text.replace(/[\s,.;:]+$/, '');
      out.push({ fact: 'date', subject: null, value, label: labelDate(value), start: result.index, end: result.index + text.length });
    }
    return out;
  },
});
