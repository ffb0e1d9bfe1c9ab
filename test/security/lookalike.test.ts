/**
 * Issue 13, points 8 and 10. Outlets that differ only by invisible characters print alike and
 * counted as seven outlets: they are one outlet now; one that differs by a Cyrillic letter stays
 * another outlet, with a warning (Unicode's confusables skeleton); file names in NFC and NFD give
 * ids that look alike: a warning. And the small ones: hundreds of unknown front-matter keys give
 * a few warnings, not one each; an offset +99:99 and a year 0025 are refused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeName, scriptsOf, skeleton } from '../../src/knowledge/lookalike.js';
import { checkIsoDate } from '../../src/corpus/meta.js';
import { cli } from '../helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'it-lookalike-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const article = (outlet: string, extra = '') => `---\noutlet: ${JSON.stringify(outlet)}\npublished: 2025-05-16\n${extra}---\nThe talks on Friday were held at the Dolmabahce Palace.\n`;

function corpus(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), text);
  return dir;
}

describe('look-alike outlets', () => {
  const INVISIBLE = ['Reuters', 'Reu\u034fters', 'Reuters\ufe0f', 'Reuters\u{e0100}', 'Reu\u00adters', 'Reuters\u2800', 'Re\u200buters'];

  it('names that differ only by invisible characters are one outlet', () => {
    const dir = corpus('invisible', Object.fromEntries(INVISIBLE.map((o, i) => [`a${i}.md`, article(o)])));
    const r = cli(['compare', '--corpus', dir, '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.outlets).toBe(1);
    expect(doc.events[0].outlets).toEqual(['Reuters']);
  });

  it('a Cyrillic letter makes another outlet, with a warning naming the one it looks like', () => {
    const dir = corpus('cyrillic', { 'a.md': article('Reuters'), 'b.md': article('R\u0435uters'), 'c.md': article('Радио Свобода') });
    const r = cli(['compare', '--corpus', dir, '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.outlets).toBe(3);
    const codes = doc.diagnostics.map((d: { path: string; code: string; message: string }) => `${path.basename(d.path)} ${d.code}`);
    expect(codes).toEqual(['b.md OUTLET_CONFUSABLE', 'b.md OUTLET_CONFUSABLE']);
    expect(doc.diagnostics.map((d: { message: string }) => d.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('mixes Latin and Cyrillic letters in one word'), expect.stringMatching(/looks like "Reuters" of .*a\.md/)]),
    );
  });

  it('file names in NFC and NFD: ids that look alike are warned about', () => {
    const dir = corpus('nfd', { ['cirağan.md'.normalize('NFC')]: article('One'), ['cirağan.md'.normalize('NFD')]: article('Two') });
    if (fs.readdirSync(dir).length < 2) return; // a file system that normalises names itself
    const r = cli(['extract', '--corpus', dir, '--format', 'json']);
    expect(JSON.parse(r.stdout).diagnostics.map((d: { code: string }) => d.code)).toContain('ID_LOOKALIKE');
  });

  it('normalise, skeleton, scripts', () => {
    for (const o of INVISIBLE) expect(normalizeName(o)).toBe('Reuters');
    expect(normalizeName('  Financial\u00a0\u00a0Times ')).toBe('Financial Times');
    expect(skeleton('R\u0435uters')).toBe(skeleton('Reuters'));
    expect(skeleton('\u0420\u0435\u0443\u0442\u0435\u0440\u0441')).not.toBe(skeleton('Reuters'));
    expect(skeleton('Ρ\u0391Ρ')).toBe(skeleton('PAP'));
    expect(scriptsOf('R\u0435uters')).toEqual(['Latin', 'Cyrillic']);
    expect(scriptsOf('Reuters 2')).toEqual(['Latin']);
  });
});

describe('small ones', () => {
  it('hundreds of unknown front-matter keys: a handful of warnings, not one each', () => {
    // (6,000 keys gave 1 MB of warnings; the front matter is now capped at 8 KiB, which holds 800.)
    const keys = Array.from({ length: 800 }, (_, i) => `k${i}: 1\n`).join('');
    const dir = corpus('keys', { 'a.md': article('Wire', keys) });
    const r = cli(['extract', '--corpus', dir, '--format', 'json']);
    const unknown = JSON.parse(r.stdout).diagnostics.filter((d: { code: string }) => d.code === 'FIELD_UNKNOWN');
    expect(unknown).toHaveLength(6);
    expect(unknown[5].message).toBe('795 more unknown front-matter fields ignored, from "k5" on');
    expect(r.stderr.length).toBeLessThan(2000);
  });

  it('a time zone offset +99:99 and a year 0025 are refused', () => {
    expect(checkIsoDate('2025-05-16T10:00:00+99:99', true)).toBe('time zone offset 99:99 is out of range (at most 23:59)');
    expect(checkIsoDate('2025-05-16T10:00:00+03:00', true)).toBeNull();
    expect(checkIsoDate('0025-05-16', true)).toBe('year 0025 is out of range (1000 to 9999)');
    const dir = corpus('dates', { 'a.md': article('Wire').replace('2025-05-16', '0025-05-16'), 'b.md': article('Post').replace('2025-05-16', '2025-05-16T10:00+99:99') });
    const r = cli(['extract', '--corpus', dir, '--format', 'json']);
    expect(r.status).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.articles).toEqual([]);
    expect(doc.diagnostics.map((d: { code: string }) => d.code)).toEqual(['FIELD_DATE', 'FIELD_DATE']);
    expect(r.stdout).not.toContain('1925');
  });
});
