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
import { Prefilter, type Guarded, type Need } from './needs.js';
import { defineExtractor, personFact, type Candidate } from './types.js';

/** Runs of @ and # are matched whole (lookarounds), so a long run is never re-scanned from inside. */
const SIDE = `(?<![#])(?<side>#+)(?!#)(?:'s?)?`;
const TEAM = `(?:(?:negotiating|peace|official|own|country's|government's)\\s+)?(?:delegation|team|negotiating\\s+(?:team|group)|negotiators|side|delegates)`;
/**
 * A side with its team ("Russia's delegation", "the Ukrainian side", "the Russian one"), or a bare
 * possessive ("Ukraine's was led by").
 */
const SIDE_TEAM = `(?<![#])(?<side>#+)(?!#)(?:'s?(?:\\s+${TEAM})?|\\s+${TEAM}|\\s+one\\b)`;
const LED_BY = `(?<v>led|headed|fronted)(?:\\s+(?:again|once\\s+more|once\\s+again|also|this\\s+time))?(?:\\s+(?:at|in)\\s+(?:the\\s+)?(?:talks|istanbul|negotiations|meeting))?\\s+by`;
const LEADS = `(?<v>led|leads|lead|leading|headed|heads|head|heading|fronted|fronts|at\\s+the\\s+(?:helm|head)\\s+of)`;
const AUX = `(?:(?:was|is|were|are|had|has|have|been|being|be|will|would|shall|to|again|also|once\\s+again|once\\s+more|now|still|expected|set|due|going|slated|named|chosen|appointed|tapped|picked)\\s+){0,4}`;
const NOT_DEPUTY = `(?<!deputy\\s)(?<!deputy-)(?<!vice\\s)(?<!vice-)`;
/** A person, not as a possessive: in "headed by Putin's adviser Vladimir Medinsky" the head is the adviser. */
const P = (name: string) => `(?<![@])(?<${name}>@+)(?!@|'s\\b)`;
/** "Vladimir Medinsky, a presidential aide to Putin and former culture minister(,)" */
const APPOSITIVE = `(?:\\s*\\([^()]{0,60}\\))?(?:,[^,;()]{1,80}?)?`;
const CHIEF_WORD = `(?:chief|top|lead|head|principal|senior)`;
const CHIEF = `${CHIEF_WORD}\\s+(?:negotiator|delegate)`;
/** "chief Russian negotiator", "the lead Ukrainian delegate". */
const CHIEF_SIDE = `${CHIEF_WORD}\\s+${SIDE}\\s+(?:negotiator|delegate)`;
/**
 * Up to three phrases of place or occasion after a team: "the head of the Russian delegation at the
 * talks in Istanbul, Vladimir Medinsky", "Ukraine's team for the negotiations with Russia".
 */
const TEAM_TAIL = `(?:\\s+(?:to|at|in|for|with)\\s+(?:the\\s+)?(?:[a-z][a-z'-]*|(?<![#])#+(?!#)(?:'s)?)(?:\\s+(?:talks|negotiations|meeting|round))?){0,3}`;
/** Between a role and its holder: "(will be)", "and culture minister,", or a comma. */
const ROLE_TO_NAME = `(?:\\s+(?:will\\s+be|would\\s+be|is|was))?(?:\\s+and\\s+|,?\\s+)`;
const OBJECT_DET = `(?:(?:the|its|their|his|her|a|an)\\s+)?`;

/**
 * What the patterns need to match (needs.ts). Every pattern has a person in it. Each pattern's
 * needs are listed cheapest and rarest first: a country is read from the mentions at once, and
 * rules out most patterns in a sentence that names none.
 */
const PERSON: Need = ['@'];
const COUNTRY: Need = ['#'];
/** Every word of TEAM. */
const TEAM_WORDS: Need = ['delegat', 'team', 'negotiators', 'side', 'group'];
/**
 * A verb of LEADS as a word of its own: in every pattern whitespace comes before it, and
 * whitespace or a stop after it. "Ahead" and "leaders" are not.
 */
