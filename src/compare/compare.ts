/**
 * The comparator (SPEC.md §6): records grouped by (event, fact, subject); each outlet contributes
 * the values it reports, its less precise values dropped where its more precise ones imply them
 * ("thousands of prisoners" beside "1,000 for 1,000"); the group's status follows from how the
 * remaining values relate. Outlets that cover the event but say nothing of the fact are listed as
 * silent. The same (fact, subject) with different values at different meetings is reported apart,
 * as a cross-event difference.
 */
import { byString, canonical } from '../canonical.js';
import { FACT_KINDS, type ArticleSummary, type Diagnostic, type FactKind, type FactRecord, type FactValue, type Status } from '../types.js';
import { relate, subsumes } from './values.js';

export { STATUSES, type Status } from '../types.js';

/** The event id used when `--merge-events` folds the corpus into one meeting. */
export const MERGED_EVENT = 'all';

export interface EvidenceRef {
  article: string;
  outlet: string;
  path: string;
  quote: string;
  line: number;
  column: number;
}

export interface ValueGroup {
  value: FactValue;
  label: string;
  outlets: string[];
  evidence: EvidenceRef[];
}

export interface Comparison {
  event: string | null;
  fact: FactKind;
  subject: string | null;
  status: Status;
  values: ValueGroup[];
  silent: string[];
}

export interface CrossEventValue {
  event: string;
  value: FactValue;
  label: string;
  outlets: string[];
}

export interface CrossEvent {
  fact: FactKind;
  subject: string | null;
  values: CrossEventValue[];
}

export interface EventInfo {
  id: string | null;
  articles: string[];
  outlets: string[];
}

export interface CompareReport {
  schemaVersion: 1;
  events: EventInfo[];
  comparisons: Comparison[];
  crossEvent: CrossEvent[];
  summary: {
    articles: number;
    outlets: number;
    events: number;
    facts: number;
    agree: number;
    compatible: number;
    conflict: number;
    singleSource: number;
  };
  diagnostics: Diagnostic[];
  /** Present when the report was filtered: what by, and how much there was before. */
  filter?: ReportFilter;
}

/** The filters a report was made with, and the facts and comparisons there were before them. */
export interface ReportFilter {
  facts?: FactKind[];
  outlets?: string[];
  events?: string[];
  statuses?: Status[];
  /** Fact records (of the --fact kinds) and comparisons before --outlet, --event and --status. */
  before: { facts: number; comparisons: number };
}

export interface CompareOptions {
  tolerance: number;
  mergeEvents: boolean;
  facts?: readonly FactKind[];
  /**
   * Only comparisons in which one of these outlets reports a value or is silent; the other outlets
   * stay in them as context (a fact one outlet alone reports is single-source among all outlets).
   */
  outlets?: readonly string[];
  events?: readonly string[];
  statuses?: readonly Status[];
}

const factOrder = (f: FactKind) => FACT_KINDS.indexOf(f);
const eventOrder = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : byString(a, b));

interface Group {
  event: string | null;
  fact: FactKind;
  subject: string | null;
  records: FactRecord[];
}

/**
 * Values one outlet reports in a group, minus those its other values make redundant: its records
 * with their canonical value keys, computed once per record.
 */
function outletValues(records: FactRecord[], fact: FactKind): Array<{ record: FactRecord; key: string }> {
  const keyed = records.map((record) => ({ record, key: canonical(record.value) }));
  const distinct = new Map<string, FactRecord>();
  for (const k of keyed) if (!distinct.has(k.key)) distinct.set(k.key, k.record);
  const values = [...distinct];
  const kept = new Set(values.filter(([, a]) => !values.some(([, b]) => b !== a && subsumes(fact, a.value, b.value))).map(([key]) => key));
  return keyed.filter((k) => kept.has(k.key));
}

function statusOf(fact: FactKind, values: ValueGroup[], outlets: number, tolerance: number): Status {
  if (outlets < 2) return 'single-source';
  let status: Status = 'agree';
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const r = relate(fact, (values[i] as ValueGroup).value, (values[j] as ValueGroup).value, tolerance);
      if (r === 'conflict') return 'conflict';
      if (r === 'compatible') status = 'compatible';
    }
  }
  return status;
}

