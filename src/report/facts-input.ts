/**
 * Reading back what `extract --format ndjson` writes (see ndjson.ts), so `compare --from-facts` and
 * `check --from-facts` can work on sharded extractions. Records are checked field by field before
 * anything compares them: a bad line becomes a diagnostic naming the file and line, never a crash.
 * Shards are merged into what one run over the whole corpus gives: articles by id, facts and
 * diagnostics in the run's order, an id used twice reported as the loader reports it.
 */
import { byString } from '../canonical.js';
import type { Suppression } from '../check/suppress.js';
import { parseJson } from '../corpus/input-file.js';
import { sortDiagnostics, sortFacts, type CorpusContext } from '../run.js';
import { EVENT_SOURCES, FACT_KINDS, type ArticleSummary, type EventSource, type Diagnostic, type FactKind, type FactRecord, type FactValue } from '../types.js';

export interface FactsInput {
  articles: ArticleSummary[];
  facts: FactRecord[];
  diagnostics: Diagnostic[];
  suppressions: Suppression[];
  /** Read from the articles' text when asked (RunOptions.context); never from fact records. */
  context?: CorpusContext;
}

export interface FactsSource {
  /** File name as shown in diagnostics. */
  name: string;
  text: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
// Safe integers only: 1e+300 is an integer to JavaScript, but not a line number SARIF can carry.
const isInt = (v: unknown, min = 0): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= min;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isEvent = (v: unknown): v is string | null => v === null || (isStr(v) && DATE.test(v));
const isIdList = (v: unknown) => Array.isArray(v) && v.every(isStr);
/** A path as the loader shows one: never `//host/…`, which a URI reads as another host. */
const isPath = (v: unknown): v is string => isStr(v) && !v.startsWith('//') && !v.startsWith('\\\\');
/** A diagnostic code, as the schema has it (so never `constructor` or `__proto__`). */
const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * The fields each record type may have (schema/common.schema.json: unevaluatedProperties false).
 * The records are checked by hand against the shipped schema, field by field, rather than by a
 * schema validator at run time: ajv stays a development dependency (tests hold the readers to the
 * schema), and start-up does not grow.
 */
export const RECORD_FIELDS: Record<string, ReadonlySet<string>> = {
  article: new Set(['type', 'id', 'path', 'outlet', 'published', 'title', 'url', 'event', 'eventSource']),
  fact: new Set(['type', 'article', 'outlet', 'event', 'fact', 'subject', 'value', 'label', 'evidence']),
  diagnostic: new Set(['type', 'severity', 'path', 'line', 'column', 'code', 'message']),
  suppression: new Set(['type', 'article', 'path', 'line', 'column', 'facts']),
};
export const EVIDENCE_FIELDS: ReadonlySet<string> = new Set(['quote', 'start', 'end', 'line', 'column']);
const VALUE_FIELDS: Partial<Record<FactKind, ReadonlySet<string>>> = {
  duration: new Set(['minutes', 'qualifier']),
  'prisoner-exchange': new Set(['perSide', 'total', 'qualifier', 'perSideMax']),
  'ceasefire-proposal': new Set(['days', 'maxDays']),
};
const unknownField = (o: Obj, allowed: ReadonlySet<string>) => Object.keys(o).find((k) => !allowed.has(k));

/** Why a value is not the encoding of its fact kind (SPEC.md §4), or null when it is. */
export function valueProblem(fact: FactKind, value: unknown): string | null {
  switch (fact) {
    case 'date':
      return isStr(value) && DATE.test(value) ? null : 'a date value must be "YYYY-MM-DD"';
    case 'venue':
    case 'delegation-head':
    case 'chair':
      return isStr(value) && value !== '' ? null : `a ${fact} value must be an id (a non-empty string)`;
    case 'mediator':
    case 'territorial-demand':
      return isIdList(value) ? null : `a ${fact} value must be a list of ids`;
    case 'duration':
      return isObj(value) && isNum(value.minutes) && ['exact', 'about', 'under', 'over'].includes(value.qualifier as string)
        ? null
        : 'a duration value must be { minutes, qualifier: exact|about|under|over }';
    case 'prisoner-exchange':
      return isObj(value) &&
        (value.perSide === null || isNum(value.perSide)) &&
        (value.total === null || isNum(value.total)) &&
        ['exact', 'about', 'at-least', 'range'].includes(value.qualifier as string) &&
        (value.perSideMax === undefined || isNum(value.perSideMax))
        ? null
        : 'a prisoner-exchange value must be { perSide, total, qualifier, perSideMax? }';
    case 'ceasefire-proposal':
      return isObj(value) && isNum(value.days) && (value.maxDays === undefined || isNum(value.maxDays))
        ? null
        : 'a ceasefire-proposal value must be { days, maxDays? }';
  }
}

interface Parsed {
  source: string;
  articles: { record: ArticleSummary; line: number }[];
  facts: { record: FactRecord; line: number }[];
  diagnostics: Diagnostic[];
  suppressions: Suppression[];
  problems: Diagnostic[];
}

function problem(source: string, line: number, code: string, message: string): Diagnostic {
  return { severity: 'error', path: source, line, column: 1, code, message };
}

function readArticle(o: Obj): ArticleSummary | string {
  if (!isStr(o.id) || o.id === '') return 'an article record needs "id"';
  if (!isPath(o.path) || !isStr(o.outlet) || !isStr(o.published) || !isStr(o.title)) return 'an article record needs "path", "outlet", "published" and "title" strings (a path not starting with //)';
  if (!isStrOrNull(o.url)) return '"url" must be a string or null';
  if (!isEvent(o.event)) return '"event" must be YYYY-MM-DD or null';
  // Records written before eventSource existed read as "source unknown".
  const eventSource = o.eventSource ?? null;
  if (eventSource !== null && !(EVENT_SOURCES as readonly unknown[]).includes(eventSource)) return `"eventSource" must be one of ${EVENT_SOURCES.join(', ')} or null`;
  return { id: o.id, path: o.path, outlet: o.outlet, published: o.published, title: o.title, url: o.url, event: o.event, eventSource: eventSource as EventSource | null };
}

function readFact(o: Obj): FactRecord | string {
  if (!isStr(o.article) || o.article === '' || !isStr(o.outlet) || !isStr(o.label)) return 'a fact record needs "article" (not empty), "outlet" and "label" strings';
  if (!isEvent(o.event)) return '"event" must be YYYY-MM-DD or null';
  if (!isStr(o.fact) || !(FACT_KINDS as readonly string[]).includes(o.fact)) return `"fact" must be one of ${FACT_KINDS.join(', ')}`;
  if (!isStrOrNull(o.subject)) return '"subject" must be a string or null';
  const fact = o.fact as FactKind;
  const bad = valueProblem(fact, o.value);
  if (bad) return bad;
  const valueFields = VALUE_FIELDS[fact];
  const extra = valueFields && isObj(o.value) ? unknownField(o.value, valueFields) : undefined;
  if (extra !== undefined) return `unknown field ${JSON.stringify(extra.slice(0, 40))} in "value"`;
  const e = o.evidence;
  if (!isObj(e) || !isStr(e.quote) || !isInt(e.start) || !isInt(e.end) || (e.end as number) < (e.start as number) || !isInt(e.line, 1) || !isInt(e.column, 1)) {
    return '"evidence" must be { quote, start, end, line, column } with 0 <= start <= end and 1-based line and column';
  }
  const extraEvidence = unknownField(e, EVIDENCE_FIELDS);
  if (extraEvidence !== undefined) return `unknown field ${JSON.stringify(extraEvidence.slice(0, 40))} in "evidence"`;
  return {
    article: o.article,
    outlet: o.outlet,
    event: o.event,
    fact,
    subject: o.subject,
    value: o.value as FactValue,
    label: o.label,
    evidence: { quote: e.quote, start: e.start as number, end: e.end as number, line: e.line as number, column: e.column as number },
  };
}

function readDiagnostic(o: Obj): Diagnostic | string {
  if ((o.severity !== 'error' && o.severity !== 'warning') || !isPath(o.path) || !isInt(o.line) || !isInt(o.column) || !isStr(o.code) || !isStr(o.message)) {
    return 'a diagnostic record needs severity (error|warning), path, line, column, code and message';
  }
  if (!CODE.test(o.code)) return 'a diagnostic code is upper-case letters, digits and underscores (at most 64)';
  return { severity: o.severity, path: o.path, line: o.line, column: o.column, code: o.code, message: o.message };
}

function readSuppression(o: Obj): Suppression | string {
  if (!isStr(o.article) || !isPath(o.path) || !isInt(o.line, 1) || !isInt(o.column, 1) || !isIdList(o.facts)) {
    return 'a suppression record needs article, path, line, column and a list of facts';
  }
  return { article: o.article, path: o.path, line: o.line, column: o.column, facts: o.facts as string[] };
}

const NOT_RECORD = 'not a JSON object (expected one record per line, as written by extract --format ndjson)';
const RECORD_TYPES = new Set(['article', 'fact', 'diagnostic', 'suppression']);

/** One record to read: the parsed value, the line it is on, and where in a document it sits. */
interface Entry {
  data: unknown;
  line: number;
  /** `facts[3]` in an extract --format json document; '' for an NDJSON line. */
  at: string;
}

/**
 * The records of `extract --format json` (one document with `articles`, `facts` and `diagnostics`
 * arrays) in the order NDJSON gives them, or null when the text is not such a document. The
 * records are not on lines of their own: problems point at line 1 and name the record.
 */
function documentEntries(text: string): Entry[] | null {
  if (!text.trimStart().startsWith('{')) return null;
  let doc: unknown;
  try {
    doc = parseJson(text);
  } catch {
    // NDJSON (its second line ends the document), or broken: read line by line.
    return null;
  }
  if (!isObj(doc) || 'type' in doc || !Array.isArray(doc.articles) || !Array.isArray(doc.facts)) return null;
  const entries: Entry[] = [];
  const add = (list: unknown, name: string, type: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((v: unknown, i) => entries.push({ data: isObj(v) ? { ...v, type } : v, line: 1, at: `${name}[${i}]: ` }));
  };
  add(doc.articles, 'articles', 'article');
  add(doc.facts, 'facts', 'fact');
  add(doc.diagnostics, 'diagnostics', 'diagnostic');
  add(doc.suppressions, 'suppressions', 'suppression');
  return entries;
}

function* lineEntries(text: string): Generator<Entry> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/\r$/, '');
    if (line.trim() === '') continue;
    let data: unknown;
    try {
      data = parseJson(line);
    } catch {
      data = undefined;
    }
    yield { data, line: i + 1, at: '' };
  }
}

