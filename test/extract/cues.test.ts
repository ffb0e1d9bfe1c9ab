import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/corpus/sentences.js';
import { cueScanner } from '../../src/extract/cues.js';
import { EXTRACTORS } from '../../src/extract/registry.js';
import type { Extractor } from '../../src/extract/types.js';
import { foldText } from '../../src/knowledge/fold.js';
import { defaultGazetteer } from '../../src/knowledge/gazetteer.js';
import { buildContext } from '../../src/extract/context.js';
import type { Mention } from '../../src/knowledge/gazetteer.js';
import { escapeRegExp } from '../../src/knowledge/alternation.js';

const fake = (id: string, cues: Extractor['cues']): Extractor => ({ id: id as Extractor['id'], description: id, ...(cues ? { cues } : {}), extract: () => [] });

/** Bits per sentence of `text` (one sentence per line). */
function scan(extractors: Extractor[], text: string, mentions: Mention[][] = []): number[] {
  const sentences = [];
  let at = 0;
  for (const line of text.split('\n')) {
    sentences.push({ start: at, end: at + line.length });
    at += line.length + 1;
  }
  return [...cueScanner(extractors)(text.toLowerCase(), sentences, sentences.map((_, i) => mentions[i] ?? []))];
}

describe('cue scanner', () => {
  const words = fake('words', { words: ['truce', 'halt'] });
  const inside = fake('inside', { substrings: ['head'] });
  const pattern = fake('pattern', { patterns: ['hrs?(?!\\w)'] });
  const always = fake('always', undefined);
  const all = [words, inside, pattern, always];

  it('sets the bit of an extractor only in sentences that have one of its cues', () => {
    expect(scan(all, 'A truce was agreed.\nNothing here.\nThey talked for 2hrs.\nThe delegation was headed by him.\nAhead of the talks.')).toEqual([
      0b1001, 0b1000, 0b1100, 0b1010, 0b1010,
    ]);
  });

  it('finds words only at the start of a word, stems with their endings, substrings anywhere', () => {
    expect(scan([words], 'Truces held\nuntruce\nhalted\nasphalt')).toEqual([1, 0, 1, 0]);
    expect(scan([inside], 'forehead\nHEADING')).toEqual([1, 1]);
    expect(scan([pattern], 'three hours\n3 hr.\nthree')).toEqual([0, 1, 0]);
  });

  it('sees a cue that begins inside another or at the same place as a longer one', () => {
    const fire = fake('fire', { words: ['fire'] });
    const cease = fake('cease', { words: ['cease-fire'] });
    expect(scan([cease, fire], 'a cease-fire')).toEqual([0b11]);
    const hal = fake('hal', { substrings: ['hal'] });
    expect(scan([words, hal], 'halted')).toEqual([0b11]);
  });

  it('counts a cue for the sentence it begins in, and entity kinds from the mentions', () => {
    const venue = fake('venue', { entities: ['venue'] });
    const text = 'At the Ciragan Palace.\nThe truce.';
    const g = defaultGazetteer();
    const mentions = text.split('\n').map((line) => g.mentions(foldText(line).text));
    expect(scan([venue, words], text, mentions)).toEqual([0b01, 0b10]);
  });

  it('cues of the real extractors are necessary: an extractor that finds a fact has a cue there', () => {
    // Sentences with a fact of each kind; the scan must let each kind's extractor see them.
    const text = [
      'The talks on Friday, May 16, were held at the Dolmabahce Palace and lasted under two hours.',
      'Russia and Ukraine agreed to exchange 1,000 prisoners each, in the Turkish-mediated talks chaired by Hakan Fidan.',
      'The Russian delegation was led by Vladimir Medinsky, and Moscow demanded that Kyiv withdraw from Donetsk and Luhansk.',
      'Ukraine proposed a 30-day ceasefire.',
    ].join('\n');
    const folded = foldText(text).text;
    const g = defaultGazetteer();
    const sentences = splitSentences(folded);
    const mentions = g.mentionsBySpan(folded, sentences);
    const bits = cueScanner(EXTRACTORS)(folded.toLowerCase(), sentences, mentions);
    let found = 0;
    sentences.forEach((s, i) => {
      const ctx = buildContext(folded.slice(s.start, s.end), '2025-05-16', g, new Set(['2025-05-16']), mentions[i]);
      EXTRACTORS.forEach((e, k) => {
        if (e.extract(ctx).length === 0) return;
        found |= 1 << k;
        expect(((bits[i] as number) >> k) & 1, `${e.id} in sentence ${i}`).toBe(1);
      });
    });
    // Every kind was found somewhere, so every cue list was put to the test.
    expect(found).toBe((1 << EXTRACTORS.length) - 1);
  });

  it('finds whole words and word endings where a regular expression with \\b would', () => {
    const day = fake('day', { wholeWords: ['may', 'mar', 'march'] });
    expect(scan([day], 'in May\nthe mayor\nmarket\nMarch 3\nmar.\nsummary')).toEqual([1, 0, 0, 1, 1, 0]);
    const unit = fake('unit', { endings: ['hr', 'hrs', 'host'] });
    expect(scan([unit], '2hrs\nthree\nco-host\nhostile\nhr_x\nhr')).toEqual([1, 0, 1, 0, 0, 1]);
  });

  it('reads a word beginning inside a cue, and text outside ASCII, as the text has them', () => {
    const cease = fake('cease', { words: ['cease-fire', 'p.o.w'] });
    expect(scan([cease], 'a cease-fire\nthe p.o.w camp\nceasefire\nxp.o.w')).toEqual([1, 1, 0, 0]);
    // Letters outside ASCII are not word characters, as for \w: "éhead" begins "head" at a word start.
    const head = fake('head', { words: ['head'] });
    expect(scan([head], 'éhead\n\u0001head\nahead')).toEqual([1, 1, 0]);
  });

  it('agrees with one regular expression per cue on random text', () => {
    const kinds = [
      fake('w', { words: ['led', 'lead', 'hand', 'handover', 'cease-fire'] }),
      fake('ww', { wholeWords: ['may', 'mar', 'march', 'sep', 'sept'] }),
      fake('e', { endings: ['hr', 'hrs', 'host', 'hosted', 'min'] }),
      fake('s', { substrings: ['head', 'fire', 'a.b', 'ead'] }),
      fake('p', { patterns: ['\\d{4}-\\d\\d'] }),
    ];
    const reference = (text: string): number[] => {
      const lower = text.toLowerCase();
      const sentences: Array<{ start: number; end: number }> = [];
      let at = 0;
      for (const line of text.split('\n')) {
        sentences.push({ start: at, end: at + line.length });
        at += line.length + 1;
      }
      const out = sentences.map(() => 0);
      kinds.forEach((k, bit) => {
        const c = k.cues!;
        const res = [
          ...(c.words ?? []).map((w) => `(?<!\\w)${escapeRegExp(w)}`),
          ...(c.wholeWords ?? []).map((w) => `(?<!\\w)${escapeRegExp(w)}(?!\\w)`),
          ...(c.endings ?? []).map((w) => `${escapeRegExp(w)}(?!\\w)`),
          ...(c.substrings ?? []).map(escapeRegExp),
          ...(c.patterns ?? []),
        ];
        for (const source of res) {
          const re = new RegExp(source, 'g');
          for (let m = re.exec(lower); m !== null; m = re.exec(lower)) {
            const s = sentences.findIndex((x) => m!.index >= x.start && m!.index < x.end);
            if (s >= 0) out[s] = (out[s] as number) | (1 << bit);
            re.lastIndex = m.index + 1;
          }
        }
      });
      return out;
    };
    const piece = fc.constantFrom('cease-fire', 'a.b', 'led', 'lead', 'hand', 'over', 'cease', '-', 'fire', 'may', 'or', 'mar', 'ch', 'sep', 't', 'hr', 's', 'host', 'ed', 'min', 'head', 'a', '.', 'b', 'e', '_', '1', '2024', '-0', '12', ' ', ' ', '\n', 'é', '\u0001', 'X');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(scan(kinds, text)).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses more extractors than a bit set holds', () => {
    expect(() => cueScanner(Array.from({ length: 33 }, (_, i) => fake(`e${i}`, undefined)))).toThrow(/32/);
  });
});
