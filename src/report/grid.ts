/**
 * Box-drawn tables with word-wrapped cells: the layout cli-table3 0.6.5 gave us, byte for byte, for
 * the one way we used it (fixed column widths, word wrap, one space of padding, no spans, no
 * styles), in time linear in the text.
 *
 * Why not cli-table3 itself: for every line it draws, a cell measures its whole content again
 * (a debug message built even when unused), and shortens it one character at a time when that
 * content is wider than it is long (combining marks, wide characters). A `compare` cell listing
 * 900 outlets wraps to 450 lines of a 20 KB text: 55 s for the 10,000-article corpus, nearly all
 * of it there. Widths are string-width's, as in cli-table3; test/report/grid.test.ts checks this
 * layout against cli-table3 on random cells.
 */
import stringWidth from 'string-width';

/** The SGR sequences (colours, bold, dim) that Chalk writes: the only escapes a cell can hold. */
const SGR = /\x1b\[((?:\d*;){0,5}\d*)m/g;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Terminal columns of one line of cell text, as cli-table3 counts them. */
function width(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  return stringWidth(text.replace(SGR, ''));
}

// --- Colour state -----------------------------------------------------------------------------
// A wrapped cell carries the colour of one line on to the next: what is open at the end of a line
// is closed there and opened again on the next one. Only the attributes below and the
// foreground/background colours are tracked; others (dim) pass through as written.

const ATTRIBUTES: ReadonlyArray<readonly [name: string, on: number, off: number]> = [
  ['bold', 1, 22],
  ['italics', 3, 23],
  ['underline', 4, 24],
  ['inverse', 7, 27],
  ['strikethrough', 9, 29],
];
const SWITCHES = new Map<string, { name: string; on: boolean }>();
const ON = new Map<string, string>();
const OFF = new Map<string, string>();
for (const [name, on, off] of ATTRIBUTES) {
  SWITCHES.set(`\x1b[${on}m`, { name, on: true });
  SWITCHES.set(`\x1b[${off}m`, { name, on: false });
  ON.set(name, `\x1b[${on}m`);
  OFF.set(name, `\x1b[${off}m`);
}
const FG_DEFAULT = '\x1b[39m';
const BG_DEFAULT = '\x1b[49m';

interface Style {
  /** Attributes in the order first seen (a reset forgets the order). */
  attributes: Map<string, boolean>;
  fg?: string;
  bg?: string;
}

const newStyle = (): Style => ({ attributes: new Map() });

function apply(style: Style, sequence: string, params: string): void {
  // Classified by the first parameter only; `\x1b[m` is a reset.
  const code = params ? parseInt(params.split(';')[0] as string, 10) : 0;
  if ((code >= 30 && code <= 39) || (code >= 90 && code <= 97)) style.fg = sequence;
  else if ((code >= 40 && code <= 49) || (code >= 100 && code <= 107)) style.bg = sequence;
  else if (code === 0) {
    style.attributes.clear();
    delete style.fg;
    delete style.bg;
  } else {
    const s = SWITCHES.get(sequence);
    if (s) style.attributes.set(s.name, s.on);
  }
}

function styleAtEnd(line: string): Style {
  const style = newStyle();
  for (const m of line.matchAll(SGR)) apply(style, m[0], m[1] as string);
  return style;
}

/** `text` followed by what closes `style`. */
function close(style: Style, text: string): string {
  let out = text;
  for (const [name, on] of style.attributes) if (on) out += OFF.get(name) as string;
  if (style.bg && style.bg !== BG_DEFAULT) out += BG_DEFAULT;
  if (style.fg && style.fg !== FG_DEFAULT) out += FG_DEFAULT;
  return out;
}

/** `text` preceded by what opens `style` again. */
function reopen(style: Style, text: string): string {
  let out = text;
  for (const [name, on] of style.attributes) if (on) out = (ON.get(name) as string) + out;
  if (style.bg && style.bg !== BG_DEFAULT) out = style.bg + out;
  if (style.fg && style.fg !== FG_DEFAULT) out = style.fg + out;
  return out;
}

function carryStyles(lines: string[]): string[] {
  let style = newStyle();
  return lines.map((line) => {
    const opened = reopen(style, line);
    style = styleAtEnd(opened);
    return close(style, opened);
  });
}

// --- Wrapping and fitting ---------------------------------------------------------------------

/**
 * Greedy word wrap of one line at whitespace. A word wider than `max` gets a line of its own (and
 * is cut when drawn); the whitespace before a word is kept as written but not counted; a line
 * holding nothing of any width is dropped.
 */
function wrapLine(text: string, max: number): string[] {
  const parts = text.split(/(\s+)/);
  const lines: string[] = [];
  let line = '';
  let used = 0;
  let space: string | undefined;
  for (let i = 0; i < parts.length; i += 2) {
    const word = parts[i] as string;
    const w = width(word);
    const needed = used + w + (used > 0 && space ? space.length : 0);
    if (needed > max) {
      if (used !== 0) lines.push(line);
      line = word;
      used = w;
    } else {
      line += (space ?? '') + word;
      used = needed;
    }
    space = parts[i + 1];
  }
  if (used) lines.push(line);
  return lines;
}

function wrapCell(text: string, max: number): string[] {
  return carryStyles(text.split('\n').flatMap((l) => wrapLine(l, max)));
}

/** The longest prefix no wider than `max`, by UTF-16 units when width and length agree. */
function cut(text: string, max: number): string {
  if (text.length === width(text)) return text.slice(0, max);
  let out = text;
  while (width(out) > max) out = out.slice(0, -1);
  return out;
}

/** At most `max` columns; a longer line is cut and ends with `…`, its open styles closed. */
function fit(line: string, max: number): string {
  if (width(line) <= max) return line;
  const room = max - 1;
  const texts = line.split(/\x1b\[(?:\d*;){0,5}\d*m/);
  const codes = [...line.matchAll(SGR)];
  const style = newStyle();
  let out = '';
  let used = 0;
  for (let i = 0; used < room; i++) {
    let text = texts[i] as string;
    if (used + width(text) > room) text = cut(text, room - used);
    out += text;
    used += width(text);
    if (used >= room) break;
    const code = codes[i];
    if (!code) break;
    out += code[0];
    apply(style, code[0], code[1] as string);
  }
  return `${close(style, out)}…`;
}

// --- Drawing ----------------------------------------------------------------------------------

function rule(widths: number[], left: string, middle: string, right: string): string {
  return left + widths.map((w) => '─'.repeat(w)).join(middle) + right;
}

/**
 * `head` and `rows` in a box, each column `widths[i]` wide, one space of padding included (so at
 * least 3). Cell text may hold newlines and SGR colour sequences only.
 */
export function grid(head: string[], rows: string[][], widths: number[]): string {
  const out = [rule(widths, '┌', '┬', '┐')];
  [head, ...rows].forEach((row, r) => {
    if (r > 0) out.push(rule(widths, '├', '┼', '┤'));
    const cells = widths.map((w, i) => wrapCell(row[i] ?? '', w - 2));
    const height = Math.max(1, ...cells.map((c) => c.length));
    for (let l = 0; l < height; l++) {
      const parts = cells.map((lines, i) => {
        const room = (widths[i] as number) - 2;
        const line = lines[l];
        if (line === undefined) return ' '.repeat(room + 2);
        const shown = fit(line, room);
        return ` ${shown}${' '.repeat(Math.max(0, room - width(shown)))} `;
      });
      out.push(`│${parts.join('│')}│`);
    }
  });
  out.push(rule(widths, '└', '┴', '┘'));
  return out.join('\n');
}

// --- Fitting a terminal -----------------------------------------------------------------------

/** Columns a grid of these column widths takes: the widths and one border per column, plus one. */
export function gridWidth(widths: readonly number[]): number {
  return widths.reduce((a, b) => a + b, 0) + widths.length + 1;
}

/**
 * Column widths narrowed, widest first, until the grid takes at most `total` columns; null when
 * it cannot without a column under its minimum (`min`, one for all or one per column): the caller
 * then lays the rows out another way.
 */
export function shrinkWidths(widths: readonly number[], total: number, min: number | readonly number[]): number[] | null {
  const out = [...widths];
  const floor = (i: number) => (typeof min === 'number' ? min : (min[i] ?? 3));
  let excess = gridWidth(out) - total;
  while (excess > 0) {
    let widest = -1;
    for (let i = 0; i < out.length; i++) if ((out[i] as number) > floor(i) && (widest === -1 || (out[i] as number) > (out[widest] as number))) widest = i;
    if (widest === -1) return null;
    out[widest] = (out[widest] as number) - 1;
    excess--;
  }
  return out;
}

/**
 * Every line at most `max` columns wide: a longer one is wrapped at spaces, its continuation lines
 * indented two more than it, and a word that still does not fit is cut (ending in `…`). Colours
 * carry over the breaks as in grid cells.
 */
export function fitLines(text: string, max: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      if (width(line) <= max) return [line];
      const indent = /^ */.exec(line)?.[0].length ?? 0;
      const hang = Math.min(indent + 2, Math.floor(max / 2));
      const first = wrapLine(line.slice(indent), max - indent);
      const head = first[0] ?? '';
      const rest = wrapLine(first.slice(1).join(' '), max - hang);
      const lines = carryStyles([head, ...rest]);
      return lines.map((l, i) => fit(`${' '.repeat(i === 0 ? indent : hang)}${l}`, max));
    })
    .join('\n');
}

/** The widest word of a cell's text (what a column needs so that no word is cut), padding excluded. */
export function widestWord(text: string): number {
  let widest = 0;
  for (const word of text.replace(SGR, '').split(/\s+/)) widest = Math.max(widest, width(word));
  return widest;
}

/** A cell's text wrapped at spaces to lines of at most `max` columns (a longer word is cut). */
export function wrapText(text: string, max: number): string[] {
  return wrapCell(text, max).map((l) => fit(l, max));
}
