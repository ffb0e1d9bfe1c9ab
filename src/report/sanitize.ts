/**
 * Text from the corpus is untrusted: before it reaches a terminal (or a Markdown/GitHub report) every
 * escape sequence is removed whole, then the remaining C0/C1 controls, BiDi controls and
 * zero-width characters. All patterns are linear (disjoint classes, no nested quantifiers).
 */

// CSI: ESC [ params intermediates final. OSC/DCS/APC/PM/SOS: ESC ] … (BEL | ESC \ | end). Others: ESC + one char.
const CSI = /\x1b\[[0-?]*[ -/]*[@-~]?|\x9b[0-?]*[ -/]*[@-~]?/g;
const STRINGS = /(?:\x1b[\]PX^_]|[\x90\x9d\x98\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?/g;
const ESC_OTHER = /\x1b[\s\S]?/g;
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** Safe for a terminal; keeps tabs and newlines. */
export function sanitize(text: string): string {
  return text.replace(STRINGS, '').replace(CSI, '').replace(ESC_OTHER, '').replace(CONTROLS, '').replace(INVISIBLE, '');
}

/** Safe for one table cell or one line: whitespace runs (tabs, newlines) become one space. */
export function sanitizeInline(text: string): string {
  return sanitize(text).replace(/[\t\n\r\u2028\u2029]+/g, ' ');
}

/** Shortens to `max` characters (code points), with an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** JSON with every control, BiDi and line-separator character escaped as \uXXXX. */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[\x7f-\x9f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g, (c) =>
    `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
