import { describe, expect, it } from 'vitest';
import { foldText, originalSpan, slugify } from '../../src/knowledge/fold.js';
import { buildGazetteer, defaultGazetteer, GazetteerError, parseGazetteerFile } from '../../src/knowledge/gazetteer.js';
import { parseNumber } from '../../src/knowledge/numbers.js';

describe('fold', () => {
  it('strips diacritics, transliterates the dotless ı and maps spans back', () => {
    const text = 'at the Çırağan Palace';
    const f = foldText(text);
    expect(f.text).toBe('at the Ciragan Palace');
    const at = f.text.indexOf('Ciragan');
    const [s, e] = originalSpan(f, at, at + 'Ciragan Palace'.length);
    expect(text.slice(s, e)).toBe('Çırağan Palace');
  });
  it('keeps decomposed marks inside the span', () => {
    const text = 'C\u0327ırag\u0306an';
    const f = foldText(text);
    expect(f.text).toBe('Ciragan');
    const [s, e] = originalSpan(f, 0, f.text.length);
    expect(text.slice(s, e)).toBe(text);
  });
  it('slugs names', () => {
    expect(slugify('Mikhail Galuzin')).toBe('mikhail-galuzin');
    expect(slugify('  Çavuşoğlu--x ')).toBe('cavusoglu-x');
  });
});

describe('gazetteer', () => {
  const ids = (text: string) => defaultGazetteer().mentions(foldText(text).text).map((m) => m.entity.id);
  it('maps Çırağan, Ciragan and Chiragan to one id', () => {
    expect(ids('Çırağan Palace; Ciragan Palace; Chiragan')).toEqual(['ciragan-palace', 'ciragan-palace', 'ciragan-palace']);
  });
  it('knows spelling variants of people and places', () => {
    expect(ids('Umierov met Medinski; Zelenskiy, Zelenskyy and Volodimir Zelensky; Zaporozhye and Lugansk')).toEqual([
      'rustem-umerov',
      'vladimir-medinsky',
      'volodymyr-zelensky',
      'volodymyr-zelensky',
      'volodymyr-zelensky',
      'zaporizhzhia',
      'luhansk',
    ]);
  });
  it('matches all-caps aliases case-sensitively', () => {
    expect(ids('the US said; let us go')).toEqual(['united-states']);
  });
  it('rejects an alias shared by two entities of one kind, naming file and line', () => {
    const source = '[\n{"id":"a","kind":"venue","name":"A","aliases":["X"]},\n{"id":"b","kind":"venue","name":"B","aliases":["X"]}\n]';
    expect(() => buildGazetteer([{ file: 'g.json', source, entities: parseGazetteerFile('g.json', source) }])).toThrow(GazetteerError);
    try {
      buildGazetteer([{ file: 'g.json', source, entities: parseGazetteerFile('g.json', source) }]);
    } catch (e) {
      expect((e as GazetteerError).line).toBe(3);
    }
  });
  it('rejects a duplicate id', () => {
    const source = '[{"id":"a","kind":"venue","name":"A"},{"id":"a","kind":"venue","name":"B"}]';
    expect(() => buildGazetteer([{ file: 'g.json', source, entities: parseGazetteerFile('g.json', source) }])).toThrow(/duplicate id/);
  });
});

describe('numbers', () => {
  it.each([
    ['1,000', 1000],
    ['1000', 1000],
    ['1.5', 1.5],
    ['two', 2],
    ['forty-five', 45],
    ['a thousand', 1000],
    ['twelve hundred', 1200],
    ['1,00', null],
  ])('%s → %s', (text, n) => expect(parseNumber(text)).toBe(n));
});
