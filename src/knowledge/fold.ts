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
const NON_ASCII = /[^\x00-\x7f]/;
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

/** Folds `source.slice(from, to)`; offsets map back into `source`. */
export function foldText(source: string, from = 0, to = source.length): FoldedText {
  const slice = source.slice(from, to);
  if (!NON_ASCII.test(slice)) return { text: slice, starts: null, ends: null, base: from };
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = from; i < to; ) {
    const code = source.codePointAt(i) as number;
    const width = code > 0xffff ? 2 : 1;
    const ch = code < 0x80 ? source[i] as string : foldChar(source.slice(i, i + width));
    if (ch.length === 0) {
      // Dropped character: the previous folded character now covers it.
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
  return { text: parts.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends), base: from };
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
