/**
 * Text from the corpus is untrusted: before it reaches a terminal (or a Markdown/GitHub report) every
 * escape sequence is removed whole, then the remaining C0/C1 controls, BiDi controls and
 * zero-width characters. Where the user must see that something was there (file names, quoted
 * values in diagnostics) the characters are shown escaped instead. All patterns are linear
 * (disjoint classes, no nested quantifiers); test/security/redos.test.ts checks them.
 */

// CSI: ESC [ params intermediates final. OSC/DCS/APC/PM/SOS: ESC ] … (BEL | ESC \ | end).
// Others (charset designation ESC ( 0, ESC M …): ESC, intermediates, one final byte.
const CSI = /\x1b\[[0-?]*[ -/]*[@-~]?|\x9b[0-?]*[ -/]*[@-~]?/g;
const STRINGS = /(?:\x1b[\]PX^_]|[\x90\x9d\x98\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?/g;
const ESC_OTHER = /\x1b[ -/]*[0-~]?/g;
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
/**
 * BiDi controls (embeddings, overrides, isolates, marks), zero-width and invisible formatting
 * characters, interlinear annotations and Unicode tag characters (invisible "ASCII smuggling").
 */
const INVISIBLE = /[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}]/gu;
/** What `escapeControls` shows as an escape: the above plus every C0/C1 control and line separator. */
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}]/gu;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Lone UTF-16 surrogates (not text, and unprintable) become U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

/** Safe for a terminal; keeps tabs and newlines. Lone surrogates become U+FFFD. */
export function sanitize(text: string): string {
  return wellFormed(text)
    .replace(STRINGS, '')
    .replace(CSI, '')
    .replace(ESC_OTHER, '')
    .replace(CONTROLS, '')
    .replace(INVISIBLE, '');
}

/** Safe for one table cell or one line: whitespace runs (tabs, newlines) become one space. */
export function sanitizeInline(text: string): string {
  return sanitize(text).replace(/[\t\n\r\u2028\u2029]+/g, ' ');
}

/**
 * Shows unsafe characters instead of removing them: ESC becomes `\x1B`, U+202E `\u202E`. For file
 * names and corpus values quoted in diagnostics, where silently dropping bytes would hide what is
 * wrong. The result contains no control, BiDi or invisible character.
 */
