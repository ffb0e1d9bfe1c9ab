/**
 * The report's colours, read from the one palette the stylesheet is built from: every text colour
 * on its background reaches WCAG AA (4.5:1), the chart's bars reach 3:1 against the page (WCAG
 * 1.4.11 for graphics), and every colour the stylesheet writes comes from the palette.
 */
import { describe, expect, it } from 'vitest';
import { PALETTE, stylesheet, type Swatch } from '../../src/report/html-style.js';

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  expect(hex).toMatch(/^#[0-9a-f]{6}$/);
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('contrast', () => {
  it('is computed as WCAG defines it', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  const swatches: Array<[string, Swatch]> = [
    ...Object.entries(PALETTE as Record<string, unknown>).filter((e): e is [string, Swatch] => typeof e[1] === 'object' && e[1] !== null && 'fg' in e[1]),
    ...Object.entries(PALETTE.status).map(([k, s]): [string, Swatch] => [`status ${k}`, s]),
  ];
  it.each(swatches)('%s: text on its background is at least 4.5:1', (_, s) => {
    expect(contrast(s.fg, s.bg)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(Object.entries(PALETTE.status))('status %s: its text is also legible on the page background', (_, s) => {
    expect(contrast(s.fg, PALETTE.page.bg)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(Object.entries(PALETTE.standing))('bar %s: at least 3:1 against the page', (_, colour) => {
    expect(contrast(colour, PALETTE.page.bg)).toBeGreaterThanOrEqual(3);
  });

  it('links and muted text in the quotes panel are legible on the panel', () => {
    expect(contrast(PALETTE.link.fg, PALETTE.panel.bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(PALETTE.panelMuted.fg, PALETTE.panel.bg)).toBeGreaterThanOrEqual(4.5);
  });

  it('the stylesheet uses no colour that is not in the palette', () => {
    const all = new Set<string>();
    const walk = (v: unknown) => {
      if (typeof v === 'string') all.add(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(PALETTE);
    const used = stylesheet().match(/#[0-9a-f]{3,8}\b/gi) ?? [];
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((c) => !all.has(c))).toEqual([]);
  });
});
