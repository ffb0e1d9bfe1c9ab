/**
 * The accuracy harness: extracted facts against hand-written gold (test/gold/README.md), as sets
 * of (article, event, fact, subject, value) — precision and recall per fact kind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { canonical } from '../canonical.js';
import { loadCorpus } from '../corpus/load.js';
import { defaultMeetings } from '../events/meetings.js';
import { defaultGazetteer } from '../knowledge/gazetteer.js';
import { extractArticle } from '../pipeline.js';
import { FACT_KINDS, type FactKind } from '../types.js';

export interface GoldFact {
  event: string | null;
  fact: FactKind;
  subject: string | null;
  value: unknown;
  quote?: string;
}

export interface KindScore {
  fact: FactKind;
  gold: number;
  extracted: number;
  truePositives: number;
  precision: number;
  recall: number;
}

export interface Miss {
  article: string;
  kind: 'missed' | 'spurious';
  key: string;
  quote: string;
}

export interface Score {
  articles: number;
  /** Articles in the corpus without a gold file. */
  unannotated: string[];
  kinds: KindScore[];
  misses: Miss[];
}

const keyOf = (f: { event: string | null; fact: string; subject: string | null; value: unknown }) =>
  `${f.event ?? '-'} ${f.fact}${f.subject ? `[${f.subject}]` : ''} = ${canonical(f.value)}`;

export function scoreCorpus(corpusDir: string, goldDir: string): Score {
  const { articles } = loadCorpus(corpusDir);
  const options = { gazetteer: defaultGazetteer(), meetings: defaultMeetings() };
  const counts = new Map<FactKind, { gold: number; extracted: number; tp: number }>(FACT_KINDS.map((k) => [k, { gold: 0, extracted: 0, tp: 0 }]));
  const misses: Miss[] = [];
  let scored = 0;
  const unannotated: string[] = [];
  for (const article of articles) {
    const goldFile = path.join(goldDir, `${article.id}.json`);
    if (!fs.existsSync(goldFile)) {
      unannotated.push(article.id);
      continue;
    }
    scored++;
    const gold = (JSON.parse(fs.readFileSync(goldFile, 'utf8')) as { facts: GoldFact[] }).facts;
    const goldKeys = new Map(gold.map((g) => [keyOf(g), g]));
    const extracted = new Map<string, { fact: FactKind; quote: string }>();
    for (const f of extractArticle(article, options).facts) {
      const key = keyOf(f);
      if (!extracted.has(key)) extracted.set(key, { fact: f.fact, quote: f.evidence.quote });
    }
    for (const [key, g] of goldKeys) {
      const c = counts.get(g.fact);
      if (!c) continue;
      c.gold++;
      if (extracted.has(key)) c.tp++;
      else misses.push({ article: article.id, kind: 'missed', key, quote: g.quote ?? '' });
    }
    for (const [key, e] of extracted) {
      const c = counts.get(e.fact) as { extracted: number };
      c.extracted++;
      if (!goldKeys.has(key)) misses.push({ article: article.id, kind: 'spurious', key, quote: e.quote });
    }
  }
  const kinds = FACT_KINDS.map((fact): KindScore => {
    const c = counts.get(fact) as { gold: number; extracted: number; tp: number };
    return {
      fact,
      gold: c.gold,
      extracted: c.extracted,
      truePositives: c.tp,
      precision: c.extracted === 0 ? (c.gold === 0 ? 1 : 0) : c.tp / c.extracted,
      recall: c.gold === 0 ? 1 : c.tp / c.gold,
    };
  });
  return { articles: scored, unannotated, kinds, misses };
}
