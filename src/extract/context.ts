/**
 * What every extractor sees of one sentence: its folded text, the entities in it, and a masked
 * lower-case copy of the same length in which every person reads `@@@` and every country (name,
 * adjective or metonym) reads `###`. Patterns over the mask stay short and linear ("led by @+"),
 * and because lengths are kept, a match offset is a text offset.
 */
import type { Gazetteer, Mention } from '../knowledge/gazetteer.js';
import { slugify } from '../knowledge/fold.js';

export interface Person {
  id: string;
  /** Party from the gazetteer (`russia`, `ukraine`, `turkey` …), if known. */
  side: string | null;
  start: number;
  end: number;
  surface: string;
  known: boolean;
}

export interface SentenceContext {
  /** Folded sentence text (case kept). */
  text: string;
  /** Lower-cased `text`. */
  lower: string;
  /** `lower` with people as `@` and countries as `#`. */
  masked: string;
  mentions: Mention[];
  people: Person[];
  /** Reference date (YYYY-MM-DD) for relative dates. */
  reference: string;
  gazetteer: Gazetteer;
  /** Days of the known meetings, to choose between last and next Friday. */
  meetings: ReadonlySet<string>;
}

/** Words that are titles or descriptions, not names: stripped from the front of a capitalised run. */
export const TITLE_WORDS = [
  'the', 'a', 'an', 'his', 'her', 'its', 'their', 'former', 'current', 'then', 'acting', 'deputy', 'first', 'vice', 'prime',
  'foreign', 'defence', 'defense', 'culture', 'presidential', 'president', 'minister', 'aide', 'adviser', 'advisor',
  'assistant', 'secretary', 'chief', 'head', 'spokesman', 'spokeswoman', 'spokesperson', 'negotiator', 'lawmaker', 'mp',
  'general', 'gen', 'lieutenant', 'lt', 'colonel', 'col', 'admiral', 'sir', 'mr', 'mrs', 'ms', 'dr', 'ambassador', 'envoy',
  'special', 'senior', 'top', 'veteran', 'national', 'security', 'council', 'intelligence', 'military', 'parliamentary',
  'faction', 'leader', 'party', 'ruling', 'state', 'of', 'and', 'for', 'kremlin', 'russian', 'ukrainian', 'turkish',
  'american', 'us', 'u.s.', 'spy', 'spymaster', 'lead', 'chair', 'chairman', 'delegation', 'diplomat', 'director',
  'commander', 'staff', 'office', 'ministry', 'navy', 'army', 'naval', 'deputy-head', 'opposition', 'then-defence',
  // Initials of the councils and services whose heads lead delegations ("NSDC Secretary Rustem Umerov").
  'nsdc', 'rnbo', 'sbu', 'gur', 'hur', 'fsb', 'gru', 'svr', 'longtime', 'newly-appointed',
];
const TITLE_SET = new Set(TITLE_WORDS);

/** Capitalised words that end a would-be personal name: organisations, places, calendar words. */
const NOT_NAMES = new Set([
  'times', 'post', 'journal', 'news', 'press', 'agency', 'service', 'reuters', 'afp', 'cnn', 'bbc', 'ministry', 'office', 'palace',
  'council', 'union', 'commission', 'forces', 'force', 'army', 'navy', 'federation', 'republic', 'sea', 'street', 'square',
  'hotel', 'university', 'institute', 'foundation', 'group', 'bank', 'fund', 'party', 'parliament', 'assembly', 'government',
  'operation', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'istanbul', 'europe', 'european',
  'nato', 'bosphorus', 'telegram', 'the', 'in', 'on', 'at', 'after', 'before', 'but', 'and', 'while', 'when', 'as', 'it', 'this',
  'that', 'ukraine', 'russia', 'kyiv', 'kiev', 'moscow', 'turkey', 'live', 'update', 'updates', 'photo', 'via', 'by', 'meanwhile',
  'breaking', 'analysis', 'opinion', 'editorial', 'comment', 'east', 'west', 'north', 'south', 'eastern', 'western', 'day', 'week',
]);

const TRAILING_SPACE = /^\s*$/;
const CAPITALISED_RUN = /\p{Lu}[\p{L}'-]*(?:[ \t]+\p{Lu}[\p{L}'-]*)*/gu;

