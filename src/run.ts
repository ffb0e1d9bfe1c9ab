/**
 * The whole extraction over a corpus directory: load, extract every good article, and sort
 * everything deterministically (same corpus, same bytes).
 */
import { byString } from './canonical.js';
import { loadCorpus, type LoadOptions } from './corpus/load.js';
import { defaultMeetings } from './events/meetings.js';
import { defaultGazetteer, loadGazetteer } from './knowledge/gazetteer.js';
import { extractArticle } from './pipeline.js';
import { FACT_KINDS, type ArticleSummary, type Diagnostic, type FactKind, type FactRecord } from './types.js';

export interface ExtractResult {
  articles: ArticleSummary[];
  facts: FactRecord[];
  diagnostics: Diagnostic[];
}

export interface RunOptions extends LoadOptions {
  gazetteerFiles?: string[];
  facts?: readonly FactKind[];
  /** Only the I-th of N slices of the sorted file list (1-based). */
  shard?: { index: number; count: number };
}

export function sortFacts(facts: FactRecord[]): FactRecord[] {
  return facts.sort(
    (a, b) =>
      byString(a.article, b.article) ||
      a.evidence.start - b.evidence.start ||
      FACT_KINDS.indexOf(a.fact) - FACT_KINDS.indexOf(b.fact) ||
      byString(a.subject ?? '', b.subject ?? '') ||
      a.evidence.end - b.evidence.end,
  );
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => byString(a.path, b.path) || a.line - b.line || a.column - b.column || byString(a.code, b.code));
}

export function extractCorpus(corpusDir: string, options: RunOptions = {}): ExtractResult {
  const gazetteer = options.gazetteerFiles?.length ? loadGazetteer(options.gazetteerFiles) : defaultGazetteer();
  const meetings = defaultMeetings();
  const loaded = loadCorpus(corpusDir, { ...options, ...(options.shard ? { shard: options.shard } : {}) });
  const articles: ArticleSummary[] = [];
  const facts: FactRecord[] = [];
  const diagnostics = [...loaded.diagnostics];
  for (const article of loaded.articles) {
    const result = extractArticle(article, { gazetteer, meetings, ...(options.facts ? { facts: options.facts } : {}) });
    articles.push(result.summary);
    facts.push(...result.facts);
    diagnostics.push(...result.diagnostics);
  }
  articles.sort((a, b) => byString(a.id, b.id));
  return { articles, facts: sortFacts(facts), diagnostics: sortDiagnostics(diagnostics) };
}