export function escapeControls(text: string): string {
  return wellFormed(text).replace(UNSAFE, (c) => {
    const code = c.codePointAt(0) as number;
    if (code < 0x100) return `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
    return code > 0xffff ? `\\u{${code.toString(16).toUpperCase()}}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

/** A corpus value inside a diagnostic message: escaped, shortened, in double quotes by default. */
export function quoteForMessage(text: string, max = 60, quoted = true): string {
  const shown = truncate(escapeControls(text), max);
  return quoted ? `"${shown}"` : shown;
}

// --- Display width -------------------------------------------------------------------------------

/** A whole escape sequence at the start of a string (for width counting: it takes no columns). */
const SEQUENCE = /^(?:\x1b\[[0-?]*[ -/]*[@-~]|\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[\s\S])/;
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\ufe0f/u;
const ZERO_WIDTH = /^[\p{M}\p{Cf}\p{Cc}]*$/u;

/** East Asian Wide and Fullwidth blocks: two terminal columns. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Columns one grapheme cluster takes in a terminal: 0, 1 or 2. */
export function graphemeWidth(cluster: string): number {
  if (ZERO_WIDTH.test(cluster)) return 0;
  if (EMOJI_PRESENTATION.test(cluster)) return 2;
  return isWide(cluster.codePointAt(0) as number) ? 2 : 1;
}

let segmenter: Intl.Segmenter | null = null;
/**
 * Printable Latin (ASCII, Latin-1 and Latin Extended, below the combining marks at U+0300): every
 * character is a grapheme cluster of its own, so no segmenter is needed, whose first use costs
 * ~10 ms of start-up to load.
 */
const LATIN = /^[\x20-\x7e\u00a0-\u02ff]*$/;

/** Code units segmented at a time (exported for tests, which make it small). */
export const segmentation = { window: 1024 };

/**
 * The grapheme clusters of text[from, to), segmented a window at a time: Intl.Segmenter works
 * through its whole input before giving the first cluster (1.5 s for 2 MB), however few are read.
 * A window's last cluster may go on past it, so the next window starts where that cluster does
 * (a boundary depends only on what precedes it and the next character); a window holding less
 * than one cluster is doubled.
 */
function* clusters(text: string, from: number, to: number): Generator<string> {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  let i = from;
  let size = segmentation.window;
  while (i < to) {
    let end = Math.min(to, i + size);
    // Not between the halves of a surrogate pair: the cluster boundary before needs the whole character.
    const last = text.charCodeAt(end - 1);
    if (end < to && end - 1 > i && last >= 0xd800 && last <= 0xdbff) end -= 1;
    const found = [...segmenter.segment(text.slice(i, end))];
    const complete = end === to ? found.length : found.length - 1;
    if (complete === 0) {
      size *= 2;
      continue;
    }
    for (let k = 0; k < complete; k++) yield (found[k] as Intl.SegmentData).segment;
    i = end === to ? to : i + (found[complete] as Intl.SegmentData).index;
  }
}

/** The string as tokens: whole escape sequences (width 0) and grapheme clusters. */
function* tokens(text: string): Generator<{ text: string; width: number; sequence: boolean }> {
  let i = 0;
  while (i < text.length) {
    const esc = text.indexOf('\x1b', i);
    const plainEnd = esc === -1 ? text.length : esc;
    if (plainEnd > i) {
      const plain = text.slice(i, plainEnd);
      if (LATIN.test(plain)) {
        for (const char of plain) yield { text: char, width: graphemeWidth(char), sequence: false };
      } else {
        for (const segment of clusters(text, i, plainEnd)) yield { text: segment, width: graphemeWidth(segment), sequence: false };
      }
      i = plainEnd;
    } else {
      const m = SEQUENCE.exec(text.slice(i, i + 4096));
      const seq = m ? m[0] : '\x1b';
      yield { text: seq, width: 0, sequence: true };
      i += seq.length;
    }
  }
}

/** Terminal columns `text` takes: wide characters count 2, marks and escape sequences 0. */
export function displayWidth(text: string): number {
  // Printable ASCII: one column per character, no segmentation needed.
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let width = 0;
  for (const t of tokens(text)) width += t.width;
  return width;
}

/** Whether `text` takes at most `max` columns: counting stops as soon as it is wider. */
function fits(text: string, max: number): boolean {
  // No cluster is wider than two columns, and each is at least one code unit.
  if (text.length * 2 <= max) return true;
  if (/^[\x20-\x7e]*$/.test(text)) return text.length <= max;
  let width = 0;
  for (const t of tokens(text)) if ((width += t.width) > max) return false;
  return true;
}

/**
 * Shortens to at most `max` terminal columns, ending with an ellipsis. Cuts only between grapheme
 * clusters, never inside an escape sequence, and keeps the escape sequences that follow the cut
 * (they take no room) so that a style opened before the cut is still closed. The cost grows with
 * `max`, not with the text: a 600-column cut of a 30 KB message segments 600 columns' worth.
 */
export function truncate(text: string, max: number): string {
  if (fits(text, max)) return text;
  const room = Math.max(0, max - 1);
  let width = 0;
  let cut = false;
  let out = '';
  for (const t of tokens(text)) {
    if (t.sequence) {
      out += t.text;
      continue;
    }
    if (cut) continue;
    if (width + t.width > room) {
      cut = true;
      out += '…';
      if (!text.includes('\x1b')) break;
      continue;
    }
    width += t.width;
    out += t.text;
  }
  return out;
}

// --- Other output formats ------------------------------------------------------------------------

/** What JSON.stringify leaves as it is but a terminal or a reader of the JSON must not get raw. */
const JSON_UNSAFE = /[\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]|\udb40[\udc00-\udc7f]/;
const JSON_UNSAFE_ALL = new RegExp(JSON_UNSAFE.source, 'g');

/**
 * JSON text (from JSON.stringify) with every control, BiDi, invisible and line-separator character
 * escaped as \uXXXX. Character by character, so JSON cut between two values can be escaped piece
 * by piece. Almost all text has none: one test, and the text is returned as it is.
 */
export function escapeJson(json: string): string {
  if (!JSON_UNSAFE.test(json)) return json;
  return json.replace(JSON_UNSAFE_ALL, (c) => Array.from({ length: c.length }, (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''));
}

/** JSON with every control, BiDi, invisible and line-separator character escaped as \uXXXX. */
export function safeJson(value: unknown, indent?: number): string {
  return escapeJson(JSON.stringify(value, null, indent));
}

/**
 * One Markdown table cell from corpus text: sanitised to one line, and every character Markdown or
 * HTML would interpret escaped, so a title cannot open a link, an image, a tag or a new column.
 */
export function markdownCell(text: string): string {
  return sanitizeInline(text).replace(/[\\`*_[\]<>|~&]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
}

/** Message text of a GitHub workflow command (`::error file=…::MESSAGE`). */
export function githubData(text: string): string {
  return sanitize(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a GitHub workflow command (`file=`, `title=`): also `:` and `,`. */
export function githubProperty(text: string): string {
  return githubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const HTML_SPECIAL = /[&<>"']/g;
const HTML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Corpus text as HTML text or an attribute value (quoted): sanitised to one line, and every
 * character HTML would read as markup written as an entity, so nothing from an article can open
 * a tag, end an attribute or start a comment.
 */
export function htmlText(text: string): string {
  return sanitizeInline(text).replace(HTML_SPECIAL, (c) => HTML_ENTITY[c] as string).split('##[').join('##&#91;');
}

/**
 * JSON for a `<script type="application/json">` data block: as safeJson, and with every `<`
 * written `\u003c`, so no string can close the element (`</script>`) or open a comment.
 */
export function scriptJson(value: unknown): string {
  // `##[` too, which a CI runner would read as a command should the page be printed in its log.
  return safeJson(value).replace(/</g, '\\u003c').split('##[').join('##\\u005b');
}

/** A URL from the corpus that may become a link: http(s) only, normalised; null for anything else. */
export function httpUrl(text: string | null | undefined): string | null {
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(sanitizeInline(text).trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

// --- The output boundary -------------------------------------------------------------------------

/**
 * How text reaching stdout, stderr or an --output file is made safe, by what it is:
 * - `text` (tables, Markdown, messages): escape sequences other than colour (SGR), controls but tab
 *   and newline, BiDi and invisible characters are removed;
 * - `json` (json, ndjson, sarif): JSON already escapes all of those; only `##[` is changed below;
 * - `github` (workflow commands): as `text`, but its own command lines (`::error …::`) stay;
 * - `html`: as `text`, with HTML's escapes below (the renderer writes corpus text escaped already:
 *   htmlText, scriptJson; this is the backstop).
 * In every mode, for a GitHub runner, which reads `##[…` anywhere in a line and a line whose
 * trimmed start is `::` as a command: `##[` becomes `##\[` (`##\u005b` in JSON, the same data), and
 * a line starting with `::` after white space gets a backslash before it — but, in `github` mode,
 * the program's own annotations.
 */
export type OutputMode = 'text' | 'json' | 'github' | 'html';

/** Colour: SGR sequences only (ESC [ digits ; m), what chalk writes. */
const SGR = /^\x1b\[[0-9;]*m$/;
/** White space as .NET's Trim() sees it (the runner trims a line before looking for `::`). */
const LEADING_COMMAND = /^[\s\u0085\u180e]*::/;
/** The workflow commands the github format writes itself. */
const OWN_COMMAND = /^::(?:error|warning|notice|group|endgroup)(?: [^\n:]*)?::/;

/** `text` without what a terminal would interpret, colour kept. */
function terminalSafe(text: string): string {
  return wellFormed(text)
    .replace(STRINGS, '')
    .replace(CSI, (seq) => (SGR.test(seq) ? seq : ''))
    .replace(ESC_OTHER, (seq, offset: number, whole: string) => (whole.startsWith('[', offset + 1) ? seq : ''))
    .replace(CONTROLS, (c) => (c === '\x1b' ? c : ''))
    .replace(INVISIBLE, '');
}

/** Whole lines (each ending in \n, but perhaps the last) made safe for `mode`. */
function guardLines(text: string, mode: OutputMode): string {
  let out = mode === 'json' ? text : terminalSafe(text);
  if (out.includes('##[')) out = out.split('##[').join(mode === 'json' ? '##\\u005b' : mode === 'html' ? '##&#91;' : '##\\[');
  if (mode === 'json' || !out.includes('::')) return out;
  return out
    .split('\n')
    .map((line) => {
      if (!LEADING_COMMAND.test(line) || (mode === 'github' && OWN_COMMAND.test(line))) return line;
      const at = line.indexOf('::');
      return mode === 'html' ? `${line.slice(0, at)}&#58;${line.slice(at + 1)}` : `${line.slice(0, at)}\\${line.slice(at)}`;
    })
    .join('\n');
}

/**
 * A guard for text written in pieces: each piece is made safe up to its last line break, and the
 * rest waits for the next piece (a sequence, a `##[` or a line's start may be cut between two).
 */
export function outputGuard(mode: OutputMode): { push(piece: string): string; end(): string } {
  let carry = '';
  return {
    push(piece) {
      const text = carry + piece;
      const cut = text.lastIndexOf('\n') + 1;
      carry = text.slice(cut);
      return cut === 0 ? '' : guardLines(text.slice(0, cut), mode);
    },
    end() {
      const rest = carry;
      carry = '';
      return rest === '' ? '' : guardLines(rest, mode);
    },
  };
}

/** `text`, whole, made safe for `mode` (see outputGuard). */
export function guardOutput(text: string, mode: OutputMode): string {
  const guard = outputGuard(mode);
  return guard.push(text) + guard.end();
}
