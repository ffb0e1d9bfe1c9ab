/**
 * One article through the pipeline of SPEC.md §3: fold → segment → extract → refine → resolve
 * events → fact records with evidence. Pure: the same article gives the same records.
 */
import { detach } from './corpus/detach.js';
import { createLocator, type Locator } from './corpus/location.js';
import { splitSentences, type SentenceSpan } from './corpus/sentences.js';
import { buildContext, type SentenceContext } from './extract/context.js';
import { cueScanner } from './extract/cues.js';
import { refine } from './extract/refiners.js';
import dateExtractor from './extract/date.js';
import { EXTRACTORS } from './extract/registry.js';
import type { Candidate, Extractor } from './extract/types.js';
import { mainEventFromDates, sentenceScopes, type EventScope } from './events/resolve.js';
import type { Meeting } from './events/meetings.js';
import { monthNumber } from './knowledge/calendar.js';
import { foldText, originalSpan } from './knowledge/fold.js';
import type { Gazetteer } from './knowledge/gazetteer.js';
import type { Article, ArticleSummary, Diagnostic, FactKind, FactRecord } from './types.js';

export interface PipelineOptions {
  gazetteer: Gazetteer;
  meetings: Meeting[];
  /** Only report these fact kinds (default: all). Dates are still read to resolve events. */
  facts?: readonly FactKind[];
  /**
   * The plain path, for the benchmark and tests to check the fast one against: every extractor
   * runs on every sentence (no cue scan), and the gazetteer matches each sentence on its own
   * instead of the whole article in one pass. Same output.
   */
  reference?: boolean;
}

export interface ArticleResult {
  summary: ArticleSummary;
  facts: FactRecord[];
  diagnostics: Diagnostic[];
}

const scanCues = cueScanner(EXTRACTORS);
const EXTRACTOR_BIT = new Map<Extractor, number>(EXTRACTORS.map((e, i) => [e, 1 << i]));
const DATE_BIT = EXTRACTOR_BIT.get(dateExtractor) as number;

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)';
const DATELINE = new RegExp(`^[ \\t]*[A-Z][A-Za-z .'-]{1,30}(?:,[ \\t]*[A-Za-z .'-]{1,30})?,[ \\t]+(?:${MONTH}\\.?[ \\t]+(\\d{1,2})|(\\d{1,2})[ \\t]+${MONTH})(?:,?[ \\t]+\\d{4})?[ \\t]*(?:\\([^()]{1,40}\\)[ \\t]*)?[-:\\u2013\\u2014]`);

/** The day an article's relative dates count from: its dateline day when it has one, else `published`. */
export function referenceDay(published: string, body: string): string {
  const day = published.slice(0, 10);
  const lines = body.split(/\r\n|\r|\n/, 12).filter((l) => l.trim() !== '').slice(0, 4);
  for (const line of lines) {
    const m = DATELINE.exec(line);
    if (!m) continue;
    const monthName = (m[1] ?? m[4] ?? '').toLowerCase();
    const month = monthNumber(monthName);
    const date = Number(m[2] ?? m[3]);
    const year = Number(day.slice(0, 4));
    const candidate = new Date(Date.UTC(year, month - 1, date));
    const base = new Date(`${day}T00:00:00Z`);
    if (month > 0 && candidate.getUTCDate() === date && Math.abs(candidate.getTime() - base.getTime()) <= 7 * 86_400_000) {
      return candidate.toISOString().slice(0, 10);
    }
  }
  return day;
}

/**
 * Line and column of offsets into `text` that mostly come in ascending order (facts do): line
 * breaks are counted once, as far as the offsets go, instead of indexing the whole file. CR, LF
 * and CRLF each end one line, as in createLocator, which answers any offset that comes out of order.
 */
function ascendingPoints(text: string): (offset: number) => { line: number; column: number } {
  const breaks = /\r\n|\r|\n/g;
  let line = 1;
  let lineStart = 0;
  let last = 0;
  // The end of the next line break not counted yet (Infinity: none left).
  let next = -1;
  let fallback: Locator | null = null;
  const advance = () => {
    const m = breaks.exec(text);
    next = m === null ? Infinity : m.index + m[0].length;
  };
  return (offset) => {
    if (offset < last) return (fallback ??= createLocator(text)).point(offset);
    last = offset;
    if (next === -1) advance();
    // A break counts once it ends at or before `offset` (a CRLF that `offset` splits counts at its LF).
    while (next <= offset) {
      line++;
      lineStart = next;
      advance();
    }
    return { line, column: offset - lineStart + 1 };
  };
}

interface Found {
  candidate: Candidate;
  sentence: number;
  /** Folded offsets (absolute in the folded body). */
  start: number;
  end: number;
}

