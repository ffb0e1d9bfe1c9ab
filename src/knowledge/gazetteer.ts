/**
 * The gazetteer: entities as data (`knowledge/gazetteer.json`, extendable by the user), validated
 * at load and compiled into one alternation of folded surface forms, longest first, every
 * metacharacter escaped. Matching runs on folded text; spans are folded offsets.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { alternationOf, escapeRegExp } from './alternation.js';
import { detach } from '../corpus/detach.js';
import { parseJson } from '../corpus/input-file.js';
import { lineOf, readDataFiles } from './data-file.js';
import { MAX_ALIAS_CHARS, MAX_GAZETTEER_BYTES, MAX_GAZETTEER_NAMES } from '../limits.js';
import { foldKey, foldText } from './fold.js';
import { editDistance, soundKey } from './spelling.js';

export type EntityKind = 'venue' | 'person' | 'country' | 'region' | 'city';
const KINDS: readonly EntityKind[] = ['venue', 'person', 'country', 'region', 'city'];

export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  /** Country adjectives ("Turkish") and metonyms ("Ankara", "the Kremlin"). */
  adjectives?: string[];
  metonyms?: string[];
  /** For people: the party they belong to. */
  side?: string;
  /** For cities: other talks were held there, so a meeting placed there is not an Istanbul one. */
  offsite?: boolean;
  /**
   * For people: offices held, so that a title alone ("the Turkish foreign minister chaired") can
   * be read as the person who held it on the day of the meeting.
   */
  roles?: Role[];
}

/** An office a person held: one of ROLE_TITLES, of a country, between two days (inclusive; open ends allowed). */
export interface Role {
  title: RoleTitle;
  of: string;
  from?: string;
  to?: string;
}

/** The offices a title alone can name. */
export const ROLE_TITLES = ['foreign minister', 'president', 'intelligence chief'] as const;
export type RoleTitle = (typeof ROLE_TITLES)[number];

/** The people who held `title` of `of` on `day`. */
export function holders(gazetteer: Gazetteer, title: string, of: string, day: string): Entity[] {
  return gazetteer.entities.filter((e) => e.roles?.some((r) => r.title === title && r.of === of && (r.from === undefined || r.from <= day) && (r.to === undefined || day <= r.to)));
}

export type MentionRole = 'name' | 'adjective' | 'metonym';

export interface Mention {
  entity: Entity;
  role: MentionRole;
  start: number;
  end: number;
  surface: string;
}

export interface Gazetteer {
  entities: Entity[];
  byId(id: string): Entity | undefined;
  /** All mentions in `text`, leftmost-longest, non-overlapping per surface (one surface may name several entities). */
  mentions(text: string): Mention[];
  /**
   * `mentions` of each span of `text` (sorted, disjoint), offsets relative to the span, found in
   * one pass over the whole text: the same result as `mentions(text.slice(start, end))` per span.
   */
  mentionsBySpan(text: string, spans: readonly Span[]): Mention[][];
  /**
   * Whether `word`, written before a known person's surname, is that person's given name in
   * another spelling ("Rustam" before "Umerov"): see `isGivenNameVariant`.
   */
  givenNameOf(person: Entity, word: string): boolean;
  /**
   * The one known person whose name or alias begins with `fragment`, a name cut off mid-word
   * ("Vladimir Medinsk", "Vladimi" at the end of an excerpt), in any transliteration ("David
   * Aracham" of "Arachamija"); undefined when none or several do, or when the last word of
   * `fragment` is a whole word of the name (it is not cut).
   */
  completePerson(fragment: string): Entity | undefined;
  /**
   * The one known person whose multi-word name or alias `name` is, transliterated another way
   * ("David Arachamija" for David Arakhamia, "Wladimir Medinskij" for Vladimir Medinsky): see
   * `soundKey`. Undefined for a name of one word, or when none or several are.
   */
  variantPerson(name: string): Entity | undefined;
}

export interface Span {
  start: number;
  end: number;
}

export class GazetteerError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
  ) {
    // The message names the file and line: it is what the user sees (`istanbul-talks: …`).
    super(file ? `gazetteer ${file}:${line}: ${message}` : `gazetteer: ${message}`);
  }
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_GAZETTEER = path.resolve(here, '../../knowledge/gazetteer.json');

