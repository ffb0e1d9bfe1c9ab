/**
 * A list of words as one regex alternation, factored into a trie: "halt|hand|head" becomes
 * `h(?:a(?:lt|nd)|ead)`. It matches what the flat alternation `halt|hand|head` (longest word
 * first) matches, in the same order of preference: where one word is a prefix of another, the
 * longer is tried first, and backtracking falls back to the shorter. The engine then decides on
 * the first letter once, instead of trying every word at every place of the text: about twice as
 * fast on lists of a hundred words.
 *
 * The preference holds as long as one text takes one path through the trie: a piece that matches
 * a variable length (a space read as `\s+`) must not be followed by one that can match the same
 * characters. Gazetteer surfaces (single spaces between words) are like that.
 */

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

interface Node {
  children: Map<string, Node>;
  end: boolean;
}

/**
 * The regex source of the alternation of `words` (a group, so it can be quantified or joined).
 * `piece` turns one character into its pattern (default: the character, escaped); characters that
 * give the same pattern share a branch.
 */
export function alternationOf(words: readonly string[], piece: (char: string) => string = escapeRegExp): string {
  const root: Node = { children: new Map(), end: false };
  for (const word of words) {
    let node = root;
    for (const char of word) {
      const key = piece(char);
      let next = node.children.get(key);
      if (!next) node.children.set(key, (next = { children: new Map(), end: false }));
      node = next;
    }
    node.end = true;
  }
  const emit = (node: Node): string => {
    const branches = [...node.children.keys()].sort().map((key) => key + emit(node.children.get(key) as Node));
    // A leaf ends a word; a root without words matches nothing.
    if (branches.length === 0) return node.end ? '' : '(?!)';
    const body = branches.length === 1 && !node.end ? (branches[0] as string) : `(?:${branches.join('|')})`;
    // A greedy `?` tries the longer words before ending here, as the longest-first list does.
    return node.end ? `${body}?` : body;
  };
  return `(?:${emit(root)})`;
}
