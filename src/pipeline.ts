/**
 * One article through the pipeline of SPEC.md §3: fold → segment → extract → refine → resolve
 * events → fact records with evidence. Pure: the same article gives the same records.
 */
import { createLocator } from './corpus/location.js';
import { splitSentences } from './corpus/sentences.js';
import { buildContext } from './extract/context.js';
import { refine } from './extract/refiners.js';
import dateExtractor from './extract/date.js';
import { EXTRACTORS } from './extract/registry.js';
import type { Candidate } from './extract/types.js';
import { mainEventFromDates, sentenceScopes, type EventScope } from './events/resolve.js';
import type { Meeting } from './events/meetings.js';
import { foldText, originalSpan } from './knowledge/fold.js';
import type { Gazetteer } from './knowledge/gazetteer.js';
import type { Article, ArticleSummary, Diagnostic, FactKind, FactRecord } from './types.js';

export interface PipelineOptions {
  gazetteer: Gazetteer;
  meetings: Meeting[];
  /** Only report these fact kinds (default: all). Dates are still read to resolve events. */
  facts?: readonly FactKind[];
}

export interface ArticleResult {
  summary: ArticleSummary;
  facts: FactRecord[];
  diagnostics: Diagnostic[];
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
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
    const month = MONTHS.findIndex((name) => name.startsWith(monthName.slice(0, 3))) + 1;
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
  const found: Found[] = [];
  const known = new Set(meetings.map((m) => m.id));
  const contexts = sentences.map((s, index) => {
    const ctx = buildContext(folded.text.slice(s.start, s.end), reference, gazetteer, known);
    const candidates: Candidate[] = [];
    for (const extractor of EXTRACTORS) candidates.push(...extractor.extract(ctx));
    for (const c of refine(candidates)) found.push({ candidate: c, sentence: index, start: s.start + c.start, end: s.start + c.end });
    return ctx;
  });

  if (!article.event && !found.some((f) => f.candidate.fact === 'date')) {
    // No date of the talks anywhere: take days named in any sentence, rather than no meeting at all.
    contexts.forEach((ctx, index) => {
      const s = sentences[index] as { start: number };
      for (const c of dateExtractor.extract({ ...ctx, lenient: true })) found.push({ candidate: c, sentence: index, start: s.start + c.start, end: s.start + c.end });
    });
    found.sort((a, b) => a.start - b.start);
  }
  const dates = found.filter((f) => f.candidate.fact === 'date').map((f) => f.candidate.value as string);
  const main = article.event ?? mainEventFromDates(dates, known);
  const scopes = contexts.map((ctx, index) =>
    sentenceScopes(
      ctx,
      main,
      meetings,
      found
        .filter((f) => f.sentence === index && f.candidate.fact === 'date')
        .map((f) => ({ value: f.candidate.value as string, start: f.candidate.start })),
    ),
  );

  const locator = createLocator(article.raw);
  const facts: FactRecord[] = [];
  const seen = new Set<string>();
  for (const f of found) {
    const c = f.candidate;
    const scope = (scopes[f.sentence] as (offset: number) => EventScope)(c.anchor ?? c.start);
    // Dates are always extracted (they decide events); other kinds only when asked for.
    if (scope.offsite || (options.facts && !options.facts.includes(c.fact))) continue;
    let event = scope.event ?? main;
    if (c.fact === 'date' && known.has(c.value as string)) event = c.value as string;
    const [start, end] = originalSpan(folded, f.start, f.end);
    const point = locator.point(start);
    const evidence = { quote: article.raw.slice(start, end), start, end, line: point.line, column: point.column };
    const events = c.fact === 'date' ? [event] : [event, ...scope.also.filter((e) => e !== event)];
    for (const e of events) {
      // One span stated twice in a sentence for the same meeting is one record.
      const key = `${e}\u0000${c.fact}\u0000${c.subject ?? ''}\u0000${JSON.stringify(c.value)}\u0000${start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      facts.push({ article: article.id, outlet: article.outlet, event: e, fact: c.fact, subject: c.subject, value: c.value, label: c.label, evidence });
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
