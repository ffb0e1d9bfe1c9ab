/**
 * Findings: the disagreements of a comparison (conflict, compatible) with a stable fingerprint,
 * whether the baseline knows them, whether inline directives suppress them, and whether they fail
 * the run. Both `check` and the machine formats of `compare` (github, sarif) are built on this.
 */
import type { CompareReport, Comparison, Status, ValueGroup } from '../compare/compare.js';
import type { Diagnostic, FactKind } from '../types.js';
import type { Baseline, BaselineEntry } from './baseline.js';
import { fingerprint } from './fingerprint.js';
import type { Suppression } from './suppress.js';

export type FailOn = 'conflict' | 'compatible' | 'never';
export const FAIL_ON: readonly FailOn[] = ['conflict', 'compatible', 'never'];

export type FindingCode = 'FACT_CONFLICT' | 'FACT_COMPATIBLE';
export type Level = 'error' | 'warning' | 'note';

export interface SuppressionRef {
  article: string;
  path: string;
  line: number;
  column: number;
}

export interface Finding {
  code: FindingCode;
  fingerprint: string;
  event: string | null;
  fact: FactKind;
  subject: string | null;
  status: 'conflict' | 'compatible';
  /** Status once the facts of suppressing articles are left out. */
  effectiveStatus: Status | null;
  baseline: 'new' | 'known';
  suppressed: boolean;
  suppressedBy: SuppressionRef[];
  failing: boolean;
  /** error: fails the run; warning: new but below --fail-on; note: known or suppressed. */
  level: Level;
  values: ValueGroup[];
  silent: string[];
}

export interface CheckReport {
  schemaVersion: 1;
  failOn: FailOn;
  maxFindings: number;
  baseline: { path: string | null; entries: number };
  findings: Finding[];
  stale: BaselineEntry[];
  summary: {
    articles: number;
    outlets: number;
    events: number;
    facts: number;
    findings: number;
    failing: number;
    new: number;
    known: number;
    suppressed: number;
    stale: number;
    errors: number;
    warnings: number;
  };
  diagnostics: Diagnostic[];
}

const RANK: Record<Status, number> = { 'single-source': 0, agree: 0, compatible: 1, conflict: 2 };
const THRESHOLD: Record<FailOn, number> = { compatible: 1, conflict: 2, never: Number.POSITIVE_INFINITY };

/** True when a comparison with this status reaches the --fail-on level. */
export function reaches(status: Status | null, failOn: FailOn): boolean {
  return status !== null && RANK[status] >= THRESHOLD[failOn];
}

const groupKey = (c: { event: string | null; fact: string; subject: string | null }) => `${c.event ?? ''}\u0000${c.fact}\u0000${c.subject ?? ''}`;

export interface CheckInput {
  /** The comparison of every record. */
  report: CompareReport;
  /** The comparison without the records of suppressing articles (same as `report` when none). */
  effective: CompareReport;
  suppressions: readonly Suppression[];
  baseline: Baseline | null;
  baselinePath: string | null;
  failOn: FailOn;
  maxFindings: number;
  /** Diagnostics beyond the report's own (e.g. unknown suppression arguments). */
  extraDiagnostics?: readonly Diagnostic[];
}

export function buildCheckReport(input: CheckInput): CheckReport {
  const { report, failOn } = input;
  const effective = new Map(input.effective.comparisons.map((c) => [groupKey(c), c.status]));
  const known = new Set(input.baseline?.entries.map((e) => e.fingerprint) ?? []);
  const byArticle = new Map<string, Suppression[]>();
  for (const s of input.suppressions) byArticle.set(s.article, [...(byArticle.get(s.article) ?? []), s]);
  const findings: Finding[] = [];
  for (const c of report.comparisons) {
    if (c.status !== 'conflict' && c.status !== 'compatible') continue;
    findings.push(findingOf(c, c.status, effective.get(groupKey(c)) ?? null, known, byArticle, failOn));
  }
  const present = new Set(findings.map((f) => f.fingerprint));
  const stale = (input.baseline?.entries ?? []).filter((e) => !present.has(e.fingerprint));
  const diagnostics = [...report.diagnostics, ...(input.extraDiagnostics ?? [])];
  return {
    schemaVersion: 1,
    failOn,
    maxFindings: input.maxFindings,
    baseline: { path: input.baselinePath, entries: input.baseline?.entries.length ?? 0 },
    findings,
    stale,
    summary: {
      articles: report.summary.articles,
      outlets: report.summary.outlets,
      events: report.summary.events,
      facts: report.summary.facts,
      findings: findings.length,
      failing: findings.filter((f) => f.failing).length,
      new: findings.filter((f) => f.baseline === 'new').length,
      known: findings.filter((f) => f.baseline === 'known').length,
      suppressed: findings.filter((f) => f.suppressed).length,
      stale: stale.length,
      errors: diagnostics.filter((d) => d.severity === 'error').length,
      warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    },
    diagnostics,
  };
}

function findingOf(
  c: Comparison,
  status: 'conflict' | 'compatible',
  effectiveStatus: Status | null,
  known: Set<string>,
  suppressions: Map<string, Suppression[]>,
  failOn: FailOn,
): Finding {
  const fp = fingerprint(c);
  const articles = [...new Set(c.values.flatMap((v) => v.evidence.map((e) => e.article)))].sort();
  const suppressedBy = articles
    .flatMap((a) => suppressions.get(a) ?? [])
    .filter((s) => s.facts.includes('*') || s.facts.includes(c.fact))
    .map((s) => ({ article: s.article, path: s.path, line: s.line, column: s.column }));
  const suppressed = suppressedBy.length > 0 && (effectiveStatus === null || RANK[effectiveStatus] < RANK[status]);
  const baseline = known.has(fp) ? 'known' : 'new';
  const failing = baseline === 'new' && reaches(effectiveStatus, failOn);
  return {
    code: status === 'conflict' ? 'FACT_CONFLICT' : 'FACT_COMPATIBLE',
    fingerprint: fp,
    event: c.event,
    fact: c.fact,
    subject: c.subject,
    status,
    effectiveStatus,
    baseline,
    suppressed,
    suppressedBy,
    failing,
    level: failing ? 'error' : baseline === 'new' && !suppressed ? 'warning' : 'note',
    values: c.values,
    silent: c.silent,
  };
}

/** The findings of a plain comparison: no baseline, no suppressions (for `compare --format github|sarif`). */
export function findingsOfComparison(report: CompareReport, failOn: FailOn): CheckReport {
  return buildCheckReport({ report, effective: report, suppressions: [], baseline: null, baselinePath: null, failOn, maxFindings: 0 });
}

/** What `--update-baseline` writes for a report: every current disagreement. */
export function baselineEntries(report: CheckReport): BaselineEntry[] {
  return report.findings.map((f) => ({
    fingerprint: f.fingerprint,
    event: f.event,
    fact: f.fact,
    subject: f.subject,
    status: f.status,
    values: f.values.map((v) => ({ value: v.value, label: v.label, outlets: v.outlets })),
  }));
}
