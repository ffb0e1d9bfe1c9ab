/**
 * The frame of an article: its dateline ("ISTANBUL, May 16 (Reuters) -", "ISTANBUL, July 25.
 * /TASS/.", "KYIV (AP) -") and bylines ("By A. Writer in Berlin, July 24, 2025", "Published: 24
 * July 2025"). They say when and where the story was written, not what happened: the day they give
 * is the reference day relative dates count from (the dateline's first, then a byline's, else
 * `published`), and nothing inside them is ever a fact (SPEC.md §5).
 */
import { monthNumber } from '../knowledge/calendar.js';

export interface Frame {
  /** The day relative dates count from (YYYY-MM-DD). */
  reference: string;
  /** Spans of the (folded) body that are dateline or byline. */
  spans: Array<{ start: number; end: number }>;
}

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)';
/*
 * The patterns read a line whose runs of spaces and tabs were made one space (see `normalise`), so
 * every space in them is a single optional or required one and no two quantifiers can trade
 * characters.
 */
/** "May 16", "16 May", optionally with a year: groups month, day | day, month. */
const DAY = `(?:${MONTH}\\.? (\\d{1,2})|(\\d{1,2}) ${MONTH})(?:,? \\d{4})?`;
/** "(Reuters)", "/TASS/", "(MENAFN- Kuwait News Agency (KUNA))": an agency mark. */
const AGENCY = '(?:\\([^()]{1,60}(?:\\([^()]{1,20}\\))?[^()]{0,5}\\)|/[^/]{1,20}/)';
/** A place in capitals ("ISTANBUL", "NEW YORK") or, before a day or an agency, in title case. */
const CAPS_PLACE = "[A-Z][A-Z.'-]{2,24}(?: [A-Z][A-Z.'-]{1,24}){0,2}";
const PLACE = "[A-Z][A-Za-z.'-]{1,24}(?: [A-Z][A-Za-z.'-]{1,24}){0,2}";
const REGION = "(?:, ?[A-Z][A-Za-z.'-]{1,24}(?: [A-Za-z.'-]{1,24}){0,2})?";
const END = ' ?(?:-{1,3}|:|\\.(?= ))';
/**
 * A dateline at the start of a line: an optional agency mark, a place, an optional region, then a
 * day and/or an agency mark, ending in a dash, a colon or a full stop. A place in capitals needs
 * neither day nor agency ("ISTANBUL -"); one in title case needs one of them.
 */
const DATELINE = new RegExp(
  `^(?:${AGENCY} ?)?(?:${CAPS_PLACE}${REGION}(?:,? ${DAY})? ?\\.? ?(?:${AGENCY})?|${PLACE}${REGION}(?:,? ${DAY} ?\\.? ?(?:${AGENCY})?| ?${AGENCY}))${END}(?: ?${AGENCY} ?\\.?)?`,
);
/** A byline or a line that only dates the page: "By Jane Doe in Berlin, 24 July 2025", "Published: July 24, 2025". */
const BYLINE = new RegExp(
  `^(?:[Bb]y [A-Z][\\w'-]{0,30}\\.?(?: (?:[A-Z][\\w'-]{0,30}\\.?|and|de|van|von|al)){0,5}(?:,? in ${PLACE})?(?: ?[,|-]? ?${DAY})?|(?:Published|Updated|Posted|Last updated)(?: on)?:? ${DAY})[ .]{0,3}$`,
);

/** What a line BYLINE may match starts with. */
const BYLINE_START = /^[ \t]*(?:[Bb]y[ \t]|Published|Updated|Posted|Last[ \t]+updated)/;

/** A line with its runs of spaces and tabs made one space, leading ones dropped, and where each character came from. */
function normalise(line: string): { text: string; from: number[] } {
  let text = '';
  const from: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    const space = c === ' ' || c === '\t';
    if (space && (text === '' || text.endsWith(' '))) continue;
    text += space ? ' ' : c;
    from.push(i);
  }
  from.push(line.length);
  return { text, from };
}

function dayOf(m: RegExpExecArray, published: string): string | null {
  // The first group set among (month, day) and (day, month).
  const groups = m.slice(1);
  let month = 0;
  let date = 0;
  for (let i = 0; i + 1 < groups.length; i++) {
    const a = groups[i];
    const b = groups[i + 1];
    if (a === undefined || b === undefined) continue;
    if (/^\d+$/.test(b) && monthNumber(a) > 0) {
      month = monthNumber(a);
      date = Number(b);
      break;
    }
    if (/^\d+$/.test(a) && monthNumber(b) > 0) {
      month = monthNumber(b);
      date = Number(a);
      break;
    }
  }
  if (!month) return null;
  const day = published.slice(0, 10);
  const year = Number(day.slice(0, 4));
  const candidate = new Date(Date.UTC(year, month - 1, date));
  const base = new Date(`${day}T00:00:00Z`);
  // A day more than a week from publication is not the day of writing (a misread line).
  if (candidate.getUTCDate() !== date || Math.abs(candidate.getTime() - base.getTime()) > 7 * 86_400_000) return null;
  return candidate.toISOString().slice(0, 10);
}

/** The dateline (in the first lines of the body) and every byline line of an article. */
export function articleFrame(published: string, body: string): Frame {
  const spans: Frame['spans'] = [];
  let dateline: string | null = null;
  let byline: string | null = null;
  let nonBlank = 0;
  const lines = /[^\r\n]*/g;
  for (let m = lines.exec(body); m !== null; m = lines.exec(body)) {
    const line = m[0];
    const start = m.index;
    if (lines.lastIndex === m.index) lines.lastIndex++;
    if (start > body.length) break;
    if (line.trim() === '') continue;
    nonBlank++;
    // Line by line, and only lines of reasonable length: the patterns never see a whole article.
    // A byline starts with a word of BYLINE's; a dateline is in the first lines.
    if (line.length > 400) continue;
    const maybeByline = BYLINE_START.test(line);
    if (!maybeByline && nonBlank > 4) continue;
    const { text, from } = normalise(line);
    const by = maybeByline ? BYLINE.exec(text) : null;
    if (by) {
      spans.push({ start, end: start + line.length });
      byline ??= dayOf(by, published);
      continue;
    }
    if (nonBlank <= 4) {
      const d = DATELINE.exec(text);
      if (d) {
        spans.push({ start: start + (from[0] ?? 0), end: start + (from[d[0].length - 1] as number) + 1 });
        dateline ??= dayOf(d, published);
      }
    }
  }
  return { reference: dateline ?? byline ?? published.slice(0, 10), spans };
}

/** Whether [start, end) of the body lies in one of the frame's spans (sorted, disjoint: a binary search). */
export function inFrame(frame: Frame, start: number, end: number): boolean {
  let lo = 0;
  let hi = frame.spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = frame.spans[mid] as { start: number; end: number };
    if (start < s.start) hi = mid - 1;
    else if (start >= s.end) lo = mid + 1;
    else return end <= s.end;
  }
  return false;
}
