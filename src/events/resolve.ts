/**
 * Events (SPEC.md §5). An article's main event is its front-matter `event`, else the date its
 * `date` facts give most often (the first one on a tie), else unknown. A sentence moves its facts
 * to another known meeting when it says so: a date of that meeting, a month or year that only that
 * meeting has ("at the previous Istanbul meeting in May", "in the spring of 2022"), or "the
 * previous round". Comparisons ("since March 2022", "as in 2022", "than in May") do not move
 * anything. A sentence about talks held somewhere else (Jeddah, Minsk …) belongs to no Istanbul
 * meeting: its facts are dropped.
 */
import type { SentenceContext } from '../extract/context.js';
import type { Meeting } from './meetings.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?(?:\s+((?:19|20)\d{2}))?/g;
const YEAR_RE = /\b((?:19|20)\d{2})\b/g;
const PREVIOUS_RE = /\b(?:previous|last|earlier|prior|preceding|former)\s+(?:(?:istanbul|direct|face-to-face|peace|round\s+of)\s+){0,2}(?:round|meeting|talks|session|negotiations|encounter)\b/;
const COMPARISON = /\b(?:since|until|till|than|as\s+in|as\s+at|as\s+during|like\s+in|unlike|compared\s+(?:with|to)|ahead\s+of)\s+(?:(?:the|early|late|mid|spring|summer|autumn|winter|of|in)[\s-]+){0,3}$/;

export interface SentenceEvent {
  /** The meeting this sentence's facts belong to when it is not the article's main event. */
  event: string | null;
  offsite: boolean;
}

const MEETING_NOUN = /\b(?:talks|meeting|meetings|negotiations|round|session|summit|encounter|met|delegations?)\b/;

function isComparison(lower: string, index: number): boolean {
  return COMPARISON.test(lower.slice(Math.max(0, index - 40), index));
}

/** A month or year refers to a meeting only when a meeting word stands close to it. */
function nearMeeting(lower: string, start: number, end: number): boolean {
  return MEETING_NOUN.test(lower.slice(Math.max(0, start - 50), Math.min(lower.length, end + 50)));
}

/** Which known meeting, other than `main`, a sentence speaks of; null when none. */
export function sentenceEvent(ctx: SentenceContext, main: string | null, meetings: Meeting[], dates: string[]): SentenceEvent {
  const offsite = ctx.mentions.some((m) => m.entity.offsite) && !ctx.mentions.some((m) => m.entity.id === 'istanbul');
  if (offsite) return { event: null, offsite: true };
  const known = new Set(meetings.map((m) => m.id));
  const other = (id: string | undefined) => (id !== undefined && id !== main && known.has(id) ? id : null);

  for (const d of dates) {
    const hit = other(d);
    if (hit) return { event: hit, offsite: false };
    if (d === main) return { event: null, offsite: false };
  }
  const mainYear = main?.slice(0, 4) ?? ctx.reference.slice(0, 4);
  MONTH_RE.lastIndex = 0;
  for (let m = MONTH_RE.exec(ctx.text); m !== null; m = MONTH_RE.exec(ctx.text)) {
    if (isComparison(ctx.lower, m.index) || !nearMeeting(ctx.lower, m.index, m.index + m[0].length)) continue;
    const month = String(MONTHS.indexOf((m[1] as string).toLowerCase()) + 1).padStart(2, '0');
    const year = m[2] ?? mainYear;
    const candidates = meetings.filter((x) => x.id.startsWith(`${year}-${month}`));
    if (candidates.length === 1) {
      const hit = other(candidates[0]?.id);
      return { event: hit, offsite: false };
    }
  }
  YEAR_RE.lastIndex = 0;
  for (let m = YEAR_RE.exec(ctx.lower); m !== null; m = YEAR_RE.exec(ctx.lower)) {
    if (isComparison(ctx.lower, m.index) || !nearMeeting(ctx.lower, m.index, m.index + m[0].length)) continue;
    const year = m[1] as string;
    if (main?.startsWith(year)) continue;
    const candidates = meetings.filter((x) => x.id.startsWith(year));
    if (candidates.length === 1) return { event: other(candidates[0]?.id), offsite: false };
  }
  if (main && PREVIOUS_RE.test(ctx.lower)) {
    const before = meetings.filter((x) => x.id < main).pop();
    if (before) return { event: before.id, offsite: false };
  }
  return { event: null, offsite: false };
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
