import { describe, expect, it } from 'vitest';
import { BaselineError, parseBaseline, serializeBaseline } from '../../src/check/baseline.js';
import { baselineEntries, buildCheckReport, findingsOfComparison, reaches, type CheckInput } from '../../src/check/findings.js';
import { fingerprint } from '../../src/check/fingerprint.js';
import type { Suppression } from '../../src/check/suppress.js';
import { comparison, report, valueGroup, venueConflict } from './factories.js';

const duration = () =>
  comparison('duration', 'compatible', [
    valueGroup({ minutes: 120, qualifier: 'exact' }, '2 h', ['Financial Times']),
    valueGroup({ minutes: 120, qualifier: 'under' }, 'less than 2 h', ['Atalayar']),
  ]);

function check(over: Partial<CheckInput> = {}) {
  const r = over.report ?? report([venueConflict(), duration()]);
  return buildCheckReport({ report: r, effective: r, suppressions: [], baseline: null, baselinePath: null, failOn: 'conflict', maxFindings: 0, ...over });
}

describe('buildCheckReport', () => {
  it('makes a finding of each conflict and compatible comparison, never of agreement', () => {
    const r = report([venueConflict(), duration(), comparison('date', 'agree', [valueGroup('2025-05-16', '16 May 2025', ['A', 'B'])])]);
    const c = check({ report: r, effective: r });
    expect(c.findings.map((f) => [f.code, f.fact, f.level, f.failing])).toEqual([
      ['FACT_CONFLICT', 'venue', 'error', true],
      ['FACT_COMPATIBLE', 'duration', 'warning', false],
    ]);
    expect(c.findings[0]?.fingerprint).toBe(fingerprint(venueConflict()));
    expect(c.summary).toMatchObject({ findings: 2, failing: 1, new: 2, known: 0, stale: 0 });
  });

  it('follows --fail-on', () => {
    expect(check({ failOn: 'compatible' }).summary.failing).toBe(2);
    expect(check({ failOn: 'never' }).summary.failing).toBe(0);
    expect(check({ failOn: 'never' }).findings.map((f) => f.level)).toEqual(['warning', 'warning']);
    expect([reaches('conflict', 'conflict'), reaches('compatible', 'conflict'), reaches('compatible', 'compatible'), reaches('agree', 'compatible'), reaches(null, 'compatible')]).toEqual([
      true,
      false,
      true,
      false,
      false,
    ]);
  });

  it('knows findings of the baseline by fingerprint and lists entries that no longer occur as stale', () => {
    const old = check();
    const entries = baselineEntries(old);
    const gone = { ...entries[0]!, fingerprint: 'f'.repeat(64), event: '2025-06-02' };
    const c = check({ baseline: { schemaVersion: 1, entries: [entries[0]!, gone] }, baselinePath: 'b.json' });
    expect(c.findings.map((f) => [f.fact, f.baseline, f.failing, f.level])).toEqual([
      ['venue', 'known', false, 'note'],
      ['duration', 'new', false, 'warning'],
    ]);
    expect(c.stale.map((e) => e.fingerprint)).toEqual(['f'.repeat(64)]);
    expect(c.summary).toMatchObject({ failing: 0, known: 1, new: 1, stale: 1 });
    expect(c.baseline).toEqual({ path: 'b.json', entries: 2 });
  });

  it('a disagreement that exists only through a suppressing article is suppressed, not failing', () => {
    const full = report([venueConflict()]);
    // Without bne IntelliNews' venue the comparison agrees.
    const effective = report([comparison('venue', 'agree', [venueConflict().values[0]!])]);
    const suppression: Suppression = { article: 'bne-intellinews-a', path: 'corpus/bne.md', line: 3, column: 1, facts: ['venue'] };
    const c = check({ report: full, effective, suppressions: [suppression] });
    expect(c.findings.map((f) => [f.suppressed, f.failing, f.level, f.effectiveStatus])).toEqual([[true, false, 'note', 'agree']]);
    expect(c.findings[0]?.suppressedBy).toEqual([{ article: 'bne-intellinews-a', path: 'corpus/bne.md', line: 3, column: 1 }]);
  });

  it('a suppression of another fact, or one that leaves the conflict standing, does not suppress', () => {
    const full = report([venueConflict()]);
    const other: Suppression = { article: 'bne-intellinews-a', path: 'corpus/bne.md', line: 3, column: 1, facts: ['duration'] };
    expect(check({ report: full, effective: full, suppressions: [other] }).findings[0]).toMatchObject({ suppressed: false, failing: true, suppressedBy: [] });
    const standing: Suppression = { ...other, article: 'atalayar-a', facts: ['*'] };
    expect(check({ report: full, effective: full, suppressions: [standing] }).findings[0]).toMatchObject({ suppressed: false, failing: true });
  });

  it('findingsOfComparison: the findings of compare, without baseline', () => {
    const c = findingsOfComparison(report([venueConflict(), duration()]), 'never');
    expect(c.baseline.path).toBeNull();
    expect(c.findings.map((f) => f.level)).toEqual(['warning', 'warning']);
  });
});

describe('baseline file', () => {
  it('round-trips, sorted and deterministic, one entry per fingerprint', () => {
    const entries = baselineEntries(check());
    const text = serializeBaseline([...entries].reverse().concat(entries));
    expect(text).toBe(serializeBaseline(entries));
    expect(text.endsWith('}\n')).toBe(true);
    const parsed = parseBaseline(text);
    expect(parsed.entries.map((e) => e.fact)).toEqual(['venue', 'duration']);
    expect(parsed.entries).toEqual(entries);
  });

  it.each([
    ['not JSON', '{', /not valid JSON/],
    ['wrong version', '{"schemaVersion":2,"entries":[]}', /schemaVersion/],
    ['bad fingerprint', '{"schemaVersion":1,"entries":[{"fingerprint":"abc"}]}', /fingerprint/],
    ['unknown fact', `{"schemaVersion":1,"entries":[{"fingerprint":"${'a'.repeat(64)}","event":null,"subject":null,"fact":"weather","status":"conflict","values":[]}]}`, /fact/],
    ['bad values', `{"schemaVersion":1,"entries":[{"fingerprint":"${'a'.repeat(64)}","event":null,"subject":null,"fact":"venue","status":"conflict","values":[{"label":1}]}]}`, /values\[0\]/],
  ])('rejects %s', (_name, text, message) => {
    expect(() => parseBaseline(text)).toThrow(BaselineError);
    expect(() => parseBaseline(text)).toThrow(message);
  });
});
