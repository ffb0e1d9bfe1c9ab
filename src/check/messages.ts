/**
 * Prose for people, produced in one place from findings (the renderers only lay it out). Corpus
 * text (outlets, labels) passes through unchanged: each renderer sanitises and escapes for its medium.
 */
import type { BaselineEntry } from './baseline.js';
import type { Finding } from './findings.js';

export function factName(x: { fact: string; subject: string | null }): string {
  return x.subject ? `${x.fact} (${x.subject})` : x.fact;
}

export function meetingName(event: string | null): string {
  if (event === null) return 'an unknown meeting';
  if (event === 'all') return 'all meetings (merged)';
  return `meeting ${event}`;
}

/** "Dolmabahçe Palace [Atalayar, Financial Times] vs Çırağan Palace [bne IntelliNews]" */
export function valuesText(values: readonly { label: string; outlets: readonly string[] }[]): string {
  return values.map((v) => `${v.label} [${v.outlets.join(', ')}]`).join(' vs ');
}

/** One line: what disagrees, at which meeting, and who says what. */
export function findingMessage(f: Finding | BaselineEntry): string {
  return `${factName(f)} at ${meetingName(f.event)}: ${valuesText(f.values)}`;
}

/** A short title: "conflict: venue at meeting 2025-05-16". */
export function findingTitle(f: Finding | BaselineEntry): string {
  return `${f.status}: ${factName(f)} at ${meetingName(f.event)}`;
}

/** Why a finding does or does not fail, in a few words. */
export function findingState(f: Finding): string {
  if (f.failing) return f.suppressed ? 'new, partly suppressed' : 'new';
  if (f.baseline === 'known') return f.suppressed ? 'in baseline, suppressed' : 'in baseline';
  if (f.suppressed) return 'suppressed';
  return 'new, below --fail-on';
}

export function staleMessage(e: BaselineEntry): string {
  return `no longer found: ${findingMessage(e)}`;
}

/** The closing line of a check: counts; baseline counts only when a baseline is in use. */
export function checkSummaryLine(
  s: { findings: number; failing: number; known: number; suppressed: number; stale: number; errors: number },
  withBaseline: boolean,
): string {
  const parts = [`${s.failing} failing`];
  if (withBaseline || s.known) parts.push(`${s.known} in baseline`);
  if (s.suppressed) parts.push(`${s.suppressed} suppressed`);
  if (withBaseline || s.stale) parts.push(`${s.stale} stale baseline ${s.stale === 1 ? 'entry' : 'entries'}`);
  if (s.errors) parts.push(`${s.errors} corpus ${s.errors === 1 ? 'error' : 'errors'}`);
  return `${s.findings} ${s.findings === 1 ? 'disagreement' : 'disagreements'}: ${parts.join(', ')}`;
}
