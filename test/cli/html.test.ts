/** `--format html` from the outside: the built CLI writes one page, the same bytes every time. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'it-html-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function dataOf(html: string): { o: string[]; a: Array<[string, string | null, string, string]>; c: Array<{ t: string; e: string; v: Array<{ l: string; q: unknown[][] }> }>; ctx: boolean } {
  const open = '<script type="application/json" id="report-data">';
  const start = html.indexOf(open) + open.length;
  return JSON.parse(html.slice(start, html.indexOf('</script>', start)));
}

describe('compare --format html', () => {
  const r = cli(['compare', '--format', 'html']);

  it('writes a page to stdout and exits as compare does', () => {
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy"')).toBe(true);
    expect(r.stdout.endsWith('</body>\n</html>\n')).toBe(true);
  });

  it('is deterministic, and --output writes the same bytes', () => {
    const file = path.join(tmp, 'report.html');
    const w = cli(['compare', '--format', 'html', '--output', file]);
    expect([w.status, w.stdout, w.stderr]).toEqual([0, '', '']);
    expect(fs.readFileSync(file, 'utf8')).toBe(r.stdout);
  });

  it('shows the bundled corpus: the Financial Times quote for Dolmabahçe with its sentence, and the difference between meetings', () => {
    const data = dataOf(r.stdout);
    expect(data.ctx).toBe(true);
    const venue = data.c.find((c) => c.t === 'venue' && c.e === 'Meeting 2025-05-16')!;
    const ft = data.o.indexOf('Financial Times');
    const quote = venue.v[0]!.q.find((q) => q[1] === ft)!;
    expect(venue.v[0]!.l).toBe('Dolmabahçe Palace');
    expect(quote[5]).toBe('Dolmabahçe Palace');
    expect(quote[4]).toBe('The delegations sat across from each other at a large U-shaped table at the ');
    expect(quote[6]).toBe(' in Istanbul, the former administrative seat of the Ottoman Empire.');
    expect(data.a[quote[0] as number]![2]).toBe('corpus/ft-2025-05-16.md');
    expect(r.stdout).toMatch(/<strong>venue<\/strong>: Dolmabahçe Palace at the <a href="#meeting-2025-05-16">2025-05-16<\/a> meeting \(Atalayar, Financial Times\); Çırağan Palace at the <a href="#meeting-2025-06-02">2025-06-02<\/a> meeting \(bne IntelliNews\)/);
    // The spellings of names come with the page (as `names` reports them).
    expect(r.stdout).toContain('<li>Volodymyr Zelensky: Volodymyr Zelenskyy ×7</li>');
  });

  it('honours the selection options as the other formats do', () => {
    const only = cli(['compare', '--format', 'html', '--event', '2025-06-02', '--fact', 'venue']);
    expect(only.status).toBe(0);
    expect(only.stdout).toContain('id="meeting-2025-06-02"');
    expect(only.stdout).not.toContain('id="meeting-2025-05-16"');
    expect(dataOf(only.stdout).c.map((c) => c.t)).toEqual(['venue']);
  });

  it('works from --from-facts records, and says the sentences are not in them', () => {
    const facts = path.join(tmp, 'facts.ndjson');
    expect(cli(['extract', '--format', 'ndjson', '--output', facts]).status).toBe(0);
    const page = cli(['compare', '--format', 'html', '--from-facts', facts]);
    expect(page.status).toBe(0);
    const data = dataOf(page.stdout);
    expect(data.ctx).toBe(false);
    expect(page.stdout).toContain('Spellings are not available');
    // The same grid as from the corpus.
    const grid = (html: string) => html.slice(html.indexOf('<main>'), html.indexOf('id="outlets"'));
    expect(grid(page.stdout)).toBe(grid(r.stdout));
  });

  it('is listed in --help', () => {
    expect(cli(['compare', '--help']).stdout).toContain('html (one self-contained HTML page');
    expect(cli(['check', '--help']).stdout).toContain('html (one self-contained HTML page');
  });
});

describe('check --format html', () => {
  it('exits as check does, whatever the format', () => {
    const page = cli(['check', '--format', 'html']);
    const table = cli(['check']);
    expect(page.status).toBe(table.status);
    expect(page.stdout).toContain('<h1>Corpus check passes</h1>');
    const merged = cli(['check', '--format', 'html', '--merge-events']);
    expect(merged.status).toBe(1);
    expect(merged.stdout).toContain('<h1>Corpus check fails</h1>');
    expect(merged.stdout).toContain('id="meeting-all"');
  });
});
