/**
 * Sentence segmentation with offsets. A linear scan over (folded) body text: a blank line always
 * ends a sentence; a single line break ends one only after closing punctuation or before a
 * Markdown block marker (hard-wrapped paragraphs stay whole); inside a line, `.`, `!` or `?`
 * followed by space and a capital, digit or quote ends one unless the word before is an
 * abbreviation or an initial ("U.S.", "J. D. Vance", "Gen.").
 */

export interface SentenceSpan {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'lt', 'col', 'sgt', 'capt', 'gov', 'sen', 'rep', 'prof', 'rev', 'fr', 'sr', 'jr',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'vs', 'inc', 'ltd', 'co', 'corp', 'approx', 'est', 'dept', 'govt', 'min', 'hr', 'hrs',
  'a.m', 'p.m', 'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'e.u',
]);

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';
const isUpper = (c: string | undefined) => c !== undefined && c >= 'A' && c <= 'Z';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const CLOSERS = new Set(['"', "'", ')', ']', '\u201d', '\u2019', '\u00bb']);
const OPENERS = new Set(['"', "'", '(', '\u201c', '\u2018', '\u00ab']);

/** A letter of `[A-Za-z]` or a dot, by code. */
function isLetterOrDot(code: number): boolean {
  return code === 46 || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function wordBefore(text: string, dot: number): string {
  let i = dot - 1;
  while (i >= 0 && isLetterOrDot(text.charCodeAt(i)) && dot - i < 12) i--;
  return text.slice(i + 1, dot).toLowerCase();
}

/** What `\s` matches, by code: a sentence is trimmed by testing codes, not by a regex per character. */
export function isWhiteSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    (code >= 0xa0 &&
      (code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff))
  );
}

const BREAK_CANDIDATE = /[.!?\r\n]/g;

function isLineBreak(c: string | undefined) {
  return c === '\n' || c === '\r';
}

const isLower = (c: string | undefined) => c !== undefined && c >= 'a' && c <= 'z';

/**
 * Whether the stop at `dot`, with no space before `next`, ends a sentence all the same: a word of
 * two or more letters ending in a lower-case one before it (not an abbreviation), a capital and a
 * lower-case letter after it ("Palace.The"); never "U.S.The", "e.g.The" or "example.com".
 */
function glued(text: string, dot: number, next: number): boolean {
  if (!isUpper(text[next]) || !isLower(text[next + 1])) return false;
  const word = wordBefore(text, dot);
  return word.length >= 2 && !word.includes('.') && isLower(text[dot - 1]) && isLower(text[dot - 2]) && !ABBREVIATIONS.has(word);
}

export function splitSentences(text: string, from = 0, to = text.length): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = from;
  let lineStart = from;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isWhiteSpace(text.charCodeAt(s))) s++;
    while (e > s && isWhiteSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let i = from; i < to; i++) {
    // Only a line break or sentence punctuation can end a sentence: jump to the next one (the
    // regex engine scans far faster than a loop over every character).
    BREAK_CANDIDATE.lastIndex = i;
    if (!BREAK_CANDIDATE.test(text) || BREAK_CANDIDATE.lastIndex > to) break;
    i = BREAK_CANDIDATE.lastIndex - 1;
    const c = text[i];
    if (isLineBreak(c)) {
      // Look at the next line: blank → paragraph break; Markdown block marker → break.
      let j = i + 1;
      if (c === '\r' && text[j] === '\n') j++;
      let k = j;
      while (k < to && isSpace(text[k])) k++;
      let prev = i - 1;
      while (prev >= start && isSpace(text[prev])) prev--;
      const before = text[prev];
      const next = text[k];
      const blank = k >= to || isLineBreak(next);
      const marker = next === '#' || next === '>' || next === '-' || next === '*' || next === '|' || (isDigit(next) && text[k + 1] === '.');
      const heading = text[lineStart] === '#';
      lineStart = j;
      if (blank || marker || heading || before === '.' || before === '!' || before === '?' || before === ':' || (before !== undefined && CLOSERS.has(before) && /[.!?]/.test(text[prev - 1] ?? ''))) {
        push(i);
        start = j;
      }
      i = j - 1;
      continue;
    }
    if (c === '.' || c === '!' || c === '?') {
      let j = i + 1;
      while (j < to && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
      while (j < to && CLOSERS.has(text[j] as string)) j++;
      if (j < to && !isSpace(text[j])) {
        // Scraped text loses the space between sentences ("…at the Palace.The Russian delegation"):
        // a lower-case word, a stop, then a capitalised word is a sentence break all the same.
        if (c === '.' && glued(text, i, j)) {
          push(j);
          start = j;
        }
        i = j - 1;
        continue;
      }
      let k = j;
      while (k < to && isSpace(text[k])) k++;
      const next = text[k];
      if (k >= to || isLineBreak(next)) {
        i = j - 1;
        continue; // the line break decides
      }
      if (!(isUpper(next) || isDigit(next) || OPENERS.has(next as string))) {
        i = j - 1;
        continue;
      }
      if (c === '.') {
        const word = wordBefore(text, i);
        const bare = word.replace(/\./g, '');
        // An initial is a lone letter ("J. D. Vance"), not the end of "Russia's".
        const glued = /[\p{L}\p{N}'’]/u.test(text[i - word.length - 1] ?? ' ');
        if (ABBREVIATIONS.has(word) || ABBREVIATIONS.has(bare) || (bare.length === 1 && /[a-z]/.test(bare) && !glued)) {
          i = j - 1;
          continue;
        }
      }
      push(j);
      start = j;
      i = j - 1;
    }
  }
  push(to);
  return out;
}
