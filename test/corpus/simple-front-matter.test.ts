/**
 * The hand-written reader of simple front matter against the YAML parser it stands in for: on
 * every block it accepts it must give the same data (same keys, same order, same values), the
 * same key offsets and so the same diagnostics; on anything else it must decline.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findFrontMatter, parseFrontMatter, parseYamlFrontMatter, type FrontMatterBlock, type YamlResult } from '../../src/corpus/front-matter.js';
import { validateMeta } from '../../src/corpus/meta.js';
import { parseSimpleFrontMatter } from '../../src/corpus/simple-front-matter.js';
import { ROOT } from '../helpers.js';

const block = (source: string, sourceStart = 4): FrontMatterBlock => ({ language: '', source, sourceStart, sourceLine: 2, bodyStart: 0 });

/** What must be equal, order included (toEqual alone ignores the order of keys). */
function shape(result: YamlResult, b: FrontMatterBlock) {
  if (!result.ok) return result;
  const data = result.data as Record<string, unknown>;
  return {
    prototype: Object.getPrototypeOf(data) as unknown,
    entries: Object.entries(data),
    keyOffsets: [...result.keyOffsets],
    meta: validateMeta(result.data, b, result.keyOffsets),
  };
}

/** The fast reader's answer, checked against the YAML parser's when it gives one. */
function compare(b: FrontMatterBlock): boolean {
  const fast = parseSimpleFrontMatter(b);
  if (fast === null) return false;
  expect(shape(fast, b)).toEqual(shape(parseYamlFrontMatter(b), b));
  return true;
}

// --- Blocks inside the subset: all must be accepted, with the YAML parser's result.

const KEYS = ['outlet', 'published', 'title', 'url', 'author', 'language', 'event', 'section', 'a-b', 'x_1', 'Y', 'on', 'No', 'constructor', 'toString', 'inf', 'e5', 'nulls', 'k'.repeat(64)];
const key = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...KEYS) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z][\w-]{0,8}$/).filter((k) => !/^(?:null|true|false)$/i.test(k)) },
);
/** Words a plain scalar may start with, then words it may go on with (single spaces between). */
const FIRST_WORDS = ['Northern', 'Ledger', 'C#', 'a:b', 'Rock\'n\'Roll', 'Çırağan', 'İstanbul', '2025-05-16', '2025-05-16T10:30:00Z', 'https://example.com/a?b=c#d', 'x,y', 'é', '😀', 'Ω', '=', '<<', '...', 'a\\b', 'nan', 'Infinity', '0b101', '1_000', '12:30', '1.2.3', '0x', 'e5'];
const MORE_WORDS = [...FIRST_WORDS, '-', '--', '---', '[1]', '{y}', '%', '@home', '!', '&', '*', '|', '>', '?', '`', '~', '12', 'null', 'true', "'", '"', '"quoted"', '\\', '#hash', ':b', '\u3000'];
const plain = fc
  .tuple(fc.constantFrom(...FIRST_WORDS), fc.array(fc.tuple(fc.constantFrom(' ', '  '), fc.constantFrom(...MORE_WORDS)), { maxLength: 4 }))
  .map(([first, rest]) => first + rest.map(([space, word]) => space + word).join(''))
  .filter((v) => !v.endsWith(':'));
const QUOTED_PIECES = ['Talks', ' ', '  ', '#', ' # not a comment', ': ', ':', '---', '...', '- x', '[a, b]', '{a: 1}', '&a', '*a', '!!str', 'é', 'İ', '😀', '\u00a0', '%', '@', '`', '~', 'null', '12', ''];
const quotedText = (extra: string[]) => fc.array(fc.constantFrom(...QUOTED_PIECES, ...extra), { maxLength: 5 }).map((p) => p.join(''));
const value = fc.oneof(
  { weight: 3, arbitrary: plain },
  { weight: 2, arbitrary: quotedText(["'"]).map((t) => `"${t}"`) },
  { weight: 2, arbitrary: quotedText(["''", '"', '\\']).map((t) => `'${t}'`) },
);
const after = fc.constantFrom('', '', ' ', '   ', ' # a comment', '  #', ' # x: "y" #z');
const eol = fc.constantFrom('\n', '\n', '\r\n');
const extraLine = fc.constantFrom('', '#', '# comment', '#: not a key', '#\u00a0x');
const subsetBlock = fc
  .tuple(
    fc.uniqueArray(key, { minLength: 1, maxLength: 7 }),
    fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), value, after, eol, fc.option(extraLine, { freq: 4 }), eol), { minLength: 7, maxLength: 7 }),
    fc.boolean(),
    fc.nat({ max: 12 }),
  )
  .map(([keys, rest, unterminated, start]) => {
    const lines = keys.map((k, i) => {
      const [spaces, v, tail, end, extra, end2] = rest[i] as [number, string, string, string, string | null, string];
      return `${k}:${' '.repeat(spaces)}${v}${tail}${end}${extra === null ? '' : extra + end2}`;
    });
    const source = lines.join('');
    return block(unterminated ? source.replace(/\r?\n$/, '') : source, start);
  });

