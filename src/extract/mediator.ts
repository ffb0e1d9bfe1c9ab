/**
 * mediator: the countries that brokered or mediated the talks, as a sorted list of country ids.
 * "US and Turkey-brokered", "Turkish-mediated", "under Turkish mediation", "mediated by Ankara",
 * "with Turkey acting as mediator". A host country is not a mediator, and a pronoun ("its role as a
 * mediator") names nobody.
 */
import { countryAt } from './context.js';
import { matchAll } from './match.js';
import { defineExtractor, type Candidate } from './types.js';

/** A country mask run, matched whole so a long run is never re-scanned from inside. */
const C = (n: string) => `(?<![#])(?<${n}>#+)(?!#)(?:'s)?`;
/** Between list members: "US and Turkey", "US- and Turkey-", "Turkey, the US and …" (separators are disjoint: linear). */
const SEP = `-?(?:,\\s*(?:and\\s+)?|\\s+(?:and|&)\\s+)(?:the\\s+)?`;
const LIST = `${C('a')}(?:${SEP}${C('b')})?(?:${SEP}${C('c')})?`;
const BROKERED = `(?:brokered|mediated|sponsored|backed\\s+and\\s+mediated)`;
const MEDIATION = `(?:mediation|auspices|brokerage|good\\s+offices)`;

const PATTERNS: RegExp[] = [
  // US and Turkey-brokered / Turkish-mediated
  `${LIST}\\s*-\\s*${BROKERED}`,
  // brokered by Turkey and the United States / mediated by both the US and Turkey
  `${BROKERED}\\s+(?:jointly\\s+)?by\\s+(?:both\\s+)?(?:the\\s+)?${LIST}`,
  // under Turkish mediation / under the auspices of Turkey / with Turkey's mediation
  `(?:under|with|through|thanks\\s+to)\\s+(?:the\\s+)?${LIST}\\s+${MEDIATION}`,
  `(?:under|with|through)\\s+the\\s+${MEDIATION}\\s+of\\s+(?:the\\s+)?${LIST}`,
  // Turkey (, which has kept lines open to both,) is acting as mediator / Ankara, which has mediated all three rounds / Türkiye would continue to mediate
  `${LIST}(?:,[^,;@]{1,100}?,)?,?\\s+(?:(?:which|who)\\s+)?(?:(?:is|are|was|were|has|have|had|been|will|would|continue|continues|continued|to|also|be|again)\\s+){0,4}(?<v>(?:acting|acted|act|acts|serving|served|serve|serves)\\s+as\\s+(?:the\\s+|a\\s+)?(?:main\\s+|chief\\s+|key\\s+)?mediators?|mediated|mediating|mediate|mediates|brokered|brokering|broker)\\b`,
  // Turkish mediation / Ankara's role as mediator
  `${C('a')}\\s+(?:mediation|brokering|role\\s+as\\s+(?:a\\s+|the\\s+)?mediator)\\b`,
].map((source) => new RegExp(source, 'dg'));

export default defineExtractor({
  id: 'mediator',
  description: 'Countries that brokered or mediated the talks (sorted list of country ids).',
  // Every pattern has one of these.
  cues: { substrings: ['broker', 'mediat', 'sponsored', 'auspices', 'offices'] },
  extract(ctx) {
    const out: Candidate<'mediator'>[] = [];
    if (!ctx.masked.includes('#')) return out;
    for (const re of PATTERNS) {
      for (const m of matchAll(re, ctx.masked)) {
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
