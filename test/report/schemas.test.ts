import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers.js';
import { ndjsonErrors, schemaErrors, SCHEMA_DIR } from './validate.js';

const DEV = path.join(ROOT, 'test/fixtures/dev');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'it-schemas-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function ok(args: string[]): string {
  const r = cli(args, { cwd: tmp });
  expect([0, 1], `${args.join(' ')}: ${r.stderr}`).toContain(r.status);
  return r.stdout;
}

describe('the shipped JSON Schemas', () => {
  it('are all listed in package.json "files"', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.files).toContain('schema/');
    expect(fs.readdirSync(SCHEMA_DIR).sort()).toEqual([
      'baseline.schema.json',
      'check-record.schema.json',
      'check.schema.json',
      'common.schema.json',
      'compare-record.schema.json',
      'compare.schema.json',
      'config.schema.json',
      'extract-record.schema.json',
      'extract.schema.json',
      'sources.schema.json',
    ]);
  });

  for (const corpus of [path.join(ROOT, 'corpus'), DEV]) {
    const name = path.basename(corpus);
    it(`validate extract JSON and NDJSON (${name})`, () => {
      expect(schemaErrors('extract', JSON.parse(ok(['extract', '--corpus', corpus])))).toEqual([]);
      expect(ndjsonErrors('extract-record', ok(['extract', '--corpus', corpus, '--format', 'ndjson']))).toEqual([]);
    });

    it(`validate compare JSON and NDJSON, plain and merged (${name})`, () => {
      for (const extra of [[], ['--merge-events'], ['--evidence', '--status', 'conflict']]) {
        expect(schemaErrors('compare', JSON.parse(ok(['compare', '--corpus', corpus, '--format', 'json', ...extra])))).toEqual([]);
        expect(ndjsonErrors('compare-record', ok(['compare', '--corpus', corpus, '--format', 'ndjson', ...extra]))).toEqual([]);
      }
    });

    it(`validate check JSON and NDJSON, and the baseline file (${name})`, () => {
      const baseline = path.join(tmp, `${name}-baseline.json`);
      expect(schemaErrors('check', JSON.parse(ok(['check', '--corpus', corpus, '--format', 'json', '--merge-events'])))).toEqual([]);
      ok(['check', '--corpus', corpus, '--update-baseline', '--baseline', baseline]);
      expect(schemaErrors('baseline', JSON.parse(fs.readFileSync(baseline, 'utf8')))).toEqual([]);
      // With the baseline, against a merged comparison: known, new and stale findings all appear.
      const json = JSON.parse(ok(['check', '--corpus', corpus, '--format', 'json', '--merge-events', '--baseline', baseline]));
      expect(json.stale.length).toBeGreaterThan(0);
      expect(schemaErrors('check', json)).toEqual([]);
      expect(ndjsonErrors('check-record', ok(['check', '--corpus', corpus, '--format', 'ndjson', '--merge-events', '--baseline', baseline]))).toEqual([]);
    });

    it(`validate sources JSON (${name})`, () => {
      expect(schemaErrors('sources', JSON.parse(ok(['sources', '--corpus', corpus, '--format', 'json'])))).toEqual([]);
    });
  }

  it('reject documents that break the contract', () => {
    const json = JSON.parse(ok(['extract', '--format', 'json']));
    const duration = json.facts.find((f: { fact: string }) => f.fact === 'duration');
    expect(schemaErrors('extract', json)).toEqual([]);
    duration.value.qualifier = 'roughly';
    expect(schemaErrors('extract', json).join('\n')).toMatch(/qualifier/);
    duration.value = 'two hours';
    expect(schemaErrors('extract', json)).not.toEqual([]);
    const venue = json.facts.find((f: { fact: string }) => f.fact === 'venue');
    venue.value = { minutes: 120, qualifier: 'exact' }; // a duration's encoding on a venue
    duration.value = { minutes: 120, qualifier: 'exact' };
    expect(schemaErrors('extract', json)).not.toEqual([]);
    venue.value = 'dolmabahce-palace';
    delete json.articles[0].outlet;
    expect(schemaErrors('extract', json).join('\n')).toMatch(/outlet/);
    json.articles[0].outlet = 'X';
    json.articles[0].extra = 1;
    expect(schemaErrors('extract', json)).not.toEqual([]);
    expect(schemaErrors('extract-record', { type: 'comparison', fact: 'venue' })).not.toEqual([]);
    expect(schemaErrors('compare', { schemaVersion: 2, events: [], comparisons: [], crossEvent: [], summary: {}, diagnostics: [] })).not.toEqual([]);
  });
});
