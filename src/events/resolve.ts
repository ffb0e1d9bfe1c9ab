/**
 * Events (SPEC.md §5). An article's main event is its front-matter `event`, else the date its
 * `date` facts give most often, else unknown. Within a sentence, facts move to another known
 * meeting when their part of the sentence says so.
 *
 * A sentence is cut into segments at commas, semicolons, colons and dashes. A segment refers to a
 * meeting when it gives that meeting's date, a month or year only that meeting has ("at the
 * previous Istanbul meeting in May", "in the spring of 2022"), a relative time ("three years ago",
 * "last month's round") or "the previous round"; a segment with no reference of its own continues
 * the one before it ("Previous talks in Istanbul, which had also been led by Medinsky, …"), and
 * "this time", "now" or "today" return to the main event. Comparisons ("since March 2022",
 * "than in May") move nothing; "as in 2022" and "as he did in May" say the fact held at that
 * meeting too. A segment about talks held elsewhere (Jeddah, Minsk …) belongs to no Istanbul
 * meeting: its facts are dropped.
 */
import type { SentenceContext } from '../extract/context.js';
import { monthNumber } from '../knowledge/calendar.js';
import type { Meeting } from './meetings.js';

const MONTH_RE = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b(?:\s+\d{1,2}(?!\d)(?:st|nd|rd|th)?,?)?(?:\s+((?:19|20)\d{2}))?/g;
const YEAR_RE = /\b((?:19|20)\d{2})\b/g;
const PREVIOUS_RE = /\b(?:previous|last|earlier|prior|preceding|former|first)\s+(?:(?:istanbul|direct|face-to-face|peace|round\s+of|two|three)\s+){0,2}(?:round|meeting|talks|session|negotiations|encounter)\b|\blast\s+time\b/g;
const AGO_RE = /\b(?:(a|one|two|three|four|five|\d)\s+(years?|months?|weeks?)\s+ago|last\s+(year|month|week)(?:'s)?|earlier\s+this\s+(month|year))\b/g;
const RESET_RE = /\b(?:this\s+time|this\s+round|now|today|on\s+this\s+occasion)\b/;
const COMPARISON = /\b(?:since|until|till|than|ahead\s+of|compared\s+(?:with|to))\s+(?:(?:the|early|late|mid|spring|summer|autumn|winter|of|in|january|february|march|april|may|june|july|august|september|october|november|december)[\s-]+){0,3}$/;
const ALSO = /\b(?:as\s+in|as\s+at|as\s+during|like\s+in|like|as\s+(?:he|she|it|they)\s+(?:did|had)(?:\s+(?:in|at))?|then\s+as\s+now|same\s+[a-z]+\s+as(?:\s+(?:in|at))?)\s+(?:(?:the|early|late|mid|spring|summer|of|in)[\s-]+){0,3}$/;
/**
 * "…Dolmabahçe Palace, the same venue as last month's round" / "…host the session, as he did last
 * time": a clause that only compares says the statement before it held there too.
 */
const ANAPHORIC_ALSO = /\bsame\s+[a-z]+\s+as\b|^\s*(?:just\s+)?as\s+(?:he|she|it|they)\s+(?:did|had)\b/;
/** What joins two references into a list: "in May and again in June". */
const JOINED = /^\s*(?:,|and|or|as\s+well\s+as)\s*(?:(?:again\s+)?in\s+|at\s+)?$/;
const ALL_ROUNDS = /\b(?:all\s+(?:three|four|the)\s+(?:rounds|meetings|sessions)|every\s+round|each\s+round|both\s+(?:rounds|meetings|sessions))\b/;
/** A comma, semicolon or colon before a space, or a dash between spaces (lookaheads keep it linear). */
const SEGMENT_BREAK = /[,;:](?=\s)|\s-+(?=\s)/g;
const MEETING_NOUN = /\b(?:talks|meeting|meetings|negotiations|round|rounds|session|summit|encounter|met|delegations?|negotiators|team|sat\s+down|talked|negotiated|officials)\b/;
const NUMBER_WORDS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5 };
/**
 * What a sentence must contain for any part of it to point at a meeting other than the main one:
 * a month or a year (MONTH_RE, YEAR_RE), or a word of AGO_RE, PREVIOUS_RE or ALL_ROUNDS. Most
 * sentences have none, and their scope is the main event throughout.
 */
const SCOPE_CUE = /\b(?:january|february|march|april|may|june|july|august|september|october|november|december|(?:19|20)\d\d|ago|last|earlier|previous|prior|preceding|former|first|all|every|each|both)\b/;
const MAIN_SCOPE: EventScope = { event: null, also: [], offsite: false };

export interface EventScope {
  /** Meeting the facts here belong to; null = the article's main event. */
  event: string | null;
  /** Further meetings the facts also hold for ("as in 2022"). */
  also: string[];
  offsite: boolean;
}

interface Reference {
  event: string;
  kind: 'move' | 'also';
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Which meeting, if exactly one, a stretch of text points to. */
function references(
  text: string,
  lower: string,
  main: string | null,
  reference: string,
  meetings: Meeting[],
  nearMeeting: (index: number) => boolean,
): Reference[] {
  const out: Reference[] = [];
  // Every reference below has a word of SCOPE_CUE; most segments have none.
  if (!SCOPE_CUE.test(lower)) return out;
  const anchor = main ?? reference;
  let lastEnd = -1;
  const kindAt = (index: number, length = 0): 'move' | 'also' | null => {
    const before = lower.slice(Math.max(0, index - 40), index);
    // "in May and (again) in June": a reference joined to an earlier one adds a meeting.
    const joined = lastEnd >= 0 && JOINED.test(lower.slice(lastEnd, index));
    lastEnd = index + length;
    if (ALSO.test(before) || joined) return 'also';
    if (COMPARISON.test(before)) {
      lastEnd = -1;
      return null;
    }
    return 'move';
  };
  const one = (list: Meeting[]) => (list.length === 1 ? (list[0] as Meeting).id : null);
  MONTH_RE.lastIndex = 0;
  for (let m = MONTH_RE.exec(text); m !== null; m = MONTH_RE.exec(text)) {
    const kind = kindAt(m.index, m[0].length);
    if (!kind) continue;
    const month = String(monthNumber(m[1] as string)).padStart(2, '0');
    const year = m[2] ?? anchor.slice(0, 4);
    const id = one(meetings.filter((x) => x.id.startsWith(`${year}-${month}`)));
    if (id) out.push({ event: id, kind });
  }
  YEAR_RE.lastIndex = 0;
  for (let m = YEAR_RE.exec(lower); m !== null; m = YEAR_RE.exec(lower)) {
    const kind = kindAt(m.index, m[0].length);
    // A year alone is a meeting only beside a word for one ("the 2022 talks", not "annexed in 2022").
    if (!kind || !nearMeeting(m.index)) continue;
    const year = m[1] as string;
    if (main?.startsWith(year)) continue;
    const id = one(meetings.filter((x) => x.id.startsWith(year)));
    if (id) out.push({ event: id, kind });
  }
  AGO_RE.lastIndex = 0;
  for (let m = AGO_RE.exec(lower); m !== null; m = AGO_RE.exec(lower)) {
    const kind = kindAt(m.index, m[0].length);
    if (!kind) continue;
    const n = m[1] ? (NUMBER_WORDS[m[1]] ?? Number(m[1])) : 1;
    const unit = (m[2] ?? m[3] ?? m[4] ?? '').replace(/s$/, '');
    const days = unit === 'year' ? 365 : unit === 'month' ? 30 : 7;
    const target = m[4] ? addDays(anchor, -15) : addDays(anchor, -n * days);
    const slack = unit === 'year' ? 120 : unit === 'month' ? 20 : 5;
    const id = one(meetings.filter((x) => x.id !== main && Math.abs(Date.parse(x.id) - Date.parse(target)) <= slack * 86_400_000));
    if (id) out.push({ event: id, kind });
  }
  PREVIOUS_RE.lastIndex = 0;
  for (let m = PREVIOUS_RE.exec(lower); m !== null; m = PREVIOUS_RE.exec(lower)) {
    const kind = kindAt(m.index, m[0].length);
    if (!kind || !main) continue;
    const before = meetings.filter((x) => x.id < main);
    const target = m[0].startsWith('first') ? before.find((x) => x.id.slice(0, 4) === main.slice(0, 4)) : before.pop();
    if (target) out.push({ event: target.id, kind });
  }
  return out;
}

/**
 * Event scopes of one sentence: a function from an offset in the sentence to the scope of the
 * facts there. `dates` are the sentence's date facts with their offsets.
 */
export function sentenceScopes(
  ctx: SentenceContext,
  main: string | null,
  meetings: Meeting[],
  dates: Array<{ value: string; start: number }>,
): (offset: number) => EventScope {
  if (dates.length === 0 && !SCOPE_CUE.test(ctx.lower) && !ctx.mentions.some((m) => m.entity.offsite)) return () => ({ ...MAIN_SCOPE, also: [] });
  const known = new Set(meetings.map((m) => m.id));
  const bounds: number[] = [0];
  SEGMENT_BREAK.lastIndex = 0;
  for (let m = SEGMENT_BREAK.exec(ctx.text); m !== null; m = SEGMENT_BREAK.exec(ctx.text)) bounds.push(m.index + m[0].length);
  bounds.push(ctx.text.length + 1);

  /** "in all three rounds", "both meetings": the meetings of the main event's year up to it. */
  const allRounds = (lower: string): string[] => {
    if (!main || !ALL_ROUNDS.test(lower)) return [];
    const sameYear = meetings.filter((x) => x.id.slice(0, 4) === main.slice(0, 4) && x.id <= main);
    return (/\bboth\b/.test(lower) ? sameYear.slice(-2) : sameYear).map((x) => x.id);
  };

  const scopes: EventScope[] = [];
  let current: string | null = null;
  let carried: string[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const start = bounds[i] as number;
    const end = Math.min(bounds[i + 1] as number, ctx.text.length);
    const text = ctx.text.slice(start, end);
    const lower = ctx.lower.slice(start, end);
    const offsite = ctx.mentions.some(
      (m) => m.entity.offsite && m.start >= start && m.start < end && /\b(?:in|at|to|near)\s+$/.test(ctx.lower.slice(Math.max(0, m.start - 6), m.start)),
    );
    const dated = dates.filter((d) => d.start >= start && d.start < end).map((d) => d.value);
    const movedByDate = dated.find((d) => known.has(d) && d !== main);
    const near = (index: number) => MEETING_NOUN.test(ctx.lower.slice(Math.max(0, start + index - 60), start + index + 60));
    const refs = references(text, lower, main, ctx.reference, meetings, near);
    const also = refs.filter((r) => r.kind === 'also').map((r) => r.event);
    const move = movedByDate ?? (dated.includes(main ?? '') ? undefined : refs.find((r) => r.kind === 'move')?.event);
    if (move !== undefined) current = move === main ? null : move;
    else if (dated.includes(main ?? '') || RESET_RE.test(lower)) current = null;
    // "As in 2022, the talks …" carries on to the clauses after it; "…, the same venue as last
    // month's round" looks back at the clause before; "in all three rounds" speaks of its own.
    const local = [...allRounds(lower)];
    if (also.length) {
      const previous = scopes[scopes.length - 1];
      if (ANAPHORIC_ALSO.test(lower)) {
        if (previous) previous.also = [...previous.also, ...also];
        local.push(...also);
      } else carried = [...carried, ...also];
    }
    scopes.push({ event: current, also: [...carried, ...local], offsite });
  }
  return (offset: number) => {
    let i = 0;
    while (i + 1 < bounds.length - 1 && (bounds[i + 1] as number) <= offset) i++;
    const scope = scopes[i] ?? { event: null, also: [], offsite: false };
    const here = scope.event ?? main;
    return { ...scope, also: [...new Set(scope.also)].filter((e) => e !== here).sort() };
  };
}

/**
 * The article's main event from its date facts: most frequent, first on a tie. Dates of known
 * meetings outvote others (an article dated "Thursday" for a statement is still about the Friday
 * talks it names); a meeting not in the list is found when no known one is named.
 */
export function mainEventFromDates(dates: string[], known: ReadonlySet<string> = new Set()): string | null {
  const onKnown = dates.filter((d) => known.has(d));
  if (onKnown.length) dates = onKnown;
  const counts = new Map<string, number>();
  for (const d of dates) counts.set(d, (counts.get(d) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const d of dates) {
    const c = counts.get(d) as number;
    if (c > bestCount) {
      best = d;
      bestCount = c;
    }
  }
  return best;
}
