/**
 * prisoner-exchange: how many prisoners the sides agreed to swap. Paired figures ("1,000 for
 * 1,000", "1000x1000", "thousand-for-thousand"), per-side figures ("1,000 prisoners each"), totals
 * ("a total of 2,000 prisoners"), ranges ("1,000 to 1,200") and vague plurals ("thousands of war
 * prisoners"). A figure must sit next to a word for prisoners, or be a paired figure in a sentence
 * about prisoners; bodies of the dead, kilometres and days are never prisoners.
 */
import { DIGITS, SMALL, WORDS, parseNumber } from '../knowledge/numbers.js';
import type { PrisonerExchangeValue } from '../types.js';
import { Prefilter, type Guarded } from './needs.js';
import { defineExtractor, type Candidate } from './types.js';

const N = `(?:${DIGITS}|${WORDS})`;
const STRONG = `(?:prisoners?(?:[- ]of[- ]war)?|pows?|p\\.o\\.w\\.s?|captives|detainees|prisoner[- ]of[- ]war)`;
const WEAK = `(?:soldiers|servicemen|troops|fighters|people|persons|civilians|men|military\\s+personnel|ukrainians|russians)`;
const ADJ = `(?:[a-z][a-z'-]*\\s+){0,3}`;
const SIDE_NOUN = `(?:side|country|party)`;
const EACH = `(?:each|apiece|(?:from|on|for)\\s+each\\s+${SIDE_NOUN}|per\\s+${SIDE_NOUN}|(?:from|on)\\s+both\\s+sides|each\\s+way|to\\s+the\\s+other(?:\\s+side)?|to\\s+each\\s+other)`;
/** Other people, stated per side: "1,000 soldiers on each side", "… 500 from each country". */
const WEAK_EACH = `(?:\\s+(?:[a-z][a-z'-]*\\s+)?${WEAK})?\\s+${EACH}`;
/** A figure may stand in quotation marks: "\u201cat least 1,000\u201d prisoners" (folded to straight quotes). */
const Q = `["']?`;

const B = (body: string) => `(?<![\\w.,])${body}(?![\\w])`;
const FORMS = new RegExp(
  [
    // "1,000 for 1,000", "1,000-for-1,000", "1000x1000", "1,000 by 1,000", "a thousand for a thousand",
    // "1000 on 1000" (an equal pair only: "on" joins unequal figures for other things)
    B(`(?<pa>${N})\\s*(?:-\\s*)?(?:for|by|x|(?<pon>on))(?:\\s*-)?\\s*(?<pb>${N})`),
    // "a 1,200-1,200 swap": an equal pair joined by a hyphen (an unequal one is a range, read below)
    B(`(?<qa>${N})\\s*-\\s*(?<qb>${N})`),
    // "between 1,000 and 1,200 prisoners", "1,000 to 1,200 prisoners", "between 1,000 and 1,200 soldiers on each side"
    B(`(?:between\\s+)?(?<ra>${N})\\s*(?:to|-|and|or)\\s*(?<rb>${N})(?:\\s+${ADJ}${STRONG}|(?<rw>${WEAK_EACH}))`),
    // "a total of 2,000 prisoners", "2,000 prisoners in total"
    B(`(?:a\\s+total\\s+of|totall?ing|in\\s+all)\\s+(?<ta>${N})\\s+${ADJ}(?:${STRONG}|${WEAK})`),
    B(`(?<tb>${N})\\s+${ADJ}${STRONG}\\s+(?:in\\s+total|in\\s+all|altogether|combined)`),
    // "thousands of war prisoners"
    B(`(?<vague>thousands|hundreds|dozens)\\s+of\\s+${ADJ}${STRONG}`),
    // "each side will hand back a thousand of the other's prisoners of war"
    B(`(?<o>${N})\\s+of\\s+the\\s+other(?:'s|\\s+side's)\\s+${ADJ}(?:${STRONG}|${WEAK})`),
    // "1,000 prisoners of war each", "1,200 POWs", "1,000 Ukrainian soldiers each"
    B(`(?<n>${N})${Q}\\s+${ADJ}${STRONG}(?<each1>\\s+${EACH})?`),
    B(`(?<w>${N})${Q}\\s+(?:[a-z][a-z'-]*\\s+)?${WEAK}(?<each2>\\s+${EACH})?`),
    // "the prisoner exchange, 1,000 from each side": a per-side figure with no noun of its own
    B(`(?<es>${N})${Q}\\s+(?:more\\s+)?(?:from|on|for)\\s+(?:each\\s+${SIDE_NOUN}|both\\s+sides)`),
  ].join('|'),
  'dg',
);

