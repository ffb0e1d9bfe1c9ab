/**
 * Every regular expression the program compiles, found two ways so none slips through:
 * - literals (`/…/g`) are read from the source of src/ with the TypeScript parser;
 * - patterns built at run time (`new RegExp(…)` from fragments, the gazetteer's alternations) are
 *   recorded by swapping the global RegExp constructor while the modules load, then matched back
 *   to the `new RegExp` call sites in the source, so a site that never ran is noticed.
 * No module needs to export its patterns for this, and a pattern added tomorrow is checked too.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const SRC = path.resolve(__dirname, '../../src');

export interface Pattern {
  /** `src/…/file.ts:line` of the literal or of the `new RegExp` call that built it. */
  where: string;
  source: string;
  flags: string;
  kind: 'literal' | 'constructed';
}

export function sourceFiles(dir = SRC): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out.sort();
}

const rel = (file: string) => path.relative(path.resolve(SRC, '..'), file).split(path.sep).join('/');

/** Regex literals and `new RegExp` call sites of one file. */
export function scanSource(file: string): { literals: Pattern[]; constructorSites: string[] } {
  const text = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const literals: Pattern[] = [];
  const constructorSites: string[] = [];
  const where = (node: ts.Node) => `${rel(file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = (node as ts.RegularExpressionLiteral).text;
      const slash = literal.lastIndexOf('/');
      literals.push({ where: where(node), source: literal.slice(1, slash), flags: literal.slice(slash + 1), kind: 'literal' });
    }
    if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
      constructorSites.push(where(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { literals, constructorSites };
}

/**
 * Runs `load` with RegExp construction recorded; returns the patterns built by code in src/, with
 * the call site each came from. Literals are not constructed through the global and are not seen.
 */
export async function recordConstructed(load: () => Promise<void>): Promise<Pattern[]> {
  const Original = globalThis.RegExp;
  const seen: Pattern[] = [];
  const srcPrefix = `${SRC}${path.sep}`;
  function Recording(pattern: string | RegExp, flags?: string): RegExp {
    const re = new Original(pattern, flags);
    // The frame that called `new RegExp`, mapped back to the .ts source by vitest.
    // The immediate caller: patterns a dependency builds (chrono-node's) are its own business.
    const frame = (new Error().stack ?? '').split('\n')[2];
    const m = frame ? /\((?:file:\/\/)?([^()]*):(\d+):\d+\)$|at (?:file:\/\/)?(\S*):(\d+):\d+$/.exec(frame.trim()) : null;
    const file = m ? (m[1] ?? m[3]) : undefined;
    const line = m ? (m[2] ?? m[4]) : undefined;
    if (file?.startsWith(srcPrefix)) seen.push({ where: `${rel(file)}:${line}`, source: re.source, flags: re.flags, kind: 'constructed' });
    return re;
  }
  Recording.prototype = Original.prototype;
  Object.setPrototypeOf(Recording, Original);
  globalThis.RegExp = Recording as unknown as RegExpConstructor;
  try {
    await load();
  } finally {
    globalThis.RegExp = Original;
  }
  return seen;
}

/** Unique by (source, flags), keeping the first place it was seen. */
export function unique(patterns: Pattern[]): Pattern[] {
  const byKey = new Map<string, Pattern>();
  for (const p of patterns) {
    const key = `${p.flags}/${p.source}`;
    if (!byKey.has(key)) byKey.set(key, p);
  }
  return [...byKey.values()];
}
