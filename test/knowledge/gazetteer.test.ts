import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../bench/generate.js';
import { splitSentences } from '../../src/corpus/sentences.js';
import { foldText } from '../../src/knowledge/fold.js';
import { defaultGazetteer, isGivenNameVariant, type Span } from '../../src/knowledge/gazetteer.js';
import { ROOT } from '../helpers.js';

const gazetteer = defaultGazetteer();
const perSpan = (text: string, spans: Span[]) => spans.map((s) => gazetteer.mentions(text.slice(s.start, s.end)));

describe('mentionsBySpan', () => {
  it('gives, in one pass, what matching each sentence alone gives, for every article of the corpora', () => {
    for (const dir of ['corpus', 'test/fixtures/dev']) {
      for (const name of fs.readdirSync(path.join(ROOT, dir))) {
        const text = foldText(fs.readFileSync(path.join(ROOT, dir, name), 'utf8')).text;
        const spans = splitSentences(text);
        expect(gazetteer.mentionsBySpan(text, spans)).toEqual(perSpan(text, spans));
      }
    }
  });

  it('falls back to the span alone where a name crosses its edge or a letter touches it', () => {
    const text = 'Talks at the Dolmabahce Palace. Rustem Umerov said: US and Turkey-brokered talks in Ankara.';
    const cases: Span[][] = [
      [{ start: 0, end: 23 }, { start: 24, end: 31 }], // "Dolmabahce | Palace" split mid-name
      [{ start: 0, end: 16 }, { start: 17, end: 60 }], // span edges inside words
      [{ start: 32, end: 45 }, { start: 46, end: text.length }],
      [{ start: 5, end: 5 }, { start: 13, end: 31 }],
    ];
    for (const spans of cases) expect(gazetteer.mentionsBySpan(text, spans)).toEqual(perSpan(text, spans));
  });

  it('agrees with per-span matching on random spans', () => {
    const text = foldText(fs.readFileSync(path.join(ROOT, 'corpus/ft-2025-05-16.md'), 'utf8')).text;
    for (let t = 0; t < 200; t++) {
      const rng = createRng(`spans-${t}`);
      const cuts = [...new Set(Array.from({ length: 2 + rng.int(30) }, () => rng.int(text.length + 1)))].sort((a, b) => a - b);
      const spans: Span[] = [];
      for (let i = 0; i + 1 < cuts.length; i += 2) spans.push({ start: cuts[i] as number, end: cuts[i + 1] as number });
      expect(gazetteer.mentionsBySpan(text, spans)).toEqual(perSpan(text, spans));
    }
  });
});

describe('name variants', () => {
  it.each([
    ['rustam', ['rustem'], true],
    ['dmytro', ['dmitry'], true],
    ['wladimir', ['vladimir'], true],
    ['serhiy', ['sergiy'], true],
    ['rustem', ['rustem'], true],
    ['roman', ['rustem'], false],
    ['ivan', ['igor'], false],
    ['ruslan', ['rustem'], false],
    ['bladimyr', ['vladimir'], false],
    ['al', ['ali'], false],
  ])('%s is a variant of %j: %s', (word, given, expected) => {
    expect(isGivenNameVariant(word, given)).toBe(expected);
  });

  it("knows a given name of a person's own names only", () => {
    const umerov = gazetteer.byId('rustem-umerov')!;
    expect(gazetteer.givenNameOf(umerov, 'Rustam')).toBe(true);
    expect(gazetteer.givenNameOf(umerov, 'Vladimir')).toBe(false);
    expect(gazetteer.givenNameOf(gazetteer.byId('vladimir-medinsky')!, 'Vladimir')).toBe(true);
  });

  it('completes a name cut off mid-word when one known person only begins so', () => {
    expect(gazetteer.completePerson('Vladimir Medinsk')?.id).toBe('vladimir-medinsky');
    expect(gazetteer.completePerson('Rustem Ume')?.id).toBe('rustem-umerov');
    // "Vladimir" begins Putin and Medinsky alike; a whole name is not cut; an unknown one has no completion.
    expect(gazetteer.completePerson('Vladimir')).toBeUndefined();
    expect(gazetteer.completePerson('Vladimir Medinsky')).toBeUndefined();
    expect(gazetteer.completePerson('Vladimir Ivanov')).toBeUndefined();
  });

  it('completes a cut in the given name, and a cut name transliterated another way', () => {
    expect(gazetteer.completePerson('Rust')?.id).toBe('rustem-umerov');
    expect(gazetteer.completePerson('Andri')).toBeUndefined(); // Andriy Yermak, Andrii Sybiha
    expect(gazetteer.completePerson('Vladimi')).toBeUndefined(); // Medinsky, Putin, and Zelensky's "Vladimir Zelensky"
    // German "ch" for "kh", cut anywhere, even between its two letters
    expect(gazetteer.completePerson('David Aracham')?.id).toBe('david-arakhamia');
    expect(gazetteer.completePerson('David Arac')?.id).toBe('david-arakhamia');
    expect(gazetteer.completePerson('Wladimir Medins')?.id).toBe('vladimir-medinsky');
    // a last word that is whole in the name is not cut
    expect(gazetteer.completePerson('Rustem')).toBeUndefined();
    expect(gazetteer.completePerson('Wladimir Medinskij')).toBeUndefined();
  });

  it('knows a name of two words or more transliterated another way', () => {
    expect(gazetteer.variantPerson('David Arachamija')?.id).toBe('david-arakhamia');
    expect(gazetteer.variantPerson('Wladimir Medinskij')?.id).toBe('vladimir-medinsky');
    expect(gazetteer.variantPerson('Rustem Umjerow')?.id).toBe('rustem-umerov');
    // another name, one word, or a name that is only close
    expect(gazetteer.variantPerson('Andriy Yermakov')).toBeUndefined();
    expect(gazetteer.variantPerson('Arachamija')).toBeUndefined();
    expect(gazetteer.variantPerson('Vladimir Medvedev')).toBeUndefined();
  });
});
