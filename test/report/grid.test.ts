/**
 * grid.ts must draw what cli-table3 0.6.5 drew (kept as a dev dependency for this comparison), for
 * the options the reports used, and in linear time.
 */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grid } from '../../src/report/grid.js';

function cliTable3(head: string[], rows: string[][], widths: number[]): string {
  const table = new Table({ head, colWidths: widths, style: { head: [], border: [], compact: false }, wordWrap: true });
  table.push(...rows);
  return table.toString();
}

const chalk = new Chalk({ level: 1 });

/**
 * Cell text from the pieces that make layouts differ: whitespace runs (NBSP, the wide ideographic
 * space and tab too), long words, combining marks (inside and outside U+0300–U+036F), wide
 * characters, emoji, astral letters, newlines, and the SGR sequences Chalk writes (bold, dim,
 * colours, resets), opened in one place and closed in another.
 */
const PIECES = [
  'a', 'Bc', 'Dolmabahçe', 'Zaporizhzhia-Kherson-Donetsk-Luhansk', ' ', '  ', '\u00a0', '\u3000', '\t', ', ', '\n', '—', '…',
  'e\u0301', '\u0483', 'İzmir', '中文', 'あ', '👍', '👨‍👩‍👧', '𝐀', '#',
  '\x1b[1m', '\x1b[22m', '\x1b[2m', '\x1b[31m', '\x1b[39m', '\x1b[32m', '\x1b[41m', '\x1b[49m', '\x1b[4m', '\x1b[24m',
  '\x1b[0m', '\x1b[m', '\x1b[3m', '\x1b[7m', '\x1b[9m', '\x1b[38;5;200m',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((parts) => parts.join(''));
const styled = fc.tuple(text, fc.constantFrom<(s: string) => string>((s) => s, chalk.dim, chalk.bold, chalk.red.bold, chalk.green)).map(([s, style]) => style(s));
const table = fc.integer({ min: 1, max: 5 }).chain((columns) =>
  fc.record({
    head: fc.array(styled, { minLength: columns, maxLength: columns }),
    rows: fc.array(fc.array(styled, { minLength: columns, maxLength: columns }), { maxLength: 5 }),
    widths: fc.array(fc.integer({ min: 3, max: 30 }), { minLength: columns, maxLength: columns }),
  }),
);

describe('grid', () => {
  it('draws a small table', () => {
    expect(grid(['Fact', 'Value'], [['venue', 'Dolmabahçe Palace'], ['date', '']], [8, 12])).toBe(
      [
        '┌────────┬────────────┐',
        '│ Fact   │ Value      │',
        '├────────┼────────────┤',
        '│ venue  │ Dolmabahçe │',
        '│        │ Palace     │',
        '├────────┼────────────┤',
        '│ date   │            │',
        '└────────┴────────────┘',
      ].join('\n'),
    );
  });

  it('draws what cli-table3 draws (property)', () => {
    fc.assert(
      fc.property(table, ({ head, rows, widths }) => {
        expect(grid(head, rows, widths)).toBe(cliTable3(head, rows, widths));
      }),
      { numRuns: 3000 },
    );
  });

  it('is linear in a cell that lists hundreds of outlets', () => {
    // 2,000 names with combining marks, 670 lines: cli-table3 did not finish within 10 minutes.
    const outlets = Array.from({ length: 2000 }, (_, i) => `Outle\u0301t ${i}`).join(', ');
    const started = performance.now();
    const out = grid(['Value', 'Outlets'], [['1,000', chalk.dim(outlets)]], [12, 40]);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(out.split('\n').length).toBeGreaterThan(600);
  });
});
