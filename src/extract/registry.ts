/** Every fact kind, in the order facts are listed. One line per extractor file. */
import ceasefireProposal from './ceasefire-proposal.js';
import chair from './chair.js';
import date from './date.js';
import delegationHead from './delegation-head.js';
import duration from './duration.js';
import mediator from './mediator.js';
import prisonerExchange from './prisoner-exchange.js';
import territorialDemand from './territorial-demand.js';
import type { Extractor } from './types.js';
import venue from './venue.js';

export const EXTRACTORS: readonly Extractor[] = [
  date,
  venue,
  duration,
  prisonerExchange,
  delegationHead,
  chair,
  mediator,
  ceasefireProposal,
  territorialDemand,
] as Extractor[];

/** Files in src/extract/ that are shared machinery, not fact kinds. */
export const SUPPORT_FILES = ['context', 'cues', 'match', 'needs', 'registry', 'run', 'types', 'refiners'];
