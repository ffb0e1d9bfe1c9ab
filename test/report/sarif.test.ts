import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { baselineEntries, buildCheckReport, findingsOfComparison } from '../../src/check/findings.js';
import { safeJson } from '../../src/report/sanitize.js';
import { FINGERPRINT_KEY, pathUri, renderSarif } from '../../src/report/sarif.js';
import { comparison, report, valueGroup, venueConflict } from '../check/factories.js';

const parse = (pieces: Iterable<string>) => JSON.parse([...pieces].join('')) as Sarif.Log;

describe('renderSarif', () => {
  it('writes SARIF 2.1.0: one result per disagreement with the fingerprint in partialFingerprints', () => {
    const checkReport = findingsOfComparison(report([venueConflict()]), 'conflict');
    const log = parse(renderSarif(checkReport, { version: '9.9.9' }));
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'istanbul-talks', version: '9.9.9', rules: [{ id: 'FACT_CONFLICT' }] });
    expect(run.columnKind).toBe('utf16CodeUnits');
    const result = run.results![0]!;
    expect(result).toMatchObject({ ruleId: 'FACT_CONFLICT', ruleIndex: 0, level: 'error' });
    expect(result.partialFingerprints).toEqual({ [FINGERPRINT_KEY]: checkReport.findings[0]!.fingerprint });
    expect(result.message.text).toBe('venue at meeting 2025-05-16: Dolmabahçe Palace [Atalayar, Financial Times] vs Çırağan Palace [bne IntelliNews]');
    // The claim that stands out is the primary location; the others are related.
    expect(result.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'corpus/bne-intellinews.md' },
      region: { startLine: 10, startColumn: 5, endLine: 10, endColumn: 19, snippet: { text: 'Çırağan Palace' } },
    });
    expect(result.relatedLocations!.map((l) => [l.physicalLocation!.artifactLocation!.uri, l.message!.text])).toEqual([
      ['corpus/financial-times.md', 'Financial Times: Dolmabahçe Palace'],
      ['corpus/atalayar.md', 'Atalayar: Dolmabahçe Palace'],
    ]);
    expect(result.baselineState).toBeUndefined();
  });

  it('marks baseline state and suppressions', () => {
    const dur = comparison('duration', 'compatible', [valueGroup({ minutes: 120, qualifier: 'exact' }, '2 h', ['A']), valueGroup({ minutes: 120, qualifier: 'under' }, 'less than 2 h', ['B'])]);
    const r = report([venueConflict(), dur]);
    const known = baselineEntries(findingsOfComparison(report([venueConflict()]), 'conflict'));
    const c = buildCheckReport({
      report: r,
      effective: report([comparison('venue', 'conflict', venueConflict().values), comparison('duration', 'single-source', [dur.values[0]!])]),
      suppressions: [{ article: 'b-a', path: 'corpus/b.md', line: 2, column: 1, facts: ['duration'] }],
      baseline: { schemaVersion: 1, entries: known },
      baselinePath: 'x.json',
      failOn: 'compatible',
      maxFindings: 0,
    });
    const results = parse(renderSarif(c)).runs[0]!.results!;
    expect(results.map((x) => [x.ruleId, x.level, x.baselineState, x.suppressions?.map((s) => s.kind)])).toEqual([
      ['FACT_CONFLICT', 'note', 'unchanged', ['external']],
      ['FACT_COMPATIBLE', 'note', 'new', ['inSource']],
    ]);
    expect(results[1]!.suppressions![0]!.location!.physicalLocation!.region).toEqual({ startLine: 2, startColumn: 1 });
  });

  it('is written result by result, the text of the log stringified whole', () => {
    const c = findingsOfComparison(report([venueConflict()]), 'conflict');
    c.diagnostics = [{ severity: 'warning', path: 'corpus/x.md', line: 1, column: 1, code: 'EVENT_UNKNOWN', message: 'no date' }];
    const pieces = [...renderSarif(c)];
    const text = pieces.join('');
    expect(text).toBe(`${safeJson(JSON.parse(text), 2)}\n`);
    // Each result is a piece of its own (besides the separators around it).
    expect(pieces.filter((p) => p.startsWith('{') && p.includes('"ruleId"'))).toHaveLength(2);
  });

  it('percent-encodes paths into URIs', () => {
    expect(pathUri('corpus/a b#c?.md')).toBe('corpus/a%20b%23c%3F.md');
    expect(pathUri('../x/ç.md')).toBe('../x/%C3%A7.md');
  });
});
