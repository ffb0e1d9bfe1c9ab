/**
 * date: the day a meeting took (or takes) place, "YYYY-MM-DD". chrono-node reads the wording
 * ("on Friday", "last Friday", "Monday, June 2", "tomorrow") against the article's reference date
 * (its dateline day, else `published`). A bare weekday is the one before the reference in
 * past-tense text and the next one in a preview ("talks are due on Wednesday"). Month-only dates
 * ("since March 2022") are not days.
 *
 * Every day a sentence names is read (`dayMentions`: event scopes use them too), but only a day of
 * *talks* is a `date` fact (SPEC.md §5): the day the statement is about is decided from the whole
 * clause — the phrase the day is attached to ("Friday's talks", "the talks on Friday", "a call on
 * Sunday"), else the verb that governs it ("met on Friday", "said on Friday"), and for verbs that
 * any event can take ("took place", "began") the noun they are said of ("the latest swap took place
 * on Wednesday"). A day of speaking, offering, approving, arriving, a swap, a phone call or a side
 * meeting is not a day of the talks. A dateline is never a fact.
 */
// The English parsers only: loading every locale costs ~70 ms of start-up for nothing.
import * as chrono from 'chrono-node/en';
import { MONTH_NAMES } from '../knowledge/calendar.js';
import type { SentenceContext } from './context.js';
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
/** Every stretch that names a day, for a sentence chrono need not read whole (one that speaks of no meeting). */
const DAY_PHRASES = new RegExp(`(?<![\\w-])${DAY_NAME}(?![\\w-])`, 'gi');
const BARE_WEEKDAY = /^(?:(?:on\s+)?this\s+|on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s)?(?:\s+(?:morning|afternoon|evening|night))?$/i;
const NOT_THE_MEETING_DAY = /\b(?:since|until|till|before|by|after|from|between)\s+(?:early\s+|late\s+)?$/;
/** The end of a span of days: "between June 20 and June 30", "from 20 to 30 June". */
const RANGE_END = /\b(?:between|from)\s+[\w,]+(?:\s[\w,]+){0,4}\s(?:and|to)\s+$/;
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

/** The stretches of a text that name a day, by DAY_NAME alone. */
function namedDays(text: string): Array<{ index: number; said: string }> {
  const out: Array<{ index: number; said: string }> = [];
  DAY_PHRASES.lastIndex = 0;
  for (let m = DAY_PHRASES.exec(text); m !== null; m = DAY_PHRASES.exec(text)) out.push({ index: m.index, said: trimTrailing(m[0]) });
  return out;
}

/** The clause around an offset, between the semicolons or colons on either side, at most 200 characters each way. */
function clauseOf(lower: string, index: number): string {
  const before = lower.slice(Math.max(0, index - 200), index);
  const after = lower.slice(index, index + 200);
  const cut = Math.max(before.lastIndexOf(';'), before.lastIndexOf(':'));
  const ends = [after.indexOf(';'), after.indexOf(':')].filter((i) => i >= 0);
  return before.slice(cut + 1) + after.slice(0, ends.length ? Math.min(...ends) : after.length);
}

