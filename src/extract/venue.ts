/**
 * venue: a named building where the talks were held. Known palaces come from the gazetteer (any
 * spelling); an unknown "the <Name> Palace|Hotel|…" in a sentence about the meeting is still
 * extracted, with its slug as id. "A palace in Istanbul" names nothing and yields nothing.
 */
import { slugify } from '../knowledge/fold.js';
import { defineExtractor, type Candidate } from './types.js';

const MEETING = /\b(?:talks|meeting|meetings|met|meet|negotiations|negotiators|delegations|session|round|held|hosted|convened|gathered|venue|sat)\b/;
const UNKNOWN_VENUE = /\b(?:at|in|inside)\s+the\s+((?:\p{Lu}[\p{L}'-]*\s+){1,3}(?:Palace|Hotel|Centre|Center|Mansion|Pavilion|Residence|Kiosk|Building))\b/gu;

export default defineExtractor({
  id: 'venue',
  description: 'The building the meeting was held in (place id).',
  // A known venue, or the word UNKNOWN_VENUE ends with.
  cues: { entities: ['venue'], words: ['palace', 'hotel', 'centre', 'center', 'mansion', 'pavilion', 'residence', 'kiosk', 'building'] },
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
        out.push({ fact: 'venue', subject: null, value: slugify(name), label: name, start, end: start + name.length });
      }
    }
    return out;
  },
});
