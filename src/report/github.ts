/**
 * GitHub Actions workflow commands: one annotation per article behind each new disagreement, at the
 * evidence, plus one per corpus diagnostic. Escaping follows the runner's rules: `%`, CR and LF in
 * the message; also `:` and `,` in properties — otherwise an outlet called "x,line=1::y" could
 * forge fields or a second command. Corpus text is sanitised first (no escape sequences, no BiDi).
 */
import { factName, findingMessage, meetingName, checkSummaryLine, staleMessage } from '../check/messages.js';
import type { CheckReport, Finding } from '../check/findings.js';
import type { EvidenceRef } from '../compare/compare.js';
import { sanitizeInline, truncate } from './sanitize.js';

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

type Command = 'error' | 'warning' | 'notice';

/** `::command k=v,k=v::message`; a message may have several lines. */
export function workflowCommand(command: Command, properties: Record<string, string | number | undefined>, lines: string[]): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(sanitizeInline(String(v)))}`)
    .join(',');
  const message = lines.map((l) => sanitizeInline(l)).join('\n');
  return `::${command}${props ? ` ${props}` : ''}::${escapeData(message)}\n`;
}

/** The first evidence of each article behind a finding, in the finding's value order. */
export function evidencePerArticle(f: Finding): { evidence: EvidenceRef; label: string }[] {
  const seen = new Set<string>();
  const out: { evidence: EvidenceRef; label: string }[] = [];
  for (const v of f.values) {
    for (const e of v.evidence) {
      if (seen.has(e.article)) continue;
      seen.add(e.article);
      out.push({ evidence: e, label: v.label });
    }
  }
  return out;
}

function findingAnnotations(f: Finding, withBaseline: boolean): string[] {
  if (f.level === 'note') return [];
  const command: Command = f.level === 'error' ? 'error' : 'warning';
  // The same for every article: built once (it names every outlet, hundreds on a large corpus).
  const message = truncate(findingMessage(f), 600);
  return evidencePerArticle(f).map(({ evidence: e, label }) =>
    workflowCommand(
      command,
      { file: e.path, line: e.line, col: e.column, title: `${f.status}: ${factName(f)} at ${meetingName(f.event)} — ${truncate(e.outlet, 80)}` },
      [
        `${truncate(e.outlet, 80)} says ${truncate(label, 120)}: “${truncate(e.quote, 200)}”`,
        message,
        `fingerprint ${f.fingerprint}${withBaseline ? ' (not in the baseline)' : ''}`,
      ],
    ),
  );
}

export function renderGithub(report: CheckReport): string {
  const withBaseline = report.baseline.path !== null;
  const out: string[] = [];
  for (const f of report.findings) out.push(...findingAnnotations(f, withBaseline));
  for (const d of report.diagnostics) {
    out.push(workflowCommand(d.severity === 'error' ? 'error' : 'warning', { file: d.path, line: d.line, col: d.column, title: d.code }, [d.message]));
  }
  for (const e of report.stale) out.push(workflowCommand('notice', { title: 'stale baseline entry' }, [truncate(staleMessage(e), 600)]));
  out.push(`istanbul-talks: ${sanitizeInline(checkSummaryLine(report.summary, withBaseline))}\n`);
  return out.join('');
}
