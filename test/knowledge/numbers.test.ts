import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SMALL, WORDS } from '../../src/knowledge/numbers.js';
import { matches } from '../helpers.js';

describe('number words', () => {
  // The form WORDS had before it was shortened: SMALL written twice.
  const TWICE = `(?:(?:a|an|one|${SMALL})[- ](?:hundred|thousand)|${SMALL}|hundred|thousand)`;

  it('match as the longer form did, alone and inside the patterns that use them', () => {
    const token = fc.constantFrom('a', 'an', 'one', 'two', 'six', 'sixty', 'seventeen', 'twenty', 'ninety', 'hundred', 'thousand', 'and', 'x', '1,000', 'prisoners', 'hours');
    const sep = fc.constantFrom(' ', '-', ', ', '  ');
    const text = fc.array(fc.tuple(token, sep), { maxLength: 10 }).map((parts) => parts.map(([t, s]) => t + s).join(''));
    const contexts = ['(?<![\\w])X(?![\\w])', 'X\\s+prisoners', 'X[- ]?hours?', '(?<![\\w.,])X\\s*(?:-\\s*)?(?:for|by)\\s*X', 'X'];
    fc.assert(
      fc.property(text, fc.constantFrom(...contexts), (t, context) => {
        const build = (n: string) => new RegExp(context.replaceAll('X', n), 'gi');
        expect(matches(build(WORDS), t)).toEqual(matches(build(TWICE), t));
      }),
      { numRuns: 5000 },
    );
  });
});
