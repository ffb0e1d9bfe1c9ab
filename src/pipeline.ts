/**
 * One article through the pipeline of SPEC.md §3: fold → segment → extract → refine → resolve
 * events → fact records with evidence. Pure: the same article gives the same records.
 */
import { canonical } from './canonical.js';
import { detach } from './corpus/detach.js';
import { contextAround, type QuoteContext } from './corpus/quote-context.js';
import { createLocator, type Locator } from './corpus/location.js';
import { isWhiteSpace, splitSentences, type SentenceSpan } from './corpus/sentences.js';
import { buildContext, type SentenceContext } from './extract/context.js';
import { cueScanner } from './extract/cues.js';
import { refine } from './extract/refiners.js';
import dateExtractor from './extract/date.js';
import { EXTRACTORS } from './extract/registry.js';
import type { Candidate, Extractor } from './extract/types.js';
import { articleFrame, inFrame } from './corpus/frame.js';
import { markdownTables } from './corpus/tables.js';
import { dayMentions, labelDate, type DayMention } from './extract/date.js';
import { UNRESOLVED, calendarIndex, findReferences, hasWordReferences, mainEvent, meetingOfTalkDay, SCOPE_CUE, sentenceScopes, type EventScope, type EventSource, type MainEvidence, type ScopeEnv, type SentenceScopes } from './events/resolve.js';
import type { Meeting } from './events/meetings.js';
import { foldText, originalSpan } from './knowledge/fold.js';
import { holders, type Entity, type Gazetteer } from './knowledge/gazetteer.js';
import { parseRoleValue } from './extract/chair.js';
import { SAME_VENUE } from './extract/venue.js';
import { MAX_FACTS_PER_ARTICLE, MAX_SENTENCE_CHARS } from './limits.js';
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
  /** Also return the sentence around each quote (for reports that show quotes in context). */
  context?: boolean;
}

export interface ArticleResult {
  summary: ArticleSummary;
  facts: FactRecord[];
  diagnostics: Diagnostic[];
  /** With `context`: the sentence around each quote, one per evidence span. */
  contexts?: QuoteContext[];
}

const scanCues = cueScanner(EXTRACTORS);
const EXTRACTOR_BIT = new Map<Extractor, number>(EXTRACTORS.map((e, i) => [e, 1 << i]));
const DATE_BIT = EXTRACTOR_BIT.get(dateExtractor) as number;
const NO_SCOPE: EventScope = { event: null, also: [], offsite: false };

/** The day an article's relative dates count from: its dateline day, else a byline's, else `published`. */
export function referenceDay(published: string, body: string): string {
  return articleFrame(published, body).reference;
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

/**
 * Sentences cut where a span begins and ends, so that each span is one sentence ("By A. Writer,
 * July 24" on a line with no final stop would otherwise run into the next line). Both lists are
 * sorted; linear in their lengths.
 */
export function apart(text: string, sentences: readonly SentenceSpan[], spans: readonly SentenceSpan[]): SentenceSpan[] {
  if (spans.length === 0) return sentences as SentenceSpan[];
  const out: SentenceSpan[] = [];
  let k = 0;
  for (const s of sentences) {
    let start = s.start;
    while (k < spans.length && (spans[k] as SentenceSpan).end <= start) k++;
    for (let j = k; j < spans.length && (spans[j] as SentenceSpan).start < s.end; j++) {
      const span = spans[j] as SentenceSpan;
      if (span.start > start) out.push({ start, end: span.start });
      const end = Math.min(span.end, s.end);
      if (end > Math.max(start, span.start)) out.push({ start: Math.max(start, span.start), end });
      start = Math.max(start, end);
    }
    if (start < s.end) out.push({ start, end: s.end });
  }
  // Without the white space at their ends, as the sentence splitter gives them.
  const trimmed: SentenceSpan[] = [];
  for (let { start, end } of out) {
    while (start < end && isWhiteSpace(text.charCodeAt(start))) start++;
    while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) end--;
    if (end > start) trimmed.push({ start, end });
  }
  return trimmed;
}

/**
 * The body cells of Markdown tables whose columns are meetings ("| | First round | Second round |"),
 * each with its column's meeting, sorted by position.
 */
