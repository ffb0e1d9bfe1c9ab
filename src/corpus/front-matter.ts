/**
 * Front matter, read by this module alone: the block is found by a linear line scan (so positions
 * and the declared language are known before any parser runs), and its YAML goes to a strict
 * parser — or, when it has the simple shape nearly all front matter has, to a hand-written reader
 * that gives the same result (simple-front-matter.ts). gray-matter is deliberately not on this
 * path: it `eval`s `---js` blocks whatever its options say, shares cached `data` objects between
 * calls without options, and its comment stripping (`/^\s*#[^\n]+/gm`) takes seconds on a 64 KB
 * block of blank lines. Only `---`, `---yaml` and `---yml` open a block; anything else is a
 * diagnostic and is never parsed.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { quoteForMessage } from '../report/sanitize.js';
import { parseSimpleFrontMatter } from './simple-front-matter.js';

export interface FrontMatterBlock {
  /** Declared language after the opening `---`, lower-cased ('' when none). */
  language: string;
  /** The YAML text between the delimiters. */
  source: string;
  /** Offset of `source` in the file, and the 1-based line it starts on. */
  sourceStart: number;
  sourceLine: number;
  /** Offset just past the closing delimiter line: where the body begins. */
  bodyStart: number;
}

export interface FrontMatterProblem {
  code: string;
  message: string;
  /** Offset into the file the problem is at. */
  offset: number;
}

export type BlockResult = { ok: true; block: FrontMatterBlock } | { ok: false; problem: FrontMatterProblem };

/** Real front matter is a few hundred bytes; this bounds the work a hostile block can cause. */
export const MAX_FRONT_MATTER = 64 * 1024;
/** Fields are scalars or a list of strings; nothing legitimate nests deeper than this. */
const MAX_DEPTH = 8;
const BOM = '\ufeff';

/** Reads one line starting at `from`: its text without the line ending, and where the next begins. */
function readLine(text: string, from: number): { text: string; next: number } {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10) return { text: text.slice(from, i), next: i + 1 };
    if (c === 13) return { text: text.slice(from, i), next: text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1 };
    i++;
  }
  return { text: text.slice(from), next: text.length };
}

const LANGUAGE_NAME = /^[a-z][\w.+-]*$/i;

/** What follows `---` on the opening line: null when it opens YAML, else the problem. */
function checkOpener(rest: string, offset: number): FrontMatterProblem | null {
  const language = rest.trim().toLowerCase();
  if (language === '' || language === 'yaml' || language === 'yml') return null;
  if (LANGUAGE_NAME.test(language)) {
    // `---js`, `---JS`, `--- javascript `: gray-matter would evaluate these. Never parsed here.
    return {
      code: 'FRONT_MATTER_LANGUAGE',
      message: `front matter declares language ${quoteForMessage(language, 20)}; only YAML front matter is supported (open it with a plain "---" line)`,
      offset,
    };
  }
  return {
    code: 'FRONT_MATTER_DELIMITER',
    message: `opening line ${quoteForMessage(`---${rest}`, 20)} is not a front-matter delimiter: open the front matter with exactly "---"`,
    offset,
  };
}

export function findFrontMatter(text: string): BlockResult {
  // A UTF-8 byte order mark (the decoder usually drops it) must not hide the opening line.
  const start = text.startsWith(BOM) ? 1 : 0;
  const first = readLine(text, start);
  if (!first.text.startsWith('---')) {
    return {
      ok: false,
      problem: {
        code: 'FRONT_MATTER_MISSING',
        message: 'no front matter: an article must start with a "---" line followed by YAML (outlet, published)',
        offset: start,
      },
    };
  }
  const opener = checkOpener(first.text.slice(3), start);
  if (opener) return { ok: false, problem: opener };
  const language = first.text.slice(3).trim().toLowerCase();
  let pos = first.next;
  while (pos < text.length) {
    if (pos - first.next > MAX_FRONT_MATTER) {
      return {
        ok: false,
        problem: { code: 'FRONT_MATTER_TOO_LARGE', message: `front matter is over ${MAX_FRONT_MATTER / 1024} KiB; it should hold a few fields`, offset: start },
      };
    }
    const current = readLine(text, pos);
    if (current.text.startsWith('---')) {
      if (current.text.trimEnd() === '---') {
        return {
          ok: true,
          block: { language, source: text.slice(first.next, pos), sourceStart: first.next, sourceLine: 2, bodyStart: current.next },
        };
      }
      // `---x` closes the block for some parsers and not for others: refuse the ambiguity.
      return {
        ok: false,
        problem: {
          code: 'FRONT_MATTER_DELIMITER',
          message: `line ${quoteForMessage(current.text, 20)} is not a front-matter delimiter: close the front matter with exactly "---"`,
          offset: pos,
        },
      };
    }
    pos = current.next;
  }
  return {
    ok: false,
    problem: { code: 'FRONT_MATTER_UNTERMINATED', message: 'front matter is never closed: add a "---" line after the metadata', offset: start },
  };
}

