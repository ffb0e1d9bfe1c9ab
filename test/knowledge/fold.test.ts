import { describe, expect, it } from 'vitest';
import { createRng } from '../../bench/generate.js';
import { foldText, originalSpan, type FoldedText } from '../../src/knowledge/fold.js';

/** The plain algorithm foldText must agree with: one code point at a time, every map entry pushed. */
function foldPlain(source: string, from = 0, to = source.length): { text: string; starts: number[]; ends: number[] } | null {
  if (!/[^\x00-\x7f]/.test(source.slice(from, to))) return null;
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = from; i < to; ) {
    const code = source.codePointAt(i) as number;
    const width = code > 0xffff ? 2 : 1;
    const ch = code < 0x80 ? (source[i] as string) : foldText(source.slice(i, i + width)).text;
    if (ch.length === 0) {
      if (ends.length > 0) ends[ends.length - 1] = i + width;
    } else {
      for (let k = 0; k < ch.length; k++) {
        starts.push(i);
        ends.push(i + width);
      }
      parts.push(ch);
    }
    i += width;
  }
  return { text: parts.join(''), starts, ends };
}

const ALPHABET = [
  'a', 'b', 'Z', ' ', '\n', '\r', '.', '"', '1', 'ç', 'ı', 'İ', 'ß', 'ø', 'é', '\u0301', '\u0327', '\u2019', '\u201c', '\u2014',
  '\u00a0', '\u00ad', '\u200b', '\ufeff', '…', '×', 'ﬁ', '㎞', 'Ж', '中', '😀', '\ud800', '\udc00',
];

function randomText(seed: string, length: number): string {
  const rng = createRng(seed);
  let out = '';
  for (let i = 0; i < length; i++) out += rng.chance(0.6) ? 'abcdefghij klmnop, QRST.'[rng.int(24)] : rng.pick(ALPHABET);
  return out;
}

function asPlain(f: FoldedText) {
  return f.starts ? { text: f.text, starts: [...f.starts], ends: [...(f.ends ?? [])] } : null;
}

describe('foldText', () => {
  it('agrees with the plain per-character algorithm on random text', () => {
    for (let t = 0; t < 300; t++) {
      const text = randomText(`fold-${t}`, 1 + (t % 97));
      const from = t % 3 === 0 ? 0 : Math.min(text.length, t % 7);
      expect(asPlain(foldText(text, from)), JSON.stringify(text)).toEqual(foldPlain(text, from));
      if (!asPlain(foldText(text, from))) expect(foldText(text, from).text).toBe(text.slice(from));
    }
  });

  it('maps every folded span back onto whole original characters', () => {
    const text = 'Çırağan — “Dolmabahçe” ﬁnal 😀 İstanbul\u00ad talks';
    const f = foldText(text);
    expect(f.text).toBe('Ciragan - "Dolmabahce" final 😀 Istanbul talks');
    const at = f.text.indexOf('Istanbul talks');
    const [s, e] = originalSpan(f, at, at + 'Istanbul talks'.length);
    expect(text.slice(s, e)).toBe('İstanbul\u00ad talks');
  });

  it('returns the ASCII body of a file with a wide character in its front matter unchanged', () => {
    const raw = '---\ntitle: “x”\n---\nplain body';
    const f = foldText(raw, raw.indexOf('plain'));
    expect(f).toEqual({ text: 'plain body', starts: null, ends: null, base: raw.indexOf('plain') });
  });
});