const LEADS_WORD = new RegExp(`\\s${LEADS}[\\s.,;]`);
/** The same verb right before a stop: "is expected to lead." */
const LEADS_STOP = new RegExp(`\\s${LEADS}\\s*[.,;]`);
const LED_BY_WORDS = new RegExp(LED_BY);
const HEAD_OF = /(?:head|leader|chief)\s+of\s/;
/** "delegation head", "team leader", "chief negotiator". */
const HEADS_TEAM = new RegExp(`(?:delegation|team)\\s+(?:head|chief|leader)|${CHIEF}`);
/** "chief Russian negotiator", "top Kyiv delegate": the side between the two words can be any mention. */
const CHIEF_WORDS: Need = ['chief', 'top', 'lead', 'head', 'principal', 'senior'];
const ROLE_WORDS: Need = ['negotiator', 'delegate'];

interface Pattern extends Guarded {
  /** Only for a person whose side the gazetteer knows, in a sentence about delegations. */
  generic?: boolean;
  /** Its verb is left out ("…, and Russia's by B"): only after a "led by" of the same sentence. */
  gapped?: boolean;
}

/** "an aide to President Vladimir Putin": a name that is the object of a title, not "according to X". */
const OBJECT_OF = new RegExp(`\\b(?:(?<!according\\s)to|of|for)\\s+${TITLES}$`);
const TEAM_WORD = /\b(?:delegations?|team|teams|negotiators|side|delegates|group)\b/;
/**
 * A verb of appointing or sending right after the person, its object left out: the person is who
 * chose or sent the head ("whose appointment as head of the delegation Zelensky confirmed on
 * Tuesday", "the head of the team Zelensky sent to Istanbul"), not the head.
 */
const APPOINTER =
  /^\s+(?:(?:had|has|have)\s+)?(?:appointed|named|confirmed|chose|picked|approved|sent|dispatched|instructed|tasked|nominated|designated|selected)(?=\s*(?:[.,;]|$)|\s+(?:on|in|at|to|last|earlier|yesterday|today|this|after|before|for|him|her|them)\b)/;
/** The president of a country as the object of a title: "an aide to the President of Russia Vladimir Putin". */
const OF_THE_PRESIDENT = /\b(?:to|of)\s+(?:the\s+)?president\s+of\s+(?:the\s+)?#+[\s,]*$/;

