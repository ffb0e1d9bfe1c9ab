/**
 * Filters checked against what the input holds: `--outlet`, `--event` and `explain --subject`
 * values that match nothing are usage errors (exit 2) listing the valid values, with a "did you
 * mean" — never an empty report that looks like a clean one.
 */
import { checkIsoDate } from '../corpus/meta.js';
import { foldKey, slugify } from '../knowledge/fold.js';
import { editDistance } from '../knowledge/spelling.js';
import { quoteForMessage } from '../report/sanitize.js';
import { UsageError } from './shared.js';

const initials = (key: string) =>
  key
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0])
    .join('');

/**
 * The candidates a mistyped value most likely meant: by folded spelling (a few edits away, or the
 * start of the name), or by initials ("ft" → "Financial Times"). Best first, at most three.
 */
export function suggest(value: string, candidates: readonly string[]): string[] {
  const key = foldKey(value);
  if (key === '') return [];
  const scored: Array<{ candidate: string; score: number }> = [];
  for (const candidate of candidates) {
    const other = foldKey(candidate);
    const max = Math.max(1, Math.floor(other.length / 3));
    const distance = editDistance(key, other, max);
    if (distance <= max) scored.push({ candidate, score: distance });
    else if (key.length >= 3 && other.startsWith(key)) scored.push({ candidate, score: max + 1 });
    else if (key.length >= 2 && initials(other) === key.replace(/[^a-z0-9]/g, '')) scored.push({ candidate, score: max + 1 });
  }
  return scored
    .sort((a, b) => a.score - b.score || (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0))
    .slice(0, 3)
    .map((s) => s.candidate);
}

/** `unknown outlet "ft"; did you mean "Financial Times"? (outlets: …)` */
export function unknownValue(what: string, value: string, valid: readonly string[], plural = `${what}s`): UsageError {
  const shown = (v: string) => quoteForMessage(v, 60);
  const guesses = suggest(value, valid);
  const mean = guesses.length ? `; did you mean ${guesses.map(shown).join(' or ')}?` : '';
  const list = valid.length ? valid.map((v) => quoteForMessage(v, 60, false)).join(', ') : 'none';
  return new UsageError(`no ${what} ${shown(value)} in the input${mean} (${plural}: ${list})`);
}

/**
 * The outlets named by `--outlet` values, as the articles spell them. A value matches an outlet
 * whatever its case and accents ("atalayar", "Atalayar"), or by its id ("financial-times").
 */
export function resolveOutlets(values: readonly string[] | undefined, outlets: Iterable<string>): string[] | undefined {
  if (!values?.length) return undefined;
  const known = [...new Set(outlets)].sort();
  const byKey = new Map<string, string>();
  for (const o of known) {
    byKey.set(foldKey(o), o);
    byKey.set(slugify(o), o);
  }
  const chosen = new Set<string>();
  for (const v of values) {
    const outlet = byKey.get(foldKey(v)) ?? byKey.get(slugify(v));
    if (outlet === undefined) throw unknownValue('outlet', v, known);
    chosen.add(outlet);
  }
  return [...chosen];
}

/** `--event` values: real dates (YYYY-MM-DD) of meetings the input has. */
export function checkEvents(values: readonly string[] | undefined, meetings: Iterable<string | null>): string[] | undefined {
  if (!values?.length) return undefined;
  const known = [...new Set([...meetings].filter((m): m is string => m !== null))].sort();
  for (const v of values) {
    const problem = checkIsoDate(v, false);
    if (problem) throw new UsageError(`--event takes the date of a meeting, YYYY-MM-DD: ${quoteForMessage(v, 30)}: ${problem}`);
    if (!known.includes(v)) {
      const nearest = [...known].sort((a, b) => Math.abs(Date.parse(a) - Date.parse(v)) - Math.abs(Date.parse(b) - Date.parse(v)) || (a < b ? -1 : 1))[0];
      const mean = nearest !== undefined ? `; did you mean ${nearest}?` : '';
      throw new UsageError(`no meeting on ${v} in the input${mean} (meetings: ${known.join(', ') || 'none'})`);
    }
  }
  return [...values];
}
