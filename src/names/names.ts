/**
 * `names`: house style per outlet. For every person and place that two or more outlets name, the
 * spellings each outlet uses (Zelensky / Zelenskyy / Zelenskiy; Kyiv / Kiev; Dolmabahce /
 * Dolmabahçe), with counts. Spellings are taken from the raw text, diacritics and all.
 */
import { byString } from '../canonical.js';
import { detach } from '../corpus/detach.js';
import type { Article } from '../types.js';
import { foldText, originalSpan } from '../knowledge/fold.js';
import type { EntityKind, Gazetteer } from '../knowledge/gazetteer.js';

export interface Spelling {
  text: string;
  count: number;
}

export interface NameUsage {
  id: string;
  kind: EntityKind;
  name: string;
  /** Every spelling in the corpus, with the outlets that use it. */
  spellings: Array<Spelling & { outlets: string[] }>;
  outlets: Array<{ outlet: string; spellings: Spelling[] }>;
}

export interface NamesReport {
  schemaVersion: 1;
  names: NameUsage[];
}

const KINDS: readonly EntityKind[] = ['person', 'venue', 'city', 'region', 'country'];

const words = (text: string) => text.split(' ');

/**
 * "Yermak" beside "Andriy Yermak" is the same spelling, shortened: a form whose words all appear
 * in exactly one longer form used for the same entity is counted as that form.
 */
function mergeShortForms(byOutlet: Map<string, Map<string, number>>): Map<string, Map<string, number>> {
  // Case is typography ("ISTANBUL," in a dateline), not spelling: the commonest casing stands for all.
  const totals = new Map<string, number>();
  for (const counts of byOutlet.values()) for (const [text, n] of counts) totals.set(text, (totals.get(text) ?? 0) + n);
  const casing = new Map<string, string>();
  for (const [text] of [...totals].sort((a, b) => b[1] - a[1] || byString(a[0], b[0]))) {
    if (!casing.has(text.toLowerCase())) casing.set(text.toLowerCase(), text);
  }
  const forms = [...new Set([...totals.keys()].map((t) => casing.get(t.toLowerCase()) as string))];
  const contains = (big: string, small: string) => big !== small && words(small).every((w) => words(big).includes(w));
  const target = new Map<string, string>();
  for (const form of forms) {
    const longer = forms.filter((f) => contains(f, form));
    const maximal = longer.filter((f) => !longer.some((g) => contains(g, f)));
    if (maximal.length === 1) target.set(form, maximal[0] as string);
  }
  const merged = new Map<string, Map<string, number>>();
  for (const [outlet, counts] of byOutlet) {
    const out = new Map<string, number>();
    for (const [text, count] of counts) {
      const cased = casing.get(text.toLowerCase()) as string;
      const to = target.get(cased) ?? cased;
      out.set(to, (out.get(to) ?? 0) + count);
    }
    merged.set(outlet, out);
  }
  return merged;
}

/** How one article spells each entity: entity id → spelling as written → count. */
export type ArticleNames = Array<[id: string, text: string, count: number]>;

/** The names one article uses, taken from its raw text (diacritics and all). */
export function namesOfArticle(article: Article, gazetteer: Gazetteer): ArticleNames {
  const counts = new Map<string, number>();
  const folded = foldText(article.raw, article.bodyStart);
  for (const m of gazetteer.mentions(folded.text)) {
    if (m.role !== 'name') continue;
    const [start, end] = originalSpan(folded, m.start, m.end);
    const key = `${m.entity.id}\u0000${article.raw.slice(start, end).replace(/\s+/g, ' ')}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => {
    const cut = key.indexOf('\u0000');
    // Copies: nothing kept may hold the article's text alive.
    return [detach(key.slice(0, cut)), detach(key.slice(cut + 1)), count];
  });
}

export function collectNames(articles: Article[], gazetteer: Gazetteer): NamesReport {
  return mergeNames(
    articles.map((a) => ({ outlet: a.outlet, names: namesOfArticle(a, gazetteer) })),
    gazetteer,
  );
}

/** The names report from each article's names (see namesOfArticle), in any order. */
export function mergeNames(articles: Iterable<{ outlet: string; names: ArticleNames }>, gazetteer: Pick<Gazetteer, 'byId'>): NamesReport {
  // id → outlet → spelling → count
  const usage = new Map<string, Map<string, Map<string, number>>>();
  for (const article of articles) {
    for (const [id, text, count] of article.names) {
      const byOutlet = usage.get(id) ?? new Map<string, Map<string, number>>();
      usage.set(id, byOutlet);
      const counts = byOutlet.get(article.outlet) ?? new Map<string, number>();
      byOutlet.set(article.outlet, counts);
      counts.set(text, (counts.get(text) ?? 0) + count);
    }
  }
  const names: NameUsage[] = [];
  for (const [id, rawByOutlet] of usage) {
    if (rawByOutlet.size < 2) continue;
    const entity = gazetteer.byId(id);
    if (!entity) continue;
    const byOutlet = mergeShortForms(rawByOutlet);
    const all = new Map<string, { count: number; outlets: Set<string> }>();
    const outlets = [...byOutlet.entries()]
      .sort(([a], [b]) => byString(a, b))
      .map(([outlet, counts]) => {
        for (const [text, count] of counts) {
          const entry = all.get(text) ?? { count: 0, outlets: new Set<string>() };
          entry.count += count;
          entry.outlets.add(outlet);
          all.set(text, entry);
        }
        return { outlet, spellings: [...counts.entries()].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || byString(a.text, b.text)) };
      });
    names.push({
      id,
      kind: entity.kind,
      name: entity.name,
      spellings: [...all.entries()]
        .map(([text, e]) => ({ text, count: e.count, outlets: [...e.outlets].sort(byString) }))
        .sort((a, b) => b.count - a.count || byString(a.text, b.text)),
      outlets,
    });
  }
  // Names spelled more than one way first; then by kind and name.
  names.sort(
    (a, b) =>
      Number(b.spellings.length > 1) - Number(a.spellings.length > 1) || KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || byString(a.name, b.name),
  );
  return { schemaVersion: 1, names };
}