const PATTERNS: Pattern[] = [
  // Russia's delegation, led by presidential aide Vladimir Medinsky / the Ukrainian team was headed by … / Ukraine's was led by …
  {
    re: `${SIDE_TEAM}${TEAM_TAIL},?\\s+(?:which\\s+|who\\s+)?${AUX}${LED_BY}\\s+${TITLES}${P('p')}`,
    needs: [COUNTRY, ['by'], LED_BY_WORDS, ["'", 'one', ...TEAM_WORDS], PERSON],
  },
  // The Ukrainian delegation stood under the leadership of faction chief David Arakhamia
  {
    re: `${SIDE_TEAM}${TEAM_TAIL},?\\s+(?:which\\s+|who\\s+)?${AUX}(?:(?:stood|stands|remained|remains)\\s+)?(?<v2>under)\\s+the\\s+(?:leadership|direction)\\s+of\\s+${TITLES}${P('p')}`,
    needs: [COUNTRY, ['leadership', 'direction'], ["'", 'one', ...TEAM_WORDS], PERSON],
  },
  // … and Russia's by Vladimir Medinsky / …, and the Ukrainian one by Rustem Umerov / the Russian one - by …
  // (the verb is left out: it must be a "led by" earlier in the sentence)
  {
    re: `(?:\\band\\s+|\\bwhile\\s+|\\bwhereas\\s+|[,;]\\s*)(?:the\\s+)?${SIDE}(?:\\s+(?:one\\b|${TEAM}))?(?:\\s+(?:again|also|once\\s+more|once\\s+again))?\\s*(?:-\\s*)?by\\s+${TITLES}${P('p')}`,
    needs: [COUNTRY, ['by'], PERSON],
    gapped: true,
  },
  // Umerov, who led Kyiv's delegation / Medinsky will again lead the Russian team / X heads Russia's delegation
  { re: `${P('p')}${APPOSITIVE},?\\s+(?:(?:who|which)\\s+)?${AUX}${LEADS}\\s+${OBJECT_DET}(?:${SIDE}\\s+)?${TEAM}`, needs: [LEADS_WORD, TEAM_WORDS, PERSON] },
  // Vladimir Medinsky was leading for Moscow
  { re: `${P('p')}${APPOSITIVE},?\\s+(?:(?:who|which)\\s+)?${AUX}${LEADS}\\s+for\\s+${SIDE}`, needs: [COUNTRY, ['for'], LEADS_WORD, PERSON] },
  // the two chief negotiators — Medinsky for Moscow and Umerov for Kyiv
  {
    re: `\\b(?:chief|lead|top|head)\\s+negotiators[^.;@#]{0,20}?${P('p')}\\s+for\\s+${SIDE}(?:\\s*(?:,|and)\\s*${P('q')}\\s+for\\s+(?<side2>#+)(?!#))?`,
    needs: [COUNTRY, ['negotiators'], HEADS_TEAM, ['for'], PERSON],
  },
  // … and Vladimir Medinsky led Russia's.
  { re: `${P('p')}${APPOSITIVE},?\\s+(?:(?:who|which)\\s+)?${AUX}${LEADS}\\s+${SIDE}(?=\\s*[.,;]|\\s+and\\b)`, needs: [COUNTRY, LEADS_WORD, PERSON] },
  // the head of the Russian delegation (to Istanbul), Vladimir Medinsky / the head of Russia's team,
  // an aide to President Putin, Vladimir Medinsky (the apposition only when no name follows the team)
  {
    re: `${NOT_DEPUTY}\\b(?<v>head|leader|chief)\\s+of\\s+(?:the\\s+)?(?:${SIDE}\\s+)?${TEAM}${TEAM_TAIL}(?:,[^,;()]{1,80}?,)??,?\\s+${TITLES}${P('p')}`,
    needs: [HEAD_OF, TEAM_WORDS, PERSON],
  },
  // the heads of the delegations, Vladimir Medinsky and Rustem Umerov (each to its own side)
  {
    re: `\\b(?<v>heads|leaders)\\s+of\\s+(?:the\\s+)?(?:two\\s+|both\\s+)?(?:${SIDE}\\s+and\\s+(?<side2>#+)(?!#)\\s+)?(?:delegations|teams|sides)${TEAM_TAIL},?\\s+${TITLES}${P('p')}(?:,?\\s+and\\s+|\\s*,\\s*)${TITLES}${P('q')}`,
    needs: [['heads', 'leaders'], ['delegations', 'teams', 'sides'], PERSON],
  },
  // Medinsky, (the) head of the Russian delegation
  {
    re: `${P('p')},?\\s+(?:(?:who\\s+is|who\\s+was|is|was|as)\\s+)?(?:the\\s+)?(?:${SIDE}\\s+)?${NOT_DEPUTY}(?<v>head|leader|chief)\\s+of\\s+(?:the\\s+)?(?:${SIDE.replace('side', 'side2')}\\s+)?${TEAM}`,
    needs: [HEAD_OF, TEAM_WORDS, PERSON],
  },
  // Russian delegation head Vladimir Medinsky / Kyiv's chief negotiator (will be), Rustem Umerov /
  // Russia's chief delegate and culture minister, Vladimir Medinsky
  {
    re: `${SIDE}\\s+(?<v>(?:delegation|team)\\s+(?:head|chief|leader)|${CHIEF})${ROLE_TO_NAME}${TITLES}${P('p')}`,
    needs: [COUNTRY, HEADS_TEAM, PERSON],
  },
  // chief Russian negotiator Vladimir Medinsky / the lead Ukrainian delegate, Rustem Umerov
  { re: `\\b(?<v>${CHIEF_SIDE})${ROLE_TO_NAME}${TITLES}${P('p')}`, needs: [COUNTRY, ROLE_WORDS, CHIEF_WORDS, PERSON] },
  // Vladimir Medinsky, the chief Russian negotiator
  { re: `${P('p')},?\\s+(?:(?:who\\s+is|who\\s+was|is|was|as)\\s+)?(?:the\\s+)?(?<v>${CHIEF_SIDE})`, needs: [COUNTRY, ROLE_WORDS, CHIEF_WORDS, PERSON] },
  // Defence Minister and lead negotiator Rustem Umerov (the side from the gazetteer)
  { re: `(?<![#]\\s)(?<![#]'s\\s)\\b(?<v>${CHIEF})${ROLE_TO_NAME}${TITLES}${P('p')}`, needs: [HEADS_TEAM, PERSON] },
  // Umerov, Kyiv's chief negotiator / Rustem Umerov, Kyiv's defence minister and its chief negotiator
  {
    re: `${P('p')},?\\s+(?:(?:who\\s+is|who\\s+was|is|was|as)\\s+)?(?:the\\s+)?${SIDE}\\s+(?:[a-z-]+\\s+){0,3}?(?:and\\s+(?:its|their|the)\\s+)?(?<v>${CHIEF}|delegation\\s+(?:head|chief|leader))`,
    needs: [COUNTRY, HEADS_TEAM, PERSON],
  },
  // talks … led by Medinsky and Umerov (sides from the gazetteer)
  {
    re: `(?:delegations?|talks|negotiations|teams|round|meeting)(?:\\s+(?:in|at|of)\\s+(?:the\\s+)?[\\w'-]+){0,2}(?:,)?\\s+(?:which\\s+|that\\s+)?${AUX}${LED_BY}\\s+${TITLES}${P('p')}(?:\\s*(?:,|and)\\s*${TITLES}${P('q')})?`,
    needs: [['by'], LED_BY_WORDS, ['delegation', 'talks', 'negotiations', 'teams', 'round', 'meeting'], PERSON],
  },
  // Medinsky and Umerov, who head the Russian and Ukrainian delegations respectively / Kremlin aide
  // Vladimir Medinsky and Secretary of Ukraine's Security Council Rustem Umerov led the Russian and …
  {
    re: `${P('p')}\\s+and\\s+[^@,;.()]{0,80}?${P('q')},?\\s+(?:who\\s+)?${AUX}${LEADS}\\s+(?:the\\s+)?${SIDE}\\s+and\\s+(?<side2>#+)(?!#)\\s+(?:delegations|teams)`,
    needs: [COUNTRY, ['delegations', 'teams'], LEADS_WORD, PERSON],
  },
  // a team headed by Defence Minister Rustem Umerov / the same group, under Kremlin aide Vladimir Medinsky /
  // the delegation stood under the leadership of faction chief David Arakhamia
  {
    re: `\\b(?:${LED_BY}|(?<v2>under(?:\\s+the\\s+(?:leadership|direction|guidance)\\s+of)?))\\s+${TITLES}${P('p')}`,
    needs: [['by', 'under'], ['led', 'headed', 'fronted', 'under'], PERSON],
    generic: true,
  },
  // Leading the Russian side was Vladimir Medinsky / At the head of Ukraine's team is Rustem Umerov
  {
    re: `\\b(?<v>leading|heading|at\\s+the\\s+(?:head|helm)\\s+of)\\s+(?:the\\s+)?${SIDE_TEAM}\\s+(?:was|is|will\\s+be|would\\s+be)\\s+${TITLES}${P('p')}`,
    needs: [COUNTRY, ['leading', 'heading', 'head', 'helm'], PERSON],
  },
  // Rustem Umerov, who led the talks (the side from the gazetteer)
  {
    re: `${P('p')}${APPOSITIVE},?\\s+(?:(?:who|which)\\s+)?${AUX}${LEADS}\\s+(?:the\\s+|these\\s+)?(?:(?:istanbul|peace|direct)\\s+)?(?:talks|negotiations)\\b(?!\\s+with\\b)`,
    needs: [LEADS_WORD, ['talks', 'negotiations'], PERSON],
  },
  // presidential aide Vladimir Medinsky is expected to lead, as he did …
  { re: `${P('p')}\\s+${AUX}${LEADS}(?=\\s*[.,;])`, needs: [LEADS_STOP, PERSON], generic: true },
].map((p) => ({ ...p, re: new RegExp(p.re, 'dg') }));

