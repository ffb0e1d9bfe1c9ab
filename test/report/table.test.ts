import { describe, expect, it } from 'vitest';
import type { CompareReport } from '../../src/compare/compare.js';
import { sanitize, safeJson } from '../../src/report/sanitize.js';
import { COMPARE_LEGEND, renderCompareTable, renderDiagnostics } from '../../src/report/table.js';

function report(): CompareReport {
  return {
    schemaVersion: 1,
    events: [{ id: '2025-05-16', articles: ['a', 'b'], outlets: ['Alpha', 'Beta'] }],
    comparisons: [
      {
        event: '2025-05-16',
        fact: 'venue',
        subject: null,
        status: 'single-source',
        values: [{ value: 'dolmabahce-palace', label: 'Dolmabahçe Palace', outlets: ['Alpha'], evidence: [{ article: 'a', outlet: 'Alpha', path: 'corpus/a.md', quote: 'at the Dolmabahçe Palace', line: 7, column: 12 }] }],
        silent: ['Beta'],
      },
    ],
    crossEvent: [
      {
        fact: 'venue',
        subject: null,
        values: [
          { event: '2025-05-16', value: 'dolmabahce-palace', label: 'Dolmabahçe Palace', outlets: ['Alpha'] },
          { event: '2025-06-02', value: 'ciragan-palace', label: 'Çırağan Palace', outlets: ['Gamma'] },
        ],
      },
    ],
    summary: { articles: 2, outlets: 2, events: 1, facts: 1, agree: 0, compatible: 0, conflict: 0, singleSource: 1 },
    diagnostics: [],
  };
}

describe('renderCompareTable', () => {
  it('lays out facts × outlets with silence, cross-event differences and a summary', () => {
    expect(renderCompareTable(report(), { color: 0 })).toBe(
      [
        'Meeting 2025-05-16 · 2 articles · 2 outlets',
        '┌───────┬───────────────┬───────────────────┬──────────┐',
        '│ Fact  │ Status        │ Alpha             │ Beta     │',
        '├───────┼───────────────┼───────────────────┼──────────┤',
        '│ venue │ single-source │ Dolmabahçe Palace │ — silent │',
        '└───────┴───────────────┴───────────────────┴──────────┘',
        '',
        'Differences between meetings',
        '  venue: Dolmabahçe Palace at 2025-05-16 [Alpha] vs Çırağan Palace at 2025-06-02 [Gamma] — different meetings',
        '',
        COMPARE_LEGEND,
        '2 articles · 2 outlets · 1 meeting · 1 fact — 0 agree, 0 compatible, 0 conflict, 1 single-source',
        '',
      ].join('\n'),
    );
  });

  it('fits a width: the grid when it can, else one block per fact; long lines wrapped with a hanging indent', () => {
    const wide = renderCompareTable(report(), { color: 0, width: 60 });
    expect(wide).toContain('│ venue │ single-source │ Dolmabahçe Palace │ — silent │');
    expect(wide).toContain('\n  venue: Dolmabahçe Palace at 2025-05-16 [Alpha] vs Çırağan\n    Palace at 2025-06-02 [Gamma] — different meetings\n');
    const narrow = renderCompareTable(report(), { color: 0, width: 40 });
    expect(narrow).toContain('Meeting 2025-05-16 · 2 articles · 2\n  outlets\n  venue · single-source\n    Alpha  Dolmabahçe Palace\n    — silent: Beta\n');
    for (const width of [20, 33, 40, 60]) {
      for (const line of renderCompareTable(report(), { color: 1, width, evidence: true }).split('\n')) expect(line.replace(/\x1b\[[0-9;]*m/g, '').length).toBeLessThanOrEqual(width);
    }
  });

  it('adds the quote and file:line:column with --evidence', () => {
    expect(renderCompareTable(report(), { color: 0, evidence: true })).toContain('Dolmabahçe Palace — Alpha: “at the Dolmabahçe Palace” corpus/a.md:7:12');
  });

  it('colours only when asked', () => {
    expect(renderCompareTable(report(), { color: 0 })).not.toContain('\x1b[');
    expect(renderCompareTable(report(), { color: 1 })).toContain('\x1b[');
  });

  it('never lets corpus text write escape sequences', () => {
    const r = report();
    r.events[0]!.outlets = ['Evil\x1b[2J\x1b]0;pwned\x07\u202eX'];
    r.comparisons[0]!.values[0]!.outlets = ['Evil\x1b[2J\x1b]0;pwned\x07\u202eX'];
    const out = renderCompareTable(r, { color: 0 });
    expect(out).not.toMatch(/[\x1b\x07\u202e]/);
    expect(out).toContain('EvilX');
  });
});

describe('sanitize', () => {
  it('removes whole sequences and stray controls', () => {
    expect(sanitize('a\x1b[31mb\x1b]8;;http://x\x1b\\c\x9b31md\u200be\rf')).toBe('abcdef');
  });
  it('escapes controls in JSON', () => {
    expect(safeJson({ s: 'a\x1b\u202e\x85' })).toBe('{"s":"a\\u001b\\u202e\\u0085"}');
  });
});

describe('renderDiagnostics', () => {
  it('prints path:line:column: severity message [CODE]', () => {
    expect(renderDiagnostics([{ severity: 'error', path: 'c/x.md', line: 3, column: 1, code: 'FIELD_DATE', message: 'bad' }], 0)).toBe('c/x.md:3:1: error bad [FIELD_DATE]\n');
  });
});