interface Surface {
  entity: Entity;
  role: MentionRole;
}

/** Control, BiDi and invisible characters: never part of a name. */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/**
 * A name or alias as it is matched: trimmed, white space inside it one space (each becomes `\s+`
 * in the pattern, so " X" or "A   B" would make runs of spaces match); null when it is empty,
 * longer than MAX_ALIAS_CHARS or holds a control or invisible character.
 */
function surfaceOf(text: string): string | null {
  const surface = text.trim().split(/\s+/).join(' ');
  return surface === '' || surface.length > MAX_ALIAS_CHARS || UNPRINTABLE.test(surface) ? null : surface;
}

export function parseGazetteerFile(file: string, source: string): Entity[] {
  let data: unknown;
  try {
    data = parseJson(source);
  } catch (error) {
    throw new GazetteerError((error as Error).message, file, 1);
  }
  const list = Array.isArray(data) ? data : (data as { entities?: unknown })?.entities;
  if (!Array.isArray(list)) throw new GazetteerError('expected { "entities": [ … ] } or a list of entities', file, 1);
  return list.map((raw, index): Entity => {
    const e = raw as Partial<Entity>;
    // The line is looked up only for an error: counting lines for every entity costs start-up.
    const fail = (why: string) => {
      const where = typeof e?.id === 'string' ? lineOf(source, `"${e.id}"`) : 1;
      throw new GazetteerError(`entity #${index + 1}${typeof e?.id === 'string' ? ` "${e.id}"` : ''}: ${why}`, file, where);
    };
    if (!e || typeof e !== 'object') fail('must be an object');
    if (typeof e.id !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(e.id)) fail('"id" must be a lower-case hyphenated ASCII id');
    if (!KINDS.includes(e.kind as EntityKind)) fail(`"kind" must be one of ${KINDS.join(', ')}`);
    const name = typeof e.name === 'string' ? surfaceOf(e.name) : null;
    if (name === null) fail(`"name" must be a non-empty string of at most ${MAX_ALIAS_CHARS} characters, without control or invisible characters`);
    const strings = (v: unknown, key: string) => {
      if (v === undefined) return [];
      const list = Array.isArray(v) ? v.map((s) => (typeof s === 'string' ? surfaceOf(s) : null)) : [null];
      if (list.includes(null)) fail(`"${key}" must be a list of non-empty strings of at most ${MAX_ALIAS_CHARS} characters, without control or invisible characters`);
      return list as string[];
    };
    if (e.side !== undefined && (typeof e.side !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(e.side))) fail('"side" must be a lower-case hyphenated ASCII id');
    const roles = (v: unknown): Role[] => {
      if (v === undefined) return [];
      const day = /^\d{4}-\d{2}-\d{2}$/;
      const ok = (r: Partial<Role>) =>
        r !== null && typeof r === 'object' && (ROLE_TITLES as readonly unknown[]).includes(r.title) && typeof r.of === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(r.of) &&
        (r.from === undefined || (typeof r.from === 'string' && day.test(r.from))) && (r.to === undefined || (typeof r.to === 'string' && day.test(r.to)));
      if (!Array.isArray(v) || !v.every(ok)) fail(`"roles" must be a list of { title: ${ROLE_TITLES.join(' | ')}, of: country id, from?: YYYY-MM-DD, to?: YYYY-MM-DD }`);
      return (v as Role[]).map((r) => ({ title: r.title, of: r.of, ...(r.from ? { from: r.from } : {}), ...(r.to ? { to: r.to } : {}) }));
    };
    const held = roles(e.roles);
    return {
      id: e.id as string,
      kind: e.kind as EntityKind,
      name: name as string,
      aliases: strings(e.aliases, 'aliases'),
      adjectives: strings(e.adjectives, 'adjectives'),
      metonyms: strings(e.metonyms, 'metonyms'),
      ...(typeof e.side === 'string' ? { side: e.side } : {}),
      ...(e.offsite === true ? { offsite: true } : {}),
      ...(held.length ? { roles: held } : {}),
    };
  });
}

