/** Small helpers over RegExp matches compiled with the `d` flag (group offsets). */

export type Match = RegExpExecArray;

/** Start offset of a named group, or undefined when it did not take part. */
export function groupStart(m: Match, name: string): number | undefined {
  return m.indices?.groups?.[name]?.[0];
}

/**
 * All matches of a global pattern (compiled once by the caller) over `text`. With `overlapping`,
 * the next search starts one character after the last match began, so a match that is rejected
 * later cannot hide one that starts inside it.
 */
export function* matchAll(re: RegExp, text: string, overlapping = false): Generator<Match> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    yield m;
    if (overlapping) re.lastIndex = m.index + 1;
    else if (m[0].length === 0) re.lastIndex++;
  }
}
