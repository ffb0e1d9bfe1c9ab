/** How far apart two spellings of a name are: shared by the matchers of misspelt venues and of given-name variants. */

/**
 * Edits (insert, delete, substitute, swap two neighbours) between two short words, or `limit + 1`
 * once it is clear there are more than `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] as number) + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length] as number;
}

/**
 * A name as it sounds, whichever way it was transliterated: "kh" and "ch" (German for the same
 * letter) read "h", "w" reads "v", "j" and "y" read "i", and a doubled letter one. "Arachamija" and
 * "Arakhamia", "Wladimir Medinskij" and "Vladimir Medinsky" have one key. Takes a folded key
 * (lower-case ASCII, as foldKey gives).
 */
export function soundKey(key: string): string {
  let out = '';
  for (let i = 0; i < key.length; i++) {
    let c = key[i] as string;
    if ((c === 'k' || c === 'c') && key[i + 1] === 'h') continue;
    if (c === 'w') c = 'v';
    else if (c === 'j' || c === 'y') c = 'i';
    if (out[out.length - 1] !== c) out += c;
  }
  return out;
}