// --- Near misses: anything goes; whenever the fast reader accepts, it agrees.

const NEAR_PIECES = [
  ...QUOTED_PIECES, ...MORE_WORDS,
  '\\"', '\\n', '\\x41', '\\u00e9', '"', "'", "''", '\t', '\r', '\n', '\r\n', '\n  ', '\n- ', '\n---\n', '\n...\n', ': ', ' :', ' #', '#',
  '~', 'Null', 'NULL', 'True', 'FALSE', '.inf', '-.Inf', '.NaN', '+.nan', '0x1F', '0o17', '0O17', '1e5', '1E+5', '+1', '-1', '.5', '1.', '-0', '007', '1_000',
  '\u2028', '\u2029', '\u0085', '\ufeff', '\u200b', '\u202e', '\ud800', '\udc00', '\x7f', '\x1b', '\x00', '\ufffe', '\uffff',
];
const nearKey = fc.oneof(
  { weight: 8, arbitrary: key },
  {
    weight: 1,
    arbitrary: fc.constantFrom(' outlet', 'outlet ', 'out let', '-outlet', '"outlet"', "'title'", '1a', '_x', '__proto__', '?', 'k'.repeat(65), 'x\ty', '[a]', 'ключ', 'null', 'True', 'FALSE', '~', '', '<<'),
  },
);
const nearValue = fc.oneof(
  { weight: 6, arbitrary: value },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...NEAR_PIECES), { minLength: 1, maxLength: 4 }).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('"', "'", ''), fc.array(fc.constantFrom(...NEAR_PIECES), { maxLength: 3 }), fc.constantFrom('"', "'", '')).map(([a, p, b]) => a + p.join('') + b) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);
const nearLine = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(nearKey, fc.constantFrom(': ', ': ', ': ', ': ', ':  ', ':', ' : ', ':\t', ': \t'), nearValue, fc.constantFrom('', '', '', ' ', ' # c', '# c', '\t# c', ' #')).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.constantFrom('', '#', '# comment', ' # indented comment', ' ', '\t', '  indented: x', '- item', '  - item', '---', '...', '%YAML 1.2', 'just text', 'key:', 'key: ', 'key:value', 'k: [a, b]', 'k: {a: 1}', 'author:\n  - A', 'title: first\n  continued', '? complex\n: key') },
);
/** Lines of keys, values and separators, each perhaps a near miss. */
const linesBlock = fc
  .tuple(fc.array(fc.tuple(nearLine, fc.constantFrom('\n', '\n', '\n', '\n', '\r\n', '\r\n', '\r', '')), { minLength: 1, maxLength: 4 }), fc.nat({ max: 12 }))
  .map(([lines, start]) => block(lines.map(([l, e]) => l + e).join(''), start));
/** A block of the subset with a piece inserted, or some characters deleted, here and there. */
const edit = fc.record({ at: fc.nat(), text: fc.constantFrom(...NEAR_PIECES), remove: fc.integer({ min: 0, max: 3 }) });
const editedBlock = fc.tuple(subsetBlock, fc.array(edit, { maxLength: 2 })).map(([b, edits]) => {
  let s = b.source;
  for (const e of edits) {
    const at = e.at % (s.length + 1);
    s = s.slice(0, at) + e.text + s.slice(at + e.remove);
  }
  return block(s, b.sourceStart);
});
const nearBlock = fc.oneof({ weight: 2, arbitrary: editedBlock }, { weight: 1, arbitrary: linesBlock });

