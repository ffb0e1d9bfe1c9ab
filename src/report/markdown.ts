/**
 * Markdown for pull-request comments, job summaries and reports. Corpus text is made inert: no
 * markup, links, raw HTML, @mentions or #references can come from an article or an outlet name.
 */
import { factName, findingState, meetingName, checkSummaryLine } from '../check/messages.js';
import type { CheckReport, Finding } from '../check/findings.js';
import type { CompareReport, Comparison, EvidenceRef } from '../compare/compare.js';
import type { ExtractResult } from '../run.js';
import type { Diagnostic } from '../types.js';
import { sanitizeInline, truncate } from './sanitize.js';

export interface MarkdownOptions {
  evidence?: boolean;
}

const ZWSP = '&#8203;';

/** Text safe inside a GFM table cell or list item: one line, every markup character neutralised. */
export function escapeMarkdown(text: string): string {
  return sanitizeInline(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]~|$]/g, (c) => `\\${c}`) // $ too: GitHub reads $…$ as mathematics
    .replace(/([@#])(?=\w)/g, `$1${ZWSP}`) // no @mentions, no #123 references
    .replace(/:\/\//g, `:${ZWSP}//`) // no autolinks
    .replace(/\b(www)\./gi, `$1${ZWSP}.`);
}

const cell = (text: string, max = 200) => escapeMarkdown(truncate(sanitizeInline(text), max));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map((c) => c || ' ').join(' | ')} |`)];
}

function where(e: { path: string; line: number; column: number }): string {
  return `${cell(e.path, 160)}:${e.line}:${e.column}`;
}

function evidenceCell(list: EvidenceRef[]): string {
  return list.map((e) => `“${cell(e.quote, 120)}” (${where(e)})`).join('<br>');
}

const STATUS: Record<string, string> = { conflict: '**conflict**', compatible: 'compatible', agree: 'agree', 'single-source': 'single-source' };

function comparisonRows(c: Comparison, evidence: boolean): string[][] {
  return c.values.map((v, i) => [
    i === 0 ? escapeMarkdown(factName(c)) : '',
    i === 0 ? (STATUS[c.status] ?? c.status) : '',
    cell(v.label, 80),
    v.outlets.map((o) => cell(o, 60)).join(', '),
    i === 0 ? c.silent.map((o) => cell(o, 60)).join(', ') : '',
    ...(evidence ? [evidenceCell(v.evidence)] : []),
  ]);
}

export function renderCompareMarkdown(report: CompareReport, options: MarkdownOptions = {}): string {
  const s = report.summary;
  const out = [
    '## istanbul-talks compare',
    '',
    `${plural(s.articles, 'article')} · ${plural(s.outlets, 'outlet')} · ${plural(s.events, 'meeting')} · ${plural(s.facts, 'fact')} — ` +
      `${s.agree} agree, ${s.compatible} compatible, ${s.conflict} conflict, ${s.singleSource} single-source`,
  ];
  for (const event of report.events) {
    const comparisons = report.comparisons.filter((c) => c.event === event.id);
    if (comparisons.length === 0) continue;
    const articles = event.articles.length === 0 ? 'mentioned only in articles about other meetings' : plural(event.articles.length, 'article');
    // As in the terminal table: outlets covering the meeting, and those reporting a fact of it.
    const outlets = new Set([...event.outlets, ...comparisons.flatMap((c) => c.values.flatMap((v) => v.outlets))]);
    out.push('', `### ${meetingName(event.id).replace(/^m/, 'M')} · ${articles} · ${plural(outlets.size, 'outlet')}`, '');
    const head = ['Fact', 'Status', 'Value', 'Outlets', 'Silent', ...(options.evidence ? ['Evidence'] : [])];
    out.push(...table(head, comparisons.flatMap((c) => comparisonRows(c, Boolean(options.evidence)))));
  }
  if (report.crossEvent.length) {
    out.push('', '### Differences between meetings', '');
    for (const x of report.crossEvent) {
      const parts = x.values.map((v) => `${cell(v.label, 80)} at ${v.event} (${v.outlets.map((o) => cell(o, 60)).join(', ')})`);
      out.push(`- ${escapeMarkdown(factName(x))}: ${parts.join(' vs ')} — different meetings`);
    }
  }
  out.push(...diagnosticsSection(report.diagnostics));
  return `${out.join('\n')}\n`;
}

