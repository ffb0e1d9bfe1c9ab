/**
 * territorial-demand: the regions Russia demands Ukraine withdraw from, as a sorted list of region
 * ids. The sentence must speak of withdrawing (withdraw, pull out, cede, hand over …) and of a
 * demand or condition (demand, insist, ultimatum, only … if, in exchange); the regions are those
 * named after the withdrawal word. "The four regions Moscow claims" names none and yields nothing.
 */
import { defineExtractor, type Candidate } from './types.js';

const WITHDRAW = /\b(?:withdr[ae]w(?:s|n|al|ing)?|pull(?:s|ed|ing)?\s+(?:(?:its|their|all|the|his|her)\s+)?(?:(?:remaining\s+)?(?:troops|forces|army|soldiers|units)\s+)?(?:out|back)|pull-?out|cede[sd]?|ceding|hand(?:s|ed|ing)?\s+over|surrender(?:s|ed|ing)?|give\s+up|giving\s+up|gave\s+up|evacuat(?:e|ed|es|ing|ion)|retreat(?:s|ed|ing)?|vacat(?:e|ed|es|ing)|quit(?:s|ting)?|leave|leaving|abandon(?:s|ed|ing)?|relinquish(?:es|ed|ing)?)\b/;
const DEMAND = /\b(?:demand(?:s|ed|ing)?|insist(?:s|ed|ing|ence)?|ultimatum|conditions?|condition(?:ed|al)|require[sd]?|precondition|wants?|wanted|call(?:s|ed)?\s+for|only\s+(?:accept|agree|consider)|in\s+exchange|unless|linking|link(?:s|ed)?|press(?:es|ed)?|asks?|asked|asking|seek(?:s|ing)?|sought|must|terms|include[sd]?|including|memorandum)\b/;

export default defineExtractor({
  id: 'territorial-demand',
  description: 'Regions Russia demands Ukraine withdraw from (sorted list of region ids).',
  // What WITHDRAW looks for.
  cues: {
    words: ['withdr', 'pull', 'cede', 'ceding', 'hand', 'surrender', 'give', 'giving', 'gave', 'evacuat', 'retreat', 'vacat', 'quit', 'leav', 'abandon', 'relinquish'],
  },
  extract(ctx) {
    const out: Candidate<'territorial-demand'>[] = [];
    const w = WITHDRAW.exec(ctx.lower);
    if (!w || !DEMAND.test(ctx.lower)) return out;
    const regions = ctx.mentions.filter((m) => m.entity.kind === 'region' && m.start > w.index);
    if (regions.length === 0) return out;
    const ids = [...new Set(regions.map((r) => r.entity.id))].sort();
    const first = regions[0] as { start: number };
    const last = regions[regions.length - 1] as { end: number };
    const names = ids.map((id) => ctx.gazetteer.byId(id)?.name ?? id);
    out.push({ fact: 'territorial-demand', subject: null, value: ids, label: names.join(', '), start: first.start, end: last.end });
    return out;
  },
});
