import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUPPORT_FILES, EXTRACTORS } from '../src/extract/registry.js';
import { referenceDay } from '../src/pipeline.js';
import { extractCorpus } from '../src/run.js';
import { FACT_KINDS } from '../src/types.js';
import { ROOT } from './helpers.js';

describe('registry', () => {
  it('registers every fact-kind file in src/extract, under its file name', () => {
    const files = fs
      .readdirSync(path.join(ROOT, 'src/extract'))
      .map((f) => f.replace(/\.ts$/, ''))
      .filter((f) => !SUPPORT_FILES.includes(f))
      .sort();
    expect(EXTRACTORS.map((e) => e.id).sort()).toEqual(files);
    expect(EXTRACTORS.map((e) => e.id)).toEqual([...FACT_KINDS]);
  });
});

describe('evidence', () => {
  for (const dir of ['corpus', 'test/fixtures/dev']) {
    it(`points into the raw file for every record in ${dir}`, () => {
      const result = extractCorpus(path.join(ROOT, dir));
      expect(result.facts.length).toBeGreaterThan(20);
      const raws = new Map(result.articles.map((a) => [a.id, fs.readFileSync(path.join(ROOT, a.path), 'utf8')]));
      for (const f of result.facts) {
        const raw = raws.get(f.article) as string;
        expect(raw.slice(f.evidence.start, f.evidence.end)).toBe(f.evidence.quote);
        const before = raw.slice(0, f.evidence.start).split(/\r\n|\r|\n/);
        expect([f.evidence.line, f.evidence.column]).toEqual([before.length, (before[before.length - 1] as string).length + 1]);
      }
    });
  }

  it('keeps offsets right in CRLF and decomposed-Unicode files', () => {
    const dir = fs.mkdtempSync(path.join(ROOT, '.istanbul-talks-tmp-'));
    try {
      const text = '---\r\noutlet: X\r\npublished: 2025-06-02\r\n---\r\nThe talks were held on Monday.\r\nThe delegations met at the C\u0327\u0131rag\u0306an Palace.\r\n';
      fs.writeFileSync(path.join(dir, 'x.md'), text);
      const result = extractCorpus(dir);
      const venue = result.facts.find((f) => f.fact === 'venue');
      expect(venue?.evidence.quote).toBe('C\u0327\u0131rag\u0306an Palace');
      expect(venue?.value).toBe('ciragan-palace');
      expect(venue?.evidence.line).toBe(6);
      expect(text.slice(venue?.evidence.start, venue?.evidence.end)).toBe(venue?.evidence.quote);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('referenceDay', () => {
  it('takes the dateline day when it is close to the published date', () => {
    expect(referenceDay('2025-06-02', 'ISTANBUL, June 3 (Reuters) - The talks ended.')).toBe('2025-06-03');
    expect(referenceDay('2025-06-02', 'Istanbul, 3 June (AFP) - x')).toBe('2025-06-03');
    expect(referenceDay('2025-06-02', 'Kyiv, June 3 was a hot day.')).toBe('2025-06-02');
    expect(referenceDay('2025-06-02', 'KYIV, 3 June - x')).toBe('2025-06-03');
    expect(referenceDay('2025-06-02', 'ISTANBUL, December 3 - far away')).toBe('2025-06-02');
  });
});
