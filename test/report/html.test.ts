import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildCheckReport } from '../../src/check/findings.js';
import type { CompareReport } from '../../src/compare/compare.js';
import { GRID_MAX_OUTLETS, QUOTES_PER_OUTLET, renderCheckHtml, renderCompareHtml, type ReportContext } from '../../src/report/html.js';
import { SCRIPT } from '../../src/report/html-script.js';
import { stylesheet, SYMBOL } from '../../src/report/html-style.js';
import type { ArticleSummary } from '../../src/types.js';
import { comparison, report, valueGroup, venueConflict } from '../check/factories.js';

const article = (id: string, outlet: string, extra: Partial<ArticleSummary> = {}): ArticleSummary => ({
  id,
  path: `corpus/${id}.md`,
  outlet,
  published: '2025-05-16',
  title: `Title of ${id}`,
  url: null,
  event: '2025-05-16',
  eventSource: 'published',
  ...extra,
});

/** Every status, a silent outlet, a second meeting and a difference between meetings. */
function everyStatus(): CompareReport {
  const r = report([
    comparison('date', 'agree', [valueGroup('2025-05-16', '16 May 2025', ['Atalayar', 'Financial Times'])]),
    comparison('duration', 'compatible', [
      valueGroup({ minutes: 120, qualifier: 'exact' }, '2 h', ['Financial Times'], { quote: 'just two hours' }),
      valueGroup({ minutes: 120, qualifier: 'under' }, 'less than 2 h', ['Atalayar'], { quote: 'less than two hours' }),
    ]),
    comparison('chair', 'single-source', [valueGroup('hakan-fidan', 'Hakan Fidan', ['Financial Times'])]),
    venueConflict(),
    comparison('venue', 'single-source', [valueGroup('ciragan-palace', 'Çırağan Palace', ['bne IntelliNews'])], '2025-06-02'),
  ]);
  r.comparisons[2]!.silent = ['Atalayar'];
  r.events = [
    { id: '2025-05-16', articles: ['atalayar-a', 'financial-times-a'], outlets: ['Atalayar', 'Financial Times', 'bne IntelliNews'] },
    { id: '2025-06-02', articles: ['bne-intellinews-a'], outlets: ['bne IntelliNews'] },
  ];
  r.crossEvent = [
    {
      fact: 'venue',
      subject: null,
      values: [
        { event: '2025-05-16', value: 'dolmabahce-palace', label: 'Dolmabahçe Palace', outlets: ['Atalayar', 'Financial Times'] },
        { event: '2025-06-02', value: 'ciragan-palace', label: 'Çırağan Palace', outlets: ['bne IntelliNews'] },
      ],
    },
  ];
  r.summary.singleSource = 2;
  return r;
}

const CONTEXT: ReportContext = {
  articles: [
    article('atalayar-a', 'Atalayar', { url: 'https://www.atalayar.com/en/a' }),
    article('financial-times-a', 'Financial Times'),
    article('bne-intellinews-a', 'bne IntelliNews', { event: '2025-06-02' }),
  ],
  corpus: {
    quotes: [{ article: 'financial-times-a', line: 11, column: 5, before: 'The talks were held at the ', after: ' in Istanbul.' }],
    names: { schemaVersion: 1, names: [] },
  },
  tolerance: 0.1,
};

interface Data {
  o: string[];
  a: Array<[string, string | null, string, string]>;
  c: Array<{ t: string; s: string; x: string; v: Array<{ l: string; o: number[]; q: Array<[number, number, number, number, string, string, string]>; n: number; m: Record<string, number> }>; d: Array<[string, string, Array<[string, string]>]> }>;
  ctx: boolean;
}

function between(html: string, open: string, close: string): string {
  const start = html.indexOf(open);
  expect(start).toBeGreaterThanOrEqual(0);
  return html.slice(start + open.length, html.indexOf(close, start + open.length));
}

