/**
 * Which meeting each fact is about (SPEC.md §5), clause by clause.
 *
 * A sentence is cut into clauses at commas, semicolons, colons, dashes and brackets, and before a
 * relative clause that follows a reference to a meeting ("May's meeting that secured …"). A clause
 * refers to a meeting when it names one: a day of one (a calendar meeting's day, or a day of talks
 * within two days of it), a month or year only one meeting has ("in May", "the 2022 talks"), a
 * round ("the second round"), "the previous round", "the next round", "three years ago", or an
 * alias from the calendar. What the reference does depends on the words before it:
 *
 * - a plain reference moves the clause to that meeting ("At the previous meeting in May the two
 *   sides agreed …"); a main clause carries the move on to the clauses after it, a relative clause
 *   ("…, which was agreed at the first round") moves itself and the short phrase it hangs on;
 * - "as in 2022", "as during the May round", "as he did in May", "the same venue as" say the fact
 *   holds there too (both meetings);
 * - "since", "than", "after", "compared with" only compare: the clause stays where it was (a
 *   relative clause hanging on the compared meeting is that meeting's);
 * - "this time", "now", "today", or a day of the main meeting bring the clause back to it.
 *
 * A clause with no reference of its own continues the scope of the clause it belongs to. A sentence
 * whose main clause is a recap carries it on to the next sentence when that one has no reference of
 * its own ("After that, the two sides exchanged …"). A clause about talks held elsewhere (Jeddah,
 * Minsk …), or about a next round the calendar does not know, belongs to no meeting: its facts are
 * dropped.
 */
import type { SentenceContext } from '../extract/context.js';
import type { DayMention } from '../extract/date.js';
import { monthNumber } from '../knowledge/calendar.js';
import type { EventSource } from '../types.js';
import type { Meeting } from './meetings.js';

export type { EventSource };

export interface EventScope {
  /** Meeting the facts here belong to; null = the article's main event. */
  event: string | null;
  /** Further meetings the facts also hold for ("as in 2022"). */
  also: string[];
  /** About no meeting of ours (talks elsewhere, an unknown next round): the facts are dropped. */
  offsite: boolean;
}

/** What the article-level resolution needs to know of the meetings, derived once per calendar. */
export interface CalendarIndex {
  meetings: readonly Meeting[];
  ids: ReadonlySet<string>;
  onDay(day: string): Meeting | undefined;
  /** The calendar meeting within `days` days of `day` (the closest; the earlier on a tie). */
  near(day: string, days: number): Meeting | undefined;
  /** Meetings with an id starting with `prefix` ("2025-05", "2022"). */
  starting(prefix: string): Meeting[];
  before(day: string): Meeting | undefined;
  /** The first meeting strictly after `day`. */
  after(day: string): Meeting | undefined;
  ordinal(series: string, n: number): Meeting | undefined;
  /** The alias of a meeting found in lower-cased text: its meeting and span. */
  aliases: Array<{ text: string; id: string }>;
}

const indexes = new WeakMap<readonly Meeting[], CalendarIndex>();

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The last item that passes (Array.prototype.findLast is ES2023, beyond the project's lib). */
function lastWhere<T>(list: readonly T[], pass: (item: T) => boolean): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (pass(list[i] as T)) return list[i];
  return undefined;
}

export function calendarIndex(meetings: readonly Meeting[]): CalendarIndex {
  let index = indexes.get(meetings);
  if (index) return index;
  const sorted = [...meetings].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byId = new Map(sorted.map((m) => [m.id, m]));
  index = {
    meetings: sorted,
    ids: new Set(byId.keys()),
    onDay: (day) => byId.get(day),
    near: (day, days) => {
      const n = dayNumber(day);
      let best: Meeting | undefined;
      let bestGap = Infinity;
      for (const m of sorted) {
        const gap = Math.abs(dayNumber(m.id) - n);
        if (gap <= days && gap < bestGap) {
          best = m;
          bestGap = gap;
        }
      }
      return best;
    },
    starting: (prefix) => sorted.filter((m) => m.id.startsWith(prefix)),
    before: (day) => lastWhere(sorted, (m) => m.id < day),
    after: (day) => sorted.find((m) => m.id > day),
    ordinal: (series, n) => sorted.find((m) => m.series === series && m.ordinal === n),
    aliases: sorted.flatMap((m) => (m.aliases ?? []).map((a) => ({ text: a.toLowerCase(), id: m.id }))).sort((a, b) => b.text.length - a.text.length),
  };
  indexes.set(meetings, index);
  return index;
}

/** What resolving a sentence's scopes needs besides the sentence. */
export interface ScopeEnv {
  /** The article's main meeting (null while it is being decided: references then only mark clauses). */
  main: string | null;
  /** The reference day: dateline, else `published`. */
  reference: string;
  calendar: CalendarIndex;
}

