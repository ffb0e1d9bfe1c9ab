/**
 * The meeting calendar (SPEC.md §5): the Istanbul meetings as data (`knowledge/meetings.json`),
 * validated at load and extendable by the user (`--calendar FILE`), as the gazetteer is. Each
 * meeting has its day (the id), a name, the venue and host, and an ordinal within its series ("the
 * second round" of 2025); aliases are phrases that name it ("the Istanbul Communiqué").
 */
import path from 'node:path';
import { parseJson } from '../corpus/input-file.js';
import { lineOf, readDataFiles } from '../knowledge/data-file.js';
import { MAX_CALENDAR_BYTES } from '../limits.js';
import { fileURLToPath } from 'node:url';

export interface Meeting {
  /** The day of the meeting, `YYYY-MM-DD`: the event id of every fact about it. */
  id: string;
  name: string;
  /** Place id of where it was held, when the calendar knows. */
  venue?: string | null;
  /** Country id of the host. */
  host?: string | null;
  /** The rounds that ordinals count in ("2025": the first, second, third round). */
  series?: string;
  /** 1-based place within its series, or null when rounds are not counted ("the 2022 rounds by their own dates"). */
  ordinal?: number | null;
  /** Phrases that name this meeting in text. */
  aliases?: string[];
}

/** A calendar file that cannot be used; the message names the file and line. */
export class CalendarError extends Error {
  constructor(
    why: string,
    readonly file: string,
    readonly line: number,
  ) {
    super(`${file}:${line}: ${why}`);
  }
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_MEETINGS = path.resolve(here, '../../knowledge/meetings.json');

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether `s` is a real calendar day written as YYYY-MM-DD. */
export function isIsoDay(s: string): boolean {
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}


/** The meetings of one calendar file, checked field by field. */
export function parseCalendarFile(file: string, source: string): Meeting[] {
  let data: unknown;
  try {
    data = parseJson(source);
  } catch (error) {
    throw new CalendarError((error as Error).message, file, 1);
  }
  const list = Array.isArray(data) ? data : (data as { meetings?: unknown } | null)?.meetings;
  if (!Array.isArray(list)) throw new CalendarError('expected { "meetings": [ … ] } or a list of meetings', file, 1);
  const seen = new Set<string>();
  return list.map((raw, index): Meeting => {
    const m = raw as Partial<Meeting> | null;
    const fail = (why: string): never => {
      const where = typeof m?.id === 'string' ? lineOf(source, `"${m.id}"`) : 1;
      throw new CalendarError(`meeting #${index + 1}${typeof m?.id === 'string' ? ` "${m.id}"` : ''}: ${why}`, file, where);
    };
    if (!m || typeof m !== 'object' || Array.isArray(m)) return fail('must be an object');
    if (typeof m.id !== 'string' || !isIsoDay(m.id)) fail('"id" must be the day of the meeting, YYYY-MM-DD');
    const id = m.id as string;
    if (seen.has(id)) fail('the same day is listed twice in this file');
    seen.add(id);
    if (m.name !== undefined && (typeof m.name !== 'string' || m.name.trim() === '')) fail('"name" must be a non-empty string');
    for (const key of ['venue', 'host'] as const) {
      const v = m[key];
      if (v !== undefined && v !== null && (typeof v !== 'string' || !ID.test(v))) fail(`"${key}" must be an id (lower-case, hyphenated) or null`);
    }
    if (m.series !== undefined && (typeof m.series !== 'string' || m.series.trim() === '')) fail('"series" must be a non-empty string');
    if (m.ordinal !== undefined && m.ordinal !== null && !(Number.isInteger(m.ordinal) && (m.ordinal as number) >= 1 && (m.ordinal as number) <= 99)) {
      fail('"ordinal" must be a whole number from 1 to 99, or null');
    }
    if (m.aliases !== undefined && !(Array.isArray(m.aliases) && m.aliases.every((a) => typeof a === 'string' && a.trim() !== '' && a.trim().length <= 80))) {
      fail('"aliases" must be a list of non-empty strings of at most 80 characters');
    }
    return {
      id,
      name: typeof m.name === 'string' ? m.name.trim() : `Istanbul talks, ${id}`,
      ...(m.venue !== undefined ? { venue: m.venue } : {}),
      ...(m.host !== undefined ? { host: m.host } : {}),
      series: typeof m.series === 'string' ? m.series.trim() : id.slice(0, 4),
      ...(m.ordinal !== undefined ? { ordinal: m.ordinal } : {}),
      aliases: (m.aliases ?? []).map((a) => a.trim().replace(/\s+/g, ' ')),
    };
  });
}

/**
 * Calendars merged: a meeting of a later file with a known day adds its aliases and sets the fields
 * it gives; a new day adds a meeting. Two meetings may not claim one ordinal of one series.
 */
export function mergeCalendars(lists: Array<{ file: string; source: string; meetings: Meeting[] }>): Meeting[] {
  const byId = new Map<string, Meeting>();
  for (const { meetings } of lists) {
    for (const m of meetings) {
      const known = byId.get(m.id);
      if (!known) {
        byId.set(m.id, { ...m, aliases: [...(m.aliases ?? [])] });
        continue;
      }
      byId.set(m.id, { ...known, ...m, aliases: [...(known.aliases ?? []), ...(m.aliases ?? [])] });
    }
  }
  const sorted = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ordinals = new Map<string, string>();
  for (const m of sorted) {
    if (m.ordinal === null || m.ordinal === undefined) continue;
    const key = `${m.series}\u0000${m.ordinal}`;
    const other = ordinals.get(key);
    if (other !== undefined) {
      const list = [...lists].reverse().find((l) => l.meetings.some((x) => x.id === m.id)) ?? lists[0];
      throw new CalendarError(`meetings ${other} and ${m.id} are both round ${m.ordinal} of series "${m.series}"`, list?.file ?? '', lineOf(list?.source ?? '', `"${m.id}"`));
    }
    ordinals.set(key, m.id);
  }
  return sorted;
}

/** The bundled calendar and the user's files after it. */
export function loadCalendar(extraFiles: readonly string[] = []): Meeting[] {
  // As every input besides the articles: a regular file (a link is followed to one only), size capped.
  const files = readDataFiles([DEFAULT_MEETINGS, ...extraFiles], 'calendar', MAX_CALENDAR_BYTES, (why, file) => new CalendarError(why, file, 1));
  return mergeCalendars(files.map(({ file, source }) => ({ file, source, meetings: parseCalendarFile(file, source) })));
}

let cached: Meeting[] | null = null;
/** The bundled calendar, loaded once per process, sorted by day. */
export function defaultMeetings(): Meeting[] {
  cached ??= loadCalendar();
  return cached;
}