/** The capitalised word right before `at` (one space or tab between), if any. */
const WORD_BEFORE = /(?<![\p{L}'-])\p{Lu}[\p{L}'-]*[ \t]$/u;

/**
 * People in a sentence: gazetteer persons, plus capitalised names of two or more words after
 * stripping titles. With the gazetteer, a known surname keeps a given name written another way
 * ("Rustam Umerov" is Rustem Umerov, and the mask covers both words), and a name cut off at the
 * end of the text ("… Vladimir Medinsk") is the one known person it can only be the start of,
 * never a new person.
 */
export function findPeople(text: string, mentions: Mention[], gazetteer?: Gazetteer): Person[] {
  const people: Person[] = [];
  const taken: Array<[number, number]> = [];
  for (const m of mentions) {
    let start = m.start;
    if (m.entity.kind === 'person' && gazetteer && start > 1) {
      const before = WORD_BEFORE.exec(text.slice(Math.max(0, start - 24), start));
      const word = before?.[0].trimEnd();
      if (word && !TITLE_SET.has(word.toLowerCase()) && !NOT_NAMES.has(word.toLowerCase()) && gazetteer.givenNameOf(m.entity, word)) start -= before![0].length;
    }
    taken.push([start, m.end]);
    if (m.entity.kind === 'person') {
      people.push({ id: m.entity.id, side: m.entity.side ?? null, start, end: m.end, surface: text.slice(start, m.end), known: true });
    }
  }
  taken.sort((a, b) => a[0] - b[0]);
  let next = 0;
  CAPITALISED_RUN.lastIndex = 0;
  for (let m = CAPITALISED_RUN.exec(text); m !== null; m = CAPITALISED_RUN.exec(text)) {
    // A name has two words at least, so a run of one word (most runs: "The", "Istanbul") gives none.
    if (!m[0].includes(' ') && !m[0].includes('\t')) continue;
    // Split the run where gazetteer mentions sit; each remaining piece may be a name. Runs and
    // mentions both come in text order, so one forward pass over the mentions serves all runs.
    const runEnd = m.index + m[0].length;
    while (next < taken.length && (taken[next] as [number, number])[1] <= m.index) next++;
    const pieces: Array<[number, number]> = [];
    let from = m.index;
    for (let j = next; j < taken.length && (taken[j] as [number, number])[0] < runEnd; j++) {
      const [ts, te] = taken[j] as [number, number];
      if (ts > from) pieces.push([from, ts]);
      from = Math.max(from, te);
    }
    if (from < runEnd) pieces.push([from, runEnd]);
    for (const [s, e] of pieces) {
      const words: Array<{ word: string; start: number }> = [];
      const wordRe = /[^\s]+/g;
      const piece = text.slice(s, e);
      for (let w = wordRe.exec(piece); w !== null; w = wordRe.exec(piece)) words.push({ word: w[0], start: s + w.index });
      while (words.length && TITLE_SET.has((words[0] as { word: string }).word.toLowerCase().replace(/'s$/, ''))) words.shift();
      if (words.length < 2 || words.length > 4) continue;
      if (words.some((w) => NOT_NAMES.has(w.word.toLowerCase().replace(/'s$/, '')) || TITLE_SET.has(w.word.toLowerCase()))) continue;
      const first = words[0] as { start: number };
      const lastWord = words[words.length - 1] as { word: string; start: number };
      const end = lastWord.start + lastWord.word.replace(/'s$/, '').length;
      const surface = text.slice(first.start, end);
      // A run that the text ends on may be a name cut short: the known person it begins, if one does.
      // Anywhere, it may be a known name transliterated another way ("David Arachamija").
      const known = gazetteer && ((TRAILING_SPACE.test(text.slice(end)) && gazetteer.completePerson(surface)) || gazetteer.variantPerson(surface));
      if (known) people.push({ id: known.id, side: known.side ?? null, start: first.start, end, surface, known: true });
      else people.push({ id: slugify(surface), side: null, start: first.start, end, surface, known: false });
    }
  }
  const cut = gazetteer && lastWordCut(text, people, gazetteer);
  if (cut) people.push(cut);
  return people.sort((a, b) => a.start - b.start);
}

/**
 * A capitalised word of four letters or more that the text ends on, cut off in a known person's
 * given name ("… the assistant of the President Vladimi"): that person, when only one name begins
 * so. A name of two words or more was read above; a word that is whole in the name is not cut.
 */
function lastWordCut(text: string, people: readonly Person[], gazetteer: Gazetteer): Person | undefined {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1] as string)) end--;
  let start = end;
  while (start > 0 && /\p{L}/u.test(text[start - 1] as string)) start--;
  if (end - start < 4 || !/\p{Lu}/u.test(text[start] as string) || people.some((p) => p.end > start)) return undefined;
  const person = gazetteer.completePerson(text.slice(start, end));
  return person && { id: person.id, side: person.side ?? null, start, end, surface: text.slice(start, end), known: true };
}

/**
 * A sentence's context whose people and mask are worked out on first use: most sentences reach no
 * extractor that reads them. A class, so that V8 gives every context the same fast shape.
 */
class LazyContext implements SentenceContext {
  private found: Person[] | null = null;
  private mask: string | null = null;
  constructor(
    readonly text: string,
    readonly lower: string,
    readonly mentions: Mention[],
    readonly reference: string,
    readonly gazetteer: Gazetteer,
    readonly meetings: ReadonlySet<string>,
  ) {}
  get people(): Person[] {
    return (this.found ??= findPeople(this.text, this.mentions, this.gazetteer));
  }
  get masked(): string {
    return (this.mask ??= maskOf(this.lower, this.text.length, this.mentions, this.people));
  }
}

/**
 * The context of one sentence. `mentions` may be given when they were found already (one
 * gazetteer pass over the whole article); they must be what `gazetteer.mentions(text)` returns.
 */
export function buildContext(
  text: string,
  reference: string,
  gazetteer: Gazetteer,
  meetings: ReadonlySet<string> = new Set(),
  mentions: Mention[] = gazetteer.mentions(text),
  lower: string = text.toLowerCase(),
): SentenceContext {
  return new LazyContext(text, lower, mentions, reference, gazetteer, meetings);
}

/** `lower` with countries as `#` and people as `@` (people win where both cover a letter). */
function maskOf(lower: string, length: number, mentions: Mention[], people: Person[]): string {
  // toLowerCase can change length only for a few non-ASCII letters; fall back to no masking then.
  if (lower.length !== length) return lower;
  const COUNTRY = 1;
  const PERSON = 2;
  let marks: Uint8Array | null = null;
  for (const m of mentions) if (m.entity.kind === 'country') (marks ??= new Uint8Array(length)).fill(COUNTRY, m.start, m.end);
  for (const p of people) (marks ??= new Uint8Array(length)).fill(PERSON, p.start, p.end);
  if (marks === null) return lower;
  // Unmarked stretches are copied whole, marked ones written as runs of their mark.
  let out = '';
  for (let i = 0; i < length; ) {
    const mark = marks[i] as number;
    let j = i + 1;
    while (j < length && marks[j] === mark) j++;
    out += mark === 0 ? lower.slice(i, j) : (mark === PERSON ? '@' : '#').repeat(j - i);
    i = j;
  }
  return out;
}

/** The person whose mask covers `offset`. */
export function personAt(ctx: SentenceContext, offset: number): Person | undefined {
  return ctx.people.find((p) => p.start <= offset && offset < p.end);
}

/** The country mention covering `offset`. */
export function countryAt(ctx: SentenceContext, offset: number): Mention | undefined {
  return ctx.mentions.find((m) => m.entity.kind === 'country' && m.start <= offset && offset < m.end);
}

const TITLE_ALTERNATIVES = TITLE_WORDS.filter((w) => !['and', 'of', 'for', 'a', 'an'].includes(w))
  .map((w) => w.replace(/[.]/g, '\\.'))
  .join('|');
/** One word of a title, a country mark or a person's possessive; "and" only in "security and defence". */
const TITLE_TOKEN = `(?:${TITLE_ALTERNATIVES}|(?<![#])#+(?!#)(?:'s)?|(?<![@])@+(?!@)'s|of|for|and(?=\\s+defen[cs]e\\b))`;
/**
 * Title vocabulary as a regex fragment for the mask: up to ten title words, country marks or a
 * person's possessive ("Putin's adviser") before a name ("the secretary of the National Security and
 * Defence Council Rustem Umerov"). A title may be "to" someone whose title ends with "of <country>"
 * ("aide to the President of Russia Vladimir Medinsky"): the name right after the country holds the
 * whole title. "An aide to President Vladimir Putin" stops before "to", so Putin holds no title of
 * the aide's.
 */
export const TITLES = `(?:${TITLE_TOKEN}[\\s,-]+){0,10}(?:to\\s+(?:the\\s+)?(?:[a-z]+\\s+){0,4}?of\\s+(?:the\\s+)?(?<![#])#+(?!#)[\\s,]+)?`;
