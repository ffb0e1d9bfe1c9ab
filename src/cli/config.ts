/**
 * The configuration file, as ESLint, Vale and markdownlint users expect one: istanbul-talks.config.json,
 * or the "istanbul-talks" key of a package.json, the nearest found from the working directory
 * upward. It is validated by the shipped JSON Schema (schema/config.schema.json) before anything
 * reads it; its paths are relative to the file; flags given on the command line win.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputFileError, JsonError, parseJson as parseJsonText, readInputFile } from '../corpus/input-file.js';
import { MAX_CONFIG_BYTES } from '../limits.js';
import { UsageError } from './shared.js';

export const CONFIG_FILE = 'istanbul-talks.config.json';
export const PACKAGE_KEY = 'istanbul-talks';

export interface Config {
  corpus?: string;
  gazetteer?: string[];
  calendar?: string[];
  tolerance?: number;
  failOn?: 'conflict' | 'compatible' | 'never';
  baseline?: string;
}

/**
 * Sets a command's options from the configuration where the command line did not: the key's
 * option, when the command has it (corpus → --corpus, gazetteer → --gazetteer, calendar →
 * --calendar, tolerance → --tolerance); failOn and baseline are check's only.
 */
export function applyConfig(command: ConfigurableCommand, found: FoundConfig): void {
  const { config } = found;
  const set = (key: string, value: unknown) => {
    const has = command.options.some((o) => o.attributeName() === key);
    if (has && command.getOptionValueSource(key) !== 'cli') command.setOptionValueWithSource(key, value, 'config');
  };
  // Facts files already say which corpus they come from.
  if (config.corpus !== undefined && command.getOptionValueSource('fromFacts') !== 'cli') set('corpus', config.corpus);
  if (config.gazetteer !== undefined) set('gazetteer', config.gazetteer);
  if (config.tolerance !== undefined) set('tolerance', String(config.tolerance));
  if (command.name() === 'check') {
    if (config.failOn !== undefined) set('failOn', config.failOn);
    if (config.baseline !== undefined) set('baseline', config.baseline);
  }
  if (config.calendar !== undefined) set('calendar', config.calendar);
}

/** What applyConfig needs of a commander command. */
export interface ConfigurableCommand {
  name(): string;
  options: ReadonlyArray<{ attributeName(): string }>;
  getOptionValueSource(key: string): string | undefined;
  setOptionValueWithSource(key: string, value: unknown, source: 'config'): unknown;
}

export interface FoundConfig {
  /** The file it was read from (istanbul-talks.config.json or package.json). */
  file: string;
  /** Its keys, paths resolved against the file's directory. */
  config: Config;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const CONFIG_SCHEMA = path.resolve(here, '../../schema/config.schema.json');

// --- Validation by the schema -----------------------------------------------------------------

type Schema = Record<string, unknown>;

/** The keywords this validator implements; a schema that uses another is refused, not half-read. */
const KEYWORDS = new Set(['$schema', '$id', 'title', 'description', 'type', 'properties', 'additionalProperties', 'items', 'enum', 'minimum', 'exclusiveMaximum', 'minLength']);

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * What is wrong with `value` against `schema` (the subset of JSON Schema listed in KEYWORDS), each
 * problem with the path of the value: `gazetteer[1] must be a string`.
 */
export function schemaProblems(schema: Schema, value: unknown, at = ''): string[] {
  for (const key of Object.keys(schema)) if (!KEYWORDS.has(key)) throw new Error(`config schema: keyword "${key}" is not supported`);
  const name = at || 'the configuration';
  const type = schema.type as string | undefined;
  const actual = typeOf(value);
  if (type !== undefined && actual !== type && !(type === 'number' && actual === 'integer')) return [`${name} must be ${type === 'array' || type === 'object' || type === 'integer' ? 'an' : 'a'} ${type}, not ${actual === 'object' || actual === 'array' ? `an ${actual}` : JSON.stringify(value)}`];
  const problems: string[] = [];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) problems.push(`${name} must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}, not ${JSON.stringify(value)}`);
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) problems.push(`${name} must be at least ${schema.minimum}, not ${value}`);
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) problems.push(`${name} must be below ${schema.exclusiveMaximum}, not ${value}`);
  }
  if (typeof value === 'string' && typeof schema.minLength === 'number' && [...value].length < schema.minLength) problems.push(`${name} must not be empty`);
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => problems.push(...schemaProblems(schema.items as Schema, v, `${at}[${i}]`)));
  if (actual === 'object') {
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      const where = at ? `${at}.${key}` : key;
      const sub = Object.hasOwn(properties, key) ? properties[key] : undefined;
      if (sub) problems.push(...schemaProblems(sub, v, where));
      else if (schema.additionalProperties === false) problems.push(`unknown key "${where}" (keys: ${Object.keys(properties).filter((k) => k !== '$schema').join(', ')})`);
    }
  }
  return problems;
}

