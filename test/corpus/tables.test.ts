import { describe, expect, it } from 'vitest';
import { cellAt, markdownTables } from '../../src/corpus/tables.js';

describe('markdown tables', () => {
  const text = 'Intro.\n\n| | First round | Second round |\n|---|:---:|---|\n| Venue | Dolmabahce Palace | Ciragan Palace |\n| Length | two hours | an hour |\n\nAfter.';
  const cellText = (c: { start: number; end: number }) => text.slice(c.start, c.end).trim();

  it('reads the header and the body rows, cell by cell, with offsets into the text', () => {
    const [table] = markdownTables(text);
    expect(table?.header.map(cellText)).toEqual(['', 'First round', 'Second round']);
    expect(table?.rows.map((r) => r.map(cellText))).toEqual([
      ['Venue', 'Dolmabahce Palace', 'Ciragan Palace'],
      ['Length', 'two hours', 'an hour'],
    ]);
    const row = table?.rows[0] ?? [];
    expect(cellAt(row, text.indexOf('Ciragan'))).toBe(2);
  });

  it('is no table without a separator row, or with fewer than three lines', () => {
    expect(markdownTables('| a | b |\n| c | d |\n| e | f |')).toEqual([]);
    expect(markdownTables('| a | b |\n|---|---|')).toEqual([]);
  });
});
