/** JSON documents of SPEC.md §7, with `schemaVersion`. Control and BiDi characters are escaped. */
import type { CheckReport } from '../check/findings.js';
import type { CompareReport } from '../compare/compare.js';
import type { ExtractResult } from '../run.js';
import { safeJson } from './sanitize.js';

export function renderExtractJson(result: ExtractResult): string {
  return `${safeJson({ schemaVersion: 1, articles: result.articles, facts: result.facts, diagnostics: result.diagnostics }, 2)}\n`;
}

export function renderCompareJson(report: CompareReport): string {
  return `${safeJson(report, 2)}\n`;
}

export function renderCheckJson(report: CheckReport): string {
  return `${safeJson(report, 2)}\n`;
}
