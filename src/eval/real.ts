/**
 * The real development set (`../shared/real`, outside the project; see its README): third-party
 * articles with hand-made gold in one `gold.json`, scored as that README says. A fact matches when
 * article, kind, subject, meeting and value agree; qualifiers of durations and prisoner figures are
 * not compared. A gold fact marked `uncertain` counts as correct when found and costs nothing when
 * missed. Besides facts, it scores findings: `compare` on the extracted facts against `compare` on
 * the gold facts (fed through the `--from-facts` reader), per status, and the conflicts as the
 * claims a fact-checker acts on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { byString, canonical } from '../canonical.js';
import { compareRecords, STATUSES, type Comparison, type Status } from '../compare/compare.js';
import { mergeFactsInputs } from '../report/facts-input.js';
import { extractCorpus } from '../run.js';
import { type ArticleSummary, type FactKind, type FactRecord } from '../types.js';

export const CORE_KINDS: readonly FactKind[] = ['date', 'venue', 'duration', 'prisoner-exchange', 'delegation-head', 'chair'];

export interface RealGoldFact {
  fact: FactKind;
  subject?: string | null;
  event: string | null;
  value: unknown;
  uncertain?: boolean;
}

export interface RealGoldArticle {
  event: string | null;
  facts: RealGoldFact[];
  notes?: string;
}

export interface Tally {
  gold: number;
  found: number;
  correct: number;
}

export interface RealKindScore extends Tally {
  fact: FactKind;
}

export interface FindingRow {
  status: Status;
  /** Groups `compare` gives this status on the extracted facts. */
  found: number;
  /** Groups it gives this status on the gold facts. */
  gold: number;
  /** Groups with this status in both. */
  same: number;
}

export interface RealMiss {
  article: string;
  kind: 'missed' | 'spurious' | 'wrong-meeting';
  key: string;
  quote: string;
}

export interface RealScore {
  articles: number;
  /** Articles the tool gives no meeting, and those whose main meeting differs from the gold's. */
  noMeeting: string[];
  wrongMeeting: Array<{ article: string; found: string | null; gold: string | null }>;
  strict: RealKindScore[];
  ignoringMeetings: RealKindScore[];
  findings: FindingRow[];
  conflicts: {
    found: number;
    gold: number;
    /** Found conflicts that the gold also gives (with its uncertain facts counted). */
    correct: number;
    /** Gold conflicts (from its certain facts) that were found. */
    recalled: number;
    precision: number;
    recall: number;
    spurious: string[];
    missed: string[];
  };
  misses: RealMiss[];
}

type Keyed = { fact: FactKind; subject: string | null; event: string | null; value: unknown };

/** The full value encoding of SPEC.md §4 for a gold value, which may leave fields out. */
export function completeGoldValue(fact: FactKind, value: unknown): unknown {
  if (fact === 'prisoner-exchange') {
    const v = value as { perSide?: number; total?: number; qualifier?: string; perSideMax?: number };
    const perSide = v.perSide ?? null;
    const total = v.total ?? (perSide !== null ? perSide * 2 : null);
    return { perSide, total, qualifier: v.qualifier ?? 'exact', ...(v.perSideMax !== undefined ? { perSideMax: v.perSideMax } : {}) };
  }
  if (fact === 'duration') {
    const v = value as { minutes: number; qualifier?: string };
    return { minutes: v.minutes, qualifier: v.qualifier ?? 'exact' };
  }
  return value;
}

/** The part of a value that is scored: qualifiers dropped; prisoner figures per side and in total. */
function scoredValue(fact: FactKind, value: unknown): string {
  if (fact === 'duration') return String((value as { minutes: number }).minutes);
  if (fact === 'prisoner-exchange') {
    const v = completeGoldValue(fact, value) as { perSide: number | null; total: number | null; perSideMax?: number };
    const perSide = v.perSide ?? (v.total !== null ? v.total / 2 : null);
    return `${perSide}/${v.total}/${v.perSideMax ?? ''}`;
  }
  return canonical(value);
}

const keyOf = (f: Keyed, withEvent: boolean) =>
  `${withEvent ? `${f.event ?? '-'} ` : ''}${f.fact}${f.subject ? `[${f.subject}]` : ''} = ${scoredValue(f.fact, f.value)}`;

