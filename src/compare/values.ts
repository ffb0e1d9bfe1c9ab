/**
 * How two values of one fact kind relate (SPEC.md §6). Quantities become intervals under the
 * tolerance t: exact v → [v(1−t), v(1+t)], about → ±2t, under v → [0, v), over v → (v, ∞),
 * at least v → [v, ∞), a range → [v(1−t), max(1+t)]. Identical intervals agree, overlapping ones
 * are compatible, disjoint ones conflict. Entities and dates compare by id, lists as sets.
 */
import { canonical } from '../canonical.js';
import type { CeasefireValue, DurationValue, FactKind, FactValue, PrisonerExchangeValue } from '../types.js';

export type Relation = 'equal' | 'compatible' | 'conflict';

export interface Interval {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
}

const closed = (lo: number, hi: number): Interval => ({ lo, hi, loOpen: false, hiOpen: false });

export function durationInterval(v: DurationValue, t: number): Interval {
  const m = v.minutes;
  switch (v.qualifier) {
    case 'exact':
      return closed(m * (1 - t), m * (1 + t));
    case 'about':
      return closed(m * (1 - 2 * t), m * (1 + 2 * t));
    case 'under':
      return { lo: 0, hi: m, loOpen: false, hiOpen: true };
    case 'over':
      return { lo: m, hi: Infinity, loOpen: true, hiOpen: false };
  }
}

/** Prisoner figures compare per side when both give one, else as totals. */
export function prisonerInterval(v: PrisonerExchangeValue, t: number, perSide: boolean): Interval | null {
  const base = perSide ? v.perSide : (v.total ?? (v.perSide !== null ? v.perSide * 2 : null));
  if (base === null) return null;
  const max = v.perSideMax !== undefined ? (perSide ? v.perSideMax : v.perSideMax * 2) : base;
  switch (v.qualifier) {
    case 'exact':
      return closed(base * (1 - t), base * (1 + t));
    case 'about':
      return closed(base * (1 - 2 * t), base * (1 + 2 * t));
    case 'at-least':
      return closed(base, Infinity);
    case 'range':
      return closed(base * (1 - t), max * (1 + t));
  }
}

export function ceasefireInterval(v: CeasefireValue): Interval {
  return closed(v.days, v.maxDays ?? v.days);
}

export function overlaps(a: Interval, b: Interval): boolean {
  const aboveLo = (x: Interval, y: Interval) => (x.hi > y.lo || (x.hi === y.lo && !x.hiOpen && !y.loOpen));
  return aboveLo(a, b) && aboveLo(b, a);
}

const same = (a: Interval, b: Interval) => a.lo === b.lo && a.hi === b.hi && a.loOpen === b.loOpen && a.hiOpen === b.hiOpen;

/** a ⊇ b */
export function containsInterval(a: Interval, b: Interval): boolean {
  const loOk = a.lo < b.lo || (a.lo === b.lo && (!a.loOpen || b.loOpen));
  const hiOk = a.hi > b.hi || (a.hi === b.hi && (!a.hiOpen || b.hiOpen));
  return loOk && hiOk;
}

function intervalsOf(fact: FactKind, a: FactValue, b: FactValue, t: number): [Interval, Interval] | null {
  if (fact === 'duration') return [durationInterval(a as DurationValue, t), durationInterval(b as DurationValue, t)];
  if (fact === 'ceasefire-proposal') return [ceasefireInterval(a as CeasefireValue), ceasefireInterval(b as CeasefireValue)];
  if (fact === 'prisoner-exchange') {
    const pa = a as PrisonerExchangeValue;
    const pb = b as PrisonerExchangeValue;
    const perSide = pa.perSide !== null && pb.perSide !== null;
    const ia = prisonerInterval(pa, t, perSide);
    const ib = prisonerInterval(pb, t, perSide);
    return ia && ib ? [ia, ib] : null;
  }
  return null;
}

export function relate(fact: FactKind, a: FactValue, b: FactValue, tolerance: number): Relation {
  if (canonical(a) === canonical(b)) return 'equal';
  if (Array.isArray(a) && Array.isArray(b)) {
    const sa = new Set(a);
    const sb = new Set(b);
    const aInB = a.every((x) => sb.has(x));
    const bInA = b.every((x) => sa.has(x));
    if (aInB && bInA) return 'equal';
    return aInB || bInA ? 'compatible' : 'conflict';
  }
  const intervals = intervalsOf(fact, a, b, tolerance);
  if (intervals) {
    const [ia, ib] = intervals;
    if (same(ia, ib)) return 'equal';
    return overlaps(ia, ib) ? 'compatible' : 'conflict';
  }
  return 'conflict';
}

/**
 * True when `a` says less than `b` and `b` implies it ("thousands" beside "1,000 for 1,000"): an
 * outlet reporting both stands by `b`. Judged on the stated figures, without tolerance.
 */
export function subsumes(fact: FactKind, a: FactValue, b: FactValue): boolean {
  if (canonical(a) === canonical(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    const sb = new Set(b);
    return a.length < b.length && a.every((x) => sb.has(x));
  }
  const intervals = intervalsOf(fact, a, b, 0);
  if (!intervals) return false;
  const [ia, ib] = intervals;
  return !same(ia, ib) && containsInterval(ia, ib);
}
