/**
 * Folding for matching: diacritics stripped (NFKD), letters NFKD leaves alone transliterated
 * (Turkish dotless ı, ß, ø, ł …), typographic quotes and dashes made ASCII, invisible characters
 * dropped. Case is kept: names are recognised by their capitals. Every folded character remembers
 * the range of the original text it came from, so spans found in folded text point into the raw
 * file. Pure-ASCII text is returned as it is, with no maps: the common case costs one scan.
 */

const TRANSLIT: Record<string, string> = {
  ı: 'i', ß: 'ss', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D',
  ð: 'd', Ð: 'D', þ: 'th', Þ: 'Th', ħ: 'h', Ħ: 'H',
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '\u02bc': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"', '\u00ab': '"', '\u00bb': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00a0': ' ', '\u2007': ' ', '\u202f': ' ', '\u2009': ' ', '\u200a': ' ', '\u2002': ' ', '\u2003': ' ',
  '\u2026': '...', '\u00d7': 'x',
  // Invisible: soft hyphen, zero-width characters, BiDi marks. Dropped.
  '\u00ad': '', '\u200b': '', '\u200c': '', '\u200d': '', '\u2060': '', '\ufeff': '', '\u200e': '', '\u200f': '',
};

const MARK = /\p{M}/gu;
const cache = new Map<string, string>();

function foldChar(ch: string): string {
  let out = cache.get(ch);
  if (out === undefined) {
    out = TRANSLIT[ch] ?? ch.normalize('NFKD').replace(MARK, '');
    // Anything NFKD turns into several letters (ligatures, ㎞) is kept as NFKD gives it.
    cache.set(ch, out);
  }
  return out;
}

export interface FoldedText {
  text: string;
  /** Offset in the original of the character folded[i] came from (null: identity plus `base`). */
  starts: Int32Array | null;
  ends: Int32Array | null;
  base: number;
}

/**
 * Folds `source.slice(from, to)`; offsets map back into `source`. One pass: ASCII characters —
 * most of any article — are copied, only the others are looked up. The result is built as bytes
 * when it fits in Latin-1, which V8 then keeps as a one-byte string: regular expressions run
 * several times faster over those than over the two-byte strings a file with one curly quote
 * decodes to.
 */
export function foldText(source: string, from = 0, to = source.length): FoldedText {
  let i = from;
  while (i < to && source.charCodeAt(i) < 0x80) i++;
  if (i >= to) return { text: oneByte(source, from, to), starts: null, ends: null, base: from };
  let codes = new Uint16Array(to - from + 16);
  let starts = new Int32Array(codes.length);
  let ends = new Int32Array(codes.length);
  const grow = (need: number) => {
    if (need <= codes.length) return;
    const size = Math.max(need, codes.length * 2);
    const c = new Uint16Array(size);
    const s = new Int32Array(size);
    const e = new Int32Array(size);
    c.set(codes);
    s.set(starts);
    e.set(ends);
    codes = c;
    starts = s;
    ends = e;
  };
  let n = 0;
  let max = 0;
  i = from;
  while (i < to) {
    const code = source.codePointAt(i) as number;
    if (code < 0x80) {
      if (n >= codes.length) grow(n + 1);
      codes[n] = code;
      starts[n] = i;
      ends[n] = i + 1;
      n++;
      i++;
      continue;
    }
    const width = code > 0xffff ? 2 : 1;
    const ch = foldChar(source.slice(i, i + width));
    if (ch.length === 0) {
      // Dropped character: the previous folded character now covers it.
      if (n > 0) ends[n - 1] = i + width;
    } else {
      grow(n + ch.length);
      for (let k = 0; k < ch.length; k++, n++) {
        const c = ch.charCodeAt(k);
        if (c > max) max = c;
        codes[n] = c;
        starts[n] = i;
        ends[n] = i + width;
      }
    }
    i += width;
  }
  const text = max < 0x100 ? Buffer.from(new Uint8Array(codes.subarray(0, n)).buffer, 0, n).toString('latin1') : fromCodes(codes, n);
  return { text, starts: starts.subarray(0, n), ends: ends.subarray(0, n), base: from };
}

/** UTF-16 code units → string, lone surrogates kept (a TextDecoder would replace them). */
function fromCodes(codes: Uint16Array, n: number): string {
  let out = '';
  for (let i = 0; i < n; i += 8192) out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
  return out;
}
const WIDE = /[^\x00-\xff]/;

/**
 * `source.slice(from, to)` (all ASCII) as a one-byte string: a slice of a file whose front matter
 * has a wide character would otherwise stay two-byte.
 */
function oneByte(source: string, from: number, to: number): string {
  const slice = source.slice(from, to);
  return WIDE.test(source.slice(0, from)) || WIDE.test(source.slice(to)) ? Buffer.from(slice, 'latin1').toString('latin1') : slice;
}

/** Maps a half-open span of folded text to the span of the original it came from. */
export function originalSpan(folded: FoldedText, start: number, end: number): [number, number] {
  if (!folded.starts || !folded.ends) return [folded.base + start, folded.base + end];
  if (end <= start) {
    const at = start < folded.starts.length ? (folded.starts[start] as number) : folded.base + folded.text.length;
    return [at, at];
  }
  return [folded.starts[start] as number, folded.ends[end - 1] as number];
}

/** Folds a short string for lookups (aliases, names): folded and lower-cased, spaces collapsed. */
export function foldKey(text: string): string {
  return foldText(text).text.toLowerCase().replace(/[\s-]+/g, ' ').trim();
}

/** ASCII slug of a name: "Mikhail Galuzin" → "mikhail-galuzin". */
export function slugify(text: string): string {
  return foldText(text)
    .text.toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join('-');
}
