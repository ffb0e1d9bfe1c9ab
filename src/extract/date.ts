/**
 * date: the day a meeting took (or takes) place, "YYYY-MM-DD". chrono-node reads the wording
 * ("on Friday", "last Friday", "Monday, June 2", "tomorrow") against the article's reference date
 * (its dateline day, else `published`). chrono runs only on sentences that name a day and speak of
 * the meeting. A bare weekday is the one before the reference in past-tense text and the next one
 * in a preview ("talks are due on Wednesday"). Month-only dates ("since March 2022") are not days.
 */
// The English parsers only: loading every locale costs ~70 ms of start-up for nothing.
import * as chrono from 'chrono-node/en';
import { MONTH_NAMES } from '../knowledge/calendar.js';
import { defineExtractor, type Candidate } from './types.js';

/** Whole words that may name a day: with an ISO date, the extractor's first test, and its cue. */
const DAY_WORDS = [
  ...new Set([
    ...['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
    ...MONTH_NAMES.flatMap((m) => [m.toLowerCase(), m.slice(0, 3).toLowerCase()]),
    'sept',
    ...['today', 'tonight', 'yesterday', 'tomorrow'],
  ]),
];
const ISO_DAY = String.raw`\b\d{4}-\d{2}-\d{2}\b`;
const DAY_CUE = new RegExp(String.raw`\b(?:${DAY_WORDS.join('|')})\b|${ISO_DAY}`, 'i');
const MEETING = /\b(?:talks|meeting|meetings|negotiations|round|met|meet|meets|held|session|delegations?|sat\s+down|sit\s+down|convened?|convenes|negotiators|summit|gathered|opener|istanbul)\b/;
/** A day that belongs to saying, travelling or waiting, not to the meeting: "said on Thursday", "arrived on Sunday". */
const NOT_MEETING_VERB = /\b(?:said|says|say|told|tells|announced|announces|confirmed|confirms|wrote|writes|posted|added|stated|tweeted|declared|claimed|reported|spoke|speaking|speak|call|calls|called|went\s+home|arrived|arrives|left|leaves|flew|flies|departed|suggested|proposed|takes\s+place|election|vote)\b(?:\s+[\w'-]+){0,4}\s+$/;
/** A dateline ("KYIV, May 19 (Wire) -"). */
const DATELINE_AFTER = /^\s*(?:,\s*\d{4}\s*)?(?:\([^()]{1,40}\)\s*)?[-:]\s/;
const PAST_NEAR = /\b(?:was|were|had|held|ended|met|took\s+place|lasted|concluded|agreed|broke\s+up|wrapped\s+up)\b/;
const FUTURE = /\b(?:will|would|due|set\s+to|scheduled|expected\s+to|to\s+be\s+held|to\s+take\s+place|to\s+resume|to\s+meet|upcoming|planned|slated|shall|going\s+to)\b/;
/** The words chrono matched must name a day: a weekday, a month and day, or today/tomorrow/yesterday. */
const DAY_NAME = String.raw`(?:(?:on|last|this|next|this\s+past|until)\s+)?(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s)?(?:\s+(?:morning|afternoon|evening|night))?(?:,?\s+(?:(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)))?|(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december)|today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|\d{4}-\d{2}-\d{2})(?:,?\s+\d{4})?`;
/** That, anywhere in what chrono matched ("Two days after Monday" → "Monday"). */
const NAMES_A_DAY_INSIDE = new RegExp(`(?<![\\w-])${DAY_NAME}(?![\\w-])`, 'i');
/**
 * The same without the boundaries around it: it matches a sentence wherever NAMES_A_DAY_INSIDE
 * matches some stretch of it that chrono may cut out ("today" of "today—thanks").
 */
const DAY_PHRASE = new RegExp(DAY_NAME, 'i');
const BARE_WEEKDAY = /^(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s)?(?:\s+(?:morning|afternoon|evening|night))?$/i;
const NOT_THE_MEETING_DAY = /\b(?:since|until|till|before|by|after|from)\s+(?:early\s+|late\s+)?$/;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function labelDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTH_NAMES[(m as number) - 1]} ${y}`;
}

/**
 * Noon local time of an ISO day: chrono reasons in local time, noon keeps DST shifts away. The
 * sentences of an article share one reference day, so the last one is kept (it is never changed).
 */
let lastReference: { iso: string; date: Date } | null = null;
function referenceDate(iso: string): Date {
  if (lastReference?.iso !== iso) {
    const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
    lastReference = { iso, date: new Date(y as number, (m as number) - 1, d as number, 12) };
  }
  return lastReference.date;
}

/**
 * chrono's English parsers without those of spans of time ("three days ago", "within a week", "two
 * weeks later", "the next two days"). They never match a day phrase, and in a sentence they can
 * only lengthen a result around one ("on Thursday after several hours"), not change the words that
 * name the day; their patterns are the costliest to compile (0.1–0.2 s of start-up, on first use).
 * Should a chrono release rename them, nothing is dropped: slower, same dates. The tests check the
 * names, every form of day phrase, and every fixture sentence that names a day.
 */
export const SPAN_PARSERS: ReadonlySet<string> = new Set([
  'ENTimeUnitAgoFormatParser',
  'ENTimeUnitLaterFormatParser',
  'ENTimeUnitWithinFormatParser',
  'ENTimeUnitCasualRelativeFormatParser',
]);
const casual = chrono.configuration.createCasualConfiguration();
export const dayReader = new chrono.Chrono({ parsers: casual.parsers.filter((p) => !SPAN_PARSERS.has(p.constructor.name)), refiners: casual.refiners });

/**
 * chrono's reading of a short phrase against a reference day. The same phrases ("on Friday", "May
 * 16") and the same days recur across a corpus, so readings are kept; chrono's results are only
 * read, never changed. The memo is emptied when full, which keeps memory bounded.
 */
const readings = new Map<string, chrono.ParsedResult[]>();
function readPhrase(text: string, ref: Date, refIso: string): chrono.ParsedResult[] {
  const key = `${refIso}\u0000${text}`;
  let found = readings.get(key);
  if (found === undefined) {
    if (readings.size >= 20_000) readings.clear();
    readings.set(key, (found = dayReader.parse(text, ref)));
  }
  return found;
}

/**
 * The days named in a text: where each phrase starts and its words. chrono may run on past the day
 * ("on Friday after an hour") or stop short of a dash ("today—thanks"): only the words that name
 * the day (NAMES_A_DAY_INSIDE of what chrono matched) are kept, and the date is read from them alone.
 */
export function dayPhrases(text: string, ref: Date, reader: chrono.Chrono = dayReader): Array<{ index: number; said: string }> {
  const out: Array<{ index: number; said: string }> = [];
  for (const found of reader.parse(text, ref)) {
    const named = NAMES_A_DAY_INSIDE.exec(found.text);
    if (named) out.push({ index: found.index + named.index, said: trimTrailing(named[0]) });
  }
  return out;
}

/** Drops trailing spaces and punctuation (a loop: an unanchored `+$` pattern is quadratic). */
function trimTrailing(text: string): string {
  let end = text.length;
  while (end > 0 && ' \t\n\r,.;:'.includes(text[end - 1] as string)) end--;
  return text.slice(0, end);
}

function shiftDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days, 12);
}

export default defineExtractor({
  id: 'date',
  description: 'The day the meeting took place (YYYY-MM-DD).',
  // What DAY_CUE looks for (whole words: "may" but not "mayor", "mar" but not "market").
  cues: { wholeWords: DAY_WORDS, patterns: [ISO_DAY] },
  extract(ctx) {
    const out: Candidate<'date'>[] = [];
    const aboutMeeting = ctx.lenient || MEETING.test(ctx.lower) || ctx.mentions.some((m) => m.entity.kind === 'venue');
    if (!DAY_CUE.test(ctx.text) || !aboutMeeting) return out;
    // chrono reads a sentence only where words could name a day (DAY_PHRASE): "may" the verb or
    // "since March 2022" pass DAY_CUE but name none.
    if (!DAY_PHRASE.test(ctx.text)) return out;
    const ref = referenceDate(ctx.reference);
    // The sentence's tense matters only for a bare weekday.
    let future: boolean | undefined;
    for (const { index, said } of dayPhrases(ctx.text, ref)) {
      const result = readPhrase(said, ref, ctx.reference)[0];
      if (!result) continue;
      const start = result.start;
      const weekdayOnly = !start.isCertain('day') && start.isCertain('weekday');
      const relative = /\b(?:today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening))\b/i.test(said);
      if (!start.isCertain('day') && !weekdayOnly && !relative) continue;
      const before = ctx.lower.slice(Math.max(0, index - 50), index);
      const after = ctx.lower.slice(index + said.length, index + said.length + 40);
      // "Friday's talks" names the meeting whatever comes before it ("two days after Monday's round").
      const namesMeeting = /^'s\s+(?:talks|meeting|session|round|negotiations)\b/.test(after);
      if (!namesMeeting && (NOT_THE_MEETING_DAY.test(before.slice(-20)) || NOT_MEETING_VERB.test(before))) continue;
      const dateline = DATELINE_AFTER.test(after);
      // A weekday on its own must be "on/last/next Friday" or "Friday's talks", not "a Saturday school".
      if (weekdayOnly && !/^(?:on|last|this|next|until)\b/i.test(said) && !/^(?:'s)?\s+(?:talks|meeting|session|round|negotiations)\b/.test(after)) continue;
      let date = new Date(start.get('year') as number, (start.get('month') as number) - 1, start.get('day') as number, 12);
      const bare = BARE_WEEKDAY.exec(said);
      if (weekdayOnly && bare) {
        // Last or next such weekday? A known meeting on one of them decides; else the tense near
        // the day ("are due on Friday"), then the tense of the sentence.
        const target = WEEKDAYS.indexOf((bare[1] as string).toLowerCase());
        const delta = (target - ref.getDay() + 7) % 7;
        const next = shiftDays(ref, delta);
        const last = shiftDays(ref, delta === 0 ? 0 : delta - 7);
        const iso = (d: Date) => isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
        const onMeeting = [last, next].filter((d) => ctx.meetings.has(iso(d)));
        const near = ctx.lower.slice(Math.max(0, index - 40), index);
        date = onMeeting.length === 1 ? (onMeeting[0] as Date) : FUTURE.test(near) || ((future ??= FUTURE.test(ctx.lower)) && !PAST_NEAR.test(near)) ? next : last;
      }
      const value = isoDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
      // A dateline is the day of writing; it states the meeting's day only when it is one.
      if (dateline && !ctx.meetings.has(value)) continue;
      out.push({ fact: 'date', subject: null, value, label: labelDate(value), start: index, end: index + said.length });
    }
    return out;
  },
});