function evidenceOf(r: FactRecord, paths: Map<string, string>): EvidenceRef {
  return { article: r.article, outlet: r.outlet, path: paths.get(r.article) ?? '', quote: r.evidence.quote, line: r.evidence.line, column: r.evidence.column };
}

export function compareRecords(
  records: FactRecord[],
  articles: ArticleSummary[],
  diagnostics: Diagnostic[],
  options: CompareOptions,
): CompareReport {
  const t = options.tolerance;
  const paths = new Map(articles.map((a) => [a.id, a.path]));
  const eventOfArticle = new Map(articles.map((a) => [a.id, options.mergeEvents ? MERGED_EVENT : a.event]));
  const wanted = (r: FactRecord) => !options.facts || options.facts.includes(r.fact);
  const selected = records.filter(wanted).map((r) => (options.mergeEvents ? { ...r, event: MERGED_EVENT } : r));

  // Events and the outlets that cover them (articles whose main event it is).
  const eventMap = new Map<string | null, { articles: Set<string>; outlets: Set<string> }>();
  const touch = (id: string | null) => {
    let e = eventMap.get(id);
    if (!e) eventMap.set(id, (e = { articles: new Set(), outlets: new Set() }));
    return e;
  };
  for (const a of articles) {
    const e = touch(eventOfArticle.get(a.id) ?? null);
    e.articles.add(a.id);
    e.outlets.add(a.outlet);
  }
  for (const r of selected) touch(r.event);

  const groupKey = (event: string | null, fact: string, subject: string | null) => `${event ?? ''}\u0000${fact}\u0000${subject ?? ''}`;
  const groups = new Map<string, Group>();
  for (const r of selected) {
    const key = groupKey(r.event, r.fact, r.subject);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { event: r.event, fact: r.fact, subject: r.subject, records: [] }));
    g.records.push(r);
  }

  const comparisons: Comparison[] = [];
  for (const g of groups.values()) {
    const byOutlet = new Map<string, FactRecord[]>();
    for (const r of g.records) {
      const list = byOutlet.get(r.outlet);
      if (list) list.push(r);
      else byOutlet.set(r.outlet, [r]);
    }
    const valueMap = new Map<string, { group: ValueGroup; outlets: Set<string> }>();
    for (const [outlet, list] of byOutlet) {
      for (const { record: r, key } of outletValues(list, g.fact)) {
        let v = valueMap.get(key);
        if (!v) valueMap.set(key, (v = { group: { value: r.value, label: r.label, outlets: [], evidence: [] }, outlets: new Set() }));
        if (!v.outlets.has(outlet)) {
          v.outlets.add(outlet);
          v.group.outlets.push(outlet);
        }
        v.group.evidence.push(evidenceOf(r, paths));
      }
    }
    // Most outlets first, then by canonical value.
    const sorted = [...valueMap].sort(([ka, a], [kb, b]) => b.group.outlets.length - a.group.outlets.length || byString(ka, kb));
    const values = sorted.map(([, { group: v }]) => ({
      ...v,
      outlets: v.outlets.sort(byString),
      evidence: v.evidence.sort((a, b) => byString(a.path, b.path) || a.line - b.line || a.column - b.column),
    }));
    const covering = eventMap.get(g.event)?.outlets ?? new Set<string>();
    const silent = [...covering].filter((o) => !byOutlet.has(o)).sort(byString);
    comparisons.push({ event: g.event, fact: g.fact, subject: g.subject, status: statusOf(g.fact, values, byOutlet.size, t), values, silent });
  }
  comparisons.sort(
    (a, b) => eventOrder(a.event, b.event) || factOrder(a.fact) - factOrder(b.fact) || byString(a.subject ?? '', b.subject ?? ''),
  );

  const crossEvent = options.mergeEvents ? [] : crossEventDifferences(comparisons, t);

  const shownEvents = options.events;
  const chosen = options.outlets;
  const involves = (c: Comparison) => !chosen || chosen.some((o) => c.silent.includes(o) || c.values.some((v) => v.outlets.includes(o)));
  const visible = comparisons.filter(
    (c) => (!shownEvents || (c.event !== null && shownEvents.includes(c.event))) && (!options.statuses || options.statuses.includes(c.status)) && involves(c),
  );
  // With --outlet or --status, a meeting none of whose comparisons is left is not shown.
  const narrowed = Boolean(chosen || options.statuses);
  const visibleEvents = new Set(visible.map((c) => c.event));
  const events: EventInfo[] = [...eventMap.entries()]
    .filter(([id]) => (!shownEvents || (id !== null && shownEvents.includes(id))) && (!narrowed || visibleEvents.has(id)))
    .map(([id, e]) => ({ id, articles: [...e.articles].sort(byString), outlets: [...e.outlets].sort(byString) }))
    .sort((a, b) => eventOrder(a.id, b.id));
  const count = (s: Status) => visible.filter((c) => c.status === s).length;
  const filtered = Boolean(shownEvents || chosen || options.statuses || options.facts);
  // Counts of what is shown: the articles of the meetings shown, the facts behind the comparisons shown.
  const shownArticles = new Set(events.flatMap((e) => e.articles));
  const shownOutlets = new Set(articles.filter((a) => shownArticles.has(a.id)).map((a) => a.outlet));
  for (const c of visible) for (const v of c.values) for (const o of v.outlets) shownOutlets.add(o);
  const shownGroups = new Set(visible.map((c) => groupKey(c.event, c.fact, c.subject)));
  const shownFacts = visible.length === comparisons.length ? selected.length : selected.filter((r) => shownGroups.has(groupKey(r.event, r.fact, r.subject))).length;
  const cross = crossEvent.filter(
    (x) => (!shownEvents || x.values.some((v) => shownEvents.includes(v.event))) && (!chosen || x.values.some((v) => v.outlets.some((o) => chosen.includes(o)))),
  );
  return {
    schemaVersion: 1,
    events,
    comparisons: visible,
    crossEvent: cross,
    summary: {
      articles: filtered ? shownArticles.size : articles.length,
      outlets: filtered ? shownOutlets.size : new Set(articles.map((a) => a.outlet)).size,
      events: events.length,
      facts: shownFacts,
      agree: count('agree'),
      compatible: count('compatible'),
      conflict: count('conflict'),
      singleSource: count('single-source'),
    },
    diagnostics,
    ...(filtered
      ? {
          filter: {
            ...(options.facts ? { facts: [...options.facts] } : {}),
            ...(chosen ? { outlets: [...chosen] } : {}),
            ...(shownEvents ? { events: [...shownEvents] } : {}),
            ...(options.statuses ? { statuses: [...options.statuses] } : {}),
            before: { facts: selected.length, comparisons: comparisons.length },
          },
        }
      : {}),
  };
}

