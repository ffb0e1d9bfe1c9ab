/**
 * JSON documents of SPEC.md §7, with `schemaVersion`. Control and BiDi characters are escaped.
 *
 * A document is rendered in pieces — its members, and each element of its arrays apart — that the
 * CLI writes one after another: the 30 MB document of a 10,000-article corpus never exists as one
 * string (nor do the copies that stringifying and escaping it whole would make). The pieces join
 * to exactly `safeJson(document, 2)` and a newline.
 */
import type { CheckReport } from '../check/findings.js';
import type { CompareReport } from '../compare/compare.js';
import type { ExtractResult } from '../run.js';
import { escapeJson } from './sanitize.js';

const INDENT = '  ';

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** Arrays and plain objects without toJSON: the values whose text this file lays out itself. */
function isContainer(v: unknown): v is unknown[] | Record<string, unknown> {
  if (Array.isArray(v)) return true;
  if (v === null || typeof v !== 'object' || typeof (v as { toJSON?: unknown }).toJSON === 'function') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * `JSON.stringify(value, null, 2)` at `indent` inside its document, in pieces: containers are cut
 * after each member or element down to `depth` levels; below that a value is stringified whole
 * and its lines indented (a newline in JSON text is always layout: in strings it is `\n`).
 */
export function* jsonPieces(value: unknown, depth: number, indent = ''): Generator<string> {
  if (depth <= 0 || !isContainer(value)) {
    yield JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`);
    return;
  }
  const inner = indent + INDENT;
  const array = Array.isArray(value);
  // What comes before the next member: the opening bracket, then commas.
  let before = array ? '[' : '{';
  if (array) {
    for (let i = 0; i < value.length; i++) {
      yield `${before}\n${inner}`;
      before = ',';
      yield* jsonPieces(omitted(value[i]) ? null : value[i], depth - 1, inner);
    }
  } else {
    for (const key of Object.keys(value)) {
      if (omitted(value[key])) continue;
      yield `${before}\n${inner}${JSON.stringify(key)}: `;
      before = ',';
      yield* jsonPieces(value[key], depth - 1, inner);
    }
  }
  const close = array ? ']' : '}';
  yield before === ',' ? `\n${indent}${close}` : before + close;
}

/**
 * A whole document, escaped, and a newline: cut down to `depth` levels (2: the elements of the
 * top-level object's arrays).
 */
export function* jsonDocument(document: object, depth = 2): Generator<string> {
  for (const piece of jsonPieces(document, depth)) yield escapeJson(piece);
  yield '\n';
}

export function renderExtractJson(result: ExtractResult): Iterable<string> {
  return jsonDocument({ schemaVersion: 1, articles: result.articles, facts: result.facts, diagnostics: result.diagnostics });
}

export function renderCompareJson(report: CompareReport): Iterable<string> {
  return jsonDocument(report);
}

export function renderCheckJson(report: CheckReport): Iterable<string> {
  return jsonDocument(report);
}