function diagnosticsSection(diagnostics: Diagnostic[]): string[] {
  if (!diagnostics.length) return [];
  return [
    '',
    '### Corpus problems',
    '',
    ...table(
      ['Where', 'Severity', 'Code', 'Message'],
      diagnostics.map((d) => [where(d), d.severity, escapeMarkdown(d.code), cell(d.message, 300)]),
    ),
  ];
}

function valuesCell(f: Finding): string {
  return f.values
    .map((v) => {
      const first = v.evidence[0];
      return `${cell(v.label, 80)} — ${v.outlets.map((o) => cell(o, 60)).join(', ')}${first ? ` (${where(first)})` : ''}`;
    })
    .join('<br>');
}

const MARK: Record<string, string> = { error: '❌', warning: '⚠️', note: 'ℹ️' };

export function renderCheckMarkdown(report: CheckReport): string {
  const s = report.summary;
  const headlines: string[] = [];
  if (s.errors > 0) headlines.push(`**❌ The corpus has ${plural(s.errors, 'error')}** (see Corpus problems)`);
  if (s.failing > report.maxFindings) headlines.push(`**❌ ${plural(s.failing, 'new disagreement')} at --fail-on ${report.failOn}**`);
  if (!headlines.length) headlines.push('**✅ No new disagreements beyond the baseline**');
  const out = ['## istanbul-talks check', '', ...headlines, '', `${checkSummaryLine(s, report.baseline.path !== null)} · fail on ${report.failOn}`];
  if (report.findings.length) {
    out.push('', '### Disagreements', '');
    out.push(
      ...table(
        ['', 'Status', 'Fact', 'Meeting', 'Values', 'State', 'Fingerprint'],
        report.findings.map((f) => [
          MARK[f.level] ?? '',
          STATUS[f.status] ?? f.status,
          escapeMarkdown(factName(f)),
          escapeMarkdown(f.event ?? 'unknown'),
          valuesCell(f),
          findingState(f),
          `\`${f.fingerprint.slice(0, 12)}\``,
        ]),
      ),
    );
  }
  if (report.stale.length) {
    out.push('', '### Stale baseline entries', '', 'These reviewed disagreements no longer occur; `istanbul-talks check --update-baseline` drops them.', '');
    out.push(
      ...table(
        ['Status', 'Fact', 'Meeting', 'Values', 'Fingerprint'],
        report.stale.map((e) => [
          e.status,
          escapeMarkdown(factName(e)),
          escapeMarkdown(e.event ?? 'unknown'),
          e.values.map((v) => `${cell(v.label, 80)} — ${v.outlets.map((o) => cell(o, 60)).join(', ')}`).join('<br>'),
          `\`${e.fingerprint.slice(0, 12)}\``,
        ]),
      ),
    );
  }
  out.push(...diagnosticsSection(report.diagnostics));
  return `${out.join('\n')}\n`;
}

export function renderExtractMarkdown(result: ExtractResult): string {
  const out = ['## istanbul-talks extract', '', `${plural(result.facts.length, 'fact')} from ${plural(result.articles.length, 'article')}`, ''];
  out.push(
    ...table(
      ['Article', 'Meeting', 'Fact', 'Value', 'Quote', 'Where'],
      result.facts.map((f) => [
        cell(f.article, 80),
        f.event ?? 'unknown',
        escapeMarkdown(factName(f)),
        cell(f.label, 80),
        `“${cell(f.evidence.quote, 160)}”`,
        `${f.evidence.line}:${f.evidence.column}`,
      ]),
    ),
  );
  out.push(...diagnosticsSection(result.diagnostics));
  return `${out.join('\n')}\n`;
}