/** Whether a day is within two days of one of `days` (but not on it). */
function nearAny(day: string, days: ReadonlySet<string>): boolean {
  const t = Date.parse(`${day}T00:00:00Z`);
  for (const d of days) {
    const gap = Math.abs(Date.parse(`${d}T00:00:00Z`) - t);
    if (gap > 0 && gap <= 2 * 86_400_000) return true;
  }
  return false;
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

/** Nouns that name the talks, and nouns of other things a day can belong to. */
const TALKS_NOUN = String.raw`talks|talk|meeting|meetings|negotiations|negotiation|round|rounds|session|sessions|consultations|discussions`;
const OTHER_NOUN = String.raw`swaps?|exchanges?|calls?|conversations?|statements?|remarks|interviews?|briefings?|conferences?|visits?|trips?|attacks?|strikes?|elections?|votes?|deadlines?|speech|address|posts?|messages?|announcements?|decrees?|letters?|handovers?|releases?|repatriations?|arrivals?|prisoners|captives|pows|soldiers|bodies|remains`;
/** "Friday's talks", "the May 16 round": the day names the talks it stands before. */
const TALKS_AFTER = new RegExp(String.raw`^(?:'s\s+(?:(?!(?:for|of|about|on|with|to)\b)[a-z-]+\s+){0,2}|\s+)(?:${TALKS_NOUN})\b`);
/** "Friday's plan", "Yesterday's drone strikes": the day is of the thing it is the possessive of, unless that is the talks. */
const POSSESSIVE_OF = new RegExp(String.raw`^'s\s+(?!(?:(?!(?:for|of|about|on|with|to)\b)[a-z-]+\s+){0,2}(?:${TALKS_NOUN})\b)`);
/** "the plan for talks on Thursday": talks that were only proposed, on the proposal's day. */
const PLANNED_TALKS = /\b(?:plans?|proposals?|offers?|invitations?|calls?|idea|hopes?)\s+(?:for|of)\s+(?:[a-z-]+\s+){0,2}$/;
/** "the talks (held) (in Istanbul) on Friday": the day names the talks it stands after. */
/** What may stand between the talks and their day: a few plain words ("with Russia in Istanbul on"), no punctuation but a comma. */
function attached(between: string): boolean {
  const words = between.replace(/,\s*$/, ' ').trim();
  return words === '' || (ATTACHED_WORDS.test(words) && words.split(' ').length <= 8);
}
const ATTACHED_WORDS = /^[\w'-]+(?: [\w'-]+)*$/;
/** "the talks held/scheduled …": a participle that says the talks are the ones on that day. */
const PARTICIPLE_OF_TALKS = /^\s+(?:held|scheduled|set|planned|due|slated|expected)\b/;
/** A verb that takes the talks as its object and has a day of its own: "Putin proposed the direct talks on Sunday". */
const OBJECT_OF_ANNOUNCING = /\b(?:proposed|proposes|suggested|suggests|offered|offers|announced|announces|requested|requests|demanded|demands|called\s+for|confirmed|confirms|arranged)\s+(?:(?:the|a|an|new|direct|further|fresh|peace|[a-z]+-[a-z]+)\s+){0,3}$/;
/** "a phone call on Sunday", "the swap on Friday": the day of something else. */
const OTHER_BEFORE = new RegExp(String.raw`\b(?:${OTHER_NOUN})\s+(?:on\s+)?$`);
/** Talks that are not the talks: "a bilateral meeting on Thursday", "a separate session". */
const SIDE_MEETING = /\b(?:bilateral|separate|one-on-one|phone|telephone|video|virtual|online)\s+(?:\w+\s+)?$/;
/** Talks held at a distance are not the meeting in Istanbul: "resumed their work by video link on Friday". */
const REMOTE = /\b(?:by|via|over)\s+(?:video|phone|telephone)\b|\bvideo\s*(?:link|call|conference)|\bvideoconference\b|\bonline\b/;
/** The same, anywhere between a verb and its day: "held a bilateral meeting with … on Thursday". */
const SIDE_MEETING_IN = new RegExp(String.raw`\b(?:bilateral|separate|one-on-one|phone|telephone|video|virtual|online)\s+(?:\w+\s+)?(?:${TALKS_NOUN})\b`);
/** Verbs of people meeting: "the delegations met on Friday". */
const MEET_VERB = String.raw`met|meet|meets|sat\s+down|sit\s+down|gathered|gather|negotiated|came\s+together|come\s+together`;
/** Verbs any event takes, whose subject decides whose day it is ("the talks began", "the swap began"). */
const EVENT_VERB = String.raw`held|hold|holds|holding|began|begin|begins|begun|started|start|starts|opened|opens|kicked\s+off|kick\s+off|kicks\s+off|convened|convene|convenes|reconvened|resumed|resume|resumes|ended|end|ends|concluded|conclude|concludes|wrapped\s+up|wrap\s+up|closed|lasted|took\s+place|take\s+place|takes\s+place|taking\s+place|scheduled|slated|planned|due`;
const TALKS_VERB = `${MEET_VERB}|${EVENT_VERB}`;
/** Verbs of saying, travelling, offering, approving, swapping…: a day governed by one is not the talks'. */
const OTHER_VERB = String.raw`said|says|say|saying|told|tells|tell|telling|announced|announces|announce|confirmed|confirms|confirm|commented|comments|wrote|writes|posted|posts|added|adds|stated|states|tweeted|declared|claimed|reported|reports|spoke|speaks|speak|speaking|phoned|called|calls|arrived|arrives|arrive|arriving|landed|flew|flies|departed|offered|offers|proposed|proposes|suggested|suggests|approved|approves|signed|signs|appointed|decreed|waited|waits|swapped|exchanged|released|freed|attacked|struck|launched|visited|visits|urged|urges|warned|warns|threatened|insisted|rejected|received|sent|submitted|published|issued|briefed|delivered|went\s+home|(?:came|come|comes|returned|arrived|got)\s+(?:back\s+)?home|left\s+(?:for|turkey|istanbul|ankara|kyiv|kiev|moscow|the\s+(?:country|city))|were\s+(?:freed|released|exchanged|swapped|returned|handed\s+over)`;
const VERB = new RegExp(String.raw`\b(?:(?<meet>${MEET_VERB})|(?<talks>${EVENT_VERB})|(?<other>${OTHER_VERB}))\b`, 'g');
/** The noun a verb is said of: the last of these before it. */
const NOUN = new RegExp(String.raw`\b(?:(?<talks>${TALKS_NOUN})|(?<other>${OTHER_NOUN}))\b`, 'g');
const OTHER_NOUN_RE = new RegExp(String.raw`\b(?:${OTHER_NOUN})\b`);
/** Who else gathers or meets on a day: not the negotiators. */
const NOT_DELEGATES = /\b(?:families|relatives|protesters|demonstrators|residents|volunteers|crowds|mothers|wives|activists|supporters|worshippers|mourners|students|fans)\b/;
/** "the exchange agreed in Istanbul on May 16": what was agreed at the talks dates them. */
const AGREED_THERE = /\bagreed\s+(?:upon\s+|on\s+)?(?:in\s+istanbul|at\s+(?:the\s+)?(?:talks|meeting|round|negotiations))\s+(?:on\s+)?$/;
/** A bare weekday after a verb of meeting: "set to take place Monday". */
const VERB_BEFORE = new RegExp(String.raw`\b(?:${TALKS_VERB})\s+$`);
/** Where a clause ends, for the verb that governs a day: a semicolon, colon or dash, never a comma. */
const CLAUSE_END = /[;:]|\s-+\s/;
const CLAUSE_ENDS = new RegExp(CLAUSE_END.source, 'g');
/** How far around a day its verb is looked for, in characters. */
const WINDOW = 90;

