/**
 * A copy of `s` that does not keep the string it was cut from alive. V8 represents a slice (and a
 * YAML parser's plain scalar, a split, a trim) as a view of its parent, so a 30-character quote — or
 * an outlet name read from front matter — would otherwise hold its whole article in memory for as
 * long as the fact or the article summary is kept.
 */
export function detach(s: string): string {
  return ` ${s}`.slice(1);
}