/** A reference to a meeting in a clause. `event` null: a move whose meeting cannot be told yet (`main` unknown). */
export interface Reference {
  start: number;
  end: number;
  event: string | null;
  kind: 'move' | 'also' | 'compared' | 'reset';
  /** What named it: a day, a round, or words. */
  by: 'day' | 'ordinal' | 'words';
  /** Not a meeting we know: a next round the calendar lacks (its facts belong nowhere). */
  unknown?: boolean;
}

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';
/** A month on its own ("in May", "March 2022"); a month with its day ("May 16", "16 May") is a day, read by the date extractor. */
const MONTH_RE = /(?<!\d\s{1,3})\b(January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s{1,3}\d{1,2}(?!\d))(?:\s+((?:19|20)\d{2}))?/g;
const SEASON_YEAR = /\b(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?((?:19|20)\d{2})\b/g;
const YEAR_RE = /\b((?:19|20)\d{2})\b/g;
const PREVIOUS_RE = /\b(?:previous|last|earlier|prior|preceding|former)\s+(?:(?:istanbul|direct|face-to-face|in-person|peace|round\s+of|two|three)\s+){0,2}(?:round|rounds|meeting|talks|session|negotiations|encounter)\b|\blast\s+(?:time|met)\b/g;
/** "the next round", "the upcoming talks" — but not a future meeting of the leaders ("the next meeting between the presidents"). */
const NEXT_RE = /\b(?:next|upcoming|subsequent)\s+(?:(?:istanbul|direct|face-to-face|in-person|peace|round\s+of)\s+){0,2}(?:round|meeting|talks|session|negotiations)\b(?!\s+(?:(?:of|between|with)\s+(?:the\s+)?(?:two\s+)?(?:leaders|presidents|heads)))/g;
const ORDINAL_WORDS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, '5th': 5, '6th': 6, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
/** "the second round", "third round of talks", "round two", "the first direct talks". */
const ORDINAL_RE = /\b(?:(first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th)\s+(?:(?:round|session)\b|(?:(?:direct|face-to-face|in-person|peace|formal|official)\s+){1,2}(?:talks|negotiations|meeting|round)\b)|round\s+(one|two|three|four|five|six)\b)/g;
const AGO_RE = /\b(?:(a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|\d{1,2})\s+(years?|months?|weeks?|days?)\s+(?:ago|earlier|before)|last\s+(year|month|week)(?:'s)?|earlier\s+this\s+(month|year))\b/g;
/** The start of a clause, up to a conjunction: what may stand before a "now" that resets. */
const CLAUSE_HEAD = /(?:^|[,;:]\s*|\b(?:and|but|while|whereas|yet)\s+)$/;
const RESET_RE = /\b(?:this\s+time|this\s+round|this\s+week|now|today|on\s+this\s+occasion|the\s+latest\s+round)\b/g;
/** "since", "than", "after" … and at most five words before the reference: "since the round in Belarus on 7 March". */
const COMPARISON = /\b(?:since|until|till|than|ahead\s+of|compared\s+(?:with|to)|unlike|after|before|following|follows?|followed|versus|up\s+from|down\s+from)\s+(?:[\w']+(?:-[\w']+)*\s+){0,5}$/;
const ALSO = /\b(?:as\s+in|as\s+at|as\s+during|as\s+with|as\s+was\s+the\s+case\s+(?:in|at)|like\s+in|like|as\s+(?:he|she|it|they)\s+(?:did|had)(?:\s+(?:in|at|during))?|then\s+as\s+now|same\s+(?:[a-z]+\s+)?as(?:\s+(?:in|at|during))?)\s+(?:(?:the|early|late|mid|spring|summer|of|in)[\s-]+){0,3}$/;
/** "as the June 2 round did": a meeting between "as (the)" and "did", "had", "was". */
const AS_BEFORE = /\bas\s+(?:the\s+)?$/;
const DID_AFTER = /^\s*(?:(?:round|meeting|talks|session)\s+)?(?:did|had|was|were)\b/;
/**
 * "…, the same venue as last month's round" / "…, just as in 2022" / "…, as he did last time": a
 * clause that only compares says the clause before it held there too.
 */
const ANAPHORIC_ALSO = /\bsame\s+(?:[a-z]+\s+)?as\b|^\s*(?:just\s+|exactly\s+)?(?:as|like)\s+(?:(?:he|she|it|they)\s+(?:did|had)\b|in\b|at\b|during\b|with\b)/;
/** What makes two references one: "the previous meeting on June 2", "the first round in May". */
const APPOSED = /^\s*(?:,\s*)?(?:(?:held|which\s+was\s+held)\s+)?(?:on|in|of|at|during)\s+(?:the\s+)?$/;
/** What joins two references into a list: "in May and again in June". */
const JOINED = /^\s*(?:,|and|or|as\s+well\s+as)\s*(?:(?:again\s+)?(?:in|on)\s+|at\s+)?$/;
/** Nothing but the words that join days or rounds: "on … and on …", "in …, then in …". */
const ONLY_GLUE = /^[\s,.;:]*(?:(?:on|in|at|and|or|then|both|again|also|the|of|during)[\s,.;:]+)*$/;
/** "In all three rounds, …" at the head of a sentence. */
const ALL_ROUNDS_FIRST = /^\s*(?:in|at|during|across|over)\s+(?:all|both|each|every)\b/;
const ALL_ROUNDS = /\b(?:all\s+(?:three|four|the)\s+(?:rounds|meetings|sessions)|every\s+round|each\s+round|both\s+(?:rounds|meetings|sessions))\b/;
/** A comma, semicolon or colon before a space, a dash between spaces, or a bracket (lookaheads keep it linear). */
const SEGMENT_BREAK = /[,;:](?=\s)|\s[-\u2013\u2014]+(?=\s)|[()]/g;
/** A relative clause that says what happened at a place: "where the June round took place", "which hosted the June round". */
const PLACE_RELATIVE = /^\s*(?:where\b|(?:which|that)\s+(?:also\s+)?(?:had\s+|has\s+)?(?:hosted|housed|staged|was\s+the\s+(?:venue|setting|scene)\s+(?:of|for))\b)/;
/** A clause that places the talks somewhere: "…take place at", "held at", "expected at". */
const PLACE_VERB = /\b(?:held|hold|take\s+place|took\s+place|takes\s+place|taking\s+place|met|meet|meets|convened?|gathered|sat|expected|scheduled|due|hosted|hosting|welcomed)\b/;
/** Where the last "where", "which", "who" or ", that" of a stretch without commas starts (-1: none). */
function lastRelative(stretch: string): number {
  const cut = Math.max(stretch.lastIndexOf(','), stretch.lastIndexOf(';'), stretch.lastIndexOf(':'));
  let at = -1;
  RELATIVE_WORD.lastIndex = 0;
  // The space before the word: where a comma's clause would start too.
  for (let m = RELATIVE_WORD.exec(stretch); m !== null; m = RELATIVE_WORD.exec(stretch)) if (m.index > cut) at = m.index;
  return at;
}
const RELATIVE_WORD = /\s(where|which|who)\s/g;
/** A word that coordinates two clauses. */
const COORDINATOR = /\s(?:and|while|whereas|but|against)\s/g;
/** A relative clause right after a reference: "May's meeting that secured …", "the round at which …". */
const RELATIVE_AFTER = /^\s*(?:[\w'-]+\s+){0,3}?(?=(?:that|which|where|when|at\s+which|during\s+which|in\s+which)\b)/;
const RELATIVE_START = /^\s*(?:(?:the\s+)?(?:latest|first|last|most|some|all|none|one|both|each)\s+of\s+)?(?:which|who|whom|whose|where|when|that|at\s+which|during\s+which|in\s+which)\b/;
const PARTICIPLE_START = /^\s*(?:(?:after|before|while|when)\s+)?[a-z]+ing\b/;
/** Signs of a finite verb: a clause with one is not a phrase a relative clause hangs on. */
const FINITE = /\b(?:is|are|was|were|has|have|had|will|would|did|does|do|can|could|said|says|met|led|held|sat|took|began|spoke|went|came|gave|made|told|left|ran|sent|brought|kept|stood|[a-z]{3,}ed)\b/;
const MEETING_NOUN = /\b(?:talks|meeting|meetings|negotiations|round|rounds|session|summit|encounter|met|delegations?|negotiators|team|sides?|sat\s+down|talked|negotiated|officials)\b/;
const NUMBER_WORDS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20 };
/**
 * What a sentence must contain for any part of it to point at a meeting other than the main one,
 * or back to it: a month, a year, or a word of the patterns above. Most sentences have none.
 */
export const SCOPE_CUE = new RegExp(
  `\\b(?:${MONTHS}|(?:19|20)\\d\\d|ago|last|earlier|previous|prior|preceding|former|first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th|round|next|upcoming|following|subsequent|future|all|every|each|both|this|now|today|latest|spring|summer|autumn|fall|winter)\\b`,
);

interface Segment {
  start: number;
  end: number;
  kind: 'main' | 'relative' | 'participle';
  refs: Reference[];
}

/** The meeting a plain month ("in May", "March 2022") names, when only one meeting has it. */
function monthMeeting(calendar: CalendarIndex, monthName: string, year: string): string | null {
  const list = calendar.starting(`${year}-${String(monthNumber(monthName)).padStart(2, '0')}`);
  return list.length === 1 ? (list[0] as Meeting).id : null;
}

/** The meeting a day of talks names: the calendar meeting that day or within two days of it, else that day itself (a meeting the calendar lacks). */
export function meetingOfTalkDay(calendar: CalendarIndex, day: string): string {
  return calendar.ids.has(day) ? day : (calendar.near(day, 2)?.id ?? day);
}

/** The meeting a day names: a calendar meeting that day; for a day of talks, as meetingOfTalkDay. */
export function meetingOfDay(calendar: CalendarIndex, day: DayMention): string | null {
  if (calendar.ids.has(day.value)) return day.value;
  return day.talks ? meetingOfTalkDay(calendar, day.value) : null;
}

/** What every sentence of an article asks of its environment, worked out once per environment. */
const derived = new WeakMap<ScopeEnv, { series: string | undefined; horizon: string }>();

/**
 * A week after the reference day (no round beyond it is spoken of as held), and the series "the
 * second round" counts in: that of the main meeting, else of the last meeting up to that day.
 */
function derivedOf(env: ScopeEnv): { series: string | undefined; horizon: string } {
  let d = derived.get(env);
  if (!d) {
    const horizon = addDays(env.reference, 7);
    const around = env.main ? env.calendar.onDay(env.main) : undefined;
    d = { horizon, series: around ? around.series : lastWhere(env.calendar.meetings, (m) => m.id <= horizon)?.series };
    derived.set(env, d);
  }
  return d;
}

export interface ReferenceOptions {
  /** Rounds ("the second round") count as references (default true). */
  ordinals?: boolean;
}

/**
 * A reference that moves a clause to a meeting not known yet: "the previous round" while the main
 * meeting is being decided. It marks a recap all the same.
 */
export const UNRESOLVED = '?';

/** Every reference to a meeting in `lower` (a sentence, lower-cased), with the day mentions read from it. */
/** A match of one of the reference patterns: where, and the groups its reading needs. */
interface Hit {
  index: number;
  end: number;
  g: Array<string | undefined>;
}

/** What the reference patterns find in a sentence: the same whatever the article's meeting, so read once per sentence. */
interface Scan {
  months: Hit[];
  years: Hit[];
  ordinals: Hit[];
  previous: Hit[];
  next: Hit[];
  ago: Hit[];
  resets: Hit[];
  aliases: Array<{ start: number; end: number; id: string }>;
  /** The calendar whose aliases were looked for. */
  calendar: CalendarIndex;
}

const scans = new WeakMap<SentenceContext, Scan>();

function hits(re: RegExp, text: string): Hit[] {
  const out: Hit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push({ index: m.index, end: m.index + m[0].length, g: m.slice(0) });
  return out;
}

function scanOf(ctx: SentenceContext, calendar: CalendarIndex): Scan {
  const known = scans.get(ctx);
  if (known && known.calendar === calendar) return known;
  const { lower } = ctx;
  const aliases: Scan['aliases'] = [];
  for (const alias of calendar.aliases) {
    for (let at = lower.indexOf(alias.text); at !== -1; at = lower.indexOf(alias.text, at + alias.text.length)) {
      const end = at + alias.text.length;
      if (!/\w/.test(lower[at - 1] ?? ' ') && !/\w/.test(lower[end] ?? ' ')) aliases.push({ start: at, end, id: alias.id });
    }
  }
  const scan: Scan = {
    months: hits(MONTH_RE, ctx.text),
    years: [...hits(SEASON_YEAR, lower), ...hits(YEAR_RE, lower)],
    ordinals: hits(ORDINAL_RE, lower),
    previous: hits(PREVIOUS_RE, lower),
    next: hits(NEXT_RE, lower),
    ago: hits(AGO_RE, lower),
    resets: hits(RESET_RE, lower),
    aliases,
    calendar,
  };
  scans.set(ctx, scan);
  return scan;
}

/**
 * Whether a sentence has words that may move a clause to another meeting: a month, a year, a
 * previous or next round, an "ago", an alias (days and rounds aside). Most sentences have none.
 */
export function hasWordReferences(ctx: SentenceContext, calendar: CalendarIndex): boolean {
  const scan = scanOf(ctx, calendar);
  return scan.months.length + scan.years.length + scan.previous.length + scan.next.length + scan.ago.length + scan.aliases.length > 0;
}

export function findReferences(ctx: SentenceContext, env: ScopeEnv, days: readonly DayMention[], options: ReferenceOptions = {}): Reference[] {
  const { lower } = ctx;
  const { calendar, main } = env;
  const scan = scanOf(ctx, calendar);
  const found: Array<Omit<Reference, 'kind'> & { kind?: Reference['kind'] }> = [];
  // Characters a reference already covers: a later pattern may not read them again (linear in the sentence).
  const covered = new Uint8Array(lower.length + 1);
  const taken = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (covered[i]) return true;
    return false;
  };
  const push = (r: (typeof found)[number]) => {
    found.push(r);
    covered.fill(1, r.start, r.end);
  };
  for (const d of days) {
    const event = meetingOfDay(calendar, d);
    if (event !== null && !taken(d.start, d.end)) push({ start: d.start, end: d.end, event, by: 'day' });
  }
  const anchorYear = (main ?? env.reference).slice(0, 4);
  for (const m of scan.months) {
    if (taken(m.index, m.end)) continue;
    const id = monthMeeting(calendar, m.g[1] as string, m.g[2] ?? anchorYear);
    if (id) push({ start: m.index, end: m.end, event: id, by: 'words' });
  }
  // A word for a meeting, or a venue, near the year ("In 2022, at Dolmabahçe, …").
  const nearMeeting = (index: number) =>
    MEETING_NOUN.test(lower.slice(Math.max(0, index - 60), index + 60)) || ctx.mentions.some((m) => m.entity.kind === 'venue' && Math.abs(m.start - index) <= 60);
  for (const m of scan.years) {
    if (taken(m.index, m.end)) continue;
    // A year alone is a meeting only beside a word for one ("the 2022 talks", not "annexed in 2022").
    const year = m.g[1] as string;
    // "As in 2022, …" compares with that year's meeting whatever the words around it.
    const alsoThen = ALSO.test(lower.slice(Math.max(0, m.index - 40), m.index));
    if ((!alsoThen && !nearMeeting(m.index)) || main?.startsWith(year)) continue;
    const list = calendar.starting(year);
    if (list.length === 1) push({ start: m.index, end: m.end, event: (list[0] as Meeting).id, by: 'words' });
  }
  const { series, horizon } = derivedOf(env);
  for (const m of options.ordinals === false ? [] : scan.ordinals) {
    if (taken(m.index, m.end)) continue;
    const n = ORDINAL_WORDS[(m.g[1] ?? m.g[2]) as string] as number;
    const target = series === undefined ? undefined : calendar.ordinal(series, n);
    // "the first direct talks" of a series that does not count its rounds names nothing.
    if (target && target.id <= horizon) push({ start: m.index, end: m.end, event: target.id, by: 'ordinal' });
  }
  for (const m of scan.previous) {
    if (taken(m.index, m.end)) continue;
    const target = main ? calendar.before(main)?.id : UNRESOLVED;
    if (target !== undefined) push({ start: m.index, end: m.end, event: target, by: 'words' });
  }
  for (const m of scan.next) {
    if (taken(m.index, m.end)) continue;
    // "Next" counts from the day of writing: in a preview the next round is the main one.
    const target = calendar.after(env.reference);
    push({ start: m.index, end: m.end, event: main === null ? UNRESOLVED : (target?.id ?? UNRESOLVED), by: 'words', ...(main !== null && !target ? { unknown: true } : {}) });
  }
  for (const m of scan.ago) {
    if (taken(m.index, m.end)) continue;
    const n = m.g[1] ? (NUMBER_WORDS[m.g[1]] ?? Number(m.g[1])) : 1;
    const unit = (m.g[2] ?? m.g[3] ?? m.g[4] ?? '').replace(/s$/, '');
    const span = unit === 'year' ? 365 : unit === 'month' ? 30 : unit === 'week' ? 7 : 1;
    const target = m.g[4] ? addDays(env.reference, -15) : addDays(env.reference, -n * span);
    // "Three years ago" is said loosely: a year either way of a season.
    const slack = unit === 'year' ? 200 : unit === 'month' ? 20 : unit === 'week' ? 5 : 2;
    const list = calendar.meetings.filter((x) => x.id !== main && x.id <= env.reference && Math.abs(dayNumber(x.id) - dayNumber(target)) <= slack);
    if (list.length === 1) push({ start: m.index, end: m.end, event: (list[0] as Meeting).id, by: 'words' });
  }
  for (const a of scan.aliases) if (!taken(a.start, a.end)) push({ start: a.start, end: a.end, event: a.id, by: 'words' });
  for (const m of scan.resets) {
    // "now" brings a clause back only at its head ("…; now they meet at Çırağan"), not in "the palace that now serves as …".
    if (m.g[0] === 'now' && !CLAUSE_HEAD.test(lower.slice(Math.max(0, m.index - 20), m.index))) continue;
    if (!taken(m.index, m.end)) push({ start: m.index, end: m.end, event: main, kind: 'reset', by: 'words' });
  }
  found.sort((a, b) => a.start - b.start);

  // What the words before each reference make of it.
  const out: Reference[] = [];
  let lastEnd = -1;
  for (const r of found) {
    const before = lower.slice(Math.max(0, r.start - 40), r.start);
    // "in May and (again) in June": a reference joined to an earlier one of the same kind.
    const previous = out[out.length - 1];
    const glue = previous !== undefined && lastEnd >= 0 ? lower.slice(lastEnd, r.start) : null;
    // A reset word ("this time", "today") begins no list; a day of the main meeting may ("on June 2 and on July 23").
    const joined = glue !== null && JOINED.test(glue) && ((previous as Reference).kind !== 'reset' || (previous as Reference).by === 'day');
    const apposed = glue !== null && APPOSED.test(glue) && (previous as Reference).kind !== 'reset';
    lastEnd = r.end;
    let kind: Reference['kind'];
    if (r.kind === 'reset') kind = 'reset';
    // "than the previous meeting on June 2": one meeting, named twice, compared once.
    else if (apposed) kind = (previous as Reference).kind;
    // "in May and again in June": the fact held at both.
    else if (joined) kind = (previous as Reference).kind === 'compared' ? 'compared' : 'also';
    else if (ALSO.test(before) || (AS_BEFORE.test(before) && DID_AFTER.test(lower.slice(r.end, r.end + 30)))) kind = 'also';
    else if (COMPARISON.test(before)) kind = 'compared';
    else kind = r.event !== null && r.event === main ? 'reset' : 'move';
    out.push({ ...r, kind });
  }
  return out;
}

/** The sentence cut into clauses, each with its references. */
/** The sentence cut into clauses, each with its references (`refs` sorted by start). Linear in the sentence. */
function segmentsOf(ctx: SentenceContext, refs: readonly Reference[]): Segment[] {
  const { text, lower } = ctx;
  // 1: a clause may start here; 2: inside a reference, where none may ("Monday, June 2").
  const marks = new Uint8Array(text.length + 1);
  marks[0] = 1;
  SEGMENT_BREAK.lastIndex = 0;
  for (let m = SEGMENT_BREAK.exec(text); m !== null; m = SEGMENT_BREAK.exec(text)) marks[m.index + m[0].length] = 1;
  // A relative clause hanging on a reference starts a clause of its own ("May's meeting that secured …"),
  // and so does one that holds a reference ("the same palace where their predecessors sat three years ago").
  for (const r of refs) {
    const m = RELATIVE_AFTER.exec(lower.slice(r.end, r.end + 40));
    if (m) marks[r.end + m[0].length] = 1;
    const window = lower.slice(Math.max(0, r.start - 60), r.start);
    const w = lastRelative(window);
    if (w >= 0) marks[r.start - window.length + w] = 1;
  }
  // Two meetings moved to in one clause are two clauses: "a little over an hour at the same venue on
  // June 2 and almost two hours at Dolmabahçe in May" — cut at the last "and", "while", "but" between them.
  for (let i = 0; i + 1 < refs.length; i++) {
    const a = refs[i] as Reference;
    const b = refs[i + 1] as Reference;
    if (a.kind !== 'move' || b.kind !== 'move' || a.event === b.event) continue;
    const between = lower.slice(a.end, b.start);
    let cut = -1;
    COORDINATOR.lastIndex = 0;
    for (let m = COORDINATOR.exec(between); m !== null; m = COORDINATOR.exec(between)) cut = m.index + 1;
    if (cut >= 0) marks[a.end + cut] = 1;
  }
  for (const r of refs) marks.fill(2, r.start + 1, r.end);
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) if (marks[i] === 1) starts.push(i);
  if (starts.length === 0) starts.push(0);
  let next = 0;
  return starts.map((start, i) => {
    const end = i + 1 < starts.length ? (starts[i + 1] as number) : text.length;
    const head = lower.slice(start, Math.min(end, start + 40));
    const kind: Segment['kind'] = i > 0 && RELATIVE_START.test(head) ? 'relative' : i > 0 && PARTICIPLE_START.test(head) ? 'participle' : 'main';
    const own: Reference[] = [];
    while (next < refs.length && (refs[next] as Reference).start < end) own.push(refs[next++] as Reference);
    return { start, end, kind, refs: own };
  });
}

export interface SentenceScopes {
  /** The scope of the fact stated at `offset` in the sentence. */
  at(offset: number): EventScope;
  /** The recap the sentence's main clause ends in, for the next sentence (null: none). */
  carry: string | null;
  /** The references found, for the article-level resolution. */
  references: Reference[];
}

/**
 * Event scopes of one sentence. `carryIn` is the recap the sentence before ended in: it holds here
 * when this sentence has no reference of its own. `days` are the days the sentence names.
 */
export function sentenceScopes(ctx: SentenceContext, env: ScopeEnv, days: readonly DayMention[], carryIn: string | null = null, options: ReferenceOptions = {}): SentenceScopes {
  const { main, calendar } = env;
  const refs = findReferences(ctx, env, days, options);
  const segments = segmentsOf(ctx, refs);
  // Places of other talks, "in Jeddah", in text order (almost always none).
  // A place named in a comparison ("the first meeting since the round in Belarus") moves nothing.
  const elsewhere = ctx.mentions
    .filter((m) => m.entity.offsite && /\b(?:in|at|to|near)\s+$/.test(ctx.lower.slice(Math.max(0, m.start - 6), m.start)) && !COMPARISON.test(ctx.lower.slice(Math.max(0, m.start - 40), m.start)))
    .map((m) => m.start);
  let nextElsewhere = 0;
  const offsiteIn = (s: Segment) => {
    let found = false;
    while (nextElsewhere < elsewhere.length && (elsewhere[nextElsewhere] as number) < s.end) if ((elsewhere[nextElsewhere++] as number) >= s.start) found = true;
    return found;
  };
  /** "in all three rounds", "both meetings": the meetings of the main event's year up to it. */
  const allRounds = (lower: string): string[] => {
    if (!main || !ALL_ROUNDS.test(lower)) return [];
    const sameYear = calendar.meetings.filter((x) => x.id.slice(0, 4) === main.slice(0, 4) && x.id <= main);
    return (/\bboth\b/.test(lower) ? sameYear.slice(-2) : sameYear).map((x) => x.id);
  };

  type Scope = { event: string | null; also: string[]; offsite: boolean };
  const scopes: Scope[] = [];
  // The scope of the main clause as it runs on; a recap of the sentence before holds when this one names no meeting.
  const carried = refs.length === 0 && carryIn !== null && carryIn !== main;
  let outer: string | null = carried ? carryIn : null;
  // A recap the sentence opens with ("In 2022, …", "Talks held on May 16 …") carries on to the next sentence.
  let opensWithRecap = false;
  let unknown = false;
  // Meetings an "as in …" at the head of the sentence adds to every clause after it.
  const forward = new Set<string>();
  segments.forEach((s, i) => {
    const lower = ctx.lower.slice(s.start, s.end);
    // A semicolon ends what an opening "As in 2022, …" held for.
    if (i > 0 && ctx.text[s.start - 1] === ';') forward.clear();
    const moves = s.refs.filter((r) => r.kind === 'move');
    const resets = s.refs.filter((r) => r.kind === 'reset');
    const also = s.refs.filter((r) => r.kind === 'also' && r.event !== null).map((r) => r.event as string);
    const previous = scopes[i - 1];
    const prevSegment = segments[i - 1];
    let event: string | null;
    let isUnknown = false;
    const move = moves[0];
    if (move) {
      event = move.event === main ? null : move.event;
      isUnknown = move.unknown === true;
      if (s.kind === 'main') {
        outer = event;
        if (i === 0) opensWithRecap = event !== null;
        unknown = isUnknown;
      } else if (s.kind === 'relative' && previous && prevSegment && PLACE_RELATIVE.test(lower)) {
        // "…the talks will be at the Ciragan Palace, where the June round took place": the place was
        // that meeting's too; "…a short drive from Dolmabahçe, where the first round took place": it
        // was that meeting's only.
        const place = ctx.lower.slice(prevSegment.start, prevSegment.end);
        if (MEETING_NOUN.test(place) || PLACE_VERB.test(place)) {
          if (event !== null) previous.also = [...new Set([...previous.also, event])];
        } else previous.event = event;
      } else if (s.kind === 'relative' && previous && prevSegment && prevSegment.refs.length === 0 && !FINITE.test(ctx.lower.slice(prevSegment.start, prevSegment.end))) {
        // "…the exchange, 1,000 from each side, which was agreed at the previous round": the
        // phrase the relative clause hangs on is of that meeting too.
        previous.event = event;
        previous.offsite = previous.offsite || isUnknown;
      }
    } else if (resets.length) {
      event = null;
      if (s.kind === 'main') {
        outer = null;
        opensWithRecap = false;
        unknown = false;
      }
    } else if (s.kind === 'relative' && prevSegment && previous) {
      // A relative clause hangs on what ends the clause before it: a meeting named there
      // ("than the previous meeting, which lasted two hours"), else that clause's own subject.
      const last = prevSegment.refs[prevSegment.refs.length - 1];
      const hangsOnRef = last !== undefined && last.event !== null && last.kind !== 'reset' && ctx.lower.slice(last.end, prevSegment.end).trim().split(/\s+/).filter(Boolean).length <= 3;
      event = hangsOnRef ? (last.event === main ? null : last.event) : previous.event;
      // It is about the same place as what it hangs on ("a meeting in Antalya on March 10 that was moderated by …").
      isUnknown = previous.offsite || (hangsOnRef && last.unknown === true);
    } else {
      // A main clause or a participle ("…, taking only 40 minutes") goes on with the main clause.
      event = outer;
      isUnknown = unknown;
    }
    // "In all three rounds …" opening the sentence holds for all of it; elsewhere for its clause.
    const local: string[] = [];
    for (const e of allRounds(lower)) (i === 0 && ALL_ROUNDS_FIRST.test(lower) ? forward.add(e) : local.push(e));
    if (also.length) {
      // "…, the same venue as last month's round" looks back at the clause before and no further.
      // "As in 2022, the talks …" opens the sentence and holds for all of it.
      const opensWithAs = /^\s*(?:just\s+|exactly\s+)?(?:as|like)\b/.test(lower);
      if ((i > 0 && opensWithAs) || (ANAPHORIC_ALSO.test(lower) && !opensWithAs)) {
        if (previous) previous.also = [...new Set([...previous.also, ...also])];
        local.push(...also);
      } else for (const e of also) forward.add(e);
    }
    scopes.push({ event, also: [...new Set([...forward, ...local])], offsite: offsiteIn(s) || isUnknown });
  });
  // A clause of nothing but days or rounds ("…twice at the Çırağan Palace, on June 2 and on July 23")
  // says when the clause before it happened, if that one did not say.
  segments.forEach((s, i) => {
    const previous = scopes[i - 1];
    const before = segments[i - 1];
    const scope = scopes[i] as Scope;
    if (!previous || !before || before.refs.length > 0 || !s.refs.some((r) => r.kind === 'move' || r.kind === 'also')) return;
    // The clause without its references, from the stretches between them (linear in the clause).
    let rest = '';
    let from = s.start;
    for (const r of s.refs) {
      rest += `${ctx.lower.slice(from, Math.max(from, r.start))} `;
      from = Math.max(from, r.end);
    }
    rest += ctx.lower.slice(from, s.end);
    if (!ONLY_GLUE.test(rest)) return;
    const named = [...new Set(s.refs.filter((r) => r.event !== null && r.kind !== 'compared').map((r) => (r.event === main ? null : r.event)))];
    previous.event = named[0] ?? null;
    previous.also = [...new Set([...previous.also, ...named.slice(1).map((e) => e ?? (main as string))])];
  });
  const carry = !carried && opensWithRecap && outer !== null && !unknown ? outer : null;
  return {
    at(offset) {
      // The last clause that starts at or before `offset`.
      let lo = 0;
      let hi = segments.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((segments[mid] as Segment).start <= offset) lo = mid;
        else hi = mid - 1;
      }
      const i = lo;
      const scope = scopes[i] ?? { event: null, also: [], offsite: false };
      const here = scope.event ?? main;
      return { event: scope.event, also: [...new Set(scope.also)].filter((e) => e !== here).sort(), offsite: scope.offsite };
    },
    carry,
    references: refs,
  };
}


