import type { FactKind, FactValues } from '../types.js';
import type { EntityKind } from '../knowledge/gazetteer.js';
import type { Person, SentenceContext } from './context.js';
import type { Prefilter } from './needs.js';

/** One fact found in a sentence; `start`/`end` are offsets into the (folded) sentence text. */
export interface Candidate<K extends FactKind = FactKind> {
  fact: K;
  subject: string | null;
  value: FactValues[K];
  label: string;
  start: number;
  end: number;
  /**
   * Where in the sentence the fact is stated, when that is not where its value is: the verb of
   * "Medinsky, who also led the Russian side in 2022" decides which meeting the fact belongs to.
   */
  anchor?: number;
  /**
   * Another reading of the same words, taken when the rest of the article states it for the same
   * meeting: "agreed to swap 2,000 prisoners" is 2,000 a side on its own, but their total next to
   * "1,000 for 1,000".
   */
  alternative?: { value: FactValues[K]; label: string };
}

/**
 * A fact kind: a plain object whose `id` is its file name. `extract` is pure: it reads one
 * sentence and returns what it finds (or nothing).
 */
export interface Extractor<K extends FactKind = FactKind> {
  id: K;
  description: string;
  /**
   * What a sentence must contain for `extract` to find anything in it, so that the pipeline can
   * skip the sentence after one scan of the whole article (src/extract/cues.ts). Omitted: the
   * extractor sees every sentence. A cue must be a necessary condition, never a guess.
   */
  cues?: Cues;
  /**
   * The extractor's patterns with what each needs to match (needs.ts), when it tries them only
   * where they can match: here for the tests, which hold every pattern to its needs.
   */
  prefilter?: Prefilter;
  extract(ctx: SentenceContext): Candidate<K>[];
}

export interface Cues {
  /** Lower-case words of which one must begin a word of the sentence ("truce" also finds "truces"). */
  words?: readonly string[];
  /** Lower-case words of which one must stand as a whole word ("may" but not "mayor"). */
  wholeWords?: readonly string[];
  /** Lower-case strings of which one must end a word, wherever it begins ("hrs" of "2hrs"). */
  endings?: readonly string[];
  /** Lower-case strings of which one must occur anywhere in the sentence, inside words too. */
  substrings?: readonly string[];
  /**
   * Regex sources, over the lower-cased sentence, of which one must match ("\\d{4}-\\d\\d-\\d\\d").
   * Each is a pass of its own over the article: prefer the literal forms above.
   */
  patterns?: readonly string[];
  /** Kinds of gazetteer entity of which one must be mentioned in the sentence. */
  entities?: readonly EntityKind[];
}

export function defineExtractor<K extends FactKind>(extractor: Extractor<K>): Extractor<K> {
  return extractor;
}

/** A fact whose value is a person: id, canonical name as label, the name's span, the statement's anchor. */
export function personFact<K extends 'chair' | 'delegation-head'>(
  ctx: SentenceContext,
  fact: K,
  subject: string | null,
  person: Person,
  anchor: number | undefined,
): Candidate<K> {
  return {
    fact,
    subject,
    value: person.id as FactValues[K],
    label: ctx.gazetteer.byId(person.id)?.name ?? person.surface,
    start: person.start,
    end: person.end,
    ...(anchor !== undefined ? { anchor } : {}),
  };
}