/**
 * What FORMS needs to match (needs.ts): a figure, in digits or in words (SMALL, "hundred",
 * "thousand"), or a vague plural; each begins after something other than a letter. Many
 * sentences about prisoners give no figure at all.
 */
const PATTERNS: Guarded[] = [{ re: FORMS, needs: [new RegExp(`\\d|(?<![a-z])(?:${SMALL}|hundred|thousand|dozens)`)], over: 'lower' }];
const PREFILTER = new Prefilter(PATTERNS);

const PRISONER_WORD = new RegExp(`\\b${STRONG}\\b`);
/** What follows a range of prisoners: "1,000-1,200 prisoners"; "… captured soldiers" is not one. */
const RANGE_NOUN = new RegExp(`^\\s+${ADJ}${STRONG}`);
/** … or of other people stated per side: "1,000-1,200 soldiers on each side". */
const RANGE_PEOPLE = new RegExp(`^${WEAK_EACH}`);
const EXCHANGE_WORD = /\b(?:exchange[sd]?|exchanging|swap(?:s|ped|ping)?|trade[sd]?|release[sd]?|releasing|handover|hand\s+over|hand\s+back|handed\s+back|freed|free|repatriat(?:e|ed|es|ing|ion)|go\s+home|sent\s+home|send\s+home|return(?:ed|s|ing)?\s+home)\b/;
/** Verbs of giving people back, which name an exchange only with a per-side figure ("each side will return 500 POWs to the other"). */
const RETURN_WORD = /\b(?:return(?:s|ed|ing)?|transfer(?:s|red|ring)?|give\s+back|gives\s+back|hand(?:s|ed|ing)?\s+(?:over|back))\b/;
/**
 * A figure of people already home, not a number agreed at the talks: "5,000 have already come
 * home", "… so far", or a perfect tense with "since" ("4,000 have returned since 2022"; not "the
 * biggest release since the war began").
 */
const RUNNING_TOTAL = /\b(?:already|so\s+far|to\s+date)\b/;
const SINCE = /\bsince\b/;
const HAVE_RETURNED = /\b(?:have|has|had)\s+(?:been\s+)?(?:returned|released|freed|exchanged|swapped|repatriated|come|brought|gone)\b/;
/** A batch that may or may not happen: "another 3,000 could be swapped later", "possibly a further 500". */
const POSSIBLE = /\b(?:could|might|may|possible|possibly|potential|potentially|perhaps|ready\s+to|willing\s+to|offered|offering|proposed|proposing|suggested)\b/;
const ADDITIONAL = /\b(?:additional|another|further|extra|more|second)\b/;
/**
 * A figure marked as one more batch: "another 480", "a further 500" before it, "303 more" after it.
 * Unless its clause agrees on it or says it will be ("agreed to exchange 1,200 more", "will swap
 * another 1,200"), it is a stage of an exchange being carried out ("each handed over 303 more
 * captives, completing the swap"), not the agreed figure.
 */