/** A match of VERB or NOUN: `talks` for words of the talks, `people` for a verb of people meeting. */
type Match = { index: number; end: number; talks: boolean; people: boolean };

const matchOf = (m: RegExpExecArray): Match => ({
  index: m.index,
  end: m.index + m[0].length,
  talks: m.groups?.talks !== undefined || m.groups?.meet !== undefined,
  people: m.groups?.meet !== undefined,
});

function lastMatch(re: RegExp, text: string): Match | null {
  let last: RegExpExecArray | null = null;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) last = m;
  return last && matchOf(last);
}

function firstMatch(re: RegExp, text: string): Match | null {
  re.lastIndex = 0;
  const m = re.exec(text);
  return m && matchOf(m);
}

/**
 * Whether the day named at [index, end) of a (lower-cased) sentence is the day of the talks,
 * judged from the clause around it (see the file's comment): `strong` when the words tie the day
 * to the talks themselves ("Friday's talks", "the talks in Istanbul on Friday", "the talks ended on
 * Friday"), `weak` when they only do not tie it to anything else ("the sides met on Friday", a day
 * with no verb), false when it is the day of something else.
 */
export function talksOnDay(lower: string, index: number, end: number): 'strong' | 'weak' | false {
  let before = lower.slice(Math.max(0, index - WINDOW), index);
  const after = lower.slice(end, end + WINDOW);
  if (TALKS_AFTER.test(after)) return SIDE_MEETING.test(before) ? false : 'strong';
  if (POSSESSIVE_OF.test(after)) return false;
  if (OTHER_BEFORE.test(before)) return false;
  // "the talks (held) (with Russia) (in Istanbul) on Friday": the day of the nearest talks before it,
  // when nothing that has days of its own (a verb, another event) stands between — unless those
  // talks are the object of an announcement or proposal ("proposed the direct talks on Sunday").
  const noun = lastMatch(NOUN, before);
  if (noun?.talks) {
    const between = before.slice(noun.end);
    if (attached(between) && firstMatch(VERB, between.replace(PARTICIPLE_OF_TALKS, ' ')) === null) {
      const head = before.slice(0, noun.index);
      return SIDE_MEETING.test(head) || OBJECT_OF_ANNOUNCING.test(head) || PLANNED_TALKS.test(head) ? false : 'strong';
    }
  }
  if (AGREED_THERE.test(before)) return 'strong';
  // The verb that governs the day: the nearest before it in its clause, else the first after it.
  const cut = lastMatch(CLAUSE_ENDS, before);
  if (cut) before = before.slice(cut.end);
  let verb = lastMatch(VERB, before);
  if (verb) {
    // "held a phone call on Sunday": what the verb is said of between it and the day.
    const zone = before.slice(verb.end);
    if (OTHER_NOUN_RE.test(zone) || SIDE_MEETING_IN.test(zone) || REMOTE.test(zone)) return false;
    if (!verb.talks) return false;
    const at = index - before.length + verb.index;
    const preceding = lower.slice(Math.max(0, at - WINDOW), at);
    // People meeting are the delegations, not "families who gathered outside a hospital".
    if (verb.people) return NOT_DELEGATES.test(preceding) ? false : 'weak';
    const subject = lastMatch(NOUN, preceding);
    return subject === null ? 'weak' : subject.talks ? 'strong' : false;
  }
  // No verb before it: the thing it is said of, if any ("gives a statement … on May 15").
  const thing = lastMatch(NOUN, before);
  if (thing && !thing.talks) return false;
  // Only for a day that opens its clause ("On Tuesday, negotiators met", "Fidan on Friday urged"):
  // elsewhere the verb after it is another clause's.
  const opening = before.slice(before.lastIndexOf(',') + 1).trim();
  if (opening.split(/\s+/).filter(Boolean).length > 3) return 'weak';
  const clause = after.split(CLAUSE_END)[0] ?? '';
  verb = firstMatch(VERB, clause);
  if (verb) {
    if (!verb.talks) return false;
    const subject = verb.people ? null : lastMatch(NOUN, clause.slice(0, verb.index));
    return subject === null ? 'weak' : subject.talks ? 'strong' : false;
  }
  return 'weak';
}

