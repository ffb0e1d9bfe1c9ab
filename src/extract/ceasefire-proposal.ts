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
import { defineExtractor, type Candidate } from './types.js';

const N = `(?:${DIGITS}|${WORDS})`;
const TRUCE = `(?:ceasefires?|cease-fires?|truces?|halts?|pauses?|standstills?|armistices?|moratoriums?|cessations?\\s+of\\s+hostilities|lull)`;
const LENGTH = [
  `between\\s+(?<ba>${N})\\s+and\\s+(?<bb>${N})\\s+(?<bunit>day|hour)s?`,
  `(?<aday>a|one)\\s+day\\s+or\\s+two`,
  `(?<a>${N})(?:(?:-?\\s+(?:to|or)\\s+|-(?:to|or)-|\\s*-\\s*)(?<b>${N}))?[- ](?<unit>day|hour)s?(?:-long)?`,
  `(?<month>(?:a|one)[- ]month|month)(?:-long)?`,
].join('|');
const PATTERNS: RegExp[] = [
  // a 30-day ceasefire / two-to-three-day truce / month-long standstill
  `(?<![\\w-])(?:${LENGTH})\\s+(?:(?:[a-z]+)\\s+){0,2}?${TRUCE}`,
  // a ceasefire of two to three days / short-term ceasefires, lasting 24 to 48 hours
  `${TRUCE},?\\s+(?:of|for|lasting)\\s+(?:at\\s+least\\s+|up\\s+to\\s+|a\\s+minimum\\s+of\\s+)?(?:${LENGTH})`,
  // pausing the fighting for two to three days
  `\\b(?:paus(?:e|ed|es|ing)|halt(?:ed|s|ing)?|stop(?:ped|s|ping)?|suspend(?:ed|s|ing)?|freez(?:e|es|ing))\\s+(?:the\\s+)?(?:fighting|hostilities|attacks|strikes|fire)\\s+for\\s+(?:${LENGTH})`,
].map((source) => new RegExp(source, 'dg'));

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

/** Party mentions in a sentence, in order: countries and people with a known side. */
function parties(ctx: SentenceContext): Array<{ start: number; end: number; id: string }> {
  const list: Array<{ start: number; end: number; id: string }> = [];
  for (const m of ctx.mentions) {
    if (m.entity.kind !== 'country') continue;
    // "Ukrainian servicemen" names no actor; "the Ukrainian side" does.
    if (m.role === 'adjective' && !AGENT_NOUN.test(ctx.lower.slice(m.end, m.end + 20))) continue;
    list.push({ start: m.start, end: m.end, id: m.entity.id });
  }
  for (const p of ctx.people) if (p.side) list.push({ start: p.start, end: p.end, id: p.side });
  return list.sort((a, b) => a.start - b.start);
}

const REJECTS = /^(?:'s)?\s+(?:(?:has|had|have|again|also|flatly|quickly)\s+)?(?:rejected|refused|dismissed|turned\s+down|spurned|ignored|avoided|resisted|rebuffed|declined)\b/;

function proposer(ctx: SentenceContext, start: number, end: number): string | null {
  // A party that rejects something is not the one proposing it.
  const all = parties(ctx).filter((p) => !REJECTS.test(ctx.masked.slice(p.end, p.end + 40)));
  const by = BY_AFTER.exec(ctx.masked.slice(end));
  if (by) {
    const at = end + by.index + by[0].length - 1;
    const party = all.find((p) => p.start <= at && at < p.end);
    if (party) return party.id;
  }
  const partyAt = (at: number) => all.find((p) => p.start <= at && at < p.end)?.id ?? null;
  const after = PARTY_AFTER.exec(ctx.masked.slice(end, end + 80));
  if (after) {
    const id = partyAt(end + after[0].indexOf(after[1] as string));
    if (id) return id;
  }
  // Nearest proposing word before the truce, then the nearest party before that word.
  const before = ctx.masked.slice(0, start);
  const possessor = POSSESSOR_BEFORE.exec(before.slice(-60));
  if (possessor) {
    const id = partyAt(before.length - possessor[0].length + Math.max(0, before.slice(-60).length - before.length));
    const at = start - (before.slice(-60).length - possessor.index);
    const found = partyAt(at) ?? id;
    if (found) return found;
  }
  let cue = -1;
  for (const m of matchAll(PROPOSE, before)) cue = m.index;
  const pronoun = PRONOUN_CUE.exec(before.slice(Math.max(0, cue - 20)));
  if (cue !== -1 && !pronoun) {
    const party = all.filter((p) => p.end <= cue + 1 && cue - p.end < 90).pop();
    if (party) return party.id;
    // "a proposal by Ukraine for …": party right after the proposing word
    const next = all.find((p) => p.start >= cue && p.end <= start);
    if (next && /\b(?:by|from)\s+(?:the\s+)?$/.test(ctx.masked.slice(cue, next.start))) return next.id;
  }
  if (pronoun || PRONOUN_CUE.test(before) || PRONOUN_POSSESSOR.test(before.slice(-40))) {
    const first = all[0];
    if (first) return first.id;
  }
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
  extract(ctx) {
    const out: Candidate<'ceasefire-proposal'>[] = [];
    if (!/\b(?:ceasefire|cease-fire|truce|halt|paus|standstill|armistice|moratorium|hostilities|lull|fighting)/.test(ctx.lower)) return out;
    for (const re of PATTERNS) {
      for (const m of matchAll(re, ctx.masked)) {
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
        const subject = proposer(ctx, m.index, m.index + m[0].length);
        if (subject === null) continue;
        const label = value.maxDays !== undefined ? `${value.days}–${value.maxDays} days` : `${value.days} days`;
        out.push({ fact: 'ceasefire-proposal', subject, value, label, start: m.index, end: m.index + m[0].length });
      }
    }
    return out;
  },
});
