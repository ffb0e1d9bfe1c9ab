import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alternationOf, escapeRegExp } from '../../src/knowledge/alternation.js';
import { matches } from '../helpers.js';

/** The plain alternation the trie must agree with: longest word first. */
function flat(words: readonly string[], piece: (c: string) => string = escapeRegExp): string {
  const sorted = [...new Set(words)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return `(?:${sorted.map((w) => [...w].map(piece).join('')).join('|')})`;
}

const spaces = (c: string) => (c === ' ' ? '\\s+' : escapeRegExp(c));

describe('alternationOf', () => {
  it('factors common prefixes and keeps every word', () => {
    expect(alternationOf(['halt', 'hand', 'handover', 'head'])).toBe('(?:h(?:a(?:lt|nd(?:over)?)|ead))');
    const re = new RegExp(alternationOf(['halt', 'hand', 'handover', 'head']), 'g');
    expect(matches(re, 'a handover, a halt, ahead, hands')).toEqual(['2:handover', '14:halt', '21:head', '27:hand']);
  });

  it('prefers the longer word and falls back to the shorter when what follows fails', () => {
    const re = new RegExp(`${alternationOf(['us', 'u.s.', 'u.s'])}(?![a-z])`, 'g');
    expect(matches(re, 'u.s.a and u.s. and us')).toEqual(['0:u.s', '10:u.s.', '19:us']);
  });

  it('matches nothing for no words, and escapes what regexes read as syntax', () => {
    expect(matches(new RegExp(alternationOf([]), 'g'), 'anything')).toEqual([]);
    expect(matches(new RegExp(alternationOf(['a+b', '(c)', 'p.o.w']), 'g'), 'aab a+b (c) c p.o.w pxoxw')).toEqual(['4:a+b', '8:(c)', '14:p.o.w']);
  });

  it('matches exactly what the flat longest-first alternation matches, in context', () => {
    // Words as the gazetteer has them: tokens joined by single spaces (a space reads \s+, and
    // never next to another space, so one text takes one path through the trie).
    const token = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '-', '.'), minLength: 1, maxLength: 4 });
    const word = fc.array(token, { minLength: 1, maxLength: 3 }).map((tokens) => tokens.join(' '));
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '  ', '-', '.', 'x', '\n'), maxLength: 60 });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), text, fc.boolean(), fc.boolean(), (words, t, insensitive, spaced) => {
        const piece = spaced ? spaces : escapeRegExp;
        const flags = insensitive ? 'giu' : 'g';
        // The gazetteer's boundaries: not inside a word on either side.
        const wrap = (core: string) => new RegExp(`(?<![a-z])${core}(?![a-z])`, flags);
        expect(matches(wrap(alternationOf(words, piece)), t)).toEqual(matches(wrap(flat(words, piece)), t));
      }),
      { numRuns: 2000 },
    );
  });
});
