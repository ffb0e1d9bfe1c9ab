/**
 * ceasefire-proposal: a ceasefire of a stated length, with the party that proposed it as subject.
 * Length: "30-day", "a two-day halt", "two to three days", "month-long", "24-48-hour truces".
 * Proposer, in order: "proposed/offered by <party>" after the truce; else the nearest party before
 * the nearest proposing word ("Ukraine's call for", "the Russian delegates offered", "Kyiv
 * demanded"); else, for "their/its proposal", the first party of the sentence. No party, no fact.
 */
import { DIGITS, WORDS, parseNumber } from '../knowledge/numbers.js';
import type { CeasefireValue } from '../types.js';
import type { SentenceContext } from './context.js';
import { matchAll } from './match.js';
import { Prefilter, type Guarded, type Need } from './needs.js';
import { defineExtractor, type Candidate } from './types.js';

const N = `(?:${DIGITS}|${WORDS})`;
const TRUCE = `(?:ceasefires?|cease-fires?|truces?|halts?|pauses?|standstills?|armistices?|moratoriums?|cessations?\\s+of\\s+hostilities|lull)`;
const LENGTH = [
  `between\\s+(?<ba>${N})\\s+and\\s+(?<bb>${N})\\s+(?<bunit>day|hour)s?`,
  `(?<aday>a|one)\\s+day\\s+or\\s+two`,
  `(?<a>${N})(?:(?:-?\\s+(?:to|or)\\s+|-(?:to|or)-|\\s*-\\s*)(?<b>${N}))?[- ](?<unit>day|hour)s?(?:-long)?`,
  `(?<month>(?:a|one)[- ]month|month)(?:-long)?`,
].join('|');
/**
 * What the patterns need to match (needs.ts). Every length ends in a unit after a space or a
 * hyphen ("30-day", "two to three days", "between 24 and 48 hours"), or is a month: "Monday" and
 * "today" are not lengths.
 */
const UNIT: Need = /[\s-](?:day|hour)|month/;
/** Every word of TRUCE: a need of the first two patterns, and with the verbs of pausing the extractor's cue. */
const TRUCE_WORDS: readonly string[] = ['ceasefire', 'cease-fire', 'truce', 'halt', 'pause', 'standstill', 'armistice', 'moratorium', 'cessation', 'lull'];

const PATTERNS: Guarded[] = [
  // a 30-day ceasefire / two-to-three-day truce / month-long standstill
  { re: `(?<![\\w-])(?:${LENGTH})\\s+(?:(?:[a-z]+)\\s+){0,2}?${TRUCE}`, needs: [UNIT, TRUCE_WORDS] },
  // a ceasefire of two to three days / short-term ceasefires, lasting 24 to 48 hours
  { re: `${TRUCE},?\\s+(?:of|for|lasting)\\s+(?:at\\s+least\\s+|up\\s+to\\s+|a\\s+minimum\\s+of\\s+)?(?:${LENGTH})`, needs: [UNIT, TRUCE_WORDS] },
  // pausing the fighting for two to three days
  {
    re: `\\b(?:paus(?:e|ed|es|ing)|halt(?:ed|s|ing)?|stop(?:ped|s|ping)?|suspend(?:ed|s|ing)?|freez(?:e|es|ing))\\s+(?:the\\s+)?(?:fighting|hostilities|attacks|strikes|fire)\\s+for\\s+(?:${LENGTH})`,
    needs: [UNIT, ['for'], ['fighting', 'hostilities', 'attacks', 'strikes', 'fire']],
  },
].map((p) => ({ ...p, re: new RegExp(p.re, 'dg') }));
const PREFILTER = new Prefilter(PATTERNS);

