/**
 * How often each outlet stands with the others, over the comparisons of a report: with the
 * majority, an outlier, alone, or silent. One count per comparison the outlet takes part in
 * (reports the fact, or covers the meeting and is silent on it):
 *
 * - alone: it is the only outlet that reports the fact (single-source);
 * - outlier: one of its values contradicts a value that at least as many outlets report (so in a
 *   one-against-one conflict both outlets are outliers: neither has a majority behind it);
 * - with the majority: it reports the fact, and no value it reports is an outlier's;
 * - silent: it covers the meeting but says nothing of the fact.
 */
import { byString } from '../canonical.js';
import type { CompareReport } from './compare.js';
import { relate } from './values.js';

export interface OutletStanding {
  outlet: string;
  majority: number;
  outlier: number;
  alone: number;
  silent: number;
}

export const STANDINGS = ['majority', 'outlier', 'alone', 'silent'] as const;
export type Standing = (typeof STANDINGS)[number];

export function outletStandings(report: Pick<CompareReport, 'comparisons'>, tolerance: number): OutletStanding[] {
  const table = new Map<string, OutletStanding>();
  const add = (outlet: string, standing: Standing) => {
    let row = table.get(outlet);
    if (!row) table.set(outlet, (row = { outlet, majority: 0, outlier: 0, alone: 0, silent: 0 }));
    row[standing]++;
  };
  for (const c of report.comparisons) {
    for (const outlet of c.silent) add(outlet, 'silent');
    const reporting = [...new Set(c.values.flatMap((v) => v.outlets))];
    if (c.status === 'single-source') {
      for (const outlet of reporting) add(outlet, 'alone');
      continue;
    }
    // Values that contradict a value reported by at least as many outlets as themselves.
    const outlying = new Set(
      c.values.filter((v) => c.values.some((w) => w !== v && w.outlets.length >= v.outlets.length && relate(c.fact, v.value, w.value, tolerance) === 'conflict')),
    );
    for (const outlet of reporting) add(outlet, c.values.some((v) => outlying.has(v) && v.outlets.includes(outlet)) ? 'outlier' : 'majority');
  }
  return [...table.values()].sort((a, b) => byString(a.outlet, b.outlet));
}
