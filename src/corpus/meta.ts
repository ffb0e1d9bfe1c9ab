/**
 * Front-matter fields → validated metadata. Only known fields are copied, into a fresh object, and
 * dates are checked as strings before anything turns them into a Date (so 2024-02-30 is an error,
 * not 1 March). The strings are copies (detach): the parser's are views of the article's text,
 * which every fact and summary carrying the outlet's name would otherwise keep alive.
 */
import { normalizeName, scriptsOf } from '../knowledge/lookalike.js';
import { quoteForMessage } from '../report/sanitize.js';
import type { Severity } from '../types.js';
import { detach } from './detach.js';
import type { FrontMatterBlock, FrontMatterProblem } from './front-matter.js';

export interface Meta {
  outlet: string;
  published: string;
  title: string | null;
  url: string | null;
  author: string[];
  language: string;
  event: string | null;
}

export type MetaProblem = FrontMatterProblem & { severity: Severity };

const KNOWN = new Set(['outlet', 'published', 'title', 'url', 'author', 'language', 'event']);
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))?$/;
/** Unknown fields named one warning each; the rest are counted in one more. */
const MAX_UNKNOWN_SHOWN = 5;

/** True when y-m-d is a real calendar day. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (days[month - 1] as number);
}

/** Validates an ISO date or date-time string; returns the reason when it is not one. */
export function checkIsoDate(value: string, allowTime: boolean): string | null {
  const m = DATE.exec(value) ?? (allowTime ? DATE_TIME.exec(value) : null);
  if (!m) return allowTime ? 'expected an ISO date (YYYY-MM-DD) or date-time' : 'expected an ISO date (YYYY-MM-DD)';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isCalendarDate(y, mo, d)) return `${m[1]}-${m[2]}-${m[3]} is not a calendar date`;
  // Years 0-99 would be read as 1900-1999 by Date (0025-05-16 became 1925-05-15).
  if (y < 1000) return `year ${m[1]} is out of range (1000 to 9999)`;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return 'time of day is out of range';
  if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8]) > 59)) return `time zone offset ${m[7]}:${m[8]} is out of range (at most 23:59)`;
  return null;
}

export function validateMeta(
  data: unknown,
  block: FrontMatterBlock,
  keyOffsets: Map<string, number>,
): { meta: Meta | null; problems: MetaProblem[] } {
  const problems: MetaProblem[] = [];
  const at = (key: string | null) => (key !== null ? keyOffsets.get(key) : undefined) ?? block.sourceStart;
  const problem = (severity: Severity, code: string, message: string, key: string | null) =>
    problems.push({ severity, code, message, offset: at(key) });

  const fields = data ?? {};
  if (typeof fields !== 'object' || Array.isArray(fields)) {
    problem('error', 'FRONT_MATTER_NOT_MAPPING', `front matter must be a mapping of fields, not ${Array.isArray(fields) ? 'a list' : 'a single value'}`, null);
    return { meta: null, problems };
  }
  const record = fields as Record<string, unknown>;
  const get = (key: string): unknown => (Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined);

  // One warning per unknown field, up to a few; past them one warning says how many more.
  const unknown = Object.keys(record).filter((key) => !KNOWN.has(key));
  for (const key of unknown.slice(0, MAX_UNKNOWN_SHOWN)) problem('warning', 'FIELD_UNKNOWN', `unknown front-matter field ${quoteForMessage(key, 40)} ignored (known: ${[...KNOWN].join(', ')})`, key);
  if (unknown.length > MAX_UNKNOWN_SHOWN) {
    const key = unknown[MAX_UNKNOWN_SHOWN] as string;
    problem('warning', 'FIELD_UNKNOWN', `${unknown.length - MAX_UNKNOWN_SHOWN} more unknown front-matter fields ignored, from ${quoteForMessage(key, 40)} on`, key);
  }

  const text = (key: string, required: boolean): string | null => {
    const value = get(key);
    if (value === undefined || value === null) {
      if (required) problem('error', 'FIELD_REQUIRED', `front matter needs "${key}"`, null);
      return null;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      problem('error', 'FIELD_TYPE', `"${key}" must be a non-empty string`, key);
      return null;
    }
    return detach(value.trim());
  };
  const date = (key: string, required: boolean, allowTime: boolean): string | null => {
    const value = get(key);
    if (value === undefined || value === null) {
      if (required) problem('error', 'FIELD_REQUIRED', `front matter needs "${key}" (an ISO date such as 2025-05-16)`, null);
      return null;
    }
    if (typeof value !== 'string') {
      problem('error', 'FIELD_DATE', `"${key}" must be an ISO date such as 2025-05-16`, key);
      return null;
    }
    const reason = checkIsoDate(value.trim(), allowTime);
    if (reason) {
      problem('error', 'FIELD_DATE', `"${key}": ${reason}`, key);
      return null;
    }
    return detach(value.trim());
  };

  // Normalised: names that differ only by invisible characters or Unicode normalisation are one outlet.
  const rawOutlet = text('outlet', true);
  const outlet = rawOutlet === null ? null : normalizeName(rawOutlet);
  if (outlet === '') problem('error', 'FIELD_TYPE', '"outlet" must be a non-empty string (it has only invisible characters)', 'outlet');
  else if (outlet !== null) {
    // Within one word: "Радио Свобода / Radio Liberty" is two names, "Rеuters" with a Cyrillic е is a disguise.
    const mixed = outlet.split(' ').find((word) => scriptsOf(word).length > 1);
    if (mixed !== undefined) problem('warning', 'OUTLET_CONFUSABLE', `outlet ${quoteForMessage(outlet, 60)} mixes ${scriptsOf(mixed).join(' and ')} letters in one word; it may be posing as another outlet`, 'outlet');
  }
  const published = date('published', true, true);
  const title = text('title', false);
  const url = text('url', false);
  const language = text('language', false) ?? 'en';
  const event = date('event', false, false);
  let author: string[] = [];
  const rawAuthor = get('author');
  if (typeof rawAuthor === 'string' && rawAuthor.trim() !== '') author = [detach(rawAuthor.trim())];
  else if (Array.isArray(rawAuthor) && rawAuthor.every((a) => typeof a === 'string')) author = rawAuthor.map((a: string) => detach(a.trim())).filter(Boolean);
  else if (rawAuthor !== undefined && rawAuthor !== null) problem('error', 'FIELD_TYPE', '"author" must be a string or a list of strings', 'author');

  if (problems.some((p) => p.severity === 'error') || outlet === null || published === null) return { meta: null, problems };
  return { meta: { outlet, published, title, url, author, language, event }, problems };
}
