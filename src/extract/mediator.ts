/**
 * mediator: the countries that brokered or mediated the talks, as a sorted list of country ids.
 * "US and Turkey-brokered", "Turkish-mediated", "under Turkish mediation", "mediated by Ankara",
 * "with Turkey acting as mediator". A host country is not a mediator, and a pronoun ("its role as a
 * mediator") names nobody.
 */
import { countryAt } from './context.js';
import { matchAll } from './match.js';
import { Prefilter, type Guarded, type Need } from './needs.js';
import { defineExtractor, type Candidate } from './types.js';

/** A country mask run, matched whole so a long run is never re-scanned from inside. */
const C = (n: string) => `(?<![#])(?<${n}>#+)(?!#)(?:'s)?`;
/** Between list members: "US and Turkey", "US- and Turkey-", "Turkey, the US and …" (separators are disjoint: linear). */
const SEP = `-?(?:,\\s*(?:and\\s+)?|\\s+(?:and|&)\\s+)(?:the\\s+)?`;
const LIST = `${C('a')}(?:${SEP}${C('b')})?(?:${SEP}${C('c')})?`;
const BROKERED = `(?:brokered|mediated|sponsored|backed\\s+and\\s+mediated)`;
const MEDIATION = `(?:mediation|auspices|brokerage|good\\s+offices)`;

/** What the patterns need to match (needs.ts). Every pattern has a country in it. */
const COUNTRY: Need = ['#'];
const BROKERED_WORDS: Need = ['brokered', 'mediated', 'sponsored'];
const MEDIATION_WORDS: Need = ['mediation', 'auspices', 'brokerage', 'offices'];

const PATTERNS: Guarded[] = [
  // US and Turkey-brokered / Turkish-mediated
  { re: `${LIST}\\s*-\\s*${BROKERED}`, needs: [BROKERED_WORDS, ['-'], COUNTRY] },
  // brokered by Turkey and the United States / mediated by both the US and Turkey
  { re: `${BROKERED}\\s+(?:jointly\\s+)?by\\s+(?:both\\s+)?(?:the\\s+)?${LIST}`, needs: [BROKERED_WORDS, ['by'], COUNTRY] },
  // under Turkish mediation / under the auspices of Turkey / with Turkey's mediation
  { re: `(?:under|with|through|thanks\\s+to)\\s+(?:the\\s+)?${LIST}\\s+${MEDIATION}`, needs: [MEDIATION_WORDS, COUNTRY] },
  { re: `(?:under|with|through)\\s+the\\s+${MEDIATION}\\s+of\\s+(?:the\\s+)?${LIST}`, needs: [MEDIATION_WORDS, COUNTRY] },
  // Turkey (, which has kept lines open to both,) is acting as mediator / Ankara, which has mediated all three rounds / Türkiye would continue to mediate
  {
    re: `${LIST}(?:,[^,;@]{1,100}?,)?,?\\s+(?:(?:which|who)\\s+)?(?:(?:is|are|was|were|has|have|had|been|will|would|continue|continues|continued|to|also|be|again)\\s+){0,4}(?<v>(?:acting|acted|act|acts|serving|served|serve|serves)\\s+as\\s+(?:the\\s+|a\\s+)?(?:main\\s+|chief\\s+|key\\s+)?mediators?|mediated|mediating|mediate|mediates|brokered|brokering|broker)\\b`,
    needs: [['mediat', 'broker'], COUNTRY],
  },
  // Turkish mediation / Ankara's role as mediator
  { re: `${C('a')}\\s+(?:mediation|brokering|role\\s+as\\s+(?:a\\s+|the\\s+)?mediator)\\b`, needs: [['mediation', 'brokering', 'mediator'], COUNTRY] },
].map((p) => ({ ...p, re: new RegExp(p.re, 'dg') }));
const PREFILTER = new Prefilter(PATTERNS);

export default defineExtractor({
  id: 'mediator',
  description: 'Countries that brokered or mediated the talks (sorted list of country ids).',
  // Every pattern has one of these.
  cues: { substrings: ['broker', 'mediat', 'sponsored', 'auspices', 'offices'] },
  prefilter: PREFILTER,
  extract(ctx) {
    const out: Candidate<'mediator'>[] = [];
    const live = PREFILTER.viable(ctx);
    for (let i = 0; i < PATTERNS.length; i++) {
      if ((live & (1 << i)) === 0) continue;
      for (const m of matchAll((PATTERNS[i] as Guarded).re, ctx.masked)) {
        const ids = new Set<string>();
        for (const g of ['a', 'b', 'c']) {
          const at = m.indices?.groups?.[g]?.[0];
          if (at === undefined) continue;
          const country = countryAt(ctx, at);
          if (!country || ids.has(country.entity.id)) continue;
          ids.add(country.entity.id);
        }
        if (ids.size === 0) continue;
        const value = [...ids].sort();
        const anchor = m.indices?.groups?.v?.[0];
        const label = value.map((id) => ctx.gazetteer.byId(id)?.name ?? id).join(', ');
        out.push({ fact: 'mediator', subject: null, value, label, start: m.index, end: m.index + m[0].length, ...(anchor !== undefined ? { anchor } : {}) });
      }
    }
    return out;
  },
});
