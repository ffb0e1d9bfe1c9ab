/**
 * An Aho–Corasick automaton over a small alphabet of numbered symbols: it reads a text one symbol
 * at a time, one table lookup per symbol, and knows after each which of its words end there. One
 * pass finds every occurrence of every word, however many words there are, with no backtracking:
 * the cue scan and the gazetteer use it where a long regex alternation spent most of its time
 * trying words that fail.
 */

export interface Automaton {
  /** Size of the alphabet: symbols are 0 … symbols − 1. */
  symbols: number;
  /** `next[state × symbols + symbol]`: the state after reading a symbol (failure links folded in). State 0 is the start. */
  next: Int32Array;
  /**
   * The words (indices into the list given) that end in each state, longest first: those of the
   * state's own path and of its suffixes. Entries `from[state]` to `from[state + 1]` of `words`.
   */
  from: Int32Array;
  words: Int32Array;
}

/** The automaton of `words`, each a list of symbols. */
export function automatonOf(words: ReadonlyArray<readonly number[]>, symbols: number): Automaton {
  // The trie: state 0 is the root.
  const children: Array<Map<number, number>> = [new Map()];
  const own: number[][] = [[]];
  words.forEach((word, index) => {
    let state = 0;
    for (const symbol of word) {
      if (!Number.isInteger(symbol) || symbol < 0 || symbol >= symbols) throw new Error(`symbol ${symbol} is outside the alphabet of ${symbols}`);
      let child = children[state]?.get(symbol);
      if (child === undefined) {
        child = children.length;
        children.push(new Map());
        own.push([]);
        children[state]?.set(symbol, child);
      }
      state = child;
    }
    own[state]?.push(index);
  });
  // Breadth first, so that the state a failure link points to is complete before it is used.
  const count = children.length;
  const next = new Int32Array(count * symbols);
  const fail = new Int32Array(count);
  const ending: number[][] = own.map(() => []);
  ending[0] = own[0] as number[];
  const queue: number[] = [];
  for (const [symbol, child] of children[0] as Map<number, number>) {
    next[symbol] = child;
    queue.push(child);
  }
  for (let q = 0; q < queue.length; q++) {
    const state = queue[q] as number;
    const back = fail[state] as number;
    // A state's own words are longer than its suffix's.
    ending[state] = [...(own[state] as number[]), ...(ending[back] as number[])];
    for (let symbol = 0; symbol < symbols; symbol++) {
      const child = children[state]?.get(symbol);
      if (child === undefined) next[state * symbols + symbol] = next[back * symbols + symbol] as number;
      else {
        next[state * symbols + symbol] = child;
        fail[child] = next[back * symbols + symbol] as number;
        queue.push(child);
      }
    }
  }
  const from = new Int32Array(count + 1);
  for (let state = 0; state < count; state++) from[state + 1] = (from[state] as number) + (ending[state] as number[]).length;
  return { symbols, next, from, words: Int32Array.from(ending.flat()) };
}