function meetingsOfTableCells(text: string, env: ScopeEnv, gazetteer: Gazetteer): Array<{ start: number; end: number; event: string }> {
  if (!text.includes('|')) return [];
  const out: Array<{ start: number; end: number; event: string }> = [];
  for (const table of markdownTables(text)) {
    const columns = table.header.map((cell) => {
      const ctx = buildContext(text.slice(cell.start, cell.end), env.reference, gazetteer, env.calendar.ids);
      const ref = findReferences(ctx, env, dayMentions(ctx).map((d) => ({ ...d, talks: true }))).find((r) => r.event !== null && r.event !== UNRESOLVED && (r.kind === 'move' || r.kind === 'reset'));
      return ref?.event ?? null;
    });
    if (!columns.some((c) => c !== null)) continue;
    for (const row of table.rows) row.forEach((cell, i) => {
      const event = columns[i];
      if (event) out.push({ start: cell.start, end: cell.end, event });
    });
  }
  return out;
}

/** The meeting of the table cell holding `offset` (cells sorted and disjoint), if any. */
function cellMeeting(cells: ReadonlyArray<{ start: number; end: number; event: string }>, offset: number): string | undefined {
  let lo = 0;
  let hi = cells.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = cells[mid] as { start: number; end: number; event: string };
    if (offset < c.start) hi = mid - 1;
    else if (offset >= c.end) lo = mid + 1;
    else return c.event;
  }
  return undefined;
}

/** Whether a sentence may say which meeting its clauses are about (SCOPE_CUE), or names a day. */
function mayRefer(lower: string, dayCue: boolean): boolean {
  return dayCue || SCOPE_CUE.test(lower);
}

/** In the first sentences: "will meet", "are expected to", "tomorrow" — the article previews the talks. */
const PREVIEW = /\b(?:will|would|(?:is|are)\s+(?:due|set|expected|scheduled|slated|to\s+be)|tomorrow)\b/;
const PREVIEW_SENTENCES = 3;
/** What a sentence that names a round has ("the second round", "round two", "the first direct talks"). */
const ROUND_CUE = /\b(?:first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th|round)\b/;
/**
 * A recap carries on to the next sentence in its paragraph, or to the first sentence of the next
 * paragraph when that one goes on with the same story ("After that, …", "The two sides …").
 */
const CONTINUATION = /^\s*(?:after\s+that|afterwards|then|there|back\s+then|at\s+the\s+time|at\s+that\s+(?:meeting|time|round|session)|they|both\s+sides|the\s+(?:two\s+)?sides|the\s+parties|the\s+(?:two\s+)?delegations|that\s+(?:meeting|round|session|agreement|deal)|the\s+(?:agreement|deal))\b/;
/** "had met", "had been held": a day told in the past perfect is of an earlier meeting than the story's. */
const PAST_PERFECT = /\bhad\s+(?:(?:already|also|previously|last|first|just)\s+)?(?:been\s+)?(?:met|held|convened|gathered|sat|taken|ended|begun|started|concluded|lasted|agreed|yielded|produced)\b/;