const FURTHER_BEFORE = /\b(?:another|a\s+further|an?\s+additional|an\s+extra)\s+["']?$/;
const FURTHER_AFTER = /^["']?\s+(?:more|additional|further|extra)\b/;
const AGREED = /\b(?:agree[ds]?|agreeing|will|would|shall|plan(?:s|ned)?|decided|to\s+(?:exchange|swap|trade|release|free|return))\b/;
/**
 * A deal stated in the sentence: with a figure of people stated per side ("the deal would cover at
 * least 1,000 people from each side") or an equal pair written as one name ("the \"1,000 for 1,000\"
 * deal"), it is the exchange although no word of prisoners or of swapping is there.
 */
const DEAL = /\b(?:deal|agreement|agreed|accord|formula|principle|arrangement)\b/;
/** The size of a delegation, not people exchanged: "the delegations, 12 people from each side", "teams of 12 people each". */
const DELEGATION_SIZE = /\b(?:delegations?|teams?)(?:\s+of|\s*,|\s+(?:were|was|had|have|numbered|included|including|comprised|comprising))?\s*$/;
/** "… from each side", "by each side", "apiece": the figure is per side. */
const EACH_SIDE = /\b(?:each\s+(?:side|country|party)|both\s+sides|apiece|each\s+way|per\s+side|to\s+the\s+other|to\s+each\s+other)\b/;
const BODIES = /\b(?:bod(?:y|ies)|remains|corpses|dead|killed|fallen|deceased)\b/;
const NOT_PEOPLE_AFTER = /^\s*(?:-\s*)?(?:km|kilomet(?:re|er)s?|miles?|days?|hours?|minutes?|years?|months?|weeks?|drones?|missiles?|%|per\s*cent|percent|bodies|dead)\b/;

const QUALIFIER_LEFT: Array<[RegExp, PrisonerExchangeValue['qualifier']]> = [
  // "handed over 500", "turned over 500": the verb's particle, not a qualifier.
  [/(?:more\s+than|(?<!\b(?:hand|hands|handed|handing|turn|turns|turned|turning)\s)over|at\s+least|upwards\s+of|in\s+excess\s+of|no\s+fewer\s+than|not\s+less\s+than)\s*$/, 'at-least'],
  [/(?:about|around|some|roughly|nearly|almost|approximately|up\s+to|close\s+to|an\s+estimated)\s*$/, 'about'],
];

/**
 * "1,000" for 1000, as en-US writes it. Whole numbers are grouped by hand: the first
 * toLocaleString call of a process loads the locale data (~15 ms of every start-up).
 */
export function groupDigits(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) return n.toLocaleString('en-US');
  const digits = String(n);
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}
const fmt = groupDigits;

export function labelPrisoners(v: PrisonerExchangeValue): string {
  if (v.qualifier === 'range' && v.perSide !== null && v.perSideMax !== undefined) return `${fmt(v.perSide)}–${fmt(v.perSideMax)} per side`;
  const prefix = v.qualifier === 'at-least' ? 'at least ' : v.qualifier === 'about' ? 'about ' : '';
  if (v.perSide !== null) return `${prefix}${fmt(v.perSide)} per side`;
  return `${prefix}${fmt(v.total ?? 0)} in total`;
}

/** A conjunction that opens another clause: "… would trade 1,000 for 1,000 and that the date was already fixed". */
const NEXT_CLAUSE = /\s(?:and\s+that|but|while|whereas|although|though)\s/y;

/**
 * The clause around text[start, end), as [from, to): from the last comma, semicolon, colon or dash
 * before it to the first after it, or to a conjunction that opens another clause.
 */
function clauseAround(text: string, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && from > start - 80 && !',;:'.includes(text[from - 1] as string) && text.slice(from - 3, from) !== ' - ') from--;
  let to = end;
  for (; to < text.length && to < end + 80 && !',;:.'.includes(text[to] as string) && text.slice(to, to + 3) !== ' - '; to++) {
    NEXT_CLAUSE.lastIndex = to;
    if (text[to] === ' ' && NEXT_CLAUSE.test(text)) break;
  }
  return [from, to];
}

function num(s: string | undefined): number | null {
  if (s === undefined) return null;
  const t = s.trim().toLowerCase();
  return t === 'thousand' ? 1000 : t === 'hundred' ? 100 : parseNumber(t);
}