const PROPOSE = /\b(?:propos(?:ed|es|e|ing|al|als)|offer(?:ed|s|ing)?|call(?:ed|s|ing)?\s+for|suggest(?:ed|s|ion)?|put\s+forward|floated|demand(?:ed|s|ing)?|press(?:ed|ing)?\s+for|push(?:ed|es|ing)?|urg(?:ed|es|ing)|insist(?:ed|s|ing)?\s+on|sought|seeks?|wants?|wanted|plan|initiative|idea|priority|readiness|ready|request(?:ed)?|ultimatum|call|ask(?:ed|s|ing)?)\b/g;
const PRONOUN_CUE = /\b(?:their|its|his)\s+(?:own\s+)?(?:top\s+)?(?:proposal|call|offer|demand|plan|priority|initiative|idea|request)\b/;
const BY_AFTER = /^[^.;]{0,40}?\b(?:proposed|offered|put\s+forward|suggested|floated|demanded|sought|backed)\s+by\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?([#@])/;
/** "the 30-day ceasefire that Kyiv has been demanding", "the 30-day truce Ukraine proposed". */
const PARTY_AFTER = /^\s*(?:(?:that|which)\s+)?(?:the\s+)?([#@])[#@]*(?:\s+[a-z]+)?\s+(?:(?:has|had|have|is|was|were|had\s+been|has\s+been|have\s+been)\s+)?(?:demanding|demanded|proposed|proposing|offered|offering|calling\s+for|called\s+for|seeking|sought|wants|wanted|pushing\s+for|pushed\s+for|suggested|floated|put\s+forward|put\s+on\s+the\s+table|tabled)\b/;
/** "Ukraine's 30-day ceasefire proposal", "Russia's offer of a two-day pause". */
const POSSESSOR_BEFORE = /([#@])'s\s+(?:[a-z-]+\s+){0,4}$/;
/** "… its thirty-day ceasefire offer": the possessive pronoun stands for the sentence's first party. */
const PRONOUN_POSSESSOR = /\b(?:its|their)\s+(?:own\s+)?(?:[a-z-]+\s+){0,2}$/;
const AGENT_NOUN = /^\s*(?:proposal|offer|plan|call|initiative|demand|draft|memorandum|side|delegation|delegates|negotiators|officials|team|government|president|leader|foreign|defence|defense|diplomats|envoys|authorities|negotiating)\b/;

interface Party {
  start: number;
  end: number;
  id: string;
}

/** What one sentence offers for finding proposers: its parties and proposing words, in order. */
interface Scene {
  parties: Party[];
  /** `parties[i].start`, for binary search. */
  starts: number[];
  cues: number[];
}

/** Party mentions in a sentence, in order: countries and people with a known side. */
function sceneOf(ctx: SentenceContext): Scene {
  const parties: Party[] = [];
  for (const m of ctx.mentions) {
    if (m.entity.kind !== 'country') continue;
    // "Ukrainian servicemen" names no actor; "the Ukrainian side" does.
    if (m.role === 'adjective' && !AGENT_NOUN.test(ctx.lower.slice(m.end, m.end + 20))) continue;
    parties.push({ start: m.start, end: m.end, id: m.entity.id });
  }
  for (const p of ctx.people) if (p.side) parties.push({ start: p.start, end: p.end, id: p.side });
  parties.sort((a, b) => a.start - b.start);
  const cues = [...matchAll(PROPOSE, ctx.masked)].map((m) => m.index);
  return { parties, starts: parties.map((p) => p.start), cues };
}

/** Index of the last element of a sorted list that is below `limit` (-1 when none). */
function lastBelow(list: number[], limit: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** How far back from a truce a proposing word or pronoun may stand. */
const WINDOW = 200;

function proposer(ctx: SentenceContext, scene: Scene, start: number, end: number): string | null {
  const { parties, starts } = scene;
  const partyAt = (at: number): string | null => {
    const i = lastBelow(starts, at + 1);
    const p = parties[i];
    return p && at < p.end ? p.id : null;
  };
  const tail = ctx.masked.slice(end, end + 80);
  const by = BY_AFTER.exec(tail);
  if (by) {
    const id = partyAt(end + by.index + by[0].length - 1);
    if (id) return id;
  }
  const after = PARTY_AFTER.exec(tail);
  if (after) {
    const id = partyAt(end + after[0].indexOf(after[1] as string));
    if (id) return id;
  }
  const head = ctx.masked.slice(Math.max(0, start - 60), start);
  const possessor = POSSESSOR_BEFORE.exec(head);
  if (possessor) {
    const id = partyAt(start - head.length + possessor.index);
    if (id) return id;
  }
  // Nearest proposing word before the truce, then the nearest party before that word.
  const near = ctx.masked.slice(Math.max(0, start - WINDOW), start);
  const c = lastBelow(scene.cues, start);
  const cue = c >= 0 && start - (scene.cues[c] as number) <= WINDOW ? (scene.cues[c] as number) : -1;
  const pronoun = cue !== -1 && PRONOUN_CUE.test(ctx.masked.slice(Math.max(0, cue - 20), start));
  if (cue !== -1 && !pronoun) {
    for (let i = lastBelow(starts, cue + 1); i >= 0; i--) {
      const p = parties[i] as Party;
      if (cue - p.end >= 90) break;
      if (p.end <= cue + 1) return p.id;
    }
    // "a proposal by Ukraine for …": party right after the proposing word
    const n = lastBelow(starts, cue) + 1;
    const next = parties[n];
    if (next && next.end <= start && /\b(?:by|from)\s+(?:the\s+)?$/.test(ctx.masked.slice(cue, next.start))) return next.id;
  }
  if (pronoun || PRONOUN_CUE.test(near) || PRONOUN_POSSESSOR.test(head.slice(-40))) return parties[0]?.id ?? null;
  return null;
}

const days = (s: string | undefined, unit: string | undefined): number | null => {
  if (s === undefined) return null;
  const n = /^(?:a|an)$/i.test(s) ? 1 : parseNumber(s);
  if (n === null) return null;
  return unit === 'hour' ? n / 24 : n;
};

export default defineExtractor({
  id: 'ceasefire-proposal',
  description: 'A proposed ceasefire and its length (subject: proposing party; value { days, maxDays? }).',
  // Every pattern has a word of TRUCE (which may sit inside a word: no boundary before it) or a
  // verb of pausing. "Fighting" or "hostilities" alone, which the first test accepts, match none.
  cues: { substrings: TRUCE_WORDS, words: ['paus', 'stop', 'suspend', 'freez'] },
  prefilter: PREFILTER,
  extract(ctx) {
    const out: Candidate<'ceasefire-proposal'>[] = [];
    if (!/\b(?:ceasefire|cease-fire|truce|halt|paus|standstill|armistice|moratorium|hostilities|lull|fighting)/.test(ctx.lower)) return out;
    const live = PREFILTER.viable(ctx);
    let scene: Scene | null = null;
    for (let i = 0; i < PATTERNS.length; i++) {
      if ((live & (1 << i)) === 0) continue;
      for (const m of matchAll((PATTERNS[i] as Guarded).re, ctx.masked)) {
        const g = m.groups ?? {};
        let value: CeasefireValue | null = null;
        if (g.month !== undefined) value = { days: 30 };
        else if (g.aday !== undefined) value = { days: 1, maxDays: 2 };
        else if (g.ba !== undefined) {
          const a = days(g.ba, g.bunit);
          const b = days(g.bb, g.bunit);
          if (a === null || b === null || !Number.isInteger(a) || !Number.isInteger(b) || b <= a) continue;
          value = { days: a, maxDays: b };
        } else {
          const a = days(g.a, g.unit);
          const b = days(g.b, g.unit);
          if (a === null || !Number.isInteger(a) || a <= 0 || a > 365) continue;
          value = b !== null && Number.isInteger(b) && b > a ? { days: a, maxDays: b } : { days: a };
        }
        scene ??= sceneOf(ctx);
        const subject = proposer(ctx, scene, m.index, m.index + m[0].length);
        if (subject === null) continue;
        const label = value.maxDays !== undefined ? `${value.days}–${value.maxDays} days` : `${value.days} days`;
        out.push({ fact: 'ceasefire-proposal', subject, value, label, start: m.index, end: m.index + m[0].length });
      }
    }
    return out;
  },
});
