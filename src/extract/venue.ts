/**
 * venue: a named building where the talks were held. Known palaces come from the gazetteer (any
 * spelling); an unknown "the <Name> Palace|Hotel|…" in a sentence about the meeting is still
 * extracted, with its slug as id — unless its name is a garbled spelling of a known venue of the
 * same kind of building ("the Dormabach Palace", a machine translation's Dolmabahçe), which is that
 * venue. "A palace in Istanbul" names nothing and yields nothing.
 */
import type { Entity, Gazetteer } from '../knowledge/gazetteer.js';
import { foldKey, slugify } from '../knowledge/fold.js';
import { editDistance } from '../knowledge/spelling.js';
import { defineExtractor, type Candidate } from './types.js';

const spellings = new WeakMap<Gazetteer, Array<{ entity: Entity; name: string; kind: string }>>();

/** The known venue an unknown "<name> <kind>" misspells: same first letter, at most one edit in three letters. */
function misspelt(gazetteer: Gazetteer, name: string, kind: string): Entity | undefined {
  let known = spellings.get(gazetteer);
  if (!known) {
    known = gazetteer.entities
      .filter((e) => e.kind === 'venue')
      .flatMap((entity) => [entity.name, ...entity.aliases].map((alias) => foldKey(alias).split(' ')).filter((w) => w.length >= 2).map((w) => ({ entity, name: w.slice(0, -1).join(''), kind: w[w.length - 1] as string })));
    spellings.set(gazetteer, known);
  }
  const key = foldKey(name).replace(/ /g, '');
  let found: Entity | undefined;
  for (const k of known) {
    if (k.kind !== kind || k.name[0] !== key[0] || k.name.length < 5) continue;
    const limit = Math.floor(k.name.length / 3);
    if (editDistance(key, k.name, limit) <= limit) {
      if (found && found.id !== k.entity.id) return undefined;
      found = k.entity;
    }
  }
  return found;
}

const MEETING = /\b(?:talks|meeting|meetings|met|meet|negotiations|negotiators|delegations|session|round|held|hosted|convened|gathered|venue|sat)\b/;
const UNKNOWN_VENUE = /\b(?:at|in|inside)\s+the\s+((?:\p{Lu}[\p{L}'-]*\s+){1,3}(?:Palace|Hotel|Centre|Center|Mansion|Pavilion|Residence|Kiosk|Building))\b/gu;

/** "in the same palace", "at the same venue": the place named before, which the pipeline reads from the article. */
const SAME = /\bthe\s+same\s+(?:palace|venue|building|halls?)\b/g;
/** The value of a venue named only as "the same venue" until the pipeline resolves it. */
export const SAME_VENUE = 'same-venue';

export default defineExtractor({
  id: 'venue',
  description: 'The building the meeting was held in (place id).',
  // A known venue, or the word UNKNOWN_VENUE ends with.
  cues: { entities: ['venue'], words: ['palace', 'hotel', 'centre', 'center', 'mansion', 'pavilion', 'residence', 'kiosk', 'building', 'venue', 'hall'] },
  extract(ctx) {
    const out: Candidate<'venue'>[] = [];
    for (const m of ctx.mentions) {
      if (m.entity.kind !== 'venue') continue;
      out.push({ fact: 'venue', subject: null, value: m.entity.id, label: m.entity.name, start: m.start, end: m.end });
    }
    if (MEETING.test(ctx.lower)) {
      UNKNOWN_VENUE.lastIndex = 0;
      for (let m = UNKNOWN_VENUE.exec(ctx.text); m !== null; m = UNKNOWN_VENUE.exec(ctx.text)) {
        const name = m[1] as string;
        const start = m.index + m[0].length - name.length;
        if (out.some((c) => c.start < start + name.length && start < c.end)) continue;
        const words = name.split(/\s+/);
        const known = misspelt(ctx.gazetteer, words.slice(0, -1).join(' '), (words[words.length - 1] as string).toLowerCase());
        out.push({ fact: 'venue', subject: null, value: known?.id ?? slugify(name), label: known?.name ?? name, start, end: start + name.length });
      }
    }
    SAME.lastIndex = 0;
    for (let m = SAME.exec(ctx.lower); m !== null; m = SAME.exec(ctx.lower)) {
      const start = m.index;
      const end = start + m[0].length;
      if (out.some((c) => c.start < end && start < c.end)) continue;
      out.push({ fact: 'venue', subject: null, value: SAME_VENUE, label: ctx.text.slice(start, end), start, end });
    }
    return out;
  },
});