export type YamlResult =
  | { ok: true; data: unknown; /** Offset in the file of each top-level key. */ keyOffsets: Map<string, number> }
  | { ok: false; problem: FrontMatterProblem };

/** yaml's messages end with "at line L, column C:" relative to the block; our position is absolute. */
function yamlMessage(message: string): string {
  const nl = message.indexOf('\n');
  const line = nl === -1 ? message : message.slice(0, nl);
  const at = line.lastIndexOf(' at line ');
  return quoteForMessage(at === -1 ? line : line.slice(0, at), 120, false);
}

/**
 * The block's fields, or the problem with them. The common shape of front matter is read by hand
 * (simple-front-matter.ts), with the same result the YAML parser would give; everything else,
 * and every problem, goes to the YAML parser.
 */
export function parseFrontMatter(block: FrontMatterBlock): YamlResult {
  return parseSimpleFrontMatter(block) ?? parseYamlFrontMatter(block);
}

/**
 * The YAML parser, loaded on first use: front matter in the common shape never needs it, and
 * loading it is a good part of start-up (it is most of the program's code).
 */
let yaml: typeof Yaml | null = null;
function yamlParser(): typeof Yaml {
  return (yaml ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
}

/**
 * Strict YAML: core schema (dates stay strings), unique keys, no anchors or aliases (no alias
 * bombs), no tags at all, bounded depth. Returns plain data only after all of that held.
 */
export function parseYamlFrontMatter(block: FrontMatterBlock): YamlResult {
  const at = (pos: readonly number[] | undefined) => block.sourceStart + (pos?.[0] ?? 0);
  const fail = (code: string, message: string, pos?: readonly number[]): YamlResult => ({ ok: false, problem: { code, message, offset: at(pos) } });
  const { isAlias, isCollection, isMap, isNode, isScalar, parseDocument, visit } = yamlParser();
  try {
    const doc = parseDocument(block.source, { schema: 'core', uniqueKeys: true, prettyErrors: false, strict: true, keepSourceTokens: false });
    const error = doc.errors[0];
    if (error) return fail('FRONT_MATTER_YAML', `invalid YAML: ${yamlMessage(error.message)}`, error.pos);
    let problem: YamlResult | null = null;
    visit(doc, (_key, node, path) => {
      if (!isNode(node)) return undefined;
      if (isAlias(node) || node.anchor) {
        problem = fail('FRONT_MATTER_ALIAS', 'YAML anchors and aliases are not allowed in front matter', node.range ?? undefined);
      } else if (node.tag) {
        problem = fail('FRONT_MATTER_TAG', 'YAML tags (!…) are not allowed in front matter', node.range ?? undefined);
      } else if (isCollection(node) && path.filter(isCollection).length >= MAX_DEPTH) {
        problem = fail('FRONT_MATTER_YAML', 'front matter is nested too deeply', node.range ?? undefined);
      }
      return problem ? visit.BREAK : undefined;
    });
    if (problem) return problem;
    const warning = doc.warnings[0];
    if (warning) return fail('FRONT_MATTER_YAML', `unsupported YAML: ${yamlMessage(warning.message)}`, warning.pos);
    const keyOffsets = new Map<string, number>();
    if (isMap(doc.contents)) {
      for (const pair of doc.contents.items) {
        if (isScalar(pair.key) && pair.key.range) keyOffsets.set(String(pair.key.value), block.sourceStart + pair.key.range[0]);
      }
    }
    return { ok: true, data: doc.toJS({ maxAliasCount: 0 }), keyOffsets };
  } catch {
    // The parser recursing out of stack on pathological nesting, or any other internal failure.
    return fail('FRONT_MATTER_YAML', 'front matter could not be parsed as YAML');
  }
}