/** Merges entity lists: a later entity with a known id adds its aliases to the earlier one. */
function mergeEntities(lists: { file: string; source: string; entities: Entity[] }[]): Entity[] {
  const byId = new Map<string, Entity>();
  for (const { file, source, entities } of lists) {
    const seenHere = new Set<string>();
    for (const e of entities) {
      if (seenHere.has(e.id)) throw new GazetteerError(`duplicate id "${e.id}"`, file, lineOf(source, `"${e.id}"`));
      seenHere.add(e.id);
      const known = byId.get(e.id);
      if (!known) {
        byId.set(e.id, { ...e, aliases: [...e.aliases] });
        continue;
      }
      if (known.kind !== e.kind) throw new GazetteerError(`"${e.id}" is a ${known.kind} already, not a ${e.kind}`, file, lineOf(source, `"${e.id}"`));
      for (const a of e.aliases) known.aliases.push(a);
      known.adjectives = [...(known.adjectives ?? []), ...(e.adjectives ?? [])];
      known.metonyms = [...(known.metonyms ?? []), ...(e.metonyms ?? [])];
      if (e.roles) known.roles = [...(known.roles ?? []), ...e.roles];
      if (e.side) known.side = e.side;
    }
  }
  return [...byId.values()];
}

const CASE_SENSITIVE = (surface: string) => !/[a-z]/.test(surface);

/** Surfaces compiled into one pattern at most (the bundled gazetteer has 238 in all). */
const SURFACES_PER_PATTERN = 2000;

