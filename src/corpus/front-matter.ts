/**
 * Front matter: find the block ourselves (so positions and the declared language are known before
 * any parser runs), then parse it with gray-matter whose every engine is replaced: YAML goes to a
 * strict parser, and every other language — above all `js`/`javascript`, which gray-matter would
 * `eval` — throws. Passing options also keeps gray-matter's content-keyed cache out of the way.
 */
import matter from 'gray-matter';
import { isAlias, isMap, isNode, isScalar, parseDocument, visit } from 'yaml';

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

const MAX_FRONT_MATTER = 64 * 1024;

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

export function findFrontMatter(text: string): BlockResult {
  const first = readLine(text, 0);
  if (!first.text.startsWith('---')) {
    return {
      ok: false,
      problem: {
        code: 'FRONT_MATTER_MISSING',
        message: 'no front matter: an article must start with a "---" line followed by YAML (outlet, published)',
        offset: 0,
      },
    };
  }
  const language = first.text.slice(3).trim().toLowerCase();
  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    // `----` and `---x` lines are not openers of another language but broken delimiters.
    const shown = language.length > 20 ? `${language.slice(0, 20)}…` : language;
    return {
      ok: false,
      problem: {
        code: 'FRONT_MATTER_LANGUAGE',
        message: `front matter declares language "${shown}"; only YAML front matter is supported (open it with a plain "---" line)`,
        offset: 0,
      },
    };
  }
  let line = 2;
  let pos = first.next;
  while (pos < text.length) {
    const current = readLine(text, pos);
    if (current.text.trimEnd() === '---') {
      return {
        ok: true,
        block: {
          language,
          source: text.slice(first.next, pos),
          sourceStart: first.next,
          sourceLine: 2,
          bodyStart: current.next,
        },
      };
    }
    if (pos - first.next > MAX_FRONT_MATTER) break;
    pos = current.next;
    line++;
  }
  return {
    ok: false,
    problem: {
      code: 'FRONT_MATTER_UNTERMINATED',
      message:
        pos - first.next > MAX_FRONT_MATTER
          ? `front matter is not closed within ${MAX_FRONT_MATTER / 1024} KiB: add a "---" line after the metadata`
          : 'front matter is never closed: add a "---" line after the metadata',
      offset: 0,
    },
  };
}

export type YamlResult =
  | { ok: true; data: unknown; /** Offset in the file of each top-level key. */ keyOffsets: Map<string, number> }
  | { ok: false; problem: FrontMatterProblem };

/** Strict YAML: core schema (dates stay strings), no anchors or aliases, no custom tags. */
function parseYamlStrict(block: FrontMatterBlock): YamlResult {
  const doc = parseDocument(block.source, { schema: 'core', uniqueKeys: true, prettyErrors: false, strict: true });
  const at = (pos: [number, number] | undefined) => block.sourceStart + (pos ? pos[0] : 0);
  const error = doc.errors[0];
  if (error) {
    return { ok: false, problem: { code: 'FRONT_MATTER_YAML', message: `invalid YAML: ${firstLine(error.message)}`, offset: at(error.pos) } };
  }
  let problem: FrontMatterProblem | null = null;
  visit(doc, (_key, node) => {
    if (problem || !isNode(node)) return;
    if (isAlias(node) || ('anchor' in node && node.anchor)) {
      problem = {
        code: 'FRONT_MATTER_ALIAS',
        message: 'YAML anchors and aliases are not allowed in front matter',
        offset: at(node.range ? [node.range[0], node.range[1]] : undefined),
      };
      return visit.BREAK;
    }
    if (node.tag && !node.tag.startsWith('tag:yaml.org,2002:')) {
      problem = {
        code: 'FRONT_MATTER_TAG',
        message: 'YAML tags are not allowed in front matter',
        offset: at(node.range ? [node.range[0], node.range[1]] : undefined),
      };
      return visit.BREAK;
    }
    return undefined;
  });
  if (problem) return { ok: false, problem };
  const warning = doc.warnings[0];
  if (warning) {
    return { ok: false, problem: { code: 'FRONT_MATTER_TAG', message: `unsupported YAML: ${firstLine(warning.message)}`, offset: at(warning.pos) } };
  }
  const keyOffsets = new Map<string, number>();
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) keyOffsets.set(String(pair.key.value), block.sourceStart + pair.key.range[0]);
    }
  }
  return { ok: true, data: doc.toJS({ maxAliasCount: 0 }), keyOffsets };
}

function firstLine(message: string): string {
  const nl = message.indexOf('\n');
  return nl === -1 ? message : message.slice(0, nl);
}

class RefusedEngine extends Error {}

/** Parses the block's YAML through gray-matter with every engine replaced. */
export function parseFrontMatter(text: string, block: FrontMatterBlock): YamlResult {
  let result: YamlResult = { ok: true, data: {}, keyOffsets: new Map() };
  const refuse = {
    parse(): never {
      throw new RefusedEngine('only YAML front matter is supported');
    },
  };
  const yamlEngine = {
    parse(): Record<string, unknown> {
      result = parseYamlStrict(block);
      return {};
    },
  };
  try {
    matter(text.slice(0, block.bodyStart), {
      language: 'yaml',
      engines: { yaml: yamlEngine, yml: yamlEngine, js: refuse, javascript: refuse, json: refuse, coffee: refuse, cson: refuse, toml: refuse },
    } as unknown as Parameters<typeof matter>[1]);
  } catch (error) {
    return {
      ok: false,
      problem: {
        code: 'FRONT_MATTER_LANGUAGE',
        message: error instanceof RefusedEngine ? error.message : 'front matter could not be read',
        offset: 0,
      },
    };
  }
  return result;
}
