/**
 * SARIF 2.1.0 for code-scanning UIs. Each disagreement is one result at the evidence of its least
 * supported value (the claim that stands out), with the other articles' evidence as related
 * locations; its stable fingerprint goes in `partialFingerprints`, so a scanning service follows it
 * across commits. Baseline and inline suppressions map to `baselineState` and `suppressions`.
 */
import type * as Sarif from 'sarif';
import type { CheckReport, Finding } from '../check/findings.js';
import { findingMessage } from '../check/messages.js';
import type { Diagnostic } from '../types.js';
import { evidencePerArticle } from './github.js';
import { jsonDocument } from './json.js';
import { sanitizeInline, truncate } from './sanitize.js';

export interface SarifOptions {
  version?: string;
}

export const FINGERPRINT_KEY = 'disagreement/v1';

const RULES: Record<string, string> = {
  FACT_CONFLICT: 'Outlets report values for one fact of one meeting that cannot all be true',
  FACT_COMPATIBLE: 'Outlets report one fact of one meeting with different precision',
};

/** A relative path as a URI reference: each segment percent-encoded. */
export function pathUri(p: string): string {
  // Empty segments dropped: "//host/x" would be a reference to another host.
  return p
    .split('/')
    .filter((segment, i) => i === 0 || segment !== '')
    .map(encodeURIComponent)
    .join('/');
}

function location(path: string, line: number, column: number, quote?: string): Sarif.Location {
  const region: Sarif.Region = { startLine: line, startColumn: column };
  // Columns count UTF-16 code units, as JavaScript offsets do; a one-line quote gives the end.
  if (quote !== undefined && !/[\r\n]/.test(quote)) {
    region.endLine = line;
    region.endColumn = column + quote.length;
    region.snippet = { text: sanitizeInline(truncate(quote, 500)) };
  }
  return { physicalLocation: { artifactLocation: { uri: pathUri(path) }, region } };
}

function findingResult(f: Finding, ruleIndex: number, withBaseline: boolean): Sarif.Result {
  const [primary, ...others] = [...evidencePerArticle(f)].reverse();
  const result: Sarif.Result = {
    ruleId: f.code,
    ruleIndex,
    level: f.level,
    message: { text: sanitizeInline(truncate(findingMessage(f), 1000)) },
    locations: primary ? [location(primary.evidence.path, primary.evidence.line, primary.evidence.column, primary.evidence.quote)] : [],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    properties: { event: f.event, fact: f.fact, subject: f.subject, status: f.status, effectiveStatus: f.effectiveStatus },
  };
  if (others.length) {
    result.relatedLocations = others.map(({ evidence: e, label }, i) => ({
      id: i + 1,
      ...location(e.path, e.line, e.column, e.quote),
      message: { text: sanitizeInline(truncate(`${e.outlet}: ${label}`, 300)) },
    }));
  }
  if (withBaseline) result.baselineState = f.baseline === 'known' ? 'unchanged' : 'new';
  const suppressions: Sarif.Suppression[] = [];
  if (f.suppressed) {
    for (const s of f.suppressedBy) suppressions.push({ kind: 'inSource', location: location(s.path, s.line, s.column) });
  }
  if (f.baseline === 'known') suppressions.push({ kind: 'external', justification: 'reviewed: listed in the baseline file' });
  if (suppressions.length) result.suppressions = suppressions;
  return result;
}

function diagnosticResult(d: Diagnostic, ruleIndex: number): Sarif.Result {
  return {
    ruleId: d.code,
    ruleIndex,
    level: d.severity,
    message: { text: sanitizeInline(d.message) },
    locations: [location(d.path, d.line, d.column)],
  };
}

export function renderSarif(report: CheckReport, options: SarifOptions = {}): Iterable<string> {
  const ruleIds = [...new Set([...report.findings.map((f) => f.code), ...report.diagnostics.map((d) => d.code)])];
  const rules: Sarif.ReportingDescriptor[] = ruleIds.map((id) => ({
    id,
    shortDescription: { text: (Object.hasOwn(RULES, id) ? RULES[id] : undefined) ?? `Corpus problem ${sanitizeInline(id)}` },
  }));
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const withBaseline = report.baseline.path !== null;
  const results = [
    ...report.findings.map((f) => findingResult(f, index.get(f.code) ?? 0, withBaseline)),
    ...report.diagnostics.map((d) => diagnosticResult(d, index.get(d.code) ?? 0)),
  ];
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'istanbul-talks', ...(options.version ? { version: options.version } : {}), rules } },
        columnKind: 'utf16CodeUnits',
        results,
        ...(report.stale.length ? { properties: { staleBaselineEntries: report.stale.map((e) => e.fingerprint) } } : {}),
      },
    ],
  };
  // Written result by result: runs[0].results is four levels down.
  return jsonDocument(log, 4);
}
