/** Shared record types: the public contract of SPEC.md §4 and §7. */

export const FACT_KINDS = [
  'date',
  'venue',
  'duration',
  'prisoner-exchange',
  'delegation-head',
  'chair',
  'mediator',
  'ceasefire-proposal',
  'territorial-demand',
] as const;

export type FactKind = (typeof FACT_KINDS)[number];

/** How the outlets' values of one fact relate (SPEC.md): the values of `--status`. */
export const STATUSES = ['agree', 'compatible', 'conflict', 'single-source'] as const;
export type Status = (typeof STATUSES)[number];

export type Qualifier = 'exact' | 'about' | 'under' | 'over';

export interface DurationValue {
  minutes: number;
  qualifier: Qualifier;
}

export interface PrisonerExchangeValue {
  perSide: number | null;
  total: number | null;
  qualifier: 'exact' | 'about' | 'at-least' | 'range';
  perSideMax?: number;
}

export interface CeasefireValue {
  days: number;
  maxDays?: number;
}

/** Value encodings per fact kind (SPEC.md §4). */
export interface FactValues {
  date: string;
  venue: string;
  duration: DurationValue;
  'prisoner-exchange': PrisonerExchangeValue;
  'delegation-head': string;
  chair: string;
  mediator: string[];
  'ceasefire-proposal': CeasefireValue;
  'territorial-demand': string[];
}

export type FactValue = FactValues[FactKind];

export interface Evidence {
  quote: string;
  /** Half-open [start, end) offsets into the raw file, front matter included. */
  start: number;
  end: number;
  /** 1-based. */
  line: number;
  column: number;
}

export interface FactRecord {
  article: string;
  outlet: string;
  event: string | null;
  fact: FactKind;
  subject: string | null;
  value: FactValue;
  label: string;
  evidence: Evidence;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  path: string;
  line: number;
  column: number;
  code: string;
  message: string;
}

export interface ArticleMeta {
  id: string;
  /** Path as given to the user: relative to the working directory when possible. */
  path: string;
  outlet: string;
  published: string;
  title: string;
  url: string | null;
  author: string[];
  language: string;
  /** Meeting declared in front matter, if any. */
  event: string | null;
}

export interface Article extends ArticleMeta {
  raw: string;
  /** Offset of the body (after the closing front-matter delimiter) in `raw`. */
  bodyStart: number;
}

/**
 * How an article's main meeting was found (SPEC.md §5): its front matter, a day of the talks the
 * text states, a round it names ("the second round"), or the day it was published or datelined.
 */
export type EventSource = 'front-matter' | 'stated' | 'ordinal' | 'published';
export const EVENT_SOURCES: readonly EventSource[] = ['front-matter', 'stated', 'ordinal', 'published'];

/**
 * What `extract` produces for one article, and what `sources` lists (`event`: the detected
 * meeting, `eventSource`: how it was found; both null when unknown).
 */
export type ArticleSummary = Pick<ArticleMeta, 'id' | 'path' | 'outlet' | 'published' | 'title' | 'url' | 'event'> & { eventSource: EventSource | null };