/** (fact, subject) pairs whose values differ between meetings. Dates differ by definition: skipped. */
function crossEventDifferences(comparisons: Comparison[], t: number): CrossEvent[] {
  const byKey = new Map<string, Comparison[]>();
  for (const c of comparisons) {
    if (c.event === null || c.fact === 'date') continue;
    const key = `${c.fact}\u0000${c.subject ?? ''}`;
    const list = byKey.get(key);
    if (list) list.push(c);
    else byKey.set(key, [c]);
  }
  const out: CrossEvent[] = [];
  for (const list of byKey.values()) {
    if (list.length < 2) continue;
    const first = list[0] as Comparison;
    let differs = false;
    for (let i = 0; i < list.length && !differs; i++) {
      for (let j = i + 1; j < list.length && !differs; j++) {
        for (const a of (list[i] as Comparison).values) {
          for (const b of (list[j] as Comparison).values) if (relate(first.fact, a.value, b.value, t) !== 'equal') differs = true;
        }
      }
    }
    if (!differs) continue;
    out.push({
      fact: first.fact,
      subject: first.subject,
      values: list.flatMap((c) => c.values.map((v) => ({ event: c.event as string, value: v.value, label: v.label, outlets: v.outlets }))),
    });
  }
  return out.sort((a, b) => factOrder(a.fact) - factOrder(b.fact) || byString(a.subject ?? '', b.subject ?? ''));
}
