/**
 * The sentence around a quote, for reports that show a value's quote in context (`--format html`).
 * Taken while the article's text is at hand, during extraction, so that nothing reads the file
 * again; each side is cut to a few hundred characters, so an article without full stops cannot
 * make one context the size of the article.
 */
import { detach } from './detach.js';

export interface QuoteContext {
  article: string;
  /** Where the quote starts (1-based), as in its evidence: with `article`, the key of a context. */
  line: number;
  column: number;
  /** The sentence's text before and after the quote, raw (the renderer sanitises it). */
  before: string;
  after: string;
}

/** At most this many characters on each side of a quote. */
export const CONTEXT_CHARS = 240;

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0;

/**
 * The text of `raw` in [sentenceStart, sentenceEnd) before and after the quote [start, end): a
 * side longer than CONTEXT_CHARS keeps the characters nearest the quote, cut after a space where
 * one is near, with an ellipsis.
 */
export function contextAround(raw: string, sentenceStart: number, sentenceEnd: number, start: number, end: number): { before: string; after: string } {
  const from = Math.min(sentenceStart, start);
  const to = Math.max(sentenceEnd, end);
  let before = '';
  if (start - from > CONTEXT_CHARS) {
    let cut = start - CONTEXT_CHARS;
    for (let i = cut; i < cut + 40 && i < start; i++) {
      if (isSpace(raw.charCodeAt(i))) {
        cut = i + 1;
        break;
      }
    }
    before = `…${raw.slice(cut, start)}`;
  } else {
    before = raw.slice(from, start);
  }
  let after = '';
  if (to - end > CONTEXT_CHARS) {
    let cut = end + CONTEXT_CHARS;
    for (let i = cut; i > cut - 40 && i > end; i--) {
      if (isSpace(raw.charCodeAt(i - 1))) {
        cut = i - 1;
        break;
      }
    }
    after = `${raw.slice(end, cut)}…`;
  } else {
    after = raw.slice(end, to);
  }
  return { before: detach(before), after: detach(after) };
}
