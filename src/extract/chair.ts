/**
 * chair: who chaired, presided over, hosted or moderated the meeting (value: person id). Passive
 * ("chaired by Turkish Foreign Minister Hakan Fidan") and relative/active forms ("Fidan, who
 * presided over the talks", "Fidan, who was hosting the meeting"). The host must be a person and
 * the object a meeting: "opened the meeting", "met the delegation" and "hosted by Turkey" are not
 * chairs.
 */
import { TITLES, personAt } from './context.js';
import { groupStart, matchAll } from './match.js';
import { Prefilter, type Guarded, type Need } from './needs.js';
import { defineExtractor, personFact, type Candidate } from './types.js';

const MEETING = `(?:(?:the|this|that|these|those|a|an|today's|monday's|friday's|wednesday's|tuesday's|first|second|third|latest|new|direct|opening|closed-door|face-to-face|peace|istanbul|round\\s+of|their|(?<![#])#+(?!#)(?:'s)?|(?<![@])@+(?!@)(?:'s)?|-)[\\s-]+){0,5}(?:talks|meeting|session|negotiations?|round|discussions?|encounter|gathering|sit-down|proceedings)`;
const CHAIRED = `(?<v>chaired|co-chaired|presided\\s+over|hosted|moderated)(?:\\s+like\\s+[^,;.@]{1,40}?)?`;
const CHAIRS = `(?<v>chaired|chairs|chairing|chair|co-chaired|presided\\s+over|presides\\s+over|presiding\\s+over|preside\\s+over|hosted|hosts|hosting|host|moderated|moderates|moderating|moderate)`;
const AUX = `(?:(?:was|is|were|will|would|had|has|have|also|again|once\\s+again|jointly|personally|to|be|been|expected|set|due|going|slated|scheduled)\\s+){0,4}`;
/** "chaired them" / "is hosting." — the meeting named elsewhere in the sentence. */
const PRONOUN_OBJECT = `(?:them|it)\\b|(?=\\s*[.,;])`;
/** "chaired them" needs no meeting word nearby: only meetings are chaired. */
const CHAIRED_THEM = `(?<v>chaired|co-chaired|presided\\s+over|moderated)\\s+them\\b`;

/** What the patterns need to match (needs.ts). Every pattern has a person in it. */
const PERSON: Need = ['@'];
/** Every word of MEETING. */
const MEETING_WORDS: Need = ['talks', 'meeting', 'session', 'negotiation', 'round', 'discussion', 'encounter', 'gathering', 'sit-down', 'proceedings'];
/**
 * A verb of CHAIRS or of presiding: "preside" is followed by "over", a pronoun or a stop, which
 * "president" is not.
 */
const CHAIRING = /chair|host|moderat|presid(?:e|ed|es|ing)[\s.,;]/;
const CHAIR_NOUNS: Need = ['chair', 'host', 'moderator'];

const PATTERNS: Guarded[] = [
  // chaired by Turkish Foreign Minister Hakan Fidan
  { re: `${CHAIRED}\\s+by\\s+${TITLES}(?<![@])(?<p>@+)(?!@)`, needs: [['by'], ['chaired', 'presided', 'hosted', 'moderated'], PERSON] },
  // Fidan, who presided over the talks / Fidan chaired the meeting / Fidan, who was hosting the meeting /
  // Fidan, who chaired and steered the negotiation
  {
    re: `(?<![@])(?<p>@+)(?!@)(?:'s)?(?:\\s*\\([^()]{0,60}\\))?,?\\s+(?:(?:who|which)\\s+)?${AUX}${CHAIRS}(?:\\s+and\\s+[a-z]+)?\\s+${MEETING}`,
    needs: [MEETING_WORDS, CHAIRING, PERSON],
  },
  // Hakan Fidan chaired them / Hakan Fidan is hosting. (in a sentence about the talks)
  {
    re: `(?<![@])(?<p>@+)(?!@)(?:'s)?(?:,[^,;()@]{1,60}?)?,?\\s+(?:(?:who|which)\\s+)?${AUX}(?:${CHAIRS}|(?<v2>presiding|presided|presides))(?:\\s+${PRONOUN_OBJECT})`,
    needs: [CHAIRING, PERSON],
  },
  { re: `(?<![@])(?<p>@+)(?!@)(?:'s)?,?\\s+(?:(?:who|which)\\s+)?${AUX}${CHAIRED_THEM}`, needs: [['them'], ['chaired', 'presided', 'moderated'], PERSON] },
  // Fidan, in the chair, … / Hakan Fidan taking the chair / Fidan played host / Fidan, acting as host, … / who ran this round from the chair
  {
    re: `(?<![@])(?<p>@+)(?!@)(?:'s)?(?:,[^,;()@]{1,60}?)?,?\\s+(?:(?:who|which)\\s+)?${AUX}(?<v>(?:was\\s+)?in\\s+the\\s+chair|took\\s+the\\s+chair|taking\\s+the\\s+chair|takes\\s+the\\s+chair|(?:played|playing|plays|acted\\s+as|acting\\s+as|acts\\s+as|served\\s+as|serving\\s+as)\\s+(?:the\\s+)?(?:host|chair|chairman|moderator)|ran\\s+(?:this|the)\\s+(?:round|meeting|session|talks)\\s+from\\s+the\\s+chair)\\b(?!\\s+(?:to|of|for|at)\\b)`,
    needs: [CHAIR_NOUNS, PERSON],
  },
  // the chair of the talks, Hakan Fidan / talks' host, Hakan Fidan
  { re: `(?:chair|chairman|chairwoman|chairperson|host|moderator)\\s+of\\s+${MEETING},?\\s+${TITLES}(?<![@])(?<p>@+)(?!@)`, needs: [['of'], CHAIR_NOUNS, MEETING_WORDS, PERSON] },
].map((p) => ({ ...p, re: new RegExp(p.re, 'dg') }));
const PREFILTER = new Prefilter(PATTERNS);
/** Patterns whose object is a pronoun, missing or implied (the third and fifth): only in a sentence about the talks. */
const NEEDS_TALKS = (1 << 2) | (1 << 4);
const MEETING_WORD = /\b(?:talks|meeting|session|negotiations?|round|discussions?)\b/;

export default defineExtractor({
  id: 'chair',
  description: 'Who chaired (presided over, hosted, moderated) the meeting (person id).',
  // Every pattern has one of these, not always at a word start ("co-chaired"); "preside" and
  // "host" in the forms the patterns use, not in "president" or "hostilities".
  cues: { substrings: ['chair', 'presiding', 'presided', 'presides', 'moderat'], endings: ['preside', 'host', 'hosts', 'hosted', 'hosting'] },
  prefilter: PREFILTER,
  extract(ctx) {
    const out: Candidate<'chair'>[] = [];
    const live = PREFILTER.viable(ctx, MEETING_WORD.test(ctx.lower) ? PREFILTER.all : PREFILTER.all & ~NEEDS_TALKS);
    PATTERNS.forEach(({ re }, index) => {
      if ((live & (1 << index)) === 0) return;
      for (const m of matchAll(re, ctx.masked)) {
        const at = groupStart(m, 'p');
        const person = at === undefined ? undefined : personAt(ctx, at);
        if (!person) continue;
        const anchor = groupStart(m, 'v') ?? groupStart(m, 'v2');
        out.push(personFact(ctx, 'chair', null, person, anchor));
      }
    });
    return out;
  },
});