export function extractArticle(article: Article, options: PipelineOptions): ArticleResult {
  const { gazetteer, meetings } = options;
  const calendar = calendarIndex(meetings);
  const folded = foldText(article.raw, article.bodyStart);
  const frame = articleFrame(article.published, folded.text);
  const reference = frame.reference;
  // A dateline or byline is a segment of its own, whatever punctuation it has or lacks.
  const split = apart(folded.text, splitSentences(folded.text), frame.spans);
  // Only the first MAX_SENTENCE_CHARS of a sentence are read: bounds the work one sentence can cost.
  const long = split.filter((s) => s.end - s.start > MAX_SENTENCE_CHARS);
  const sentences = long.length ? split.map((s) => (s.end - s.start > MAX_SENTENCE_CHARS ? { start: s.start, end: s.start + MAX_SENTENCE_CHARS } : s)) : split;
  // One gazetteer pass over the whole article, shared out to its sentences.
  const mentions = options.reference ? null : gazetteer.mentionsBySpan(folded.text, sentences);
  // Kinds not asked for cannot change the others' results (refiners work within one kind): skip them.
  const extractors = options.facts ? EXTRACTORS.filter((e) => e.id === 'date' || options.facts?.includes(e.id)) : EXTRACTORS;
  let wanted = 0;
  for (const e of extractors) wanted |= EXTRACTOR_BIT.get(e) as number;
  const found: Found[] = [];
  const known = calendar.ids;
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
  /** Days sentence `index` names outside the dateline and bylines. */
  const dayLists: Array<DayMention[] | undefined> = [];
  const daysOf = (index: number): DayMention[] => {
    let days = dayLists[index];
    if (!days) {
      const s = sentences[index] as SentenceSpan;
      days = dayLists[index] = cued(index, DATE_BIT) ? dayMentions(contextOf(index)).filter((d) => !inFrame(frame, s.start + d.start, s.start + d.end)) : [];
    }
    return days;
  };
  // Facts, days and references to meetings found so far, duplicates included: what the work on an
  // article grows with. Past MAX_FACTS_PER_ARTICLE the rest of the article is not read
  // (FACTS_CAPPED): its sentences are dropped, with what was found in them, and each pass below
  // reads the sentences before the cap only (forEach skips the dropped ones). Three passes count,
  // so an article costs at most about three times the cap's worth of work.
  let foundSoFar = 0;
  let cappedAt = -1;
  const count = (n: number, index: number) => {
    foundSoFar += n;
    // Once: the passes after the one that reached the cap read what is left before it.
    if (cappedAt >= 0 || foundSoFar < MAX_FACTS_PER_ARTICLE || index + 1 >= sentences.length) return;
    cappedAt = (sentences[index + 1] as SentenceSpan).start;
    sentences.length = index + 1;
    let kept = 0;
    for (const f of found) if (f.sentence <= index) found[kept++] = f;
    found.length = kept;
  };
  sentences.forEach((s, index) => {
    // (Days are read for every sentence below anyway, and kept: counting them costs nothing.)
    count(daysOf(index).length, index);
    if (!cued(index, wanted)) return;
    const ctx = contextOf(index);
    const candidates: Candidate[] = [];
    for (const extractor of extractors) {
      if (!cued(index, EXTRACTOR_BIT.get(extractor) as number)) continue;
      for (const c of extractor.extract(ctx)) candidates.push(c);
    }
    if (candidates.length === 0) return;
    for (const c of refine(candidates)) {
      // A dateline or byline says when the story was written: never a fact.
      if (inFrame(frame, s.start + c.start, s.start + c.end)) continue;
      found.push({ candidate: c, sentence: index, start: s.start + c.start, end: s.start + c.end });
    }
    count(candidates.length, index);
  });

  const lowerOf = (index: number) => {
    const s = sentences[index] as SentenceSpan;
    return lowerText.length === folded.text.length ? lowerText.slice(s.start, s.end) : contextOf(index).lower;
  };
  /** Whether sentence `index` names a place of other talks ("in Jeddah"). */
  const refersElsewhere = (index: number): boolean => (mentions?.[index] ?? contextOf(index).mentions).some((m) => m.entity.offsite === true);
  /** Whether sentence `index` may move a clause to another meeting: it names a day, has a word of one, or a place of other talks. */
  const refersAt = (index: number): boolean => mayRefer(lowerOf(index), daysOf(index).length > 0) || refersElsewhere(index);
  /** Whether a recap at the end of sentence `index - 1` may carry on into sentence `index`. */
  const carriesInto = (index: number): boolean => {
    const previous = sentences[index - 1];
    const s = sentences[index] as SentenceSpan;
    if (!previous) return false;
    const between = folded.text.slice(previous.end, s.start);
    return !/[\r\n]/.test(between) || CONTINUATION.test(lowerOf(index));
  };
  let main: string | null = article.event;
  let eventSource: EventSource | null = article.event ? 'front-matter' : null;
  if (!main) {
    // Rules 2–4 of SPEC.md §5: days of talks and rounds stated outside recaps, previews and
    // comparisons (the clauses are read with the main meeting still unknown), else the day of writing.
    const evidence: MainEvidence = { stated: [], ordinals: [], named: [], preview: false };
    const env: ScopeEnv = { main: null, reference, calendar };
    sentences.forEach((_, index) => {
      const lower = lowerOf(index);
      if (index < PREVIEW_SENTENCES && PREVIEW.test(lower)) evidence.preview = true;
      // Only a sentence that names a day or a round gives evidence, but any may refer to a meeting.
      const days = daysOf(index);
      if (days.length === 0 && !ROUND_CUE.test(lower)) return;
      const ctx = contextOf(index);
      // A recap the sentence before opened with holds here unless this one names a day of its own.
      const carry = days.length === 0 && carriesInto(index) && refersAt(index - 1) ? sentenceScopes(contextOf(index - 1), env, [], null, { ordinals: false }).carry : null;
      // Which clauses words move elsewhere ("the previous round", "in May"); none when there are no such words.
      const words = carry === null && !hasWordReferences(ctx, calendar) && !refersElsewhere(index) ? null : sentenceScopes(ctx, env, [], carry, { ordinals: false });
      const talkStarts = new Map(days.filter((d) => d.talks).map((d) => [d.start, d.value]));
      count(words?.references.length ?? 0, index);
      const pastPerfect = PAST_PERFECT.test(lower);
      // Days of other things count as naming a meeting when they fall on its day ("Let us give last Friday its due").
      for (const r of findReferences(ctx, env, days)) {
        if ((r.by !== 'day' && r.by !== 'ordinal') || r.event === null || r.kind === 'also') continue;
        evidence.named.push(r.event);
        if (r.kind !== 'move' || pastPerfect) continue;
        if (r.by === 'day' && !talkStarts.has(r.start)) continue;
        const scope = words?.at(r.start);
        if (scope && (scope.event !== null || scope.offsite)) continue;
        if (r.by === 'day') evidence.stated.push(talkStarts.get(r.start) as string);
        else evidence.ordinals.push(r.event);
      }
    });
    // Only when nothing else decides: the meetings the text refers to at all, recaps included.
    let decided = mainEvent(calendar, reference, evidence);
    if (decided === null) {
      evidence.referenced = [];
      sentences.forEach((_, index) => {
        if (!mayRefer(lowerOf(index), daysOf(index).length > 0)) return;
        for (const r of findReferences(contextOf(index), env, daysOf(index))) if (r.event !== null && r.event !== UNRESOLVED) evidence.referenced?.push(r.event);
      });
      decided = mainEvent(calendar, reference, evidence);
    }
    main = decided?.event ?? null;
    eventSource = decided?.source ?? null;
  }

  // Which meeting each clause speaks of, sentence by sentence in order (a recap carries on to the
  // next sentence); worked out only for sentences that have facts or may refer to a meeting.
  const env: ScopeEnv = { main, reference, calendar };
  const factSentences = new Set(found.map((f) => f.sentence));
  const scopes: Array<SentenceScopes | undefined> = [];
  // In order, for the sentences with facts and those right before them (whose recap may carry on).
  let carry: string | null = null;
  sentences.forEach((_, index) => {
    const hasFacts = factSentences.has(index);
    if (!hasFacts && !factSentences.has(index + 1)) {
      carry = null;
      return;
    }
    const refers = refersAt(index);
    if (!refers && (!hasFacts || carry === null || !carriesInto(index))) {
      carry = null;
      return;
    }
    const scope = sentenceScopes(contextOf(index), env, daysOf(index), carriesInto(index) ? carry : null);
    if (hasFacts) scopes[index] = scope;
    carry = scope.carry;
    count(scope.references.length, index);
  });

  // An article that states no day of talks may still name the main meeting's day where nothing
  // ties it to anything else ("Let us give last Friday its due"): that is its date.
  if (main !== null && !found.some((f) => f.candidate.fact === 'date')) {
    sentences.forEach((s, index) => {
      for (const d of daysOf(index)) {
        if (!d.neutral || d.value !== main) continue;
        const candidate: Candidate<'date'> = { fact: 'date', subject: null, value: d.value, label: labelDate(d.value), start: d.start, end: d.end };
        found.push({ candidate, sentence: index, start: s.start + d.start, end: s.start + d.end });
      }
    });
    found.sort((a, b) => a.start - b.start);
  }

  const pointAt = ascendingPoints(article.raw);
  const facts: FactRecord[] = [];
  const seen = new Set<string>();
  const quoteContexts: QuoteContext[] | undefined = options.context ? [] : undefined;
  const contextAt = new Set<number>();
  const tableCells = meetingsOfTableCells(folded.text, env, gazetteer);
  let lastVenue: { value: FactRecord['value']; label: string } | null = null;
  let factsCappedAt = cappedAt;
  for (const f of found) {
    if (facts.length >= MAX_FACTS_PER_ARTICLE) {
      if (factsCappedAt < 0 || f.start < factsCappedAt) factsCappedAt = f.start;
      break;
    }
    const c = f.candidate;
    // Dates are always extracted (they decide events, above); only requested kinds are reported.
    if (options.facts && !options.facts.includes(c.fact)) continue;
    // In a table comparing meetings, a cell is about its column's meeting.
    const column = tableCells.length ? cellMeeting(tableCells, f.start) : undefined;
    const scope = column !== undefined ? { event: column === main ? null : column, also: [], offsite: false } : (scopes[f.sentence]?.at(c.anchor ?? c.start) ?? NO_SCOPE);
    if (scope.offsite) continue;
    let event = scope.event ?? main;
    // A day of talks is a fact of the meeting held that day (or within two days of it); a day no
    // calendar meeting is near is a fact only as the article's own meeting (a round the calendar
    // lacks), not as a passing mention of other talks.
    if (c.fact === 'date') {
      event = meetingOfTalkDay(calendar, c.value as string);
      if (event !== null && !calendar.ids.has(event) && event !== main) continue;
    }
    const [start, end] = originalSpan(folded, f.start, f.end);
    const point = pointAt(start);
    const evidence = { quote: detach(article.raw.slice(start, end)), start, end, line: point.line, column: point.column };
    if (quoteContexts && !contextAt.has(start)) {
      contextAt.add(start);
      const s = sentences[f.sentence] as SentenceSpan;
      const [sentenceStart, sentenceEnd] = originalSpan(folded, s.start, s.end);
      quoteContexts.push({ article: article.id, line: point.line, column: point.column, ...contextAround(article.raw, sentenceStart, sentenceEnd, start, end) });
    }
    const events = c.fact === 'date' ? [event] : [event, ...scope.also.filter((e) => e !== event)];
    for (const e of events) {
      // A chair named by title is whoever held the office that day, when exactly one person did.
      const role = c.fact === 'chair' ? parseRoleValue(c.value as string) : null;
      let { value, label } = c;
      // "In the same palace": the venue the article named last before it, if any.
      if (c.fact === 'venue' && value === SAME_VENUE) {
        if (!lastVenue) continue;
        ({ value, label } = lastVenue);
      }
      if (role) {
        const held = e === null ? [] : holders(gazetteer, role.title, role.of ?? calendar.onDay(e)?.host ?? '', e);
        if (held.length !== 1) continue;
        value = (held[0] as Entity).id;
        label = (held[0] as Entity).name;
      }
      // One value stated twice in a sentence for the same meeting is one record (the first); stated
      // for two meetings ("at the Çırağan Palace on June 2 and again on July 23"), it is two.
      const key = `${e}\u0000${c.fact}\u0000${c.subject ?? ''}\u0000${JSON.stringify(value)}\u0000${f.sentence}`;
      if (seen.has(key)) continue;
      seen.add(key);
      facts.push({ article: article.id, outlet: article.outlet, event: e, fact: c.fact, subject: c.subject, value, label: detach(label), evidence });
      if (c.fact === 'venue') lastVenue = { value, label };
    }
  }

  // A fact that may be read two ways takes the reading the article states elsewhere for the same meeting.
  const alternatives = found.filter((f) => f.candidate.alternative !== undefined);
  if (alternatives.length) {
    const stated = new Set(facts.map((r) => `${r.event}\u0000${r.fact}\u0000${canonical(r.value)}`));
    for (const f of alternatives) {
      const alt = f.candidate.alternative as { value: FactRecord['value']; label: string };
      const [start] = originalSpan(folded, f.start, f.end);
      for (const r of facts) {
        if (r.evidence.start !== start || r.fact !== f.candidate.fact || !stated.has(`${r.event}\u0000${r.fact}\u0000${canonical(alt.value)}`)) continue;
        r.value = alt.value;
        r.label = detach(alt.label);
      }
    }
  }

  const diagnostics: Diagnostic[] = [];
  const warnAt = (offset: number, code: string, message: string) => {
    const point = createLocator(article.raw).point(originalSpan(folded, offset, offset)[0]);
    diagnostics.push({ severity: 'warning', path: article.path, line: point.line, column: point.column, code, message });
  };
  if (long.length) {
    warnAt(
      (long[0] as SentenceSpan).start,
      'SENTENCE_TOO_LONG',
      long.length === 1
        ? `a sentence is longer than ${MAX_SENTENCE_CHARS} characters; only its first ${MAX_SENTENCE_CHARS} were read for facts`
        : `${long.length} sentences are longer than ${MAX_SENTENCE_CHARS} characters (the first here); only the first ${MAX_SENTENCE_CHARS} of each were read for facts`,
    );
  }
  if (factsCappedAt >= 0) warnAt(factsCappedAt, 'FACTS_CAPPED', `more than ${MAX_FACTS_PER_ARTICLE} facts, days and references to meetings; the article was read up to here`);
  if (main === null) {
    diagnostics.push({
      severity: 'warning',
      path: article.path,
      line: 1,
      column: 1,
      code: 'EVENT_UNKNOWN',
      message: 'cannot tell which meeting this article reports: it gives no day or round of the talks and was not published within days of a known meeting; add "event: YYYY-MM-DD" to its front matter',
    });
  }
  return {
    summary: { id: article.id, path: article.path, outlet: article.outlet, published: article.published, title: article.title, url: article.url, event: main, eventSource },
    facts,
    diagnostics,
    ...(quoteContexts ? { contexts: quoteContexts } : {}),
  };
}