export default defineExtractor({
  id: 'prisoner-exchange',
  description: 'Prisoners to be exchanged: { perSide, total, qualifier: exact | about | at-least | range, perSideMax? }.',
  // What PRISONER_WORD, EXCHANGE_WORD, RETURN_WORD or DEAL looks for.
  cues: {
    words: [
      'prisoner', 'pow', 'p.o.w', 'captives', 'detainees', 'exchang', 'swap', 'trade', 'releas', 'handover', 'hand', 'freed', 'free', 'repatriat', 'home', 'return',
      'transfer', 'give', 'deal', 'agree', 'accord', 'formula', 'principle', 'arrangement',
    ],
  },
  prefilter: PREFILTER,
  extract(ctx) {
    const text = ctx.lower;
    const found: Array<{ candidate: Candidate<'prisoner-exchange'>; form: 'per-side' | 'bare' | 'weak' | 'other' }> = [];
    const prisoners = PRISONER_WORD.test(text);
    const exchange = EXCHANGE_WORD.test(text);
    const returned = RETURN_WORD.test(text);
    const deal = DEAL.test(text);
    if ((!prisoners && !exchange && !returned && !deal) || PREFILTER.viable(ctx) === 0) return [];
    FORMS.lastIndex = 0;
    for (let m = FORMS.exec(text); m !== null; m = FORMS.exec(text)) {
      const g = m.groups ?? {};
      const end = m.index + m[0].length;
      const after = text.slice(end, end + 30);
      const before = text.slice(Math.max(0, m.index - 30), m.index);
      if (/\b(?:bod(?:y|ies)|remains|corpses)\s+of\s*$/.test(before)) continue;
      // The word right after the figure must not make it kilometres, days, drones …
      const figure = ['pa', 'qa', 'ra', 'ta', 'tb', 'o', 'n', 'w', 'es'].map((k) => m?.indices?.groups?.[k]).find((x) => x !== undefined);
      if (figure && NOT_PEOPLE_AFTER.test(text.slice(figure[1], figure[1] + 30))) continue;
      if (DELEGATION_SIZE.test(before)) continue;
      // The clause the figure stands in: a running total or a batch that may come later is no agreed number.
      const [from, to] = clauseAround(text, m.index, end);
      const clause = text.slice(from, to);
      if (RUNNING_TOTAL.test(clause) || (SINCE.test(clause) && HAVE_RETURNED.test(clause)) || (POSSIBLE.test(clause) && ADDITIONAL.test(clause))) continue;
      if (figure && (FURTHER_BEFORE.test(text.slice(from, figure[0])) || FURTHER_AFTER.test(text.slice(figure[1], to))) && !AGREED.test(text.slice(from, figure[0]))) continue;
      // Per-side figures may be stated with a verb of giving back instead of one of exchanging.
      const perSideStated = g.each1 !== undefined || g.each2 !== undefined || EACH_SIDE.test(text);
      const traded = exchange || (returned && perSideStated);
      // Other people stated per side are the exchange's in a sentence about it or about the deal.
      const peopleEach = (traded || deal) && !BODIES.test(text);
      let value: PrisonerExchangeValue | null = null;
      let form: 'per-side' | 'bare' | 'weak' | 'other' = 'other';
      if (g.qa !== undefined && num(g.qa) !== num(g.qb)) {
        // "1,000-1,200 prisoners": a range, as the range form reads it.
        const a = num(g.qa);
        const b = num(g.qb);
        if (a === null || b === null || b <= a || !(RANGE_NOUN.test(after) || (peopleEach && RANGE_PEOPLE.test(after)))) continue;
        value = { perSide: a, total: a * 2, qualifier: 'range', perSideMax: b };
      } else if (g.pa !== undefined || g.qa !== undefined) {
        const first = g.pa ?? (g.qa as string);
        const a = num(first);
        const b = num(g.pb ?? g.qb);
        if (a === null || b === null || a < 2 || (a >= 1900 && a <= 2100 && !first.includes(','))) continue;
        if (g.pon !== undefined && a !== b) {
          // "1,000 on 1,200 …" is no pair: the second figure may begin a form of its own.
          FORMS.lastIndex = m.indices?.groups?.pb?.[0] ?? end;
          continue;
        }
        // A paired figure needs prisoners (or an exchange without bodies) in the sentence; an equal
        // pair written as one name, in quotes or as one word, needs only a deal ("the \"1,000 for
        // 1,000\" deal", "the 500-for-500 formula").
        // A small pair in quotes is a score or a saying ("two for two").
        const named = g.pa !== undefined && a === b && a >= 10 && (/["']$/.test(before) || !/\s/.test(m[0])) && deal;
        if (BODIES.test(text) ? !prisoners : !prisoners && !exchange && !named) continue;
        if (NOT_PEOPLE_AFTER.test(after) || /^\s*(?:bodies|dead)\b/.test(after)) continue;
        value = a === b ? { perSide: a, total: a * 2, qualifier: 'exact' } : { perSide: null, total: a + b, qualifier: 'exact' };
        form = 'per-side';
      } else if (g.ra !== undefined) {
        const a = num(g.ra);
        const b = num(g.rb);
        if (a === null || b === null || b <= a || (g.rw !== undefined && !peopleEach)) continue;
        value = { perSide: a, total: a * 2, qualifier: 'range', perSideMax: b };
      } else if (g.ta !== undefined || g.tb !== undefined) {
        const t = num(g.ta ?? g.tb);
        if (t === null) continue;
        value = { perSide: null, total: t, qualifier: 'exact' };
      } else if (g.vague !== undefined) {
        if (!exchange) continue;
        const t = g.vague === 'thousands' ? 2000 : g.vague === 'hundreds' ? 200 : 24;
        value = { perSide: null, total: t, qualifier: 'at-least' };
      } else if (g.o !== undefined) {
        if (!traded) continue;
        const n = num(g.o);
        if (n === null || n < 2) continue;
        value = { perSide: n, total: n * 2, qualifier: 'exact' };
        form = 'per-side';
      } else if (g.es !== undefined) {
        // No noun of its own: the sentence must speak of prisoners, and not of bodies.
        if (!prisoners || BODIES.test(text)) continue;
        const n = num(g.es);
        if (n === null || n < 2 || (n >= 1900 && n <= 2100 && !g.es.includes(','))) continue;
        value = { perSide: n, total: n * 2, qualifier: 'exact' };
        form = 'per-side';
      } else if (g.n !== undefined || g.w !== undefined) {
        if (!traded && !(g.each2 !== undefined && peopleEach)) continue;
        // A bare number of men or soldiers counts only with "each side" or prisoners nearby.
        if (g.w !== undefined && ((BODIES.test(text) && !prisoners) || (!prisoners && !EACH_SIDE.test(text) && g.each2 === undefined))) continue;
        const n = num(g.n ?? g.w);
        if (n === null || n < 2 || (n >= 1900 && n <= 2100 && !(g.n ?? g.w ?? '').includes(','))) continue;
        value = { perSide: n, total: n * 2, qualifier: 'exact' };
        form = g.each1 !== undefined || g.each2 !== undefined ? 'per-side' : g.w !== undefined ? 'weak' : 'bare';
      }
      if (!value) continue;
      let start = m.index;
      if (value.qualifier === 'exact') {
        // "at least \u201c1,000\u201d": a quotation mark may stand between the qualifier and the figure.
        const left = /["']$/.test(before) ? before.slice(0, -1) : before;
        for (const [re, q] of QUALIFIER_LEFT) {
          const hit = re.exec(left);
          if (hit) {
            value = { ...value, qualifier: q };
            start -= hit[0].length + (before.length - left.length);
            break;
          }
        }
      }
      const candidate: Candidate<'prisoner-exchange'> = { fact: 'prisoner-exchange', subject: null, value, label: labelPrisoners(value), start, end };
      // "Swap 2,000 prisoners" may count both sides: read so when the article says "1,000 for 1,000".
      if ((form === 'bare' || form === 'weak') && value.perSide !== null && value.perSide % 2 === 0 && value.qualifier === 'exact') {
        const total = { perSide: value.perSide / 2, total: value.perSide, qualifier: 'exact' as const };
        candidate.alternative = { value: total, label: labelPrisoners(total) };
      }
      found.push({ candidate, form });
    }
    // One sentence, one exchange: next to a figure of prisoners, a figure of other people
    // ("… 1,200 POWs, and Russia offered 30 civilians") is another group; next to a figure stated
    // per side, a bare figure is that exchange's total or a batch of it ("2,000 soldiers, 1,000 from
    // each side", "a swap of 390 prisoners, the first stage of the 1,000-for-1,000 deal").
    const strong = found.some((f) => f.form !== 'weak');
    const perSide = found.some((f) => f.form === 'per-side');
    return found.filter((f) => !(f.form === 'weak' && strong) && !(f.form === 'bare' && perSide)).map((f) => f.candidate);
  },
});