let schema: Schema | null = null;
function configSchema(): Schema {
  return (schema ??= JSON.parse(fs.readFileSync(CONFIG_SCHEMA, 'utf8')) as Schema);
}

// --- Finding and reading ----------------------------------------------------------------------

function parseJson(file: string, text: string): unknown {
  try {
    // Nesting capped, and nothing of the text quoted (a config linked to /proc/self/environ).
    return parseJsonText(text);
  } catch (error) {
    if (!(error instanceof JsonError)) throw error;
    throw new UsageError(`config ${file}:${error.line}: invalid JSON (${error.problem})`);
  }
}

/** Validated keys, with paths resolved against `dir`; `name` says where they come from in messages. */
export function readConfig(name: string, data: unknown, dir: string): Config {
  const problems = schemaProblems(configSchema(), data);
  if (problems.length) throw new UsageError(`config ${name}: ${problems.join('; ')} (see schema/config.schema.json)`);
  const raw = data as Config;
  const resolve = (p: string) => path.resolve(dir, p);
  return {
    ...(raw.corpus !== undefined ? { corpus: resolve(raw.corpus) } : {}),
    ...(raw.gazetteer !== undefined ? { gazetteer: raw.gazetteer.map(resolve) } : {}),
    ...(raw.calendar !== undefined ? { calendar: raw.calendar.map(resolve) } : {}),
    ...(raw.tolerance !== undefined ? { tolerance: raw.tolerance } : {}),
    ...(raw.failOn !== undefined ? { failOn: raw.failOn } : {}),
    ...(raw.baseline !== undefined ? { baseline: resolve(raw.baseline) } : {}),
  };
}

function readText(file: string): string | null {
  try {
    // Picked up from the working directory or above, so possibly a stranger's: read as every input
    // besides the articles is (a regular file, a link followed to one only, size capped).
    return readInputFile(file, { what: 'config', maxBytes: MAX_CONFIG_BYTES, followSymlinks: true });
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
    throw new UsageError(error.message);
  }
}

/**
 * The nearest configuration from `cwd` upward: in each directory istanbul-talks.config.json first,
 * then a package.json with an "istanbul-talks" key. Null when there is none.
 */
export function findConfig(cwd = process.cwd()): FoundConfig | null {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const file = path.join(dir, CONFIG_FILE);
    const text = readText(file);
    if (text !== null) return { file, config: readConfig(file, parseJson(file, text), dir) };
    const pkgFile = path.join(dir, 'package.json');
    const pkgText = readText(pkgFile);
    if (pkgText !== null) {
      const pkg = parseJson(pkgFile, pkgText);
      if (typeof pkg === 'object' && pkg !== null && !Array.isArray(pkg) && Object.hasOwn(pkg, PACKAGE_KEY)) {
        return { file: pkgFile, config: readConfig(`${pkgFile} ("${PACKAGE_KEY}")`, (pkg as Record<string, unknown>)[PACKAGE_KEY], dir) };
      }
    }
    if (path.dirname(dir) === dir) return null;
  }
}
