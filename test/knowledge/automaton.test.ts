import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { automatonOf } from '../../src/knowledge/automaton.js';

/** Every (end, word) of `words` in `text`, by the automaton. */
function run(words: string[], text: string): string[] {
  const codes = (s: string) => Array.from(s, (c) => c.charCodeAt(0) - 97);
  const { next, from, words: ending, symbols } = automatonOf(words.map(codes), 4);
  const out: string[] = [];
  let state = 0;
  codes(text).forEach((symbol, i) => {
    state = next[state * symbols + symbol] as number;
    for (let k = from[state] as number; k < (from[state + 1] as number); k++) out.push(`${i + 1}:${words[ending[k] as number]}`);
  });
  return out.sort();
}

/** The same by looking for every word at every place. */
function naive(words: string[], text: string): string[] {
  const out: string[] = [];
  for (let end = 1; end <= text.length; end++) for (const w of new Set(words)) if (w.length <= end && text.slice(end - w.length, end) === w) out.push(`${end}:${w}`);
  return out.sort();
}

describe('automatonOf', () => {
  it('finds every occurrence of every word, overlapping and nested ones too', () => {
    expect(run(['ab', 'b', 'bab', 'abab'], 'ababab')).toEqual(naive(['ab', 'b', 'bab', 'abab'], 'ababab'));
    const word = fc.stringMatching(/^[a-d]{1,5}$/);
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 8 }), fc.stringMatching(/^[a-d]{0,40}$/), (words, text) => {
        expect(run(words, text)).toEqual(naive(words, text));
      }),
      { numRuns: 500 },
    );
  });

  it('lists the longer of two words ending in the same place first', () => {
    const { next, from, words } = automatonOf([[1], [0, 1]], 2);
    const state = next[(next[0] as number) * 2 + 1] as number;
    expect([...words.subarray(from[state] as number, from[state + 1] as number)]).toEqual([1, 0]);
  });

  it('refuses a symbol outside its alphabet', () => {
    expect(() => automatonOf([[0, 5]], 4)).toThrow(/outside the alphabet/);
  });
});
