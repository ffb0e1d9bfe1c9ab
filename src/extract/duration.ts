/**
 * duration: how long the meeting lasted, `{ minutes, qualifier }`. A quantity of hours/minutes
 * counts only when it measures the talks: attributively ("a two-hour session", "90-minute talks")
 * or after a verb of lasting ("lasted", "ended after", "took") in a sentence about the meeting.
 * "A 48-hour ceasefire", "two hours after the talks" and "within 24 hours" are not durations.
 */
import { DIGITS, WORDS, parseNumber } from '../knowledge/numbers.js';
import type { Qualifier } from '../types.js';
import { defineExtractor, type Candidate } from './types.js';

const N = `(?:${DIGITS}|${WORDS})`;
const HOUR_N = `(?:an|a|one|${N})`;
// Alternatives, most specific first; group names tell them apart.
const QUANTITY = new RegExp(
  [
    `(?<hm_h>${HOUR_N})[- ]?(?:hours?|hrs?)[- ](?:and[- ])?(?<hm_m>${N})[- ]?(?:minutes?|mins?)`,
    `(?<hh>${HOUR_N})[- ](?:and[- ]a[- ]half[- ]hours?|hours?[- ]and[- ]a[- ]half)`,
    `(?<half>half[- ]an[- ]hour)`,
    `(?<h>${HOUR_N})[- ]?(?:hours?|hrs?)(?<hlong>-long)?`,
    `(?<m>${N})[- ]?(?:minutes?|mins?)(?<mlong>-long)?`,
    `(?<hourlong>hour-long)`,
  ]
    .map((alt) => `(?<![\\w.,-])(?:${alt})(?![\\w])`)
    .join('|'),
  'g',
);

const QUALIFIERS: Array<[RegExp, Qualifier]> = [
  [/(?:just|only|a\s+little|slightly)\s+under\s*$|(?:less|fewer)\s+than\s*$|(?:under|nearly|almost|not\s+even|shy\s+of|no\s+more\s+than|not\s+more\s+than|short\s+of|barely\s+under|up\s+to)\s*$/, 'under'],
  [/(?:just|a\s+little|slightly|a\s+bit|well)\s+(?:over|more\s+than|longer\s+than|beyond)\s*$|(?:more|longer)\s+than\s*$|(?:over|upwards\s+of|in\s+excess\s+of|beyond)\s*$/, 'over'],
  [/(?:about|around|roughly|some|approximately|approx\.?|an\s+estimated|close\s+to|circa|nearly\s+about|or\s+so)\s*$/, 'about'],
  [/(?:just|only|barely|a\s+mere|exactly|fully|precisely|all\s+of|a\s+full)\s*$/, 'exact'],
];

const MEETING_NOUN = `(?:talks|meeting|session|negotiations|round|discussions?|sit-down|encounter|summit|gathering|consultations)`;
const MEETING = new RegExp(`\\b(?:${MEETING_NOUN}|met|delegations?|sides|talked|negotiated|sat\\s+down|negotiators)\\b`);
const ATTRIBUTIVE_NOUN = new RegExp(`^\\s*(?:(?:long|direct|face-to-face|closed-door|first|second|third|peace|round\\s+of|of)\\s+){0,3}${MEETING_NOUN}\\b`);
const LASTING_VERB =
  /\b(?:lasted|lasting|lasts|last|ran|running|run|went\s+on|took|taking|needed|required|managed|after|for|spent|of|in|totall?ing|totall?ed|totals?|stretched|stretching|spanned|spanning|clocked\s+in\s+at|extended\s+to|proceeded|proceeding|proceeds|continued|continuing|continues)(?:\s+(?:only|just|barely|merely))?\s*$/;
/**
 * A verb that says the talks lasted, before the figure: "ran for about an hour and 40 minutes
 * before both sides briefed the press" gives their length, and "before" starts another clause. Not
 * "took" ("it took two hours before they sat down" is a wait).
 */
const LASTED =
  /\b(?:lasted|lasting|lasts|last|ran|running|run|went\s+on|goes\s+on|going\s+on|stretched|stretching|spanned|spanning|proceeded|proceeding|proceeds|continued|continuing|continues)(?:\s+for)?(?:\s+(?:only|just|barely|merely))?\s*$/;
/** "delayed for an hour", "was to begin in two hours": the wait before the talks, not their length. */
const DELAY_BEFORE = /\b(?:(?:delay(?:ed|s)?|postponed|put\s+off|pushed\s+back|held\s+up|wait(?:ed|ing)?|late)(?:\s+(?:by|for))?|(?:start|begin|resume|open|commence|reconvene|continue)(?:s|d|ed|ing)?\s+in)\s*$/;
/**
 * Other events whose length a sentence about the talks may give ("the leaders' phone call lasted two
 * hours", "the bilateral on the eve ran for an hour"): the nearest event noun before the figure says
 * whose length it is.
 */