const PREFILTER = new Prefilter(PATTERNS);
/** The patterns that are not generic. */
const SPECIFIC = PATTERNS.reduce((bits, p, i) => (p.generic ? bits : bits | (1 << i)), 0);

function sideAt(ctx: SentenceContext, offset: number | undefined): string | null {
  if (offset === undefined) return null;
  const c = countryAt(ctx, offset);
  return c ? c.entity.id : null;
}

export default defineExtractor({
  id: 'delegation-head',
  description: "Who headed a side's delegation (subject russia | ukraine; value: person id).",
  // Every pattern has one of these words.
  cues: { words: ['led', 'lead', 'head', 'front', 'helm', 'chief', 'negotiator', 'under'] },
  prefilter: PREFILTER,
  extract(ctx) {
    const out: Candidate<'delegation-head'>[] = [];
    // A generic pattern yields only a person whose side the gazetteer knows: one it mentions, or one
    // of the people read from a variant or cut name (worked out only when no mention will do).
    const generic =
      TEAM_WORD.test(ctx.lower) && (ctx.mentions.some((m) => m.entity.kind === 'person' && m.entity.side) || ctx.people.some((p) => p.side));
    const live = PREFILTER.viable(ctx, generic ? PREFILTER.all : SPECIFIC);
    const ledBy = LED_BY_WORDS.exec(ctx.masked)?.index ?? Infinity;
    for (let i = 0; i < PATTERNS.length; i++) {
      if ((live & (1 << i)) === 0) continue;
      const { re, generic, gapped } = PATTERNS[i] as Pattern;
      for (const m of matchAll(re, ctx.masked, true)) {
        if (gapped && ledBy >= m.index) continue;
        // Overlapping search: a match starting inside a name repeats the one that began with it.
        if (m.index > 0 && ctx.masked[m.index] === '@' && ctx.masked[m.index - 1] === '@') continue;
        // A left-out verb is the earlier one: the statement is where that verb is, in its clause's scope.
        const anchor = gapped ? ledBy : (groupStart(m, 'v') ?? groupStart(m, 'v2'));
        const pStart = groupStart(m, 'p');
        const qStart = groupStart(m, 'q');
        const side = sideAt(ctx, groupStart(m, 'side'));
        const side2 = sideAt(ctx, groupStart(m, 'side2'));
        const pairs: Array<[number | undefined, string | null]> =
          qStart !== undefined && side2 !== null ? [[pStart, side], [qStart, side2]] : [[pStart, side ?? side2], [qStart, null]];
        for (const [at, textSide] of pairs) {
          if (at === undefined) continue;
          const person = personAt(ctx, at);
          if (!person || (generic && !person.side)) continue;
          // "an aide to President Vladimir Putin, led …": a person inside another's description.
          const personFirst = m.index >= person.start && m.index < person.end;
          if (personFirst && OBJECT_OF.test(ctx.masked.slice(Math.max(0, person.start - 40), person.start))) continue;
          if (!personFirst && APPOINTER.test(ctx.masked.slice(person.end, person.end + 40))) continue;
          // "… to the President of Russia Vladimir Putin": the name after the country holds the title
          // before it, unless the gazetteer says it is that president.
          if (OF_THE_PRESIDENT.test(ctx.masked.slice(Math.max(0, person.start - 60), person.start)) && ctx.gazetteer.byId(person.id)?.roles?.some((r) => r.title === 'president')) continue;
          const subject = textSide ?? person.side;
          if (subject !== 'russia' && subject !== 'ukraine') continue;
          out.push(personFact(ctx, 'delegation-head', subject, person, anchor));
        }
      }
    }
    return out;
  },
});

