/** Output-time sanitising: sequences removed whole, widths in terminal columns, JSON escaped. */
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  displayWidth,
  escapeControls,
  githubData,
  githubProperty,
  markdownCell,
  quoteForMessage,
  safeJson,
  sanitize,
  sanitizeInline,
  segmentation,
  truncate,
} from '../../src/report/sanitize.js';

/** What must never reach a terminal from the corpus. */
const FORBIDDEN = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

/** Strings built from the pieces attacks are made of, mixed with ordinary text. */
const PIECES = [
  '\x1b', '[', ']', '\\', '\x07', '\x9b', '\x9d', '\x90', '\x9c', '2J', '0;', '52;c;', '8;;', 'http://x', ';', 'm', '31',
  '\r', '\n', '\t', '\b', '\x7f', '\x85', '\u202e', '\u2066', '\u200b', '\ufeff', '\u{e0041}', '\ud800', '\udc00',
  'Dolmabahçe', '中文', '👍', '👨‍👩‍👧', 'e\u0301', ' ', 'a', '|', '%', ':', ',', '<b>', '`', '*', '_',
];
const hostile = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.oneof(hostile, fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));

describe('sanitize', () => {
  it.each([
    ['clear screen', 'a\x1b[2J\x1b[3J\x1b[Hb', 'ab'],
    ['OSC 0 window title, BEL', 'a\x1b]0;pwned\x07b', 'ab'],
    ['OSC 0 window title, ST', 'a\x1b]0;pwned\x1b\\b', 'ab'],
    ['OSC 52 clipboard', 'a\x1b]52;c;cm0gLXJmIH4K\x07b', 'ab'],
    ['OSC 8 hidden link', '\x1b]8;;https://evil\x1b\\click\x1b]8;;\x1b\\', 'click'],
    ['8-bit CSI and OSC', 'a\x9b2Jb\x9d0;t\x9cc', 'abc'],
    ['DCS, APC, PM, SOS', 'a\x1bPq#0\x1b\\b\x1b_x\x1b\\c\x1b^y\x1b\\d\x1bXz\x1b\\e', 'abcde'],
    ['unterminated OSC swallows the rest', 'a\x1b]0;never ends', 'a'],
    ['SGR', '\x1b[1;31mred\x1b[0m', 'red'],
    ['charset and other two-byte escapes', 'a\x1b(0b\x1bMc', 'abc'],
    ['CR, BS, DEL, NEL', 'a\rb\bc\x7fd\x85e', 'abcde'],
    ['BiDi overrides and isolates', '\u202eevil\u202c \u2066x\u2069 \u200fy', 'evil x y'],
    ['zero-width and tag characters', 'a\u200bb\u2060c\ufeffd\u{e0041}\u{e007f}e', 'abcde'],
    ['lone surrogates', 'a\ud800b\udc00c', 'a\ufffdb\ufffdc'],
    ['keeps text, tabs and newlines', 'Çırağan\tPalace\n中文 👍', 'Çırağan\tPalace\n中文 👍'],
  ])('%s', (_name, input, output) => {
    expect(sanitize(input)).toBe(output);
  });

  it('leaves nothing unsafe and is idempotent (property)', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const clean = sanitize(s);
        expect(clean).not.toMatch(FORBIDDEN);
        expect(sanitize(clean)).toBe(clean);
        const inline = sanitizeInline(s);
        expect(inline).not.toMatch(/[\n\r\t\u2028\u2029]/);
        expect(inline).not.toMatch(FORBIDDEN);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('escapeControls', () => {
  it('shows what it replaces', () => {
    expect(escapeControls('a\x1b[2J\u202e\x00\n\u{e0041}é')).toBe('a\\x1B[2J\\u202E\\x00\\x0A\\u{E0041}é');
    expect(quoteForMessage('x\x1b'.repeat(50), 12)).toBe('"x\\x1Bx\\x1Bx…"');
  });

  it('leaves nothing unsafe (property)', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(escapeControls(s)).not.toMatch(FORBIDDEN);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('display width and truncation', () => {
  it.each([
    ['ascii', 'Financial Times', 15],
    ['Turkish letters', 'Çırağan', 7],
    ['combining accent', 'e\u0301', 1],
    ['CJK', '中文', 4],
    ['emoji', '👍', 2],
    ['ZWJ family', '👨‍👩‍👧', 2],
    ['SGR sequences', '\x1b[31mab\x1b[0m', 2],
  ])('%s', (_name, text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('cuts between grapheme clusters, by columns', () => {
    expect(truncate('Dolmabahçe Palace', 8)).toBe('Dolmaba…');
    expect(truncate('中文中文', 5)).toBe('中文…');
    expect(truncate('👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧', 5)).toBe('👨‍👩‍👧👨‍👩‍👧…');
    expect(truncate('e\u0301e\u0301e\u0301', 2)).toBe('e\u0301…');
    expect(truncate('short', 10)).toBe('short');
  });

  it('never cuts an escape sequence and keeps the ones after the cut, so styles close', () => {
    const chalk = new Chalk({ level: 3 });
    const styled = `${chalk.red('Dolmabahçe')} ${chalk.bold.rgb(10, 20, 30)('Palace on the Bosphorus')}`;
    const cut = truncate(styled, 12);
    expect(cut.replace(/\x1b\[[0-9;]*m/g, '')).toBe('Dolmabahçe …');
    expect(cut.match(/\x1b\[[0-9;]*m/g)).toEqual(styled.match(/\x1b\[[0-9;]*m/g));
    expect(cut).not.toMatch(/\x1b(?!\[[0-9;]*m)/);
  });

  it('fits the width, keeps a prefix and every sequence (property)', () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
    const sgr = fc.constantFrom('\x1b[31m', '\x1b[0m', '\x1b[1;38;2;10;20;30m', '\x1b]8;;http://x\x1b\\');
    // Latin text (read without the segmenter) next to marks that join a Latin letter ("e\u0301").
    const latin = fc.string({ unit: fc.integer({ min: 0x20, max: 0x2ff }).map((c) => String.fromCharCode(c)), maxLength: 6 });
    const styled = fc
      .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), latin, fc.constantFrom('中', '👍', 'e\u0301', '\u0301', '\u00ad'), sgr), { maxLength: 12 })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(styled, fc.integer({ min: 1, max: 30 }), (s, max) => {
        const out = truncate(s, max);
        expect(displayWidth(out)).toBeLessThanOrEqual(Math.max(max, 1));
        const plain = (x: string) => x.replace(/\x1b\[[0-9;]*m|\x1b\]8;;[^\x1b]*\x1b\\/g, '');
        const kept = plain(out).replace(/…$/, '');
        expect(plain(s).startsWith(kept)).toBe(true);
        // A cut lands on a grapheme boundary of the original.
        const bounds = new Set([...segmenter.segment(plain(s))].map((g) => g.index).concat(plain(s).length));
        expect(bounds.has(kept.length)).toBe(true);
        // Unchanged exactly when it fits.
        expect(out === s).toBe(displayWidth(s) <= max);
      }),
      { numRuns: 2000 },
    );
  });

  it('segments a window at a time into the clusters of one pass (property)', () => {
    // Clusters that span several code points, and rules that look back: ZWJ sequences, flags
    // (regional-indicator pairs), skin tones, runs of combining marks, Hangul jamo, an Indic
    // conjunct, CR LF, astral letters, and escape sequences between them.
    const pieces = ['👨‍👩‍👧', '🇹🇷', '🇺🇦', '\u{1f1f9}', '👍🏽', 'e\u0301\u0302\u0303', '\u0301', '\u1100\u1161\u11a8', 'क्ष', '\r\n', '\r', '𝐀', '中', 'a', ' ', '\u200d', '\x1b[31m', '\x1b[0m'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join(''));
    const run = (s: string, max: number, window: number) => {
      segmentation.window = window;
      try {
        return [displayWidth(s), truncate(s, max)];
      } finally {
        segmentation.window = 1024;
      }
    };
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 40 }), (s, window, max) => {
        expect(run(s, max, window)).toEqual(run(s, max, 1e9));
      }),
      { numRuns: 3000 },
    );
  });

  it('costs what the cut keeps, not what the text holds', () => {
    // A finding's message names every outlet: 2 MB of non-ASCII text, cut to 600 columns many times.
    const long = 'Çırağan Palace — Financial Times, '.repeat(60_000);
    const started = performance.now();
    for (let i = 0; i < 50; i++) expect(truncate(long, 600)).toHaveLength(600);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('JSON, Markdown, GitHub', () => {
  it('JSON escapes controls, BiDi and invisibles and round-trips (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), anyText, (value, s) => {
        const doc = { value, s };
        const out = safeJson(doc, 2);
        expect(out).not.toMatch(FORBIDDEN);
        expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(doc)));
      }),
      { numRuns: 1000 },
    );
  });

  it('Markdown cells cannot open a column, a link, an image or a tag', () => {
    expect(markdownCell('a | b ![x](http://e) <img src=x> `c`\nd\x1b[2J')).toBe('a \\| b !\\[x\\](http://e) &lt;img src=x&gt; \\`c\\` d');
  });

  it('GitHub workflow commands escape %, CR, LF, and : , in properties', () => {
    expect(githubData('50%\nnext\x1b[2J')).toBe('50%25%0Anext');
    expect(githubProperty('corpus/a:b,c.md')).toBe('corpus/a%3Ab%2Cc.md');
  });
});
