/**
 * What a sentence must contain for a pattern to match it at all. The cue scan (cues.ts) hands an
 * extractor only sentences with one of its cues, but the extractor then tries every one of its
 * patterns there, and nearly all of them fail: most begin with a lookaround that the engine
 * attempts at every position. A pattern can state its needs, read off its own source — "by" for
 * "led by", a country for "<side> delegation" — and the extractor tries it only where all of them
 * hold. The tests are plain substring searches or one small regular expression on the lower-case
 * sentence, so an extractor none of whose patterns can match does not have the mask (and the
 * people in it) worked out either. A need must be necessary, never a guess: the tests hold every
 * pattern to its needs.
 */
import type { SentenceContext } from './context.js';

/**
 * One thing every match of a pattern contains, stated over the masked text the pattern runs on (or
 * the lower-case text, for a pattern that runs on that): one of a list of strings, or a match of a
 * regular expression.
 *
 * In a list, "@" stands for a person and "#" for a country, as in the mask; every other string is
 * plain text, looked for in the lower-case sentence (wherever the mask shows such text, the
 * lower-case sentence shows it too). A person's mark needs the people in the sentence worked out,
 * so it is looked for last, and only when no other string of its list was found.
 *
 * A regular expression is tried on the lower-case sentence as well. So that what it matches in the
 * mask it also matches there, a need of a pattern over the mask must not match a mark nor look
 * past what it matches: no "@" or "#", no wildcard, negated class or \W \S \D, no lookaround or
 * \b. Without the g or y flag.
 */
export type Need = readonly string[] | RegExp;

/** A pattern and what every match of it needs. */
export interface Guarded {
  re: RegExp;
  needs: readonly Need[];
  /** The text the pattern runs on: the mask (by default) or the lower-case sentence. */
  over?: 'masked' | 'lower';
}

/** Whether a sentence meets one need. */
type Test = (ctx: SentenceContext) => boolean;

function testOf(need: Need): Test {
  if (need instanceof RegExp) {
    // A global or sticky regex would carry its lastIndex from one sentence to the next.
    if (need.global || need.sticky) throw new Error(`a need is tested from the start of the sentence: /${need.source}/${need.flags}`);
    return (ctx) => need.test(ctx.lower);
  }
  const plain = need.filter((s) => s !== '@' && s !== '#');
  const person = need.includes('@');
  const country = need.includes('#');
  for (const s of plain) if (s.includes('@') || s.includes('#')) throw new Error(`a mark is a need of its own, not part of a string: ${JSON.stringify(s)}`);
  return (ctx) => {
    for (const s of plain) if (ctx.lower.includes(s)) return true;
    // A country's mark covers a country the gazetteer found; a "#" of the text's own stays in the mask as it is.
    if (country && (ctx.lower.includes('#') || ctx.mentions.some((m) => m.entity.kind === 'country'))) return true;
    // Likewise for a person's mark: the people are worked out, but not the mask.
    return person && (ctx.lower.includes('@') || ctx.people.length > 0);
  };
}

/**
 * The needs of an extractor's patterns, compiled once. A need that several patterns share (the
 * same list of strings, or a regex of the same source) is tested once per sentence.
 */
export class Prefilter<P extends Guarded = Guarded> {
  /** Every pattern: `viable` answers in bits, so there can be at most 31 of them. */
  readonly all: number;
  private readonly tests: Test[] = [];
  private readonly needed: number[][];
  /** Per need, for the sentence being tested: 0 not tested yet, 1 met, 2 not met. */
  private readonly state: Uint8Array;

  constructor(readonly patterns: readonly P[]) {
    if (patterns.length > 31) throw new Error('at most 31 patterns fit a bit set');
    this.all = 2 ** patterns.length - 1;
    const index = new Map<string, number>();
    this.needed = patterns.map((p) =>
      p.needs.map((need) => {
        const key = need instanceof RegExp ? `/${need.source}/${need.flags}` : JSON.stringify(need);
        let i = index.get(key);
        if (i === undefined) {
          index.set(key, (i = this.tests.length));
          this.tests.push(testOf(need));
        }
        return i;
      }),
    );
    this.state = new Uint8Array(this.tests.length);
  }

  /**
   * Bit `i` is set when pattern `i` may match the sentence: all its needs hold. Only patterns in
   * `among` are considered; the needs of the others are not tested. Needs are tested in the order
   * they are listed, a pattern's up to the first that fails.
   */
  viable(ctx: SentenceContext, among = this.all): number {
    const { state, tests, needed } = this;
    state.fill(0);
    let bits = 0;
    for (let p = 0; p < needed.length; p++) {
      if ((among & (1 << p)) === 0) continue;
      let ok = true;
      for (const t of needed[p] as number[]) {
        let s = state[t] as number;
        if (s === 0) state[t] = s = (tests[t] as Test)(ctx) ? 1 : 2;
        if (s === 2) {
          ok = false;
          break;
        }
      }
      if (ok) bits |= 1 << p;
    }
    return bits;
  }
}
