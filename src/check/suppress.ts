/**
 * Inline suppression: `<!-- istanbul-talks-disable fact=duration -->` anywhere in an article keeps
 * that article's facts of that kind out of the failing set of `check` (`fact=*`, or the bare
 * directive, for every kind). The directive covers the whole article: a fact's disagreement is a
 * property of the article, not of one line. Names are kept as written; `check` reports unknown ones.
 */
import { detach } from '../corpus/detach.js';
import { createLocator } from '../corpus/location.js';
import { FACT_KINDS, type Diagnostic, type FactKind, type FactRecord } from '../types.js';

export const DISABLE_DIRECTIVE = 'istanbul-talks-disable';
export const ALL_FACTS = '*';

export interface Suppression {
  article: string;
  path: string;
  /** 1-based position of the `<!--` that opens the directive. */
  line: number;
  column: number;
  /** Fact kinds as written (`*` = all); anything else is reported by `suppressionProblems`. */
  facts: string[];
}

/** Directives in one file's text. Linear: each `<!--` is matched with the next `-->` once. */
export function scanSuppressions(raw: string, article: string, path: string): Suppression[] {
  const out: Suppression[] = [];
  let locator: ReturnType<typeof createLocator> | null = null;
  let from = 0;
  for (;;) {
    const open = raw.indexOf('<!--', from);
    if (open === -1) break;
    const close = raw.indexOf('-->', open + 4);
    if (close === -1) break;
    from = close + 3;
    const inner = raw.slice(open + 4, close).trim();
    if (!inner.startsWith(DISABLE_DIRECTIVE)) continue;
    const rest = inner.slice(DISABLE_DIRECTIVE.length);
    if (rest !== '' && !/^\s/.test(rest)) continue; // e.g. istanbul-talks-disable-next-line: not ours
    // Copies: the extraction keeps suppressions, and a slice would keep the article's text alive.
    const facts = parseDirectiveArguments(rest).map(detach);
    locator ??= createLocator(raw);
    const point = locator.point(open);
    out.push({ article, path, line: point.line, column: point.column, facts });
  }
  return out;
}

/** `fact=a,b fact=c -- reason` → [a, b, c]; no arguments → [*]; other tokens are kept for reporting. */
function parseDirectiveArguments(rest: string): string[] {
  const reason = rest.search(/(^|\s)--(\s|$)/);
  const tokens = (reason === -1 ? rest : rest.slice(0, reason)).split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return [ALL_FACTS];
  const facts: string[] = [];
  for (const token of tokens) {
    if (token.startsWith('fact=')) facts.push(...token.slice(5).split(',').map((f) => f.trim()).filter(Boolean));
    else facts.push(token);
  }
  return facts;
}

/** Warnings for directive arguments that are not fact kinds, at the directive. */
export function suppressionProblems(suppressions: readonly Suppression[]): Diagnostic[] {
  const known = new Set<string>([ALL_FACTS, ...FACT_KINDS]);
  const out: Diagnostic[] = [];
  for (const s of suppressions) {
    for (const f of s.facts) {
      if (known.has(f)) continue;
      out.push({
        severity: 'warning',
        path: s.path,
        line: s.line,
        column: s.column,
        code: 'SUPPRESSION_UNKNOWN',
        message: `${DISABLE_DIRECTIVE}: "${f}" is not a fact kind; write fact=<kind> or fact=* (kinds: ${FACT_KINDS.join(', ')})`,
      });
    }
  }
  return out;
}

/** Per article, the fact kinds it disables (or `*`). */
export function suppressedKinds(suppressions: readonly Suppression[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const s of suppressions) {
    let set = map.get(s.article);
    if (!set) map.set(s.article, (set = new Set()));
    for (const f of s.facts) set.add(f);
  }
  return map;
}

export function isSuppressed(kinds: Map<string, Set<string>>, article: string, fact: FactKind): boolean {
  const set = kinds.get(article);
  return set !== undefined && (set.has(ALL_FACTS) || set.has(fact));
}

export function partitionSuppressed(records: readonly FactRecord[], suppressions: readonly Suppression[]): { kept: FactRecord[]; suppressed: FactRecord[] } {
  const kinds = suppressedKinds(suppressions);
  const kept: FactRecord[] = [];
  const suppressed: FactRecord[] = [];
  for (const r of records) (isSuppressed(kinds, r.article, r.fact) ? suppressed : kept).push(r);
  return { kept, suppressed };
}
