/**
 * Folding for matching: diacritics stripped (NFKD), letters NFKD leaves alone transliterated
 * (Turkish dotless ı, ß, ø, ł …), typographic quotes and dashes made ASCII, invisible characters
 * dropped. Case is kept: names are recognised by their capitals. Every folded character can be
 * traced back to the range of the original text it came from, so spans found in folded text point
 * into the raw file. Pure-ASCII text is returned as it is, with no map: the common case costs one
 * scan.
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
const cache = new Map<number, string>();

function foldCode(code: number): string {
  let out = cache.get(code);
  if (out === undefined) {
    const ch = String.fromCodePoint(code);
    out = TRANSLIT[ch] ?? ch.normalize('NFKD').replace(MARK, '');
    // Anything NFKD turns into several letters (ligatures, ㎞) is kept as NFKD gives it.
    cache.set(code, out);
  }
  return out;
}

export interface FoldedText {
  text: string;
  /** Offset in the original of the folding's start. */
  base: number;
  /**
   * The places where the folded text stops running in step with the original, four numbers each:
   * folded offset, folded length, original offset and original length of a character that did not
   * fold to exactly one (a dropped one, an expanded one, a surrogate pair), in text order. Between
   * two of them every folded character came from the one original character at the same distance.
   * Null when there are none: folded[i] then came from the original's base + i.
   */
  jumps: readonly number[] | null;
}

const NON_ASCII = /[^\x00-\x7f]/g;

/**
 * Offset of the first non-ASCII code unit of `source` at or after `from`, or -1. The regular
 * expression runs in native code; a loop in JS over every character would cost most of the fold.
 */
function nextNonAscii(source: string, from: number): number {
  NON_ASCII.lastIndex = from;
  return NON_ASCII.test(source) ? NON_ASCII.lastIndex - 1 : -1;
}

/**
 * Folds `source.slice(from, to)`; offsets map back into `source`. Only the non-ASCII characters —
 * a few in a typical article — are visited in JS: the ASCII between them is copied in bulk. The
 * result is built as bytes when it fits in Latin-1, which V8 then keeps as a one-byte string:
 * regular expressions run several times faster over those than over the two-byte strings a file
 * with one curly quote decodes to (a slice or join of such a file would stay two-byte).
 */
export function foldText(source: string, from = 0, to = source.length): FoldedText {
  let i = nextNonAscii(source, from);
  if (i < 0 || i >= to) return { text: oneByte(source, from, to), base: from, jumps: null };
  // Every non-ASCII code point: where it is and what it folds to.
  const at: number[] = [];
  const folds: string[] = [];
  const jumps: number[] = [];
  // Folded offset minus original offset, past the characters seen so far.
  let shift = 0;
  let max = 0;
  // A surrogate pair that `to` cuts in two is folded whole, as the plain loop over code points did.
  let end = to;
  do {
    const code = source.codePointAt(i) as number;
    const width = code > 0xffff ? 2 : 1;
    const ch = foldCode(code);
    at.push(i);
    folds.push(ch);
    for (let k = 0; k < ch.length; k++) max = Math.max(max, ch.charCodeAt(k));
    if (ch.length !== 1 || width !== 1) {
      jumps.push(i - from + shift, ch.length, i, width);
      shift += ch.length - width;
    }
    i += width;
    if (i > end) end = i;
    if (i < to && source.charCodeAt(i) < 0x80) i = nextNonAscii(source, i);
  } while (i >= 0 && i < to);
  const text = max < 0x100 ? latin1Text(source, from, end, end - from + shift, at, folds, jumps) : joinedText(source, from, end, at, folds);
  return { text, base: from, jumps: jumps.length > 0 ? jumps : null };
}

/**
 * The folded text when it fits Latin-1, built as bytes: the whole range in one native copy (the
 * non-ASCII characters come out garbled), those characters then written over one by one, and, if
 * the folding changed any lengths, the stretches between the jumps moved into place.
 */
