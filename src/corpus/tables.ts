/**
 * Markdown tables in an article body: a header row, a separator row ("|---|---|"), body rows. A
 * table that compares meetings ("| | First round | Second round |") says which meeting each
 * column is about; the pipeline reads that from the header cells. Linear in the text.
 */

export interface Cell {
  /** Offsets of the cell's text (between its pipes) in the body. */
  start: number;
  end: number;
}

export interface Table {
  header: Cell[];
  /** The body rows: their cells, in column order. */
  rows: Cell[][];
}

/** "|---|:--:|": nothing but pipes, dashes, colons and spaces, with a pipe and a run of dashes. */
function isSeparator(line: string): boolean {
  return /^[\s|:-]+$/.test(line) && line.includes('|') && line.includes('--');
}

/** The cells of one table line starting at `start`: the stretches between its pipes. */
function cells(line: string, start: number): Cell[] {
  const out: Cell[] = [];
  let from = line.indexOf('|');
  if (from < 0) return out;
  for (let i = from + 1; i <= line.length; i++) {
    if (i === line.length || line[i] === '|') {
      // A last stretch after the closing pipe is no cell.
      if (i < line.length || line.slice(from + 1).trim() !== '') out.push({ start: start + from + 1, end: start + i });
      from = i;
    }
  }
  return out;
}

export function markdownTables(body: string): Table[] {
  const tables: Table[] = [];
  let current: { lines: Array<{ text: string; start: number }> } | null = null;
  const flush = () => {
    if (current && current.lines.length >= 3 && isSeparator((current.lines[1] as { text: string }).text)) {
      const [head, , ...rest] = current.lines as Array<{ text: string; start: number }>;
      tables.push({ header: cells((head as { text: string }).text, (head as { start: number }).start), rows: rest.map((l) => cells(l.text, l.start)) });
    }
    current = null;
  };
  let start = 0;
  while (start <= body.length) {
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    const text = body.slice(start, end).replace(/\r$/, '');
    if (text.trimStart().startsWith('|')) (current ??= { lines: [] }).lines.push({ text, start });
    else flush();
    start = end + 1;
  }
  flush();
  return tables;
}

/** The index of the cell of `row` that holds `offset`, or -1. */
export function cellAt(row: readonly Cell[], offset: number): number {
  return row.findIndex((c) => c.start <= offset && offset < c.end);
}
