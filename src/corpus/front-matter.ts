/**
 * Front matter, read by gray-matter behind this module's guards. The block is first found by a
 * linear line scan (so positions and the declared language are known before any parser runs):
 * only `---`, `---yaml` and `---yml` open one, anything else is a diagnostic and is never parsed,
 * and a block over MAX_FRONT_MATTER is refused. Only then does gray-matter see it, with every
 * engine replaced — YAML goes to the strict parser (or, in the simple shape nearly all front
 * matter has, to a hand-written reader that gives the same result: simple-front-matter.ts), any
 * other language is refused, so nothing is evaluated — and always with options, which bypasses its
 * content cache (shared `data` objects between calls).
 *
 * gray-matter strips comments with `/^\s*#[^\n]+/gm` first, which is quadratic in a run of blank
 * lines (64 KB of them took 6.6 s). Two guards keep it linear: the block is capped at 8 KiB, where
 * that worst case is about a tenth of a second (bench/front-matter.ts; real front matter is a few
 * hundred bytes), and gray-matter is given the block with each whitespace-only line written as a
 * `#` comment line (see matterView), so that no run of whitespace spans two lines at all.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
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

/** Real front matter is a few hundred bytes; this bounds the work a hostile block can cause (see above). */
export const MAX_FRONT_MATTER = 8 * 1024;
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

// --- gray-matter ------------------------------------------------------------------------------

interface GrayMatterFile {
  data: unknown;
  content: string;
}
interface GrayMatterEngine {
  parse: (source: string) => unknown;
  stringify?: (data: unknown) => string;
}
interface GrayMatterOptions {
  language: string;
  excerpt: false;
  engines: Record<string, GrayMatterEngine>;
}
interface GrayMatter {
  (input: string, options: GrayMatterOptions): GrayMatterFile;
  stringify(content: string, data: object, options: GrayMatterOptions): string;
}

/**
 * gray-matter, loaded on first use: from the bundle's one-file copy when there is one (see
 * tools/bundle.mjs), else from node_modules (the unbundled build and the tests).
 */
let grayMatterModule: GrayMatter | null = null;
function grayMatter(): GrayMatter {
  if (!grayMatterModule) {
    const require = createRequire(import.meta.url);
    const bundled = new URL('./gray-matter.cjs', import.meta.url);
    grayMatterModule = (fs.existsSync(bundled) ? require(fileURLToPath(bundled)) : require('gray-matter')) as GrayMatter;
  }
  return grayMatterModule;
}

/** An engine for a language gray-matter must never read: it throws instead of parsing (or evaluating). */
const REFUSED: GrayMatterEngine = {
  parse: () => {
    throw new Error('front matter language refused');
  },
  stringify: () => {
    throw new Error('front matter language refused');
  },
};

/**
 * gray-matter's options for one call: `yaml` (and its alias `yml`) through `yaml`, every other
 * engine it knows of — json, javascript and js, coffee — refused. A language it does not know it
 * refuses by itself; the loader's guard has refused every language but YAML before it gets here.
 */
function matterOptions(yaml: GrayMatterEngine): GrayMatterOptions {
  return { language: 'yaml', excerpt: false, engines: { yaml, yml: yaml, json: REFUSED, javascript: REFUSED, js: REFUSED, coffee: REFUSED, cson: REFUSED } };
}

/**
 * The text gray-matter is given: each whitespace-only line (the last piece, after the final line
 * break, excepted) becomes `#` — a YAML comment, so the same document around it — and U+2028 and
 * U+2029, which its regex takes for line breaks, become spaces. Line by line, so the block's view
 * is the same whether taken alone or with its delimiter lines.
 */
export function matterView(text: string): string {
  const lines = text.replaceAll('\u2028', ' ').replaceAll('\u2029', ' ').split('\n');
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') lines[i] = line.endsWith('\r') ? '#\r' : '#';
  }
  return lines.join('\n');
}

export type FrontMatterResult = { ok: true; block: FrontMatterBlock; data: unknown; keyOffsets: Map<string, number> } | { ok: false; problem: FrontMatterProblem };

/**
 * The front matter of an article's text: found and checked by the guards (findFrontMatter), then
 * read by gray-matter, whose YAML engine is parseFrontMatter over the same block — so every
 * problem keeps its position in the file.
 */
export function readFrontMatter(text: string): FrontMatterResult {
  const found = findFrontMatter(text);
  if (!found.ok) return found;
  const { block } = found;
  let parsed: YamlResult | null = null;
  const yaml: GrayMatterEngine = {
    parse: (source) => {
      // gray-matter hands over what follows `---` (and the language, when it names one) up to the
      // line break before the closing line: past the opening line, the block the scan found — or
      // the two disagree.
      if (`${source.slice(source.indexOf('\n') + 1)}\n` !== matterView(block.source)) {
        parsed = { ok: false, problem: { code: 'FRONT_MATTER_DELIMITER', message: 'the front matter block is ambiguous: close it with a line of exactly "---"', offset: block.sourceStart } };
      } else {
        parsed = parseFrontMatter(block);
      }
      if (!parsed.ok) throw new Error(parsed.problem.message);
      return parsed.data;
    },
  };
  const start = text.startsWith(BOM) ? 1 : 0;
  let file: GrayMatterFile;
  try {
    // Only the block goes in: gray-matter's work is bounded by the cap, whatever the body holds.
    file = grayMatter()(matterView(text.slice(start, block.bodyStart)), matterOptions(yaml));
  } catch {
    const settled = parsed as YamlResult | null;
    if (settled && !settled.ok) return { ok: false, problem: settled.problem };
    return { ok: false, problem: { code: 'FRONT_MATTER_YAML', message: 'front matter could not be read', offset: block.sourceStart } };
  }
  const settled = parsed as YamlResult | null;
  // No engine call: gray-matter found the block empty (or comments only), and its data is {}.
  return { ok: true, block, data: settled?.ok ? settled.data : file.data, keyOffsets: settled?.ok ? settled.keyOffsets : new Map() };
}

/** An article's text: YAML front matter written by gray-matter (through the YAML library), then the body. */
export function writeFrontMatter(body: string, data: Record<string, string>): string {
  const yaml: GrayMatterEngine = { ...REFUSED, stringify: (value) => yamlParser().stringify(value, { lineWidth: 0 }) };
  return grayMatter().stringify(body, data, matterOptions(yaml));
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
  const { isAlias, isCollection, isMap, isNode, isPair, isScalar, parseDocument, visit } = yamlParser();
  try {
    // logLevel silent: the library would print its own warnings (for keys that are lists or maps) to stderr.
    const doc = parseDocument(block.source, { schema: 'core', uniqueKeys: true, prettyErrors: false, strict: true, keepSourceTokens: false, logLevel: 'silent' });
    const error = doc.errors[0];
    if (error) return fail('FRONT_MATTER_YAML', `invalid YAML: ${yamlMessage(error.message)}`, error.pos);
    let problem: YamlResult | null = null;
    visit(doc, (_key, node, path) => {
      if (isPair(node) && isNode(node.key) && !isScalar(node.key)) {
        problem = fail('FRONT_MATTER_YAML', 'a key that is a list or a mapping is not allowed in front matter', node.key.range ?? undefined);
        return visit.BREAK;
      }
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