export interface MainEvidence {
  /** Days of talks stated in clauses that are not recaps, previews or comparisons, in text order. */
  stated: string[];
  /** Meetings named by a round ("the second round") in such clauses. */
  ordinals: string[];
  /** Meetings whose day or round the text names at all, comparisons included ("two days after Monday's round"). */
  named: string[];
  /** Calendar meetings the text refers to in any way, recaps included ("ten days ago", "in 2022"). */
  referenced?: string[];
  /** Whether the article reads as a preview ("will meet", "tomorrow", "are expected to"). */
  preview: boolean;
}

/** The most frequent item (the later one on a tie), or null for none. */
function mostFrequent(items: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const x of items) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [x, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && x > best)) {
      best = x;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The calendar meeting of the day of writing: held that day or up to three days before it; for a
 * preview, the next one up to seven days after.
 */
export function windowMeeting(calendar: CalendarIndex, reference: string, preview: boolean): string | null {
  const n = dayNumber(reference);
  const held = lastWhere(calendar.meetings, (m) => dayNumber(m.id) <= n && n - dayNumber(m.id) <= 3);
  if (held && (held.id === reference || !preview)) return held.id;
  const next = calendar.meetings.find((m) => dayNumber(m.id) > n && dayNumber(m.id) - n <= 7);
  if (preview && next) return next.id;
  return held?.id ?? null;
}

/**
 * The article's main meeting from what its text says (rules 2–4 of SPEC.md §5). A stated day of
 * talks maps to the calendar meeting on it or within two days of it (a reported day that differs
 * is not a new meeting), else it is a meeting the calendar lacks. When the text speaks of the
 * meeting of the day of writing at all (a day or a round), that meeting is the article's, and days
 * of earlier meetings are recaps; else the most stated meeting wins (the later one on a tie).
 */
export function mainEvent(calendar: CalendarIndex, reference: string, evidence: MainEvidence): { event: string; source: EventSource } | null {
  const window = windowMeeting(calendar, reference, evidence.preview);
  const meetings = evidence.stated.map((day) => meetingOfTalkDay(calendar, day));
  if (window !== null && meetings.includes(window)) return { event: window, source: 'stated' };
  if (window !== null && evidence.ordinals.includes(window)) return { event: window, source: 'ordinal' };
  if (window !== null && evidence.named.includes(window)) return { event: window, source: 'stated' };
  // Of the day of writing, a round before it ("the first round") is a recap, not the story.
  const ordinals = evidence.ordinals.filter((o) => window === null || o >= window);
  // A calendar meeting stated once outweighs days no calendar meeting is near, which may be anything.
  const known = meetings.filter((m) => calendar.ids.has(m));
  const stated = mostFrequent(known.length ? known : meetings);
  if (stated !== null) return { event: stated, source: 'stated' };
  const ordinal = ordinals[0];
  if (ordinal !== undefined) return { event: ordinal, source: 'ordinal' };
  if (window !== null) return { event: window, source: 'published' };
  // Nothing else: the meeting whose day the text names most, whatever it says happened then; else
  // the latest meeting it refers to at all (an opinion piece ten days on that recalls only recaps).
  const named = mostFrequent(evidence.named.filter((e) => calendar.ids.has(e)));
  if (named !== null) return { event: named, source: 'stated' };
  const latest = (evidence.referenced ?? []).filter((e) => calendar.ids.has(e) && e <= reference).sort().pop();
  return latest === undefined ? null : { event: latest, source: 'stated' };
}
