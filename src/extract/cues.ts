/**
 * Which extractors can find anything in which sentence, from one scan of the whole article. Each
 * extractor declares its cues (types.ts): words, short patterns, entity kinds of which a sentence
 * must contain one. All of them are compiled into one regular expression, run once over the
 * lower-cased article; each sentence gets a bit set of the extractors worth running on it. Most
 * sentences of a news article state no fact, so most extractors never see them.
 */
import { alternationOf } from '../knowledge/alternation.js';
import type { Mention } from '../knowledge/gazetteer.js';
import type { SentenceSpan } from '../corpus/sentences.js';
import type { Extractor } from './types.js';

export interface CueScanner {
  /** Bit `i` is set for extractor `i`. */
  (lower: string, sentences: readonly SentenceSpan[], mentions: ReadonlyArray<readonly Mention[]>): Uint32Array;
}

export function cueScanner(extractors: readonly Extractor[]): CueScanner {
  if (extractors.length > 32) throw new Error('at most 32 extractors fit a cue bit set');
  let always = 0;
  // Per literal: the extractors it cues anywhere, and those it cues only at the start of a word.
  const literals = new Map<string, { anywhere: number; wordStart: number }>();
  const literal = (s: string) => {
    let l = literals.get(s);
    if (!l) literals.set(s, (l = { anywhere: 0, wordStart: 0 }));
    return l;
  };
  const patterns: Array<{ re: RegExp; bits: number }> = [];
  const entityBits = new Map<string, number>();
  extractors.forEach((e, i) => {
    const bit = 1 << i;
    if (!e.cues) {
      always |= bit;
      return;
    }
    for (const w of e.cues.words ?? []) literal(w).wordStart |= bit;
    for (const w of e.cues.substrings ?? []) literal(w).anywhere |= bit;
    for (const p of e.cues.patterns ?? []) patterns.push({ re: new RegExp(p, 'y'), bits: bit });
    for (const k of e.cues.entities ?? []) entityBits.set(k, (entityBits.get(k) ?? 0) | bit);
  });
  // At any place the alternation reports the longest literal that begins there; every other
  // literal that matches there is a prefix of it, so it carries their bits too ("halted" those
  // of "halt").
  const sorted = [...literals.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const prefixes = new Map<string, { anywhere: number; wordStart: number }>();
  for (const l of sorted) {
    const union = { anywhere: 0, wordStart: 0 };
    for (const [v, b] of literals) {
      if (!l.startsWith(v)) continue;
      union.anywhere |= b.anywhere;
      union.wordStart |= b.wordStart;
    }
    prefixes.set(l, union);
  }
  const alternatives = [];
  if (sorted.length) alternatives.push(alternationOf(sorted));
  for (const p of patterns) alternatives.push(`(?:${p.re.source})`);
  const any = alternatives.length ? new RegExp(alternatives.join('|'), 'g') : null;
  const wordChar = /\w/;

  return (lower, sentences, mentions) => {
    const bits = new Uint32Array(sentences.length).fill(always);
    if (any) {
      let s = 0;
      any.lastIndex = 0;
      for (let m = any.exec(lower); m !== null; m = any.exec(lower)) {
        const at = m.index;
        while (s < sentences.length && (sentences[s] as SentenceSpan).end <= at) s++;
        if (s === sentences.length) break;
        if (at >= (sentences[s] as SentenceSpan).start) {
          const l = prefixes.get(m[0]);
          let found = l ? l.anywhere | (at === 0 || !wordChar.test(lower[at - 1] as string) ? l.wordStart : 0) : 0;
          // A pattern may match at the same place; the alternation reported only the first.
          for (const p of patterns) {
            p.re.lastIndex = at;
            if (p.re.test(lower)) found |= p.bits;
          }
          (bits[s] as number) |= found;
        }
        // Cues may begin inside one another ("cease-fire", "fire"): look again one place on.
        any.lastIndex = at + 1;
      }
    }
    if (entityBits.size) {
      mentions.forEach((list, s) => {
        for (const m of list) (bits[s] as number) |= entityBits.get(m.entity.kind) ?? 0;
      });
    }
    return bits;
  };
}
