/**
 * Refiners run after the extractors over one sentence's candidates, in this order:
 * 1. overlaps: of two overlapping candidates of the same kind, the longer span wins;
 * 2. duplicates: the same kind, subject and value stated at the same place (anchor, else start) is reported once.
 */
import type { Candidate } from './types.js';

export type Refiner = (candidates: Candidate[]) => Candidate[];

const overlaps: Refiner = (candidates) => {
  const sorted = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    // Same span stated twice ("Medinsky led the Russian side, as he did in 2022") is kept: the
    // two statements may belong to different meetings.
    const clash = kept.some(
      (k) =>
        k.fact === c.fact &&
        k.start < c.end &&
        c.start < k.end &&
        k.subject === c.subject &&
        !(k.anchor !== undefined && c.anchor !== undefined && k.anchor !== c.anchor),
    );
    if (!clash) kept.push(c);
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