export function extractArticle(article: Article, options: PipelineOptions): ArticleResult {
  const { gazetteer, meetings } = options;
  const folded = foldText(article.raw, article.bodyStart);
  const reference = referenceDay(article.published, folded.text);
  const sentences = splitSentences(folded.text);
  // One gazetteer pass over the whole article, shared out to its sentences.
  const mentions = options.reference ? null : gazetteer.mentionsBySpan(folded.text, sentences);
  // Kinds not asked for cannot change the others' results (refiners work within one kind): skip them.
  const extractors = options.facts ? EXTRACTORS.filter((e) => e.id === 'date' || options.facts?.includes(e.id)) : EXTRACTORS;
  let wanted = 0;
  for (const e of extractors) wanted |= EXTRACTOR_BIT.get(e) as number;
  const found: Found[] = [];
  const known = new Set(meetings.map((m) => m.id));
  // Which extractors can find anything in which sentence, from one scan of the article; the plain
  // path runs every extractor on every sentence.
  const lowerText = folded.text.toLowerCase();
  const cues = mentions && lowerText.length === folded.text.length ? scanCues(lowerText, sentences, mentions) : null;
  const contexts: Array<SentenceContext | undefined> = [];
  const contextOf = (index: number): SentenceContext => {
    let ctx = contexts[index];
    if (!ctx) {
      const s = sentences[index] as SentenceSpan;
      contexts[index] = ctx = buildContext(folded.text.slice(s.start, s.end), reference, gazetteer, known, mentions?.[index]);
    }
    return ctx;
  };
  /** Whether sentence `index` has a cue of one of the extractors in `bits`. */
  const cued = (index: number, bits: number) => cues === null || ((cues[index] as number) & bits) !== 0;
  sentences.forEach((s, index) => {
    if (!cued(index, wanted)) return;
    const ctx = contextOf(index);
    const candidates: Candidate[] = [];
    for (const extractor of extractors) if (cued(index, EXTRACTOR_BIT.get(extractor) as number)) candidates.push(...extractor.extract(ctx));
    if (candidates.length === 0) return;
    for (const c of refine(candidates)) found.push({ candidate: c, sentence: index, start: s.start + c.start, end: s.start + c.end });
  });

  if (!article.event && !found.some((f) => f.candidate.fact === 'date')) {
    // No date of the talks anywhere: take days named in any sentence, rather than no meeting at all.
    sentences.forEach((s, index) => {
      if (!cued(index, DATE_BIT)) return;
      const ctx = contextOf(index);
      const lenient = buildContext(ctx.text, reference, gazetteer, known, ctx.mentions, ctx.lower);
      lenient.lenient = true;
      for (const c of dateExtractor.extract(lenient)) found.push({ candidate: c, sentence: index, start: s.start + c.start, end: s.start + c.end });
    });
    found.sort((a, b) => a.start - b.start);
  }
  const dates = found.filter((f) => f.candidate.fact === 'date').map((f) => f.candidate.value as string);
  const main = article.event ?? mainEventFromDates(dates, known);
  const datesBySentence: Array<Array<{ value: string; start: number }>> = sentences.map(() => []);
  for (const f of found) if (f.candidate.fact === 'date') datesBySentence[f.sentence]?.push({ value: f.candidate.value as string, start: f.candidate.start });
  // Which meeting a part of a sentence speaks of matters only for sentences with facts: computed on demand.
  const scopes = new Map<number, (offset: number) => EventScope>();
  const scopeOf = (index: number) => {
    let scope = scopes.get(index);
    if (!scope) scopes.set(index, (scope = sentenceScopes(contextOf(index), main, meetings, datesBySentence[index] ?? [])));
    return scope;
  };

  const pointAt = ascendingPoints(article.raw);
  const facts: FactRecord[] = [];
  const seen = new Set<string>();
  for (const f of found) {
    const c = f.candidate;
    // Dates are always extracted (they decide events, above); only requested kinds are reported.
    if (options.facts && !options.facts.includes(c.fact)) continue;
    const scope = scopeOf(f.sentence)(c.anchor ?? c.start);
    if (scope.offsite) continue;
    let event = scope.event ?? main;
    if (c.fact === 'date' && known.has(c.value as string)) event = c.value as string;
    const [start, end] = originalSpan(folded, f.start, f.end);
    const point = pointAt(start);
    const evidence = { quote: detach(article.raw.slice(start, end)), start, end, line: point.line, column: point.column };
    const events = c.fact === 'date' ? [event] : [event, ...scope.also.filter((e) => e !== event)];
    for (const e of events) {
      // One span stated twice in a sentence for the same meeting is one record.
      const key = `${e}\u0000${c.fact}\u0000${c.subject ?? ''}\u0000${JSON.stringify(c.value)}\u0000${start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      facts.push({ article: article.id, outlet: article.outlet, event: e, fact: c.fact, subject: c.subject, value: c.value, label: detach(c.label), evidence });
    }
  }

  const diagnostics: Diagnostic[] = [];
  if (main === null) {
    diagnostics.push({
      severity: 'warning',
      path: article.path,
      line: 1,
      column: 1,
      code: 'EVENT_UNKNOWN',
      message: 'cannot tell which meeting this article reports: no date of the talks found; add "event: YYYY-MM-DD" to its front matter',
    });
  }
  return {
    summary: { id: article.id, path: article.path, outlet: article.outlet, published: article.published, title: article.title, url: article.url, event: main },
    facts,
    diagnostics,
  };
}
