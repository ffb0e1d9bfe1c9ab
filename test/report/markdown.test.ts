import { describe, expect, it } from 'vitest';
import { baselineEntries, buildCheckReport, findingsOfComparison } from '../../src/check/findings.js';
import { escapeMarkdown, renderCheckMarkdown, renderCompareMarkdown } from '../../src/report/markdown.js';
import { comparison, report, valueGroup, venueConflict } from '../check/factories.js';

describe('escapeMarkdown', () => {
  it.each([
    ['a | b', 'a \\| b'],
    ['*bold* _it_ `code` ~x~', '\\*bold\\* \\_it\\_ \\`code\\` \\~x\\~'],
    ['[click](https://evil.example)', '\\[click\\](https:&#8203;//evil.example)'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['@everyone see #123', '@&#8203;everyone see #&#8203;123'],
    ['www.evil.example', 'www&#8203;.evil.example'],
    ['a\nb\u202ec\x1b[31m', 'a bc'],
    ['AT&T', 'AT&amp;T'],
  ])('%j → %j', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });
});

describe('Markdown renderers', () => {
  it('compare: one table per meeting, one row per value', () => {
    const r = report([venueConflict(), comparison('date', 'agree', [valueGroup('2025-05-16', '16 May 2025', ['Atalayar', 'Financial Times'])])]);
    r.events = [{ id: '2025-05-16', articles: ['a', 'b'], outlets: ['Atalayar', 'Financial Times', 'bne IntelliNews'] }];
    r.comparisons[1]!.silent = ['bne IntelliNews'];
    expect(renderCompareMarkdown(r)).toBe(
      [
        '## istanbul-talks compare',
        '',
        '2 articles · 2 outlets · 1 meeting · 4 facts — 1 agree, 0 compatible, 1 conflict, 0 single-source',
        '',
        '### Meeting 2025-05-16 · 2 articles · 3 outlets',
        '',
        '| Fact | Status | Value | Outlets | Silent |',
        '| --- | --- | --- | --- | --- |',
        '| venue | **conflict** | Dolmabahçe Palace | Atalayar, Financial Times |   |',
        '|   |   | Çırağan Palace | bne IntelliNews |   |',
        '| date | agree | 16 May 2025 | Atalayar, Financial Times | bne IntelliNews |',
        '',
      ].join('\n'),
    );
    expect(renderCompareMarkdown(r, { evidence: true })).toContain('| Dolmabahçe Palace | Atalayar, Financial Times |   | “Dolmabahçe Palace” (corpus/atalayar.md:10:5)<br>“Dolmabahçe Palace” (corpus/financial-times.md:11:5) |');
  });

  it('check: headline, findings with their state, stale entries', () => {
    const r = report([venueConflict()]);
    const known = baselineEntries(findingsOfComparison(r, 'conflict'));
    const stale = { ...known[0]!, fingerprint: 'b'.repeat(64), event: '2025-06-02' };
    const c = buildCheckReport({ report: r, effective: r, suppressions: [], baseline: { schemaVersion: 1, entries: [stale] }, baselinePath: 'b.json', failOn: 'conflict', maxFindings: 0 });
    const md = renderCheckMarkdown(c);
    expect(md).toContain('**❌ 1 new disagreement at --fail-on conflict**');
    expect(md).toContain('1 disagreement: 1 failing, 0 in baseline, 1 stale baseline entry · fail on conflict');
    expect(md).toMatch(/\| ❌ \| \*\*conflict\*\* \| venue \| 2025-05-16 \| Dolmabahçe Palace — Atalayar, Financial Times \(corpus\/atalayar.md:10:5\)<br>Çırağan Palace — bne IntelliNews \(corpus\/bne-intellinews.md:10:5\) \| new \| `[0-9a-f]{12}` \|/);
    expect(md).toContain('### Stale baseline entries');
    expect(md).toContain('| conflict | venue | 2025-06-02 | Dolmabahçe Palace — Atalayar, Financial Times<br>Çırağan Palace — bne IntelliNews | `bbbbbbbbbbbb` |');
    const clean = buildCheckReport({ report: r, effective: r, suppressions: [], baseline: { schemaVersion: 1, entries: known }, baselinePath: 'b.json', failOn: 'conflict', maxFindings: 0 });
    expect(renderCheckMarkdown(clean)).toContain('**✅ No new disagreements beyond the baseline**');
  });
});
