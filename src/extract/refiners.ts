/**
 * Refiners run after the extractors over one sentence's candidates, in this order:
 * 1. overlaps: of two overlapping candidates of the same kind, the longer span wins;
 * 2. duplicates: the same kind, subject and value stated at the same place (anchor, else start) is reported once.
 */
import type { Candidate } from './types.js';

export type Refiner = (candidates: Candidate[]) => Candidate[];

/** Whether two candidates of one kind and subject clash: anchors that differ are two statements. */
const clashes = (k: Candidate, c: Candidate) =>
  k.start < c.end && c.start < k.end && !(k.anchor !== undefined && c.anchor !== undefined && k.anchor !== c.anchor);

/**
 * Candidates are taken longest first, so a kept one that overlaps the next is at least as long and
 * covers its first or its last character: each candidate looks up the kept ones at those two
 * offsets (kept per kind and subject, by offset), not every kept one — linear in the candidates,
 * where comparing each with all kept ones was quadratic in a sentence of thousands of mentions.
 */
const overlaps: Refiner = (candidates) => {
  const sorted = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  const covering = new Map<string, Map<number, Candidate[]>>();
  for (const c of sorted) {
    const key = `${c.fact}\u0000${c.subject ?? ''}`;
    let at = covering.get(key);
    if (!at) covering.set(key, (at = new Map()));
    // Same span stated twice ("Medinsky led the Russian side, as he did in 2022") is kept: the
    // two statements may belong to different meetings.
    const clash = [c.start, c.end - 1].some((offset) => at.get(offset)?.some((k) => clashes(k, c)));
    if (clash) continue;
    kept.push(c);
    for (let offset = c.start; offset < c.end; offset++) {
      const list = at.get(offset);
      if (list) list.push(c);
      else at.set(offset, [c]);
    }
  }
  return kept;
};

export const valueKey = (c: { fact: string; subject: string | null; value: unknown }) => `${c.fact}\u0000${c.subject ?? ''}\u0000${JSON.stringify(c.value)}`;

const duplicates: Refiner = (candidates) => {
  const seen = new Set<string>();
  return candidates.filter((c) => {
    // Where it is stated: its anchor, else its span ("at the Çırağan Palace on June 2 and again at
    // the Çırağan Palace on July 23" states the venue twice, for two meetings).
    const key = `${valueKey(c)}\u0000${c.anchor ?? c.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

export const REFINERS: readonly Refiner[] = [overlaps, duplicates];

export function refine(candidates: Candidate[]): Candidate[] {
  const refined = REFINERS.reduce((list, refiner) => refiner(list), candidates);
  return refined.sort((a, b) => a.start - b.start || a.end - b.end);
}