describe('parseSimpleFrontMatter (property)', () => {
  it('accepts every block of the subset, with the data, key offsets and diagnostics of the YAML parser', () => {
    fc.assert(
      fc.property(subsetBlock, (b) => {
        expect(compare(b)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with the YAML parser on every near miss it accepts, and declines the others', () => {
    let accepted = 0;
    let declined = 0;
    fc.assert(
      fc.property(nearBlock, (b) => {
        if (compare(b)) accepted++;
        else declined++;
      }),
      { numRuns: 6000 },
    );
    // Both sides of the line are exercised, not just one.
    expect(accepted).toBeGreaterThan(600);
    expect(declined).toBeGreaterThan(600);
  });
});

describe('parseSimpleFrontMatter (examples)', () => {
  it('reads the common shape, CRLF and comments included', () => {
    const source = 'outlet: "Northern Ledger"\r\npublished: 2025-06-03T14:27:00Z   # UTC\r\n\r\n# the headline\r\ntitle: \'It\'\'s "over"\'\r\nurl: https://example.com/a#b\r\n';
    const r = parseSimpleFrontMatter(block(source, 4));
    expect(r).toEqual({
      ok: true,
      data: { outlet: 'Northern Ledger', published: '2025-06-03T14:27:00Z', title: 'It\'s "over"', url: 'https://example.com/a#b' },
      keyOffsets: new Map([['outlet', 4], ['published', 31], ['title', 90], ['url', 113]]),
    });
    expect(compare(block(source, 4))).toBe(true);
  });

  it.each([
    ['an escape in double quotes', 'title: "say \\"no\\""\n'],
    ['a tab', 'title:\tx\n'],
    ['an empty value (null)', 'title:\n'],
    ['null', 'title: ~\n'],
    ['a boolean', 'title: True\n'],
    ['an integer', 'title: 12\n'],
    ['a float', 'title: -1.5e3\n'],
    ['a hexadecimal number', 'title: 0x1F\n'],
    ['infinity', 'title: -.inf\n'],
    ['a key read as a boolean', 'true: x\n'],
    ['a repeated key', 'title: a\ntitle: b\n'],
    ['a value with ": "', 'title: a: b\n'],
    ['a value ending with ":"', 'title: a:\n'],
    ['no space after the colon', 'title:x\n'],
    ['a space before the colon', 'title : x\n'],
    ['an indented line', 'title: a\n  b\n'],
    ['a list', 'author:\n- A\n- B\n'],
    ['a flow sequence', 'author: [A, B]\n'],
    ['an anchor', 'title: &a x\n'],
    ['an alias', 'title: *a\n'],
    ['a tag', 'title: !!str x\n'],
    ['a block scalar', 'title: |\n  x\n'],
    ['an unterminated quote', 'title: "x\n'],
    ['a quote running over two lines', "title: 'x\n  y'\n"],
    ['text after a closing quote', 'title: "x" y\n'],
    ['a comment right after a closing quote', 'title: "x"# y\n'],
    ['a bare CR', 'title: x\rpublished: 2025-05-16\n'],
    ['a bare CR in a comment', 'title: x\n# note\rurl: y\n'],
    ['a byte order mark starting a line (YAML drops it)', '\ufefftitle: x\n'],
    ['a byte order mark', 'title: \ufeffx\n'],
    ['a line separator', 'title: x\u2028y\n'],
    ['a control character', 'title: x\x1by\n'],
    ['a lone surrogate', 'title: x\ud800\n'],
    ['a document marker', 'title: x\n...\n'],
    ['a directive', '%YAML 1.2\ntitle: x\n'],
    ['a key of 65 characters', `${'k'.repeat(65)}: x\n`],
    ['a key with a non-ASCII letter', 'başlık: x\n'],
    ['only a comment', '# nothing\n'],
    ['nothing', ''],
  ])('declines %s', (_why, source) => {
    expect(parseSimpleFrontMatter(block(source))).toBeNull();
  });

  it('leaves every problem to the YAML parser, which reports it as before', () => {
    const b = block('outlet: a\noutlet: b\n');
    expect(parseFrontMatter(b)).toEqual(parseYamlFrontMatter(b));
    expect(parseFrontMatter(b)).toMatchObject({ ok: false, problem: { code: 'FRONT_MATTER_YAML' } });
  });

  it('takes the front matter of every bundled and development article', () => {
    for (const dir of ['corpus', 'test/fixtures/dev']) {
      for (const file of fs.readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.md'))) {
        const found = findFrontMatter(fs.readFileSync(path.join(ROOT, dir, file), 'utf8'));
        expect(found.ok && compare(found.block), `${dir}/${file}`).toBe(true);
      }
    }
  });
});