/** A day named in a sentence: its span, the day, and whether it is the day of talks. */
export interface DayMention {
  start: number;
  end: number;
  value: string;
  talks: boolean;
  /** The words tie the day to the talks themselves, not only to people meeting or to nothing else (see talksOnDay). */
  strong?: boolean;
  /**
   * Not said of talks, but not of anything else either: the sentence names no meeting and nothing
   * in the clause ties the day to another event ("Let us give last Friday its due").
   */
  neutral?: boolean;
}

const mentionsOf = new WeakMap<SentenceContext, DayMention[]>();

/**
 * Every day a sentence names, read once per sentence (the extractor and the event scopes both
 * ask). `talks` is false for a day of something else, in a sentence that does not speak of
 * meetings, and in a dateline.
 */
export function dayMentions(ctx: SentenceContext): DayMention[] {
  let out = mentionsOf.get(ctx);
  if (out) return out;
  out = [];
  mentionsOf.set(ctx, out);
  if (!DAY_CUE.test(ctx.text) || !DAY_PHRASE.test(ctx.text)) return out;
  const aboutMeeting = MEETING.test(ctx.lower) || ctx.mentions.some((m) => m.entity.kind === 'venue');
  const ref = referenceDate(ctx.reference);
  // A sentence about a meeting is read whole by chrono, which knows best where a day phrase ends
  // ("Monday, June 2"); in any other sentence a day matters only as a meeting's day, and each
  // stretch that names one is read on its own (memoised): chrono over every sentence that names a
  // weekday would double the cost of reading dates.
  const phrases = aboutMeeting ? dayPhrases(ctx.text, ref) : namedDays(ctx.text);
  for (const { index, said } of phrases) {
    const result = readPhrase(said, ref, ctx.reference)[0];
    if (!result) continue;
    const start = result.start;
    const weekdayOnly = !start.isCertain('day') && start.isCertain('weekday');
    const relative = /\b(?:today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening))\b/i.test(said);
    if (!start.isCertain('day') && !weekdayOnly && !relative) continue;
    const end = index + said.length;
    const before = ctx.lower.slice(Math.max(0, index - 50), index);
    const after = ctx.lower.slice(end, end + 40);
    // A weekday on its own must be "on/last/next Friday", "Friday's talks" or follow a verb of
    // meeting ("take place Monday"), not "a Saturday school".
    if (weekdayOnly && !/^(?:on|last|this|next|until)\b/i.test(said) && !TALKS_AFTER.test(after) && !VERB_BEFORE.test(before)) continue;
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
      date = onMeeting.length === 1 ? (onMeeting[0] as Date) : FUTURE.test(near) || (FUTURE.test(clauseOf(ctx.lower, index)) && !PAST_NEAR.test(near)) ? next : last;
    }
    const value = isoDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
    const namesTalks = TALKS_AFTER.test(after);
    // "the round in Belarus on 7 March": the day of talks held elsewhere is no day of ours.
    const elsewhere = ctx.mentions.some((m) => m.entity.offsite === true && m.end <= index && index - m.end <= 6 && /^\s*(?:on\s*)?$/.test(ctx.lower.slice(m.end, index)));
    if (elsewhere) {
      out.push({ start: index, end, value, talks: false });
      continue;
    }
    const ofTalks =
      !DATELINE_AFTER.test(after) && (namesTalks || !NOT_THE_MEETING_DAY.test(before.slice(-20))) && !RANGE_END.test(before) ? talksOnDay(ctx.lower, index, end) : false;
    const talks = aboutMeeting && ofTalks !== false;
    out.push({ start: index, end, value, talks, ...(talks && ofTalks === 'strong' ? { strong: true } : {}), ...(ofTalks !== false && !aboutMeeting ? { neutral: true } : {}) });
  }
  return out;
}

export default defineExtractor({
  id: 'date',
  description: 'The day the meeting took place (YYYY-MM-DD).',
  // What DAY_CUE looks for (whole words: "may" but not "mayor", "mar" but not "market").
  cues: { wholeWords: DAY_WORDS, patterns: [ISO_DAY] },
  extract(ctx) {
    // A day that differs from a meeting's by a day or two (a reporting error, or a side event's day)
    // is stated only when the words tie it to the talks themselves: "the second round ended on
    // Tuesday", not "Zelensky meets Erdogan ahead of the talks (May 15)".
    return dayMentions(ctx)
      .filter((d) => d.talks && (d.strong || ctx.meetings.has(d.value) || !nearAny(d.value, ctx.meetings)))
      .map((d): Candidate<'date'> => ({ fact: 'date', subject: null, value: d.value, label: labelDate(d.value), start: d.start, end: d.end }));
  },
});
