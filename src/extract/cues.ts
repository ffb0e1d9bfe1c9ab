/**
 * Which extractors can find anything in which sentence, from one scan of the whole article. Each
 * extractor declares its cues (types.ts): words, strings, short patterns, entity kinds of which a
 * sentence must contain one. The literal cues are compiled into one automaton (Aho–Corasick) that
 * reads the lower-cased article a character at a time and reports every cue ending there, with no
 * backtracking and no string made per find; the few pattern cues run as regular expressions. Each
 * sentence gets a bit set of the extractors worth running on it. Most sentences of a news article
 * state no fact, so most extractors never see them.
 */
import type { SentenceSpan } from '../corpus/sentences.js';
import type { Mention } from '../knowledge/gazetteer.js';
import { automatonOf } from '../knowledge/automaton.js';
import type { Extractor } from './types.js';

export interface CueScanner {
  /** Bit `i` is set for extractor `i`. */
  (lower: string, sentences: readonly SentenceSpan[], mentions: ReadonlyArray<readonly Mention[]>): Uint32Array;
}

/** Cue literals are ASCII. */
const SYMBOLS = 128;
/**
 * The scan reads characters as classes: every character some literal has is a class of its own,
 * every other one is OTHER or OTHER_WORD (as it is a word character or not), which no literal
 * contains. A row of the automaton's table then has some thirty entries instead of 128: the table
 * is built at every start-up (a fifth of the time it took) and is small enough to stay in cache.
 */
const OTHER = 0;
/**
 * A class the scan reads before every character that begins a word (a word character after one
 * that is not, or at the start of the text). A literal that must begin a word starts with it, so
 * the automaton does not even report "led" inside "called"; a literal reads it wherever it has a
 * word beginning inside itself ("cease-fire"), as the scanned text does.
 */
const WORD_START = 1;
const OTHER_WORD = 2;

/** One literal cue: its text, the extractors it cues, and where it must stand in a word. */
interface Literal {
  text: string;
  bits: number;
  /** Must begin a word (no word character before it). */
  start: boolean;
  /** Must end a word (no word character after it). */
  end: boolean;
}

/** `\w` of a regular expression without the `u` flag: ASCII letters, digits and the underscore. */
const WORD = new Uint8Array(SYMBOLS);
for (let c = 0; c < SYMBOLS; c++) WORD[c] = /\w/.test(String.fromCharCode(c)) ? 1 : 0;
const isWord = (code: number) => code < SYMBOLS && WORD[code] === 1;

/**
 * The characters a literal is read as: its own, with WORD_START before each word beginning inside
 * it, and before its first character when it must begin a word.
 */
function symbolsOf(literal: Literal): number[] {
  const out: number[] = [];
  for (let i = 0; i < literal.text.length; i++) {
    const code = literal.text.charCodeAt(i);
    if (code <= WORD_START || code >= SYMBOLS) throw new Error(`a cue must be printable ASCII: ${JSON.stringify(literal.text)}`);
    const before = i === 0 ? !literal.start : isWord(literal.text.charCodeAt(i - 1));
    if (isWord(code) && !before) out.push(WORD_START);
    out.push(code);
  }
  return out;
}

/**
 * The automaton of the literals, as the scan runs it. `classOf[character]` is its class (OTHER for
 * any character outside ASCII), of `classes`. A scan state is `2 × state + w`: a state of the
 * automaton, and w = 1 when the last character was a word character. `step[scan state × classes +
 * class]` is the next scan state (WORD_START folded in, so every character is one lookup);
 * `emits[scan state]` says whether literals end there. Those of automaton state q are entries
 * `from[q]` to `from[q + 1]` of the flat arrays `length`, `bits` and `flags`: the scan reads them
 * as numbers, with no object per find.
 */
interface Scan {
  classOf: Uint8Array;
  classes: number;
  step: Int32Array;
  emits: Uint8Array;
  from: Int32Array;
  length: Int32Array;
  bits: Int32Array;
  /** MUST_START: a literal that must begin a word but does not begin with a word character; MUST_END. */
  flags: Uint8Array;
}
const MUST_START = 1;
const MUST_END = 2;

