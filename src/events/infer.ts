/**
 * Meetings the calendar lacks (SPEC.md §5): articles that date talks to a day no calendar meeting
 * is near make that day a meeting of its own. Days within two days of each other are one meeting
 * (one outlet's wrong weekday is a reported date that differs, not a second meeting), named after
 * the day most articles give; each such meeting is named in a warning, so the calendar can be
 * extended. A day within two days of a calendar meeting is that meeting. Pure: the same records
 * give the same result, whether they come from a corpus or from `--from-facts`.
 */
import { byString } from '../canonical.js';
import { sortDiagnostics } from '../run.js';
import type { ArticleSummary, Diagnostic, FactRecord } from '../types.js';
import { addDays, type CalendarIndex } from './resolve.js';

export interface Inferred {
  articles: ArticleSummary[];
  facts: FactRecord[];
  diagnostics: Diagnostic[];
}

/** Days within this many days of each other, or of a calendar meeting, are one meeting. */
const SAME_MEETING_DAYS = 2;

export function inferMeetings(input: Inferred, calendar: CalendarIndex): Inferred {
  const toCalendar = new Map<string, string>();
  const unknown = new Map<string, { articles: Set<string>; mentions: Set<string> }>();
  const note = (day: string | null, article: string, main: boolean) => {
    if (day === null || calendar.ids.has(day) || toCalendar.has(day)) return;
    const near = calendar.near(day, SAME_MEETING_DAYS);
    if (near) {
      toCalendar.set(day, near.id);
      return;
    }
    let u = unknown.get(day);
    if (!u) unknown.set(day, (u = { articles: new Set(), mentions: new Set() }));
    (main ? u.articles : u.mentions).add(article);
  };
  for (const a of input.articles) note(a.event, a.id, true);
  for (const f of input.facts) note(f.event, f.article, false);
  if (toCalendar.size === 0 && unknown.size === 0) return input;

  // Days close together are one meeting, called after the day most articles report as theirs.
  const days = [...unknown.keys()].sort(byString);
  const rename = new Map<string, string>(toCalendar);
  const diagnostics: Diagnostic[] = [];
  const paths = new Map(input.articles.map((a) => [a.id, a.path]));
  for (let i = 0; i < days.length; ) {
    const first = days[i] as string;
    const cluster: string[] = [];
    while (i < days.length && (days[i] as string) <= addDays(first, SAME_MEETING_DAYS)) cluster.push(days[i++] as string);
    const weight = (d: string) => {
      const u = unknown.get(d) as { articles: Set<string>; mentions: Set<string> };
      return u.articles.size * 1000 + u.mentions.size;
    };
    const id = cluster.reduce((best, d) => (weight(d) > weight(best) ? d : best));
    for (const d of cluster) rename.set(d, id);
    const articles = new Set<string>();
    for (const d of cluster) for (const a of [...(unknown.get(d)?.articles ?? []), ...(unknown.get(d)?.mentions ?? [])]) articles.add(a);
    const ids = [...articles].sort(byString);
    const shown = ids.slice(0, 3).join(', ') + (ids.length > 3 ? ', …' : '');
    diagnostics.push({
      severity: 'warning',
      path: paths.get(ids[0] as string) ?? (ids[0] as string),
      line: 1,
      column: 1,
      code: 'EVENT_NOT_IN_CALENDAR',
      message: `meeting ${id} is not in the calendar: ${ids.length === 1 ? '1 article dates' : `${ids.length} articles date`} talks to it (${shown}); it is compared as a meeting of its own — add it to knowledge/meetings.json or to a file given with --calendar`,
    });
  }
  const renamed = (e: string | null) => (e === null ? null : (rename.get(e) ?? e));
  return {
    articles: input.articles.map((a) => (rename.has(a.event ?? '') ? { ...a, event: renamed(a.event) } : a)),
    facts: input.facts.map((f) => (rename.has(f.event ?? '') ? { ...f, event: renamed(f.event) } : f)),
    diagnostics: sortDiagnostics([...input.diagnostics, ...diagnostics]),
  };
}
