/**
 * chair: who chaired, presided over, hosted or moderated the meeting (value: person id). Passive
 * ("chaired by Turkish Foreign Minister Hakan Fidan") and relative/active forms ("Fidan, who
 * presided over the talks", "Fidan, who was hosting the meeting"). The host must be a person and
 * the object a meeting: "opened the meeting", "met the delegation" and "hosted by Turkey" are not
 * chairs.
 *
 * A title alone ("chaired by the Turkish foreign minister", "the foreign minister will host")
 * names whoever held that office on the day of the meeting: the value is a role (`roleValue`),
 * which the pipeline reads once it knows the meeting, through the gazetteer's `roles` — and drops
 * unless exactly one person held it then. Without a country, the office is the host country's.
 */
import { TITLES, countryAt, personAt, type SentenceContext } from './context.js';
import { groupStart, matchAll } from './match.js';
import { Prefilter, type Guarded, type Need } from './needs.js';
import type { RoleTitle } from '../knowledge/gazetteer.js';
import { defineExtractor, personFact, type Candidate } from './types.js';

/** The value of a chair named by title: the office, and its country when the text says (else the host's). */
export function roleValue(title: RoleTitle, of: string | null): string {
  return `role:${title}:${of ?? ''}`;
}

/** The office and country a role value names, or null for a person id. */
export function parseRoleValue(value: string): { title: RoleTitle; of: string | null } | null {
  const m = /^role:([a-z ]+):([a-z0-9-]*)$/.exec(value);
  return m ? { title: m[1] as RoleTitle, of: m[2] || null } : null;
}

function roleFact(ctx: SentenceContext, m: RegExpExecArray): Candidate<'chair'> {
  const title = ROLE_OF[(m.groups?.r as string).replace(/\s+/g, ' ')] as RoleTitle;
  const c = groupStart(m, 'c') ?? groupStart(m, 'c2');
  const country = c === undefined ? null : (countryAt(ctx, c)?.entity.id ?? null);
  const start = groupStart(m, 'c') ?? groupStart(m, 'r') ?? m.index;
  const end = (m.indices?.groups?.c2 ?? m.indices?.groups?.r)?.[1] ?? m.index + m[0].length;
  return { fact: 'chair', subject: null, value: roleValue(title, country), label: ctx.text.slice(start, end), start, end, anchor: groupStart(m, 'v') ?? start };
}

/** What is chaired. */
const MEETING_NOUN = `(?:talks|meeting|session|negotiations?|round|discussions?|encounter|gathering|sit-down|proceedings)`;
const MEETING = `(?:(?:the|this|that|these|those|a|an|today's|monday's|friday's|wednesday's|tuesday's|first|second|third|latest|new|direct|opening|closed-door|face-to-face|peace|istanbul|round\\s+of|their|(?<![#])#+(?!#)(?:'s)?|(?<![@])@+(?!@)(?:'s)?|-)[\\s-]+){0,5}${MEETING_NOUN}`;
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
/** The one who chairs, as a noun. */
const CHAIR_NOUN = `(?:chair|chairman|chairwoman|chairperson|host|moderator)`;

/** Titles of ROLE_TITLES, as a group `r`: "foreign minister", "top diplomat", "president" … */
const ROLE = `(?<r>foreign\\s+minister|foreign\\s+affairs\\s+minister|minister\\s+of\\s+foreign\\s+affairs|top\\s+diplomat|president|head\\s+of\\s+state|intelligence\\s+chief|spy\\s+chief|spymaster)`;
const ROLE_OF: Record<string, RoleTitle> = {
  'foreign minister': 'foreign minister',
  'foreign affairs minister': 'foreign minister',
  'minister of foreign affairs': 'foreign minister',
  'top diplomat': 'foreign minister',
  president: 'president',
  'head of state': 'president',
  'intelligence chief': 'intelligence chief',
  'spy chief': 'intelligence chief',
  spymaster: 'intelligence chief',
};
/** A title with its country, before ("Turkey's", "the Turkish") or after ("of Turkey"), and no name after it. */
const TITLE_ONLY = `(?:the\\s+)?(?:(?<![#])(?<c>#+)(?!#)(?:'s)?\\s+)?${ROLE}(?:\\s+of\\s+(?<![#])(?<c2>#+)(?!#))?(?![\\s,]*(?:[a-z.'-]+\\s+){0,3}@)`;
const ROLE_WORDS: Need = ['minister', 'diplomat', 'president', 'head', 'chief', 'spymaster'];

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
  // the chair of the talks, Hakan Fidan / The moderator of the meeting was the head of the Turkish Foreign Ministry Hakan Fidan
  {
    re: `(?<v>${CHAIR_NOUN})\\s+of\\s+${MEETING},?\\s+(?:(?:was|is|will\\s+be|would\\s+be)\\s+)?${TITLES}(?<![@])(?<p>@+)(?!@)`,
    needs: [['of'], CHAIR_NOUNS, MEETING_WORDS, PERSON],
  },
  // chaired by the Turkish foreign minister / hosted by Turkey's president
  { re: `${CHAIRED}\\s+by\\s+${TITLE_ONLY}`, needs: [['by'], ['chaired', 'presided', 'hosted', 'moderated'], ROLE_WORDS] },
  // the foreign minister will host the talks / Turkey's top diplomat, who chaired the meeting / the foreign minister will host.
  {
    re: `(?<![@#\\w]\\s?)${TITLE_ONLY}(?:,\\s*(?:who|which)\\s+|\\s+)${AUX}${CHAIRS}(?:\\s+${MEETING}|\\s*(?=[.,;]))`,
    needs: [CHAIRING, ROLE_WORDS],
  },
  // the talks (in Istanbul), which Turkey's foreign minister Hakan Fidan chaired / the session that Fidan moderated
  {
    re: `\\b${MEETING_NOUN}(?:\\s+(?:in|at|on)\\s+(?:the\\s+)?[\\w'-]+(?:\\s+palace)?){0,2},?\\s+(?:which|that)\\s+${TITLES}(?<![@])(?<p>@+)(?!@)\\s+${AUX}(?<v>chaired|co-chaired|presided\\s+over|hosted|moderated|chairs|hosts|moderates|presides\\s+over)\\b(?!\\s+(?:(?:the|a|an|this|that|these|his|its|their)\\b|@|#))`,
    needs: [['which', 'that'], MEETING_WORDS, CHAIRING, PERSON],
  },
  // Hakan Fidan was the moderator of the meeting / Fidan, the host of the talks, …
  {
    re: `(?<![@])(?<p>@+)(?!@),?\\s+(?:(?:who\\s+)?(?:was|is|will\\s+be|would\\s+be)\\s+|as\\s+)?(?:the\\s+)?(?<v>${CHAIR_NOUN})\\s+of\\s+${MEETING}`,
    needs: [['of'], CHAIR_NOUNS, MEETING_WORDS, PERSON],
  },
].map((p) => ({ ...p, re: new RegExp(p.re, 'dg') }));
const PREFILTER = new Prefilter(PATTERNS);
/** Patterns whose object is a pronoun, missing or implied (the third and fifth): only in a sentence about the talks. */
const NEEDS_TALKS = (1 << 2) | (1 << 4);
/** A sentence about the talks names them, or those who take part ("Fidan, who presided, told the delegations …"). */
const MEETING_WORD = /\b(?:talks|meeting|session|negotiations?|round|discussions?|delegations?|negotiators|sides)\b/;

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
        if (m.groups?.r !== undefined) {
          out.push(roleFact(ctx, m));
          continue;
        }
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