function tallyKinds(): Map<FactKind, Tally> {
  return new Map(CORE_KINDS.map((k) => [k, { gold: 0, found: 0, correct: 0 }]));
}

/** Scores one article's found facts against its gold, into `tally`; returns what did not match. */
function scoreArticle(id: string, found: FactRecord[], gold: RealGoldFact[], withEvent: boolean, tally: Map<FactKind, Tally>): RealMiss[] {
  const misses: RealMiss[] = [];
  const goldKeys = new Map<string, RealGoldFact>();
  for (const g of gold) {
    const key = keyOf({ ...g, subject: g.subject ?? null }, withEvent);
    // A certain reading of a fact wins over an uncertain one with the same key.
    if (!goldKeys.has(key) || !g.uncertain) goldKeys.set(key, g);
  }
  const foundKeys = new Map<string, FactRecord>();
  for (const f of found) {
    const key = keyOf(f, withEvent);
    if (!foundKeys.has(key)) foundKeys.set(key, f);
  }
  for (const [key, g] of goldKeys) {
    const t = tally.get(g.fact);
    if (!t) continue;
    const hit = foundKeys.has(key);
    if (g.uncertain && !hit) continue;
    t.gold++;
    if (hit) t.correct++;
    else misses.push({ article: id, kind: 'missed', key, quote: '' });
  }
  for (const [key, f] of foundKeys) {
    const t = tally.get(f.fact);
    if (!t) continue;
    t.found++;
    if (!goldKeys.has(key)) misses.push({ article: id, kind: 'spurious', key, quote: f.evidence.quote });
  }
  return misses;
}

/** The core kinds: the only ones the gold annotates. */
function kindScores(tally: Map<FactKind, Tally>): RealKindScore[] {
  return CORE_KINDS.map((fact) => ({ fact, ...(tally.get(fact) as Tally) }));
}

export const precision = (t: Tally) => (t.found === 0 ? (t.gold === 0 ? 1 : 0) : t.correct / t.found);
export const recall = (t: Tally) => (t.gold === 0 ? 1 : t.correct / t.gold);
export const f1 = (t: Tally) => {
  const p = precision(t);
  const r = recall(t);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};

/** The sum over the core kinds. */
export function micro(kinds: RealKindScore[]): Tally {
  const out = { gold: 0, found: 0, correct: 0 };
  for (const k of kinds) {
    if (!CORE_KINDS.includes(k.fact)) continue;
    out.gold += k.gold;
    out.found += k.found;
    out.correct += k.correct;
  }
  return out;
}

/**
 * The gold as `extract --format ndjson` would write it, read back by the `--from-facts` reader: so
 * the gold's comparison is made by exactly the code that compares any extraction.
 */
export function goldAsNdjson(gold: Record<string, RealGoldArticle>, articles: ArticleSummary[], keep: (f: RealGoldFact) => boolean): string {
  const lines: string[] = [];
  for (const a of [...articles].sort((x, y) => byString(x.id, y.id))) {
    const g = gold[a.id];
    if (!g) continue;
    lines.push(JSON.stringify({ type: 'article', ...a, event: g.event }));
    g.facts.filter(keep).forEach((f, i) => {
      const value = completeGoldValue(f.fact, f.value);
      const record = {
        type: 'fact',
        article: a.id,
        outlet: a.outlet,
        event: f.event,
        fact: f.fact,
        subject: f.subject ?? null,
        value,
        label: canonical(value),
        evidence: { quote: `gold fact ${i + 1}`, start: 0, end: 0, line: 1, column: 1 },
      };
      lines.push(JSON.stringify(record));
    });
  }
  return `${lines.join('\n')}\n`;
}

const groupKey = (c: Pick<Comparison, 'event' | 'fact' | 'subject'>) => `${c.event ?? '-'} ${c.fact}${c.subject ? `[${c.subject}]` : ''}`;

