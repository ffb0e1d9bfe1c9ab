/**
 * The front matter nearly every article has — one `key: value` per line, each value a plain,
 * single- or double-quoted scalar on that line — read by hand, about fifteen times faster than
 * composing a YAML document (which took an eighth of the time of `extract`). It reads a strictly
 * defined subset and answers null for anything outside it or anything it is not sure of; the
 * strict YAML parser then decides, diagnostics included. For every block it accepts, its data and
 * key offsets are the ones the YAML parser gives (a property test compares the two on generated
 * blocks and near misses), so it needs no diagnostics of its own.
 *
 * The subset, line by line (LF or CRLF endings):
 * - an empty line, or a comment: `#` in the first column;
 * - `key: value` — the key starts the line, is a letter then up to 63 letters, digits, `_` or
 *   `-`, is not a word the core schema reads as null or a boolean, and is not repeated; one or
 *   more spaces follow the colon; after the value, spaces and an optional ` # comment`;
 * - the value is a double-quoted scalar without backslashes (no escapes to interpret), a
 *   single-quoted one (`''` is a quote), or a plain one that does not start with an indicator,
 *   holds no `: `, does not end with `:`, and is a string in the core schema (not null, a
 *   boolean or a number: a date such as 2025-05-16 is a string there).
 * No tab, control character, byte order mark, line separator or non-character anywhere: real
 * front matter has none, and some are special to YAML (tabs are not indentation, a byte order
 * mark that starts a line is dropped).
 */
import type { FrontMatterBlock, YamlResult } from './front-matter.js';

/** A character outside the subset: a CR not ending a line, a tab or a control, U+2028/9, U+FEFF, a non-character or a lone surrogate. */
const OUTSIDE_SUBSET = /\r(?!\n)|[^\n\r\x20-\x7E\xA0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD\u{10000}-\u{10FFFF}]/u;

const KEY_LINE = /^([A-Za-z][\w-]{0,63}): +(\S.*)$/;

/** Keys the core schema does not read as strings (null and booleans; numbers cannot start with a letter). */
const NON_STRING_KEY = /^(?:null|true|false)$/i;

/**
 * Plain scalars the core schema reads as null, a boolean or a number (its own patterns, here
 * case-insensitive and a little wider, which only sends more blocks to the YAML parser).
 */
const NON_STRING_PLAIN = /^(?:~|null|true|false|[-+]?\.(?:inf|nan)|0o[0-7]+|0x[\da-f]+|[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:e[-+]?\d+)?)$/i;

/** What may follow a quoted scalar on its line: spaces, then perhaps a comment. */
const AFTER_QUOTED = /^(?: *| +#.*)$/;

/** Characters that cannot start a plain scalar (YAML's indicators), or that start something else. */
const INDICATORS = new Set('-?:,[]{}#&*!|>\'"%@`');

/** The string a value (the rest of a key line) stands for, or null when it is outside the subset. */
function readScalar(text: string): string | null {
  const first = text[0] as string;
  if (first === '"') {
    const close = text.indexOf('"', 1);
    if (close === -1) return null;
    const inner = text.slice(1, close);
    return !inner.includes('\\') && AFTER_QUOTED.test(text.slice(close + 1)) ? inner : null;
  }
  if (first === "'") {
    // The scalar ends at the first quote that is not doubled.
    let close = text.indexOf("'", 1);
    while (close !== -1 && text[close + 1] === "'") close = text.indexOf("'", close + 2);
    if (close === -1) return null;
    return AFTER_QUOTED.test(text.slice(close + 1)) ? text.slice(1, close).replaceAll("''", "'") : null;
  }
  if (INDICATORS.has(first)) return null;
  // A comment starts at a `#` after a space; the spaces before it are not part of the value.
  const hash = text.indexOf(' #');
  let end = hash === -1 ? text.length : hash;
  while (text.charCodeAt(end - 1) === 32) end--;
  const value = text.slice(0, end);
  if (value.includes(': ') || value.endsWith(':') || NON_STRING_PLAIN.test(value)) return null;
  return value;
}

/** The block's fields when it is in the subset, else null (then the YAML parser must decide). */
export function parseSimpleFrontMatter(block: FrontMatterBlock): YamlResult | null {
  const source = block.source;
  if (OUTSIDE_SUBSET.test(source)) return null;
  const data: Record<string, string> = {};
  const keyOffsets = new Map<string, number>();
  let start = 0;
  while (start < source.length) {
    const newline = source.indexOf('\n', start);
    const next = newline === -1 ? source.length : newline + 1;
    // Only a CR that precedes an LF got past OUTSIDE_SUBSET.
    const end = newline === -1 ? source.length : source.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    const line = source.slice(start, end);
    if (line !== '' && line[0] !== '#') {
      const m = KEY_LINE.exec(line);
      if (!m) return null;
      const key = m[1] as string;
      if (keyOffsets.has(key) || NON_STRING_KEY.test(key)) return null;
      const value = readScalar(m[2] as string);
      if (value === null) return null;
      data[key] = value;
      keyOffsets.set(key, block.sourceStart + start);
    }
    start = next;
  }
  // A block of only comments and blank lines is left to the YAML parser.
  return keyOffsets.size === 0 ? null : { ok: true, data, keyOffsets };
}