/**
 * The records of one `--from-facts` file: NDJSON from `extract --format ndjson`, or the document of
 * `extract --format json`. A bad record is a problem at its file and line; a file in which no line
 * is a record at all (a compare report, a Markdown file) is one problem, not one per line.
 */
export function parseFactsNdjson(source: FactsSource): Parsed {
  const out: Parsed = { source: source.name, articles: [], facts: [], diagnostics: [], suppressions: [], problems: [] };
  const entries = documentEntries(source.text) ?? [...lineEntries(source.text)];
  if (entries.length > 0 && !entries.some((e) => isObj(e.data) && RECORD_TYPES.has(e.data.type as string))) {
    out.problems.push(
      problem(source.name, (entries[0] as Entry).line, 'FACTS_FORMAT', 'not fact records: expected the output of extract --format ndjson (one record per line) or extract --format json'),
    );
    return out;
  }
  for (const { data, line: lineNo, at } of entries) {
    if (!isObj(data)) {
      out.problems.push(problem(source.name, lineNo, 'FACTS_JSON', at + NOT_RECORD));
      continue;
    }
    let read: unknown;
    const allowed = typeof data.type === 'string' && Object.hasOwn(RECORD_FIELDS, data.type) ? RECORD_FIELDS[data.type] : undefined;
    const extra = allowed ? unknownField(data, allowed) : undefined;
    if (extra !== undefined) {
      out.problems.push(problem(source.name, lineNo, 'FACTS_RECORD', `unknown field ${JSON.stringify(extra.slice(0, 40))} in a ${String(data.type)} record`));
      continue;
    }
    switch (data.type) {
      case 'article':
        read = readArticle(data);
        if (!isStr(read)) out.articles.push({ record: read as ArticleSummary, line: lineNo });
        break;
      case 'fact':
        read = readFact(data);
        if (!isStr(read)) out.facts.push({ record: read as FactRecord, line: lineNo });
        break;
      case 'diagnostic':
        read = readDiagnostic(data);
        if (!isStr(read)) out.diagnostics.push(read as Diagnostic);
        break;
      case 'suppression':
        read = readSuppression(data);
        if (!isStr(read)) out.suppressions.push(read as Suppression);
        break;
      default:
        read = `unknown record type ${JSON.stringify(data.type ?? null)} (expected article, fact, diagnostic or suppression from extract --format ndjson)`;
    }
    if (isStr(read)) out.problems.push(problem(source.name, lineNo, 'FACTS_RECORD', at + read));
  }
  return out;
}