function compareGold(gold: Record<string, RealGoldArticle>, articles: ArticleSummary[], keep: (f: RealGoldFact) => boolean): Comparison[] {
  const input = mergeFactsInputs([{ name: 'gold.json', text: goldAsNdjson(gold, articles, keep) }]);
  if (input.diagnostics.length) throw new Error(`gold.json does not read as fact records: ${input.diagnostics[0]?.message}`);
  return compareRecords(input.facts, input.articles, [], { tolerance: 0.1, mergeEvents: false }).comparisons;
}

export function readRealGold(dir: string): Record<string, RealGoldArticle> {
  return JSON.parse(fs.readFileSync(path.join(dir, 'gold.json'), 'utf8')) as Record<string, RealGoldArticle>;
}

export function scoreReal(dir: string): RealScore {
  const gold = readRealGold(dir);
  const { articles, facts } = extractCorpus(path.join(dir, 'articles'), { cwd: dir });
  const scored = articles.filter((a) => gold[a.id]);
  const byArticle = new Map<string, FactRecord[]>();
  for (const f of facts) {
    const list = byArticle.get(f.article);
    if (list) list.push(f);
    else byArticle.set(f.article, [f]);
  }
  const strict = tallyKinds();
  const loose = tallyKinds();
  const misses: RealMiss[] = [];
  for (const a of scored) {
    const g = (gold[a.id] as RealGoldArticle).facts;
    const found = byArticle.get(a.id) ?? [];
    const strictMisses = scoreArticle(a.id, found, g, true, strict);
    const looseMisses = new Set(scoreArticle(a.id, found, g, false, loose).map((m) => `${m.kind} ${m.key}`));
    // A strict miss whose value is right but whose meeting is not is told apart.
    for (const m of strictMisses) {
      const bare = m.key.replace(/^\S+ /, '');
      misses.push(looseMisses.has(`${m.kind} ${bare}`) ? m : { ...m, kind: 'wrong-meeting' });
    }
  }

  // The gold annotates the core kinds only: findings are judged on those.
  const extracted = compareRecords(facts.filter((f) => gold[f.article] && CORE_KINDS.includes(f.fact)), scored, [], { tolerance: 0.1, mergeEvents: false }).comparisons;
  const goldCertain = compareGold(gold, scored, (f) => !f.uncertain);
  const goldAll = compareGold(gold, scored, () => true);
  const statusOf = (list: Comparison[]) => new Map(list.map((c) => [groupKey(c), c.status]));
  const foundStatus = statusOf(extracted);
  const certainStatus = statusOf(goldCertain);
  const allStatus = statusOf(goldAll);
  const findings = STATUSES.map((status): FindingRow => {
    const inFound = [...foundStatus].filter(([, s]) => s === status).map(([k]) => k);
    return {
      status,
      found: inFound.length,
      gold: [...certainStatus.values()].filter((s) => s === status).length,
      same: inFound.filter((k) => certainStatus.get(k) === status).length,
    };
  });
  const foundConflicts = [...foundStatus].filter(([, s]) => s === 'conflict').map(([k]) => k);
  const goldConflicts = [...certainStatus].filter(([, s]) => s === 'conflict').map(([k]) => k);
  const spurious = foundConflicts.filter((k) => allStatus.get(k) !== 'conflict' && certainStatus.get(k) !== 'conflict');
  const missed = goldConflicts.filter((k) => foundStatus.get(k) !== 'conflict');
  const correct = foundConflicts.length - spurious.length;
  const recalled = goldConflicts.length - missed.length;
  return {
    articles: scored.length,
    noMeeting: scored.filter((a) => a.event === null).map((a) => a.id),
    wrongMeeting: scored
      .filter((a) => a.event !== null && a.event !== (gold[a.id] as RealGoldArticle).event)
      .map((a) => ({ article: a.id, found: a.event, gold: (gold[a.id] as RealGoldArticle).event })),
    strict: kindScores(strict),
    ignoringMeetings: kindScores(loose),
    findings,
    conflicts: {
      found: foundConflicts.length,
      gold: goldConflicts.length,
      correct,
      recalled,
      precision: foundConflicts.length ? correct / foundConflicts.length : 1,
      recall: goldConflicts.length ? recalled / goldConflicts.length : 1,
      spurious,
      missed,
    },
    misses,
  };
}