const dataOf = (html: string): Data => JSON.parse(between(html, '<script type="application/json" id="report-data">', '</script>')) as Data;
const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('renderCompareHtml', () => {
  const html = renderCompareHtml(everyStatus(), CONTEXT);

  it('is deterministic: the same report gives the same bytes', () => {
    expect(renderCompareHtml(everyStatus(), CONTEXT)).toBe(html);
  });

  it('allows exactly its own style and script, by the sha256 of their bytes', () => {
    const csp = between(html, '<meta http-equiv="Content-Security-Policy" content="', '">');
    const style = between(html, '<style>', '</style>');
    const script = between(html, '<script>', '</script>');
    expect(style).toBe(stylesheet());
    expect(script).toBe(SCRIPT);
    expect(csp).toBe(`default-src 'none'; style-src ${sha(style)}; script-src ${sha(script)}; img-src 'none'; base-uri 'none'; form-action 'none'`);
    // One style element, one script to run, one data block; no inline style or event handler anywhere.
    expect(html.match(/<style/g)).toHaveLength(1);
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    // Nothing from the network: no URL the browser would fetch.
    expect(html).not.toMatch(/\s(?:src|srcset|action|xlink:href)=/);
  });

  it('renders every status with its colour class and its symbol, and silence', () => {
    for (const status of ['agree', 'compatible', 'conflict', 'single-source', 'silent'] as const) {
      expect(html).toContain(`<span class="st st-${status}"><span class="sym" aria-hidden="true">${SYMBOL[status]}</span> ${status}</span>`);
    }
    expect(new Set(Object.values(SYMBOL)).size).toBe(5);
  });

  it('puts conflicts first in a meeting, then compatible, agree, single-source', () => {
    const section = between(html, 'id="meeting-2025-05-16"', '</section>');
    const order = [...section.matchAll(/data-fact="([a-z-]+)" data-status="([a-z-]+)"/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(order).toEqual(['venue:conflict', 'duration:compatible', 'date:agree', 'chair:single-source']);
  });

  it('draws a column per outlet, a value button per cell, silence where the outlet covers the meeting', () => {
    const section = between(html, 'id="meeting-2025-05-16"', '</section>');
    expect(section).toContain('<th scope="col" data-o="0">Atalayar</th><th scope="col" data-o="1">Financial Times</th><th scope="col" data-o="2">bne IntelliNews</th>');
    const chair = between(section, 'data-fact="chair"', '</tr>');
    expect(chair).toContain('<td class="cell" data-o="0" data-label="Atalayar"><span class="st st-silent">');
    expect(chair).toMatch(/<td class="cell" data-o="1" data-label="Financial Times"><button type="button" class="v" data-c="2" data-v="0" aria-controls="panel" aria-expanded="false">Hakan Fidan<\/button><\/td>/);
    expect(chair).toContain('<td class="cell" data-o="2" data-label="bne IntelliNews"></td>');
  });

  it('gives each value its quotes, with the sentence around them, the article and file:line:column', () => {
    const data = dataOf(html);
    expect(data.ctx).toBe(true);
    expect(data.o).toEqual(['Atalayar', 'Financial Times', 'bne IntelliNews']);
    const venue = data.c[3]!;
    expect(venue.t).toBe('venue');
    expect(venue.x).toBe('venue --event 2025-05-16');
    const ft = venue.v[0]!.q.find((q) => data.o[q[1]] === 'Financial Times')!;
    expect(ft.slice(2)).toEqual([11, 5, 'The talks were held at the ', 'Dolmabahçe Palace', ' in Istanbul.']);
    expect(data.a[ft[0]]).toEqual(['Title of financial-times-a', null, 'corpus/financial-times-a.md', '2025-05-16']);
    const atalayar = venue.v[0]!.q.find((q) => data.o[q[1]] === 'Atalayar')!;
    expect(data.a[atalayar[0]]![1]).toBe('https://www.atalayar.com/en/a');
  });

  it('gives a fact with several values the word diff of their quotes, as explain does', () => {
    const duration = dataOf(html).c[1]!;
    expect(duration.d).toEqual([
      [
        'Financial Times (2 h)',
        'Atalayar (less than 2 h)',
        [
          ['-', 'just'],
          ['+', 'less than'],
          ['=', ' two hours'],
        ],
      ],
    ]);
  });

  it('says the difference between meetings in words, with links to both', () => {
    const text = between(html, 'id="differences"', '</section>');
    expect(text).toContain(
      '<strong>venue</strong>: Dolmabahçe Palace at the <a href="#meeting-2025-05-16">2025-05-16</a> meeting (Atalayar, Financial Times); Çırağan Palace at the <a href="#meeting-2025-06-02">2025-06-02</a> meeting (bne IntelliNews) — different meetings, not a contradiction.',
    );
  });

  it('draws the timeline with each meeting, its venue as reported and its counts, linked to its section', () => {
    const svg = between(html, '<nav class="timeline band"', '</nav>');
    expect(svg).toContain('<a href="#meeting-2025-05-16"><title>2025-05-16: Dolmabahçe Palace / Çırağan Palace, 2 articles · 3 outlets</title>');
    // A long venue is cut on the drawing (the title keeps it whole).
    expect(svg).toContain('>Dolmabahçe Palace / Çırağan P…</text>');
    expect(svg).toContain('<a href="#meeting-2025-06-02"><title>2025-06-02: Çırağan Palace, 1 article · 1 outlet</title>');
  });

  it('lists each outlet with its standing in numbers and in a bar', () => {
    const outlets = between(html, 'id="outlets"', '</section>');
    expect(outlets).toContain('<tr data-o="2"><th scope="row">bne IntelliNews</th><td data-label="Articles">1</td>');
    expect(outlets).toContain('0 with the majority · 1 outlier · 1 alone · 0 silent');
    expect(outlets).toContain('<rect class="bar-outlier" x="0" y="0" width="120" height="14">');
  });

  it('says when quotes come without their sentence (records from --from-facts)', () => {
    const bare = renderCompareHtml(everyStatus(), { ...CONTEXT, corpus: null });
    const data = dataOf(bare);
    expect(data.ctx).toBe(false);
    expect(data.c[3]!.v[0]!.q[0]!.slice(4)).toEqual(['', 'Dolmabahçe Palace', '']);
    expect(bare).toContain('Spellings are not available');
  });

  it('lists values with their outlets when a meeting has more outlets than a grid can show', () => {
    const outlets = Array.from({ length: GRID_MAX_OUTLETS + 1 }, (_, i) => `Outlet ${String.fromCharCode(65 + i)}`);
    const r = report([comparison('date', 'agree', [valueGroup('2025-05-16', '16 May 2025', outlets)])]);
    r.events = [{ id: '2025-05-16', articles: outlets.map((_, i) => `a${i}`), outlets }];
    const page = renderCompareHtml(r, { ...CONTEXT, articles: [] });
    const section = between(page, 'id="meeting-2025-05-16"', '</section>');
    expect(section).toContain('<th scope="col">Values, with the outlets that report them</th>');
    expect(section).toContain(`data-os="${outlets.map((_, i) => i).join(' ')}"`);
    expect(section).toContain(`9 outlets: ${outlets.slice(0, 8).join(', ')} and 1 more`);
  });

  it(`keeps ${QUOTES_PER_OUTLET} quotes per value and outlet, and counts the rest`, () => {
    const v = valueGroup('2025-05-16', '16 May 2025', ['Atalayar']);
    v.evidence = Array.from({ length: 5 }, (_, i) => ({ ...v.evidence[0]!, article: `a${i}`, line: i + 1 }));
    const page = renderCompareHtml(report([comparison('date', 'single-source', [v])]), CONTEXT);
    const value = dataOf(page).c[0]!.v[0]!;
    expect(value.q.map((q) => q[2])).toEqual([1, 2, 3]);
    expect(value.n).toBe(5);
    expect(value.m).toEqual({ 0: 2 });
  });
});

describe('renderCompareHtml: corpus text is text', () => {
  const EVIL = `<img src=x onerror="alert('x')">&amp;</script><script>alert(1)</script><!--`;
  const r = report([
    comparison('venue', 'agree', [valueGroup('x', `${EVIL} Palace`, [`${EVIL} Wire`, 'Good Wire'], { quote: `Palace ${EVIL}` })]),
  ]);
  r.events = [{ id: '2025-05-16', articles: ['x'], outlets: [`${EVIL} Wire`, 'Good Wire'] }];
  r.diagnostics = [{ severity: 'error', path: `corpus/${EVIL}.md`, line: 1, column: 1, code: 'FIELD_DATE', message: `bad ${EVIL}` }];
  const slug = `${EVIL} Wire`.toLowerCase().replace(/[^a-z]+/g, '-');
  const context: ReportContext = {
    articles: [article(`${slug}-a`, `${EVIL} Wire`, { title: `${EVIL}\u202e\x1b[2J title`, url: 'javascript:alert(1)' }), article('good-wire-a', 'Good Wire', { url: `https://example.org/"><script>alert(1)</script>` })],
    corpus: {
      quotes: [{ article: `${slug}-a`, line: 10, column: 5, before: `${EVIL} before `, after: ` after\u2028${EVIL}` }],
      names: { schemaVersion: 1, names: [{ id: 'x', kind: 'person', name: `${EVIL} Name`, spellings: [{ text: 'a', count: 1, outlets: [] }, { text: 'b', count: 1, outlets: [] }], outlets: [{ outlet: 'Good Wire', spellings: [{ text: `${EVIL}`, count: 1 }] }] }] },
    },
    tolerance: 0.1,
  };
  const html = renderCompareHtml(r, context);

  it('escapes markup in outlets, labels, quotes, titles, names, file names and messages', () => {
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<!--');
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;amp;&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!-- Wire');
  });

  it('keeps the data block closed: no "<" inside it, and its strings come back as the sanitised text', () => {
    const block = between(html, '<script type="application/json" id="report-data">', '</script>');
    expect(block).not.toContain('<');
    const data = dataOf(html);
    expect(data.o).toContain(`${EVIL} Wire`);
    const q = data.c[0]!.v[0]!.q.find((x) => data.o[x[1]] === `${EVIL} Wire`)!;
    expect(q.slice(4)).toEqual([`${EVIL} before `, `Palace ${EVIL}`, ` after ${EVIL}`]);
    // Escape sequences and BiDi overrides are gone from the title.
    expect(data.a[q[0]]![0]).toBe(`${EVIL} title`);
  });

  it('makes links only of http(s) URLs, normalised', () => {
    const data = dataOf(html);
    const urls = data.a.map((a) => a[1]);
    expect(urls).toContain(null);
    expect(urls).toContain('https://example.org/%22%3E%3Cscript%3Ealert(1)%3C/script%3E');
    expect(html).not.toContain('javascript:');
  });

  it('has no control, BiDi or line-separator character anywhere', () => {
    expect(html).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/);
  });
});

describe('renderCheckHtml', () => {
  it('says whether the check passes, with each finding and its state, above the whole comparison', () => {
    const r = everyStatus();
    const check = buildCheckReport({ report: r, effective: r, suppressions: [], baseline: null, baselinePath: null, failOn: 'conflict', maxFindings: 0 });
    const html = renderCheckHtml(check, r, CONTEXT);
    expect(html).toContain('<h1>Corpus check fails</h1>');
    expect(html).toContain('1 disagreement fails (--fail-on conflict, at most 0 allowed) · 2 new · 0 in the baseline');
    expect(html).toMatch(/<td>2025-05-16<\/td><th scope="row">venue<\/th><td><span class="st st-conflict">.*?<\/td><td>new<\/td><td><strong>fails<\/strong><\/td>/);
    expect(html).toContain('id="meeting-2025-06-02"');
    const never = buildCheckReport({ report: r, effective: r, suppressions: [], baseline: null, baselinePath: null, failOn: 'never', maxFindings: 0 });
    expect(renderCheckHtml(never, r, CONTEXT)).toContain('<h1>Corpus check passes</h1>');
  });
});