/** Merges the records of several extract runs (shards) into the result of one run. */
export function mergeFactsInputs(sources: readonly FactsSource[]): FactsInput {
  const parsed = sources.map(parseFactsNdjson);
  const problems = parsed.flatMap((p) => p.problems);

  // Articles by path, as the loader walks them: the first file to claim an id keeps it.
  const all = parsed.flatMap((p, index) => p.articles.map((a) => ({ ...a, index })));
  all.sort((a, b) => byString(a.record.path, b.record.path) || a.index - b.index);
  const owner = new Map<string, { record: ArticleSummary; index: number }>();
  const duplicates: Diagnostic[] = [];
  for (const a of all) {
    const previous = owner.get(a.record.id);
    if (!previous) {
      owner.set(a.record.id, a);
    } else if (previous.record.path === a.record.path) {
      const where = previous.index === a.index ? 'earlier in this file' : `in ${(parsed[previous.index] as Parsed).source}`;
      problems.push(problem((parsed[a.index] as Parsed).source, a.line, 'FACTS_REPEATED', `article "${a.record.id}" (${a.record.path}) is also ${where}: give each shard once`));
    } else {
      duplicates.push({
        severity: 'error',
        path: a.record.path,
        line: 1,
        column: 1,
        code: 'DUPLICATE_ID',
        message: `article id "${a.record.id}" is already used by ${previous.record.path}; rename one of the files`,
      });
    }
  }
  const articles = [...owner.values()].map((a) => a.record).sort((a, b) => byString(a.id, b.id));
  // A record counts only from the file whose article record won: a repeated shard or the loser of
  // a duplicate id adds nothing.
  const owns = (index: number, article: string) => owner.get(article)?.index === index;

  const facts: FactRecord[] = [];
  parsed.forEach((p, index) => {
    const ids = new Set(p.articles.map((a) => a.record.id));
    for (const { record, line } of p.facts) {
      if (!ids.has(record.article)) {
        problems.push(problem(p.source, line, 'FACTS_ARTICLE', `fact of article "${record.article}", which has no article record in this file`));
      } else if (owns(index, record.article)) {
        const outlet = owner.get(record.article)?.record.outlet;
        if (outlet === record.outlet) facts.push(record);
        else problems.push(problem(p.source, line, 'FACTS_RECORD', `fact names outlet "${record.outlet}" but its article says "${outlet}"`));
      }
    }
  });

  // Every shard of an empty corpus says so; one run says it once.
  const diagnostics = new Map<string, Diagnostic>();
  for (const d of [...parsed.flatMap((p) => p.diagnostics), ...duplicates, ...problems]) {
    const key = JSON.stringify([d.severity, d.path, d.line, d.column, d.code, d.message]);
    if (!diagnostics.has(key)) diagnostics.set(key, d);
  }
  const suppressions = parsed
    .flatMap((p, index) => p.suppressions.filter((s) => owns(index, s.article)))
    .sort((a, b) => byString(a.path, b.path) || a.line - b.line || a.column - b.column);
  return { articles, facts: sortFacts(facts), diagnostics: sortDiagnostics([...diagnostics.values()]), suppressions };
}
