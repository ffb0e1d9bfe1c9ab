/**
 * The stable identity of a disagreement: what it is about (event, fact, subject) and who says what
 * (each value with the outlets behind it). Positions are left out on purpose, so editing unrelated
 * text in an article, or moving a quote to another line, keeps the fingerprint.
 */
import { createHash } from 'node:crypto';
import { byString, canonical } from '../canonical.js';
import type { FactKind, FactValue } from '../types.js';

export interface Disagreement {
  event: string | null;
  fact: FactKind;
  subject: string | null;
  values: readonly { value: FactValue; outlets: readonly string[] }[];
}

/** sha256 (hex) of the canonical JSON of {event, fact, subject, sorted [value, sorted outlets] pairs}. */
export function fingerprint(d: Disagreement): string {
  const pairs = d.values
    .map((v) => [v.value, [...v.outlets].sort(byString)] as const)
    .map((pair) => ({ pair, key: canonical(pair) }))
    .sort((a, b) => byString(a.key, b.key))
    .map((p) => p.pair);
  return createHash('sha256').update(canonical({ event: d.event, fact: d.fact, subject: d.subject, values: pairs })).digest('hex');
}
