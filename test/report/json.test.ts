/** JSON documents written in pieces: the pieces join to what stringifying the whole document gives. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompareReport } from '../../src/compare/compare.js';
import { jsonPieces, renderCheckJson, renderCompareJson, renderExtractJson } from '../../src/report/json.js';
import { renderArticleNdjson, renderCheckNdjson, renderCompareNdjson, renderDiagnosticsNdjson } from '../../src/report/ndjson.js';
import { safeJson } from '../../src/report/sanitize.js';
import type { CheckReport } from '../../src/check/findings.js';

/** Strings with what JSON must escape (quotes, controls) and what safeJson adds (BiDi, separators, tags). */
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.array(fc.constantFrom('a', '"', '\\', '\n', '\x1b', '\x85', '\u202e', '\u2028', '\u{e0041}', 'ç', '中', '\ud800', ' '), { maxLength: 8 }).map((p) => p.join('')),
);
/** JSON values, what JSON.stringify drops or turns into null (undefined, functions, holes), and a toJSON. */
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, false, 0, -0, 1.5, 1e21, Number.NaN, undefined, () => 1, new Date(0)),
    text,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.sparseArray(tie('value'), { maxLength: 4 }),
    fc.dictionary(text, tie('value'), { maxKeys: 4 }),
  ),
}));
const documents = fc.dictionary(text, value, { maxKeys: 5 });

const joined = (pieces: Iterable<string>) => [...pieces].join('');

describe('jsonPieces', () => {
  it('joins to JSON.stringify(value, null, 2) at every depth (property)', () => {
    fc.assert(
      fc.property(documents, fc.integer({ min: 0, max: 4 }), (doc, depth) => {
        expect(joined(jsonPieces(doc, depth))).toBe(JSON.stringify(doc, null, 2));
      }),
      { numRuns: 2000 },
    );
  });

  it('cuts each element of the top-level arrays apart', () => {
    const doc = { schemaVersion: 1, facts: Array.from({ length: 1000 }, (_, i) => ({ i, quote: `q${i}` })), empty: [] };
    const pieces = [...jsonPieces(doc, 2)];
    expect(pieces.length).toBeGreaterThan(2000);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(60);
    expect(pieces.join('')).toBe(JSON.stringify(doc, null, 2));
  });
});

describe('JSON documents', () => {
  it('are safeJson(document, 2) and a newline, escapes included (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.dictionary(text, value, { maxKeys: 3 }), { maxLength: 4 }), documents, (list, extra) => {
        const report = { schemaVersion: 1, ...extra, events: list, comparisons: list, diagnostics: [] } as unknown as CompareReport;
        expect(joined(renderCompareJson(report))).toBe(`${safeJson(report, 2)}\n`);
        expect(joined(renderCheckJson(report as unknown as CheckReport))).toBe(`${safeJson(report, 2)}\n`);
        const extract = { articles: list, facts: list, diagnostics: list, suppressions: [] } as never;
        expect(joined(renderExtractJson(extract))).toBe(`${safeJson({ schemaVersion: 1, articles: list, facts: list, diagnostics: list }, 2)}\n`);
      }),
      { numRuns: 500 },
    );
  });

  it('NDJSON lines are safeJson({ type, ...record }), also for empty records and text to escape (property)', () => {
    // Keys such as "0" and "12" come first in an object, before `type`.
    const key = fc.oneof(text, fc.constantFrom('0', '12', '1a', '4294967295'));
    const record = fc.dictionary(key.filter((k) => k !== 'type'), value, { maxKeys: 4 });
    const expected = (type: string, r: object) => `${safeJson({ type, ...r })}\n`;
    fc.assert(
      fc.property(record, fc.array(record, { maxLength: 4 }), fc.array(record, { maxLength: 2 }), (summary, facts, suppressions) => {
        const a = { summary, facts, suppressions } as never;
        expect(renderArticleNdjson(a)).toBe([expected('article', summary), ...facts.map((f) => expected('fact', f)), ...suppressions.map((x) => expected('suppression', x))].join(''));
        expect(renderDiagnosticsNdjson(facts as never)).toBe(facts.map((f) => expected('diagnostic', f)).join(''));
      }),
      { numRuns: 1000 },
    );
  });

  it('NDJSON of compare and check: one line per record, as the whole-string renderers wrote them', () => {
    const report = {
      schemaVersion: 1,
      events: [{ id: '2025-05-16', articles: ['a'], outlets: ['Evil\u202eX'] }],
      comparisons: [],
      crossEvent: [],
      summary: { articles: 1 },
      diagnostics: [{ severity: 'warning', path: 'a.md', line: 1, column: 1, code: 'X', message: 'm' }],
    } as unknown as CompareReport;
    expect(joined(renderCompareNdjson(report))).toBe(
      '{"type":"event","id":"2025-05-16","articles":["a"],"outlets":["Evil\\u202eX"]}\n' +
        '{"type":"summary","articles":1}\n' +
        '{"type":"diagnostic","severity":"warning","path":"a.md","line":1,"column":1,"code":"X","message":"m"}\n',
    );
    const check = { findings: [{ code: 'F' }], stale: [], failOn: 'conflict', maxFindings: 0, baseline: { path: null }, summary: { failing: 1 }, diagnostics: [] } as unknown as CheckReport;
    expect(joined(renderCheckNdjson(check))).toBe(
      '{"type":"finding","code":"F"}\n{"type":"summary","failOn":"conflict","maxFindings":0,"baseline":{"path":null},"failing":1}\n',
    );
  });
});