function scanOf(literals: readonly Literal[]): Scan {
  const spelled = literals.map(symbolsOf);
  const classOf = Uint8Array.from(WORD, (word) => (word ? OTHER_WORD : OTHER));
  const wordClass = [0, 0, 1];
  for (const code of new Set(spelled.flat())) {
    if (code === WORD_START) continue;
    classOf[code] = wordClass.length;
    wordClass.push(WORD[code] as number);
  }
  const classes = wordClass.length;
  const { next, from, words } = automatonOf(
    spelled.map((symbols) => symbols.map((code) => (code === WORD_START ? WORD_START : (classOf[code] as number)))),
    classes,
  );
  const count = from.length - 1;
  const step = new Int32Array(count * 2 * classes);
  for (let state = 0; state < count; state++) {
    for (let inWord = 0; inWord < 2; inWord++) {
      for (let c = 0; c < classes; c++) {
        const word = wordClass[c] as number;
        const before = word === 1 && inWord === 0 ? (next[state * classes + WORD_START] as number) : state;
        step[(state * 2 + inWord) * classes + c] = (next[before * classes + c] as number) * 2 + word;
      }
    }
  }
  const flat = Array.from(words, (w) => literals[w] as Literal);
  return {
    classOf,
    classes,
    step,
    from,
    emits: Uint8Array.from({ length: count * 2 }, (_, state) => ((from[(state >> 1) + 1] as number) > (from[state >> 1] as number) ? 1 : 0)),
    length: Int32Array.from(flat, (l) => l.text.length),
    bits: Int32Array.from(flat, (l) => l.bits),
    flags: Uint8Array.from(flat, (l) => (l.start && !isWord(l.text.charCodeAt(0)) ? MUST_START : 0) | (l.end ? MUST_END : 0)),
  };
}

export function cueScanner(extractors: readonly Extractor[]): CueScanner {
  if (extractors.length > 32) throw new Error('at most 32 extractors fit a cue bit set');
  let always = 0;
  // Per literal and place in a word, the extractors it cues.
  const literals = new Map<string, Literal>();
  const literal = (text: string, start: boolean, end: boolean, bit: number) => {
    const key = `${Number(start)}${Number(end)}${text}`;
    const found = literals.get(key);
    if (found) found.bits |= bit;
    else literals.set(key, { text, bits: bit, start, end });
  };
  const patterns: Array<{ re: RegExp; bits: number }> = [];
  const entityBits = new Map<string, number>();
  extractors.forEach((e, i) => {
    const bit = 1 << i;
    if (!e.cues) {
      always |= bit;
      return;
    }
    for (const w of e.cues.words ?? []) literal(w, true, false, bit);
    for (const w of e.cues.wholeWords ?? []) literal(w, true, true, bit);
    for (const w of e.cues.endings ?? []) literal(w, false, true, bit);
    for (const w of e.cues.substrings ?? []) literal(w, false, false, bit);
    for (const p of e.cues.patterns ?? []) patterns.push({ re: new RegExp(p, 'g'), bits: bit });
    for (const k of e.cues.entities ?? []) entityBits.set(k, (entityBits.get(k) ?? 0) | bit);
  });
  const { classOf, classes, step, emits, from, length, bits: literalBits, flags } = scanOf([...literals.values()]);

  return (lower, sentences, mentions) => {
    const bits = new Uint32Array(sentences.length).fill(always);
    // The sentence a cue beginning at `at` belongs to (none between sentences). Finds come in the
    // order of their ends, so their beginnings move mostly forward.
    let s = 0;
    const add = (at: number, found: number) => {
      while (s < sentences.length && (sentences[s] as SentenceSpan).end <= at) s++;
      while (s > 0 && (sentences[s - 1] as SentenceSpan).end > at) s--;
      if (s < sentences.length && at >= (sentences[s] as SentenceSpan).start) (bits[s] as number) |= found;
    };
    const n = lower.length;
    let state = 0;
    for (let i = 0; i < n; i++) {
      const code = lower.charCodeAt(i);
      state = step[state * classes + (code < SYMBOLS ? (classOf[code] as number) : OTHER)] as number;
      if (emits[state] === 0) continue;
      const q = state >> 1;
      const last = from[q + 1] as number;
      for (let k = from[q] as number; k < last; k++) {
        const begin = i + 1 - (length[k] as number);
        const flag = flags[k] as number;
        if (flag !== 0) {
          if (flag & MUST_START && begin > 0 && isWord(lower.charCodeAt(begin - 1))) continue;
          if (flag & MUST_END && i + 1 < n && isWord(lower.charCodeAt(i + 1))) continue;
        }
        add(begin, literalBits[k] as number);
      }
    }
    for (const p of patterns) {
      s = 0;
      p.re.lastIndex = 0;
      for (let m = p.re.exec(lower); m !== null; m = p.re.exec(lower)) {
        add(m.index, p.bits);
        // Matches may begin inside one another: look again one place on.
        p.re.lastIndex = m.index + 1;
      }
    }
    if (entityBits.size) {
      mentions.forEach((list, k) => {
        for (const m of list) (bits[k] as number) |= entityBits.get(m.entity.kind) ?? 0;
      });
    }
    return bits;
  };
}