const EVENT_NOUN = new RegExp(
  `\\b(?:(?<meeting>${MEETING_NOUN})|call|conversation|bilateral|dinner|lunch|breakfast|briefing|(?:press|news)\\s+conference|visit|flight|trip|journey|drive|interview|speech|ceremony|` +
    // what else goes on, or stops, for a while: "shelling continued for three hours", "the break lasted 30 minutes"
    `shelling|fighting|bombardment|attacks?|strikes|(?:air[- ]raid\\s+)?alerts?|sirens|protests?|rally|applause|ovation|wait|delay|break|recess|pause)\\b`,
  'g',
);
/** "two hours after they started" still measures the talks. */
const AFTER_START = /^\s*after\s+(?:they|it|the\s+(?:talks|meeting|session|delegations|sides))\s+(?:had\s+)?(?:started|began|opened|sat\s+down|got\s+under\s*way)\b/;
const AFTER_WORDS = /^\s*(?:-long\s+)?(?:after|before|later|late|behind|ago|earlier|away|ahead|prior|beforehand|into|past|ceasefires?|truces?|halts?|pauses?|drive|flight|journey|window|delay|wait|deadline|notice|ride|trip|phone|call|conversation|shifts?|period)\b/;

/** A noun after a preposition ("on the eve of the talks", "after a phone call") is not what lasted. */
const AFTER_PREPOSITION = /\b(?:after|before|of|with|between|than|from|on|since|until|following|during|to|in|at|by|ahead\s+of)\s+(?:(?:the|a|an|their|its|his|her|this|that|[a-z]+s')\s+)?(?:[a-z-]+\s+)?$/;

/** Whether the nearest event noun before `at` that is not a preposition's object is a meeting (or there is none). */
function aboutTheTalks(text: string, at: number): boolean {
  let meeting = true;
  EVENT_NOUN.lastIndex = 0;
  for (let m = EVENT_NOUN.exec(text); m !== null && m.index < at; m = EVENT_NOUN.exec(text)) {
    if (!AFTER_PREPOSITION.test(text.slice(Math.max(0, m.index - 40), m.index))) meeting = m.groups?.meeting !== undefined;
  }
  return meeting;
}

function minutesOf(g: Record<string, string | undefined>): number | null {
  const n = (s: string | undefined) => (s === undefined ? null : /^(?:an|a)$/i.test(s) ? 1 : parseNumber(s));
  if (g.hm_h !== undefined) {
    const h = n(g.hm_h);
    const m = n(g.hm_m);
    return h === null || m === null ? null : h * 60 + m;
  }
  if (g.hh !== undefined) {
    const h = n(g.hh);
    return h === null ? null : h * 60 + 30;
  }
  if (g.half !== undefined) return 30;
  if (g.h !== undefined) {
    const h = n(g.h);
    return h === null ? null : Math.round(h * 60);
  }
  if (g.m !== undefined) return n(g.m);
  if (g.hourlong !== undefined) return 60;
  return null;
}

export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

const QUALIFIER_LABEL: Record<Qualifier, string> = { exact: '', about: 'about ', under: 'less than ', over: 'more than ' };

export default defineExtractor({
  id: 'duration',
  description: 'How long the meeting lasted: { minutes, qualifier: exact | about | under | over }.',
  // The units QUANTITY ends with (a number may be glued to them: "2hrs", "90mins").
  cues: { substrings: ['hour'], endings: ['hr', 'hrs', 'min', 'mins', 'minute', 'minutes'] },
  extract(ctx) {
    const out: Candidate<'duration'>[] = [];
    const text = ctx.lower;
    if (!MEETING.test(text)) return out;
    QUANTITY.lastIndex = 0;
    for (let m = QUANTITY.exec(text); m !== null; m = QUANTITY.exec(text)) {
      const groups = m.groups ?? {};
      const minutes = minutesOf(groups);
      if (minutes === null || minutes <= 0 || minutes > 24 * 60) continue;
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      const attributive = /-(?:hours?|minutes?|long)$/.test(m[0]) || groups.hourlong !== undefined;
      let start = m.index;
      let left = text.slice(Math.max(0, m.index - 40), m.index);
      let qualifier: Qualifier = 'exact';
      for (const [re, q] of QUALIFIERS) {
        const found = re.exec(left);
        if (found) {
          qualifier = q;
          start = m.index - found[0].length;
          left = left.slice(0, left.length - found[0].length);
          break;
        }
      }
      while (start < m.index && text[start] === ' ') start++;
      if (AFTER_WORDS.test(after) && !AFTER_START.test(after) && !(/^\s*before\b/.test(after) && LASTED.test(left))) continue;
      const trailing = /^\s+or\s+so\b/.exec(after);
      if (trailing) qualifier = 'about';
      if (attributive) {
        if (!ATTRIBUTIVE_NOUN.test(after)) continue;
      } else if (!LASTING_VERB.test(left) && !AFTER_START.test(after) && !/^\s+of\s+(?:talks|negotiations|discussions|meetings?)\b/.test(after)) {
        continue;
      } else if (DELAY_BEFORE.test(left) || !aboutTheTalks(text, m.index)) {
        continue;
      }
      out.push({
        fact: 'duration',
        subject: null,
        value: { minutes, qualifier },
        label: `${QUALIFIER_LABEL[qualifier]}${formatMinutes(minutes)}`,
        start,
        end: m.index + m[0].length,
      });
    }
    return out;
  },
});
