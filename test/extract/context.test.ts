/**
 * People in a sentence (context.ts): a known surname keeps a given name spelled another way, and
 * a name cut off at the end of the text is the known person it begins, not a new one.
 */
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../src/extract/context.js';
import { foldText } from '../../src/knowledge/fold.js';
import { defaultGazetteer } from '../../src/knowledge/gazetteer.js';

function people(text: string) {
  const folded = foldText(text).text;
  const ctx = buildContext(folded, '2025-05-16', defaultGazetteer());
  return { people: ctx.people.map((p) => [p.id, folded.slice(p.start, p.end)]), masked: ctx.masked };
}

describe('people', () => {
  it.each([
    ['Kyiv sent Defence Minister Rustam Umerov.', [['rustem-umerov', 'Rustam Umerov']]],
    ['Dmytro Peskov spoke for the Kremlin.', [['dmitry-peskov', 'Dmytro Peskov']]],
    // not a variant: the surname alone is the known person, the other given name stays outside it
    ['Kyiv sent Roman Umerov.', [['rustem-umerov', 'Umerov']]],
    // a title word or a month before the surname is no given name
    ['Defence Minister Umerov spoke.', [['rustem-umerov', 'Umerov']]],
    ['In March Umerov spoke.', [['rustem-umerov', 'Umerov']]],
  ])('%s', (text, expected) => {
    expect(people(text).people).toEqual(expected);
  });

  it('knows a name transliterated another way, anywhere in the text', () => {
    expect(people('David Arachamija and Wladimir Medinskij spoke.').people).toEqual([
      ['david-arakhamia', 'David Arachamija'],
      ['vladimir-medinsky', 'Wladimir Medinskij'],
    ]);
    // not a known person's, even if close: a name of its own
    expect(people('Andriy Yermakov spoke.').people).toEqual([['andriy-yermakov', 'Andriy Yermakov']]);
  });

  it('masks the given name with the surname', () => {
    expect(people('It was headed by Rustam Umerov.').masked).toBe('it was headed by @@@@@@@@@@@@@.');
  });

  it.each([
    ['The talks ended with Vladimir Medinsk', [['vladimir-medinsky', 'Vladimir Medinsk']]],
    ['Ukraine was represented by Rustem Umer  ', [['rustem-umerov', 'Rustem Umer']]],
    // not at the end: a name of its own
    ['Vladimir Medinsk said so.', [['vladimir-medinsk', 'Vladimir Medinsk']]],
    // at the end but no known name begins so
    ['The talks ended with Vladimir Ivanov', [['vladimir-ivanov', 'Vladimir Ivanov']]],
    // cut in the given name: the one known person it begins; several, or a whole word: no one
    ['Kyiv was represented by Defence Minister Rust', [['rustem-umerov', 'Rust']]],
    ['The team was headed by the assistant of the President of the Russian Federation Vladimi', []],
    ['Kyiv was represented by Defence Minister Rustem', []],
    // cut in a name transliterated another way
    ['Ukraine was led by the faction chief David Aracham', [['david-arakhamia', 'David Aracham']]],
  ])('a name at the end of the text: %s', (text, expected) => {
    expect(people(text).people).toEqual(expected);
  });
});
