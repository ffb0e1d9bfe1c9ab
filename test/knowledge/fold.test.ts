import v8 from 'node:v8';
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

/** What originalSpan answered when it kept one start and one end per folded character. */
function plainSpan(plain: ReturnType<typeof foldPlain>, base: number, start: number, end: number): [number, number] {
  if (!plain) return [base + start, base + end];
  if (end <= start) {
    const at = start < plain.starts.length ? (plain.starts[start] as number) : base + plain.text.length;
    return [at, at];
  }
  return [plain.starts[start] as number, plain.ends[end - 1] as number];
}

/** The spans, out of every (start, end) with start ≤ end ≤ length, that originalSpan maps otherwise than the plain map. */
function spanMismatches(f: FoldedText, source: string, from: number, to: number): string[] {
  const plain = foldPlain(source, from, to);
  const bad: string[] = [];
  const length = f.text.length;
  for (let start = 0; start <= length; start++) {
    for (let end = start; end <= length; end++) {
      const got = originalSpan(f, start, end);
      const want = plainSpan(plain, from, start, end);
      if (got[0] !== want[0] || got[1] !== want[1]) bad.push(`${start}-${end}: ${got} instead of ${want}`);
    }
  }
  return bad;
}

/** Whether V8 stores a string one byte per character: its serializer tags those with '"'. */
function isOneByte(text: string): boolean {
  return v8.serialize(text)[2] === 0x22;
}

describe('foldText', () => {
  it('agrees with the plain per-character algorithm on random text', () => {
    for (let t = 0; t < 400; t++) {
      const text = randomText(`fold-${t}`, 1 + (t % 97));
      const from = t % 3 === 0 ? 0 : Math.min(text.length, t % 7);
      // Every fourth text stops short of its end, sometimes inside a surrogate pair.
      const to = t % 4 === 1 ? Math.max(from, text.length - (t % 5)) : text.length;
      const f = foldText(text, from, to);
      const plain = foldPlain(text, from, to);
      expect(f.text, JSON.stringify(text)).toBe(plain ? plain.text : text.slice(from, to));
      expect(spanMismatches(f, text, from, to), JSON.stringify(text)).toEqual([]);
    }
  });

  it('agrees with the plain algorithm on long text with few non-ASCII characters, as articles are', () => {
    const rng = createRng('fold-long');
    for (let t = 0; t < 20; t++) {
      let text = '';
      while (text.length < 600) text += rng.chance(0.05) ? rng.pick(ALPHABET) : 'abc, def. '[rng.int(10)];
      const f = foldText(text, t % 3);
      const plain = foldPlain(text, t % 3);
      expect(f.text).toBe(plain ? plain.text : text.slice(t % 3));
      expect(spanMismatches(f, text, t % 3, text.length)).toEqual([]);
    }
  });

  it('returns a one-byte string whenever the folded text fits Latin-1', () => {
    for (let t = 0; t < 200; t++) {
      const text = randomText(`one-byte-${t}`, 1 + (t % 61));
      const f = foldText(text);
      if (!/[^\x00-\xff]/.test(f.text)) expect(isOneByte(f.text), JSON.stringify(text)).toBe(true);
    }
    // The check itself tells the two kinds apart.
    expect(isOneByte('\u201cx\u201d plain'.slice(3))).toBe(false);
    expect(isOneByte(foldText('\u201cx\u201d plain').text)).toBe(true);
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
    expect(f).toEqual({ text: 'plain body', base: raw.indexOf('plain'), jumps: null });
    expect(isOneByte(f.text)).toBe(true);
  });
});