function latin1Text(source: string, from: number, end: number, length: number, at: number[], folds: string[], jumps: number[]): string {
  const bytes = Buffer.allocUnsafe(end - from);
  bytes.write(source.slice(from, end), 0, 'latin1');
  for (let q = 0; q < at.length; q++) {
    const ch = folds[q] as string;
    if (ch.length === 1) bytes[(at[q] as number) - from] = ch.charCodeAt(0);
  }
  if (jumps.length === 0) return bytes.toString('latin1');
  const out = Buffer.allocUnsafe(length);
  // Next folded offset to fill and next original offset (relative to `from`) to copy from.
  let o = 0;
  let r = 0;
  for (let q = 0; q < jumps.length; q += 4) {
    const jumpAt = (jumps[q + 2] as number) - from;
    bytes.copy(out, o, r, jumpAt);
    o = jumps[q] as number;
    const ch = foldCode(source.codePointAt(jumpAt + from) as number);
    for (let k = 0; k < ch.length; k++) out[o++] = ch.charCodeAt(k);
    r = jumpAt + (jumps[q + 3] as number);
  }
  if (r < end - from) bytes.copy(out, o, r, end - from);
  return out.toString('latin1');
}

/** The folded text when it has characters beyond Latin-1: it is two-byte anyway, so pieces are joined. */
function joinedText(source: string, from: number, end: number, at: number[], folds: string[]): string {
  const parts: string[] = [];
  let r = from;
  for (let q = 0; q < at.length; q++) {
    const i = at[q] as number;
    if (i > r) parts.push(source.slice(r, i));
    parts.push(folds[q] as string);
    r = i + ((source.codePointAt(i) as number) > 0xffff ? 2 : 1);
  }
  if (r < end) parts.push(source.slice(r, end));
  return parts.join('');
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

/** Index in `jumps` of the last jump at a folded offset of at most `at`, or -1. */
function lastJump(jumps: readonly number[], at: number): number {
  let lo = 0;
  let hi = jumps.length / 4;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((jumps[mid * 4] as number) <= at) lo = mid + 1;
    else hi = mid;
  }
  return (lo - 1) * 4;
}

/** Original offset where folded character `at` begins. */
function startOf(folded: FoldedText, jumps: readonly number[], at: number): number {
  const q = lastJump(jumps, at);
  if (q < 0) return folded.base + at;
  const o = jumps[q] as number;
  const k = jumps[q + 1] as number;
  const i = jumps[q + 2] as number;
  return at < o + k ? i : i + (jumps[q + 3] as number) + (at - o - k);
}

/** Original offset where folded character `at` ends, counting the dropped characters after it. */
function endOf(folded: FoldedText, jumps: readonly number[], at: number): number {
  // Dropped characters sit at the folded offset of the character after the one they follow, ahead
  // of any other jump there; the last of them ends the span.
  let q = lastJump(jumps, at + 1);
  if (q >= 0 && jumps[q] === at + 1 && (jumps[q + 1] as number) > 0) q -= 4;
  if (q >= 0 && jumps[q] === at + 1) return (jumps[q + 2] as number) + (jumps[q + 3] as number);
  q = lastJump(jumps, at);
  if (q >= 0 && at < (jumps[q] as number) + (jumps[q + 1] as number)) return (jumps[q + 2] as number) + (jumps[q + 3] as number);
  return startOf(folded, jumps, at) + 1;
}

/** Maps a half-open span of folded text to the span of the original it came from. */
export function originalSpan(folded: FoldedText, start: number, end: number): [number, number] {
  const { jumps } = folded;
  if (!jumps) return [folded.base + start, folded.base + end];
  if (end <= start) {
    const at = start < folded.text.length ? startOf(folded, jumps, start) : folded.base + folded.text.length;
    return [at, at];
  }
  return [startOf(folded, jumps, start), endOf(folded, jumps, end - 1)];
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
