/**
 * Issue 13, point 9: `--from-facts` records come from files anyone can write. Each is held to the
 * shipped schema before use — so a diagnostic code `constructor` or `__proto__` (once an empty
 * SARIF shortDescription), a path `//evil.example/w` (once a URI to another host), a line 1e+300
 * (once a SARIF startLine no reader takes) never reach a report — and Markdown escapes `$…$`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { EVIDENCE_FIELDS, parseFactsNdjson, RECORD_FIELDS } from '../../src/report/facts-input.js';
import { escapeMarkdown } from '../../src/report/markdown.js';
import { pathUri } from '../../src/report/sarif.js';
import { cli } from '../helpers.js';
import { SCHEMA_DIR, schemaErrors } from '../report/validate.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'it-from-facts-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const ARTICLE = { type: 'article', id: 'a', path: 'corpus/a.md', outlet: 'Wire', published: '2025-05-16', title: 'T', url: null, event: '2025-05-16', eventSource: 'stated' };
const FACT = { type: 'fact', article: 'a', outlet: 'Wire', event: '2025-05-16', fact: 'venue', subject: null, value: 'dolmabahce-palace', label: 'Dolmabahçe Palace', evidence: { quote: 'Dolmabahce Palace', start: 10, end: 27, line: 5, column: 3 } };
const DIAGNOSTIC = { type: 'diagnostic', severity: 'error', path: 'corpus/b.md', line: 1, column: 1, code: 'FIELD_UNKNOWN', message: 'm' };
const lines = (...records: unknown[]) => `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
const problems = (text: string) => parseFactsNdjson({ name: 'f.ndjson', text }).problems.map((p) => `${p.line} ${p.code} ${p.message}`);

describe('records the schema refuses are refused', () => {
  it('the readers know the fields the schema has, no more, no fewer', () => {
    const defs = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, 'common.schema.json'), 'utf8')).$defs;
    const fields = (def: string) => ['type', ...Object.keys(defs[def].properties)].sort();
    for (const type of ['article', 'fact', 'diagnostic', 'suppression']) expect([...(RECORD_FIELDS[type] ?? [])].sort(), type).toEqual(fields(`${type}Fields`));
    expect([...EVIDENCE_FIELDS].sort()).toEqual(Object.keys(defs.evidence.properties).sort());
  });

  it.each([
    ['code constructor', { ...DIAGNOSTIC, code: 'constructor' }],
    ['code __proto__', { ...DIAGNOSTIC, code: '__proto__' }],
    ['a path to another host', { ...DIAGNOSTIC, path: '//evil.example/w' }],
    ['an article path to another host', { ...ARTICLE, id: 'b', path: '//evil.example/w' }],
    ['line 1e+300', { ...DIAGNOSTIC, line: 1e300 }],
    ['evidence line 1e+300', { ...FACT, evidence: { ...FACT.evidence, line: 1e300 } }],
    ['an unknown field', { ...FACT, extra: 1 }],
    ['an unknown field in evidence', { ...FACT, evidence: { ...FACT.evidence, href: 'x' } }],
    ['an unknown field in a value', { ...FACT, fact: 'duration', value: { minutes: 1, qualifier: 'exact', x: 1 } }],
  ])('%s', (_name, record) => {
    expect(schemaErrors('extract-record', record)).not.toEqual([]);
    expect(problems(lines(ARTICLE, record))).toEqual([expect.stringMatching(/^2 FACTS_RECORD /)]);
  });

  it('what the reader accepts, the schema accepts (records mutated at random)', () => {
    const base: Array<Record<string, unknown>> = [ARTICLE, FACT, DIAGNOSTIC, { type: 'suppression', article: 'a', path: 'corpus/a.md', line: 3, column: 1, facts: ['venue'] }];
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null), fc.constant('//x/y'), fc.constant('constructor'), fc.constant(1e300), fc.array(fc.string(), { maxLength: 2 }));
    const mutation = fc.integer({ min: 0, max: 3 }).chain((which) => {
      const record = base[which] as Record<string, unknown>;
      const fields = Object.keys(record).filter((k) => k !== 'type');
      const inner = which === 1 ? Object.keys(FACT.evidence).map((k) => `evidence.${k}`) : [];
      return fc.tuple(fc.constant(which), fc.constantFrom(...fields, ...inner, 'extra', 'evidence.extra'), leaf);
    });
    let accepted = 0;
    fc.assert(
      fc.property(mutation, ([which, field, value]) => {
        const record = structuredClone(base[which]) as Record<string, unknown>;
        const [head, tail] = field.split('.');
        if (tail === undefined) record[head as string] = value;
        else if (which === 1) (record.evidence as Record<string, unknown>)[tail] = value;
        const text = which === 0 ? lines(record) : lines(ARTICLE, record);
        if (problems(text).length > 0) return;
        accepted++;
        // As the file holds it (JSON writes -Infinity as null).
        expect(schemaErrors('extract-record', JSON.parse(JSON.stringify(record)))).toEqual([]);
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(100);
  });
});

describe('reports from such records', () => {
  it('check --format sarif: every rule has a description, every URI stays on this host', () => {
    const file = path.join(tmp, 'f.ndjson');
    fs.writeFileSync(file, lines(ARTICLE, FACT, { ...DIAGNOSTIC, code: 'constructor' }, { ...DIAGNOSTIC, path: '//evil.example/w' }, { ...DIAGNOSTIC, line: 1e300 }, { ...DIAGNOSTIC, code: 'GOOD_CODE' }));
    const r = cli(['check', '--from-facts', file, '--format', 'sarif']);
    const sarif = JSON.parse(r.stdout);
    const rules = sarif.runs[0].tool.driver.rules as Array<{ id: string; shortDescription: { text: string } }>;
    expect(rules.map((x) => x.id)).not.toContain('constructor');
    for (const rule of rules) expect(rule.shortDescription.text.length).toBeGreaterThan(0);
    expect(r.stdout).not.toContain('evil.example');
    expect(r.stdout).not.toMatch(/e\+300/);
    expect(r.stderr).toMatch(/f\.ndjson:3:1: error .*\[FACTS_RECORD\]/);
  });

  it('pathUri never makes a network-path reference', () => {
    expect(pathUri('//evil.example/w')).toBe('/evil.example/w');
    expect(pathUri('corpus//a b.md')).toBe('corpus/a%20b.md');
    expect(pathUri('/abs/corpus/a.md')).toBe('/abs/corpus/a.md');
  });

  it('Markdown: $…$ (mathematics on GitHub) is escaped', () => {
    expect(escapeMarkdown('$\\begin{x}$ costs $5')).toBe('\\$\\\\begin{x}\\$ costs \\$5');
  });
});