export function buildGazetteer(lists: { file: string; source: string; entities: Entity[] }[]): Gazetteer {
  const entities = mergeEntities(lists);
  const surfaces = new Map<string, Surface[]>();
  const aliasOwner = new Map<string, Entity>();
  const add = (entity: Entity, surface: string, role: MentionRole) => {
    const key = CASE_SENSITIVE(surface) ? foldText(surface).text.replace(/\s+/g, ' ') : foldKey(surface);
    if (role === 'name') {
      const ownerKey = `${entity.kind}\u0000${key}`;
      const owner = aliasOwner.get(ownerKey);
      if (owner && owner.id !== entity.id) {
        const list = lists.find((l) => l.entities.some((x) => x.id === entity.id)) ?? lists[0];
        throw new GazetteerError(`alias "${surface}" names both "${owner.id}" and "${entity.id}"`, list?.file ?? '', lineOf(list?.source ?? '', `"${entity.id}"`));
      }
      aliasOwner.set(ownerKey, entity);
    }
    const list = surfaces.get(key) ?? [];
    if (!list.some((s) => s.entity.id === entity.id)) list.push({ entity, role });
    surfaces.set(key, list);
  };
  let names = 0;
  for (const e of entities) names += 1 + e.aliases.length + (e.adjectives?.length ?? 0) + (e.metonyms?.length ?? 0);
  if (names > MAX_GAZETTEER_NAMES) {
    const last = lists[lists.length - 1];
    throw new GazetteerError(`${names} names and aliases in all, over the limit of ${MAX_GAZETTEER_NAMES}`, last?.file ?? '', 1);
  }
  for (const e of entities) {
    add(e, e.name, 'name');
    for (const a of e.aliases) add(e, a, 'name');
    for (const a of e.adjectives ?? []) add(e, a, 'adjective');
    for (const a of e.metonyms ?? []) add(e, a, 'metonym');
  }
  const keys = [...surfaces.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const piece = (char: string) => (char === ' ' ? '\\s+' : escapeRegExp(char));
  const sensitive = keys.filter(CASE_SENSITIVE);
  const insensitive = keys.filter((k) => !CASE_SENSITIVE(k));
  // Boundaries: not inside a word. A trailing "." of "U.S." is part of the surface.
  const compile = (list: string[], flags: string) =>
    list.length ? new RegExp(`(?<![\\p{L}\\p{N}])${alternationOf(list, piece)}(?![\\p{L}\\p{N}])`, flags) : null;
  // The regex engine's compile time grows faster than its pattern (50,000 names took a minute):
  // a long list is compiled in pieces of surfaces in alphabetical order (neighbours share a
  // branch), so that cost grows with the number of names; their matches are merged as the two
  // patterns' are.
  const pieces = (list: string[]) => {
    if (list.length <= SURFACES_PER_PATTERN) return [list];
    const sorted = [...list].sort();
    return Array.from({ length: Math.ceil(sorted.length / SURFACES_PER_PATTERN) }, (_, i) => sorted.slice(i * SURFACES_PER_PATTERN, (i + 1) * SURFACES_PER_PATTERN));
  };
  const patterns = [...pieces(insensitive).map((l) => compile(l, 'giu')), ...pieces(sensitive).map((l) => compile(l, 'gu'))].filter((p): p is RegExp => p !== null);
  const index = new Map(entities.map((e) => [e.id, e]));

  const keyOf = (surface: string) => (CASE_SENSITIVE(surface) ? surface.replace(/\s+/g, ' ') : surface.toLowerCase().replace(/\s+/g, ' '));
  // The same few surfaces ("Russia", "Kyiv") are met again and again: their owners are kept
  // rather than their keys worked out anew each time (emptied when full, so memory stays bounded).
  const owners = new Map<string, Surface[]>();
  const ownersOf = (surface: string): Surface[] => {
    let found = owners.get(surface);
    if (found === undefined) {
      if (owners.size >= 10_000) owners.clear();
      // A copy for the key: the surface is a slice, which would keep its whole article alive.
      owners.set(detach(surface), (found = surfaces.get(keyOf(surface)) ?? surfaces.get(foldKey(surface)) ?? []));
    }
    return found;
  };

  /** Raw matches in text[from, to) → mentions of that range, offsets relative to `from`; longest span wins where the two patterns overlap. */
  const resolve = (found: Mention[]): Mention[] => {
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const out: Mention[] = [];
    let reach = -1;
    let lastStart = -1;
    let lastEnd = -1;
    for (const m of found) {
      if (m.start === lastStart && m.end === lastEnd) out.push(m);
      else if (m.start >= reach) {
        out.push(m);
        lastStart = m.start;
        lastEnd = m.end;
        reach = m.end;
      }
    }
    return out;
  };

  const mentions = (text: string): Mention[] => {
    const found: Mention[] = [];
    for (const pattern of patterns) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        const surface = m[0];
        for (const owner of ownersOf(surface)) found.push({ entity: owner.entity, role: owner.role, start: m.index, end: m.index + surface.length, surface });
      }
    }
    return resolve(found);
  };

  /*
   * One pass per pattern over the whole text instead of one per span. A span's matches are the
   * same either way as long as no match crosses its edges and the characters just outside it are
   * not letters or digits (the patterns' boundary look-arounds would see them); any span where
   * that is not so is matched on its own, as before.
   */
  const mentionsBySpan = (text: string, spans: readonly Span[]): Mention[][] => {
    const found: Mention[][] = spans.map(() => []);
    const alone = new Uint8Array(spans.length);
    spans.forEach((s, k) => {
      if (wordCharBefore(text, s.start) || wordCharAt(text, s.end)) alone[k] = 1;
    });
    for (const pattern of patterns) {
      let k = 0;
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        const start = m.index;
        const end = start + m[0].length;
        while (k < spans.length && (spans[k] as Span).end <= start) k++;
        if (k === spans.length) break;
        const span = spans[k] as Span;
        if (start >= span.start && end <= span.end) {
          for (const owner of ownersOf(m[0])) found[k]?.push({ entity: owner.entity, role: owner.role, start: start - span.start, end: end - span.start, surface: m[0] });
          continue;
        }
        // Between spans, or across an edge: every span the match touches is matched alone.
        for (let j = k; j < spans.length && (spans[j] as Span).start < end; j++) if ((spans[j] as Span).end > start) alone[j] = 1;
      }
    }
    return spans.map((s, k) => (alone[k] ? mentions(text.slice(s.start, s.end)) : resolve(found[k] as Mention[])));
  };

  // Given names (first words of a person's multi-word name and aliases), and every folded name and
  // alias of a person, worked out on first use: only a few sentences ask.
  let givenNames: Map<string, string[]> | null = null;
  const givenNameOf = (person: Entity, word: string): boolean => {
    givenNames ??= new Map(entities.filter((e) => e.kind === 'person').map((e) => [e.id, givenNamesOf(e)]));
    return isGivenNameVariant(foldKey(word), givenNames.get(person.id) ?? []);
  };
  let personNames: Array<{ key: string; sound: string; words: string[]; entity: Entity }> | null = null;
  const namesOfPeople = () =>
    (personNames ??= entities
      .filter((e) => e.kind === 'person')
      .flatMap((e) => [e.name, ...e.aliases].map((a) => foldKey(a)).map((key) => ({ key, sound: soundKey(key), words: soundKey(key).split(' '), entity: e }))));
  const onlyOne = (found: Iterable<Entity>): Entity | undefined => {
    const set = new Set(found);
    return set.size === 1 ? [...set][0] : undefined;
  };
  const completePerson = (fragment: string): Entity | undefined => {
    const key = foldKey(fragment);
    const sound = soundKey(key);
    const last = sound.slice(sound.lastIndexOf(' ') + 1);
    // A cut may fall between the two letters of "kh" or "ch" ("Arak", "Arac"): the key of the rest.
    const half = /[kc]$/.test(key) ? soundKey(key.slice(0, -1)) : null;
    const cut = (n: { key: string; sound: string }) =>
      (n.key.length > key.length && n.key.startsWith(key)) || (n.sound.length > sound.length && n.sound.startsWith(sound)) || (half !== null && n.sound.length > half.length && n.sound.startsWith(half));
    return onlyOne(namesOfPeople().filter((n) => !n.words.includes(last) && cut(n)).map((n) => n.entity));
  };
  const variantPerson = (name: string): Entity | undefined => {
    const sound = soundKey(foldKey(name));
    if (!sound.includes(' ')) return undefined;
    return onlyOne(namesOfPeople().filter((n) => n.sound === sound).map((n) => n.entity));
  };

  return { entities, byId: (id) => index.get(id), mentions, mentionsBySpan, givenNameOf, completePerson, variantPerson };
}

