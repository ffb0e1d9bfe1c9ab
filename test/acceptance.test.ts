/** Issue #2's acceptance criteria on the bundled corpus, through the public pipeline. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareRecords, type Comparison } from '../src/compare/compare.js';
import { extractCorpus } from '../src/run.js';
import { ROOT } from './helpers.js';

const result = extractCorpus(path.join(ROOT, 'corpus'));
const report = compareRecords(result.facts, result.articles, result.diagnostics, { tolerance: 0.1, mergeEvents: false });
const get = (event: string, fact: string, subject: string | null = null) =>
  report.comparisons.find((c) => c.event === event && c.fact === fact && c.subject === subject) as Comparison;
const byValue = (c: Comparison) => Object.fromEntries(c.values.map((v) => [JSON.stringify(v.value), v.outlets]));

describe('bundled corpus', () => {
  it('loads all five articles without diagnostics', () => {
    expect(result.articles).toHaveLength(5);
    expect(result.diagnostics).toEqual([]);
  });

  it('2025-05-16 venue: Dolmabahçe, agreed by Atalayar and the FT; North Press and Radar Africa silent', () => {
    const c = get('2025-05-16', 'venue');
    expect(c.status).toBe('agree');
    expect(byValue(c)).toEqual({ '"dolmabahce-palace"': ['Atalayar', 'Financial Times'] });
    expect(c.silent).toEqual(['North Press Agency', 'Radar Africa']);
  });

  it('2025-05-16 duration: compatible (two hours vs less than two hours)', () => {
    const c = get('2025-05-16', 'duration');
    expect(c.status).toBe('compatible');
    expect(byValue(c)).toEqual({
      '{"minutes":120,"qualifier":"exact"}': ['Financial Times', 'North Press Agency'],
      '{"minutes":120,"qualifier":"under"}': ['Atalayar', 'Radar Africa'],
    });
  });

  it('2025-05-16 prisoner exchange: 1,000 per side from Atalayar, FT and bne IntelliNews, agree', () => {
    const c = get('2025-05-16', 'prisoner-exchange');
    expect(c.status).toBe('agree');
    expect(c.values.map((v) => [v.value, v.outlets])).toEqual([[{ perSide: 1000, total: 2000, qualifier: 'exact' }, ['Atalayar', 'Financial Times', 'bne IntelliNews']]]);
  });

  it('2025-05-16 heads and chair', () => {
    expect(get('2025-05-16', 'delegation-head', 'russia').values.map((v) => v.value)).toEqual(['vladimir-medinsky']);
    expect(get('2025-05-16', 'delegation-head', 'ukraine').values.map((v) => v.value)).toEqual(['rustem-umerov']);
    expect(get('2025-05-16', 'chair').values.map((v) => v.value)).toEqual(['hakan-fidan']);
  });

  it('2025-06-02: Çırağan from bne IntelliNews; heads Umerov and Medinsky', () => {
    expect(byValue(get('2025-06-02', 'venue'))).toEqual({ '"ciragan-palace"': ['bne IntelliNews'] });
    expect(get('2025-06-02', 'delegation-head', 'russia').values.map((v) => v.value)).toEqual(['vladimir-medinsky']);
    expect(get('2025-06-02', 'delegation-head', 'ukraine').values.map((v) => v.value)).toEqual(['rustem-umerov']);
  });

  it('flags the venue across meetings, and as a conflict with --merge-events', () => {
    expect(report.crossEvent.find((x) => x.fact === 'venue')?.values.map((v) => [v.event, v.value])).toEqual([
      ['2025-05-16', 'dolmabahce-palace'],
      ['2025-06-02', 'ciragan-palace'],
    ]);
    const merged = compareRecords(result.facts, result.articles, [], { tolerance: 0.1, mergeEvents: true });
    expect(merged.comparisons.find((c) => c.fact === 'venue')?.status).toBe('conflict');
  });

  it('reports nothing the text does not state', () => {
    const radar = result.facts.filter((f) => f.article === 'radar-africa-2025-05-16');
    expect(radar.filter((f) => f.fact === 'venue' || f.fact === 'delegation-head')).toEqual([]);
    expect(result.facts.filter((f) => f.fact === 'prisoner-exchange').map((f) => f.evidence.quote)).not.toContain('1,000km');
  });
});
