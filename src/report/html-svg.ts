/**
 * The two drawings of the HTML report, as SVG text written here (no library, nothing loaded): the
 * timeline of the meetings and each outlet's standing bar. Every text in them comes in already
 * escaped by the caller's `htmlText`; numbers are formatted here.
 */
import { STANDINGS, type OutletStanding } from '../compare/standing.js';
import { STANDING_LABEL } from './html-style.js';

export interface TimelineItem {
  /** Anchor of the meeting's section (already safe for an attribute). */
  anchor: string;
  /** Escaped texts. */
  date: string;
  venue: string;
  /** The venue as drawn: cut to fit beside its neighbours. */
  venueShort: string;
  counts: string;
  articles: number;
}

const STEP = 200;
const PAD = 10;

/** Meetings side by side in date order (the report's order), each a link to its section. */
export function timelineSvg(items: readonly TimelineItem[], title: string): string {
  if (items.length === 0) return '';
  const width = PAD * 2 + STEP * items.length;
  const height = 104;
  const y = 40;
  const most = Math.max(1, ...items.map((i) => i.articles));
  const x = (i: number) => PAD + STEP * i + STEP / 2;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="timeline-title">`,
    `<title id="timeline-title">${title}</title>`,
  ];
  if (items.length > 1) parts.push(`<line class="tl-line" x1="${x(0)}" y1="${y}" x2="${x(items.length - 1)}" y2="${y}"/>`);
  items.forEach((item, i) => {
    const r = item.articles === 0 ? 5 : Math.round(5 + 9 * Math.sqrt(item.articles / most));
    parts.push(
      `<a href="#${item.anchor}"><title>${item.date}: ${item.venue}, ${item.counts}</title>` +
        `<text class="tl-date" x="${x(i)}" y="${y - 18}" text-anchor="middle">${item.date}</text>` +
        `<circle class="tl-dot${item.articles === 0 ? ' none' : ''}" cx="${x(i)}" cy="${y}" r="${r}"/>` +
        `<text class="tl-text" x="${x(i)}" y="${y + 32}" text-anchor="middle">${item.venueShort}</text>` +
        `<text class="tl-text" x="${x(i)}" y="${y + 50}" text-anchor="middle">${item.counts}</text></a>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

const BAR_WIDTH = 240;

/** One outlet's standings as a stacked bar; its label says the same in words. */
export function standingBar(standing: OutletStanding): string {
  const total = STANDINGS.reduce((n, s) => n + standing[s], 0);
  const words = STANDINGS.map((s) => `${standing[s]} ${STANDING_LABEL[s]}`).join(', ');
  const parts = [`<svg class="bar" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${BAR_WIDTH} 14" preserveAspectRatio="none" role="img" aria-label="${words}">`];
  let x = 0;
  for (const s of STANDINGS) {
    if (total === 0 || standing[s] === 0) continue;
    const w = Math.round(((x + standing[s]) / total) * BAR_WIDTH * 100) / 100 - Math.round((x / total) * BAR_WIDTH * 100) / 100;
    const from = Math.round((x / total) * BAR_WIDTH * 100) / 100;
    parts.push(`<rect class="bar-${s}" x="${from}" y="0" width="${Math.round(w * 100) / 100}" height="14"><title>${standing[s]} ${STANDING_LABEL[s]}</title></rect>`);
    x += standing[s];
  }
  parts.push('</svg>');
  return parts.join('');
}