/** The folded first words of a person's multi-word name and aliases ("rustem" for Rustem Umerov). */
function givenNamesOf(person: Entity): string[] {
  const out = new Set<string>();
  for (const name of [person.name, ...person.aliases]) {
    const key = foldKey(name);
    const space = key.indexOf(' ');
    if (space > 0) out.add(key.slice(0, space));
  }
  return [...out];
}

/**
 * Whether `word` (folded) is one of `given` names in another spelling: it differs by at most one
 * edit in three letters, two at most, and one at most when the first letter is not the same
 * ("Rustam" for "Rustem", "Dmytro" for "Dmitry", "Wladimir" for "Vladimir"; not "Roman" for
 * "Rustem", nor "Ivan" for "Igor").
 */
export function isGivenNameVariant(word: string, given: readonly string[]): boolean {
  if (word.length < 3 || !/^[a-z]+$/.test(word)) return false;
  return given.some((g) => {
    if (g === word) return true;
    const allowed = Math.min(g[0] === word[0] ? 2 : 1, Math.floor(Math.max(g.length, word.length) / 3));
    return allowed > 0 && editDistance(g, word, allowed) <= allowed;
  });
}

const WORD_END = /[\p{L}\p{N}]$/u;
const WORD_START = /^[\p{L}\p{N}]/u;
const isAsciiWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Whether the code point ending at `at` is a letter or digit (what the patterns' look-behind tests). */
function wordCharBefore(text: string, at: number): boolean {
  if (at <= 0) return false;
  const c = text.charCodeAt(at - 1);
  return c < 0x80 ? isAsciiWord(c) : WORD_END.test(text.slice(Math.max(0, at - 2), at));
}

/** Whether the code point starting at `at` is a letter or digit (what the patterns' look-ahead tests). */
function wordCharAt(text: string, at: number): boolean {
  if (at >= text.length) return false;
  const c = text.charCodeAt(at);
  return c < 0x80 ? isAsciiWord(c) : WORD_START.test(text.slice(at, at + 2));
}

export function loadGazetteer(extraFiles: string[] = []): Gazetteer {
  const files = readDataFiles([DEFAULT_GAZETTEER, ...extraFiles], 'gazetteer', MAX_GAZETTEER_BYTES, (why, file) => new GazetteerError(why, file, 1));
  return buildGazetteer(files.map(({ file, source }) => ({ file, source, entities: parseGazetteerFile(file, source) })));
}

let cached: Gazetteer | null = null;
/** The bundled gazetteer, compiled once per process. */
export function defaultGazetteer(): Gazetteer {
  cached ??= loadGazetteer();
  return cached;
}
