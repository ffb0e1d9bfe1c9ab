/**
 * delegation-head: who led each side's delegation, subject `russia` | `ukraine`. Patterns run over
 * the sentence mask (people `@`, countries `#`), so they describe ways of writing — "<side>
 * delegation (was) led/headed by <person>", "<person>, who led <side>'s delegation", "the head of
 * the <side> delegation, <person>", "<side>'s chief negotiator <person>", "X and Y, who head the
 * Russian and Ukrainian delegations respectively" — not names. Without a side word, the person's
 * party from the gazetteer decides. "A member of the delegation", "deputy head" and "head of the
 * presidential office" are not heads.
 */
import { TITLES, countryAt, personAt, type SentenceContext } from './context.js';
import { groupStart, matchAll } from './match.js';
import { defineExtractor, type Candidate } from './types.js';

const SIDE = `(?<side>#+)(?:'s?)?`;
const TEAM = `(?:(?:negotiating|peace|official|own|country's|government's)\\s+)?(?:delegation|team|negotiating\\s+team|negotiators|side|delegates)`;
const LED = `(?:led|headed|fronted)`;
const LEADS = `(?:led|leads|lead|leading|headed|heads|head|heading|fronted|fronts|will\\s+lead|would\\s+lead|will\\s+head|would\\s+head|is\\s+leading|was\\s+leading|is\\s+heading|was\\s+heading)`;
const AUX = `(?:(?:was|is|were|are|had|has|have|been|being|be|will|would|shall|to|again|also|once\\s+again|once\\s+more|now|still|expected|set|due|going|slated|named|chosen|appointed|tapped|picked)\\s+){0,4}`;
const NOT_DEPUTY = `(?<!deputy\\s)(?<!deputy-)(?<!vice\\s)(?<!vice-)`;
const P = (name: string) => `(?<${name}>@+)`;
const CHIEF = `(?:chief|top|lead|head|principal|senior)\\s+negotiator`;
const TEAM_TAIL = `(?:\\s+(?:to|at|in|for)\\s+(?:the\\s+)?(?:istanbul\\s+)?(?:talks|istanbul|negotiations|meeting|round))?`;

const PATTERNS: RegExp[] = [
  // Russia's delegation, led by presidential aide Vladimir Medinsky / the Ukrainian team was headed by …
  `${SIDE}\\s+${TEAM}${TEAM_TAIL},?\\s+(?:which\\s+|who\\s+)?${AUX}(?:again\\s+)?${LED}\\s+by\\s+${TITLES}${P('p')}`,
  // Umerov, who led Kyiv's delegation / Medinsky will again lead the Russian team / X heads Russia's delegation
  `${P('p')}(?:\\s*\\([^()]{0,60}\\))?(?:,[^,;()]{1,80}?)?,?\\s+(?:(?:who|which)\\s+)?${AUX}${LEADS}\\s+(?:the\\s+)?(?:${SIDE}\\s+)?${TEAM}`,
  // the head of the Russian delegation (to Istanbul), Vladimir Medinsky
  `${NOT_DEPUTY}(?:head|leader|chief)\\s+of\\s+(?:the\\s+)?(?:${SIDE}\\s+)?${TEAM}${TEAM_TAIL},?\\s+${TITLES}${P('p')}`,
  // Medinsky, (the) head of the Russian delegation
  `${P('p')},?\\s+(?:(?:who\\s+is|who\\s+was|is|was|as)\\s+)?(?:the\\s+)?(?:${SIDE}\\s+)?${NOT_DEPUTY}(?:head|leader|chief)\\s+of\\s+(?:the\\s+)?(?:${SIDE.replace('side', 'side2')}\\s+)?${TEAM}`,
  // Russian delegation head Vladimir Medinsky / Kyiv's chief negotiator, Rustem Umerov
  `${SIDE}\\s+(?:(?:delegation|team)\\s+(?:head|chief|leader)|${CHIEF})(?:,)?\\s+${TITLES}${P('p')}`,
  // Umerov, Kyiv's chief negotiator / Medinsky, Russia's top negotiator
  `${P('p')},?\\s+(?:(?:who\\s+is|who\\s+was|is|was|as)\\s+)?(?:the\\s+)?${SIDE}\\s+(?:${CHIEF}|delegation\\s+(?:head|chief|leader))`,
  // talks … led by Medinsky and Umerov (sides from the gazetteer)
  `(?:delegations?|talks|negotiations|teams|round|meeting)(?:\\s+(?:in|at|of)\\s+(?:the\\s+)?[\\w'-]+){0,2}(?:,)?\\s+(?:which\\s+|that\\s+)?${AUX}${LED}\\s+by\\s+${TITLES}${P('p')}(?:\\s*(?:,|and)\\s*${TITLES}${P('q')})?`,
  // Medinsky and Umerov, who head the Russian and Ukrainian delegations respectively
  `${P('p')}\\s+and\\s+${P('q')},?\\s+(?:who\\s+)?${AUX}${LEADS}\\s+(?:the\\s+)?${SIDE}\\s+and\\s+(?<side2>#+)\\s+(?:delegations|teams)`,
].map((source) => new RegExp(source, 'dg'));

function sideAt(ctx: SentenceContext, offset: number | undefined): string | null {
  if (offset === undefined) return null;
  const c = countryAt(ctx, offset);
  return c ? c.entity.id : null;
}

export default defineExtractor({
  id: 'delegation-head',
  description: "Who headed a side's delegation (subject russia | ukraine; value: person id).",
  extract(ctx) {
    const out: Candidate<'delegation-head'>[] = [];
    if (!ctx.masked.includes('@')) return out;
    for (const re of PATTERNS) {
      for (const m of matchAll(re, ctx.masked)) {
        const pStart = groupStart(m, 'p');
        const qStart = groupStart(m, 'q');
        const side = sideAt(ctx, groupStart(m, 'side'));
        const side2 = sideAt(ctx, groupStart(m, 'side2'));
        const pairs: Array<[number | undefined, string | null]> =
          qStart !== undefined && side2 !== null ? [[pStart, side], [qStart, side2]] : [[pStart, side ?? side2], [qStart, null]];
        for (const [at, textSide] of pairs) {
          if (at === undefined) continue;
          const person = personAt(ctx, at);
          if (!person) continue;
          const subject = textSide ?? person.side;
          if (subject !== 'russia' && subject !== 'ukraine') continue;
          out.push({ fact: 'delegation-head', subject, value: person.id, label: ctx.gazetteer.byId(person.id)?.name ?? person.surface, start: person.start, end: person.end });
        }
      }
    }
    return out;
  },
});

