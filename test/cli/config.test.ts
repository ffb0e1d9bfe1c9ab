/** The configuration file (issue 14, point 8): found upward, validated by its schema, flags win. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { schemaProblems } from '../../src/cli/config.js';
import { ROOT, cli } from '../helpers.js';
import { SCHEMA_DIR, schemaErrors } from '../report/validate.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'it-config-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A project: the bundled articles under articles/, a config, and a nested folder to run from. */
function project(name: string, files: Record<string, unknown>): { root: string; deep: string } {
  const root = path.join(tmp, name);
  fs.cpSync(path.join(ROOT, 'corpus'), path.join(root, 'articles'), { recursive: true });
  for (const [file, content] of Object.entries(files)) fs.writeFileSync(path.join(root, file), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  const deep = path.join(root, 'docs', 'notes');
  fs.mkdirSync(deep, { recursive: true });
  return { root, deep };
}

describe('configuration file', () => {
  it('istanbul-talks.config.json is found from the working directory upward; its paths are its own', () => {
    const { deep } = project('upward', { 'istanbul-talks.config.json': { corpus: 'articles', failOn: 'compatible' } });
    const r = cli(['check'], { cwd: deep });
    // Two compatible disagreements in the sample: failOn compatible fails the run.
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('../../articles/');
    // Flags win.
    expect(cli(['check', '--fail-on', 'conflict'], { cwd: deep }).status).toBe(0);
    expect(cli(['compare'], { cwd: deep }).stdout).toContain('5 articles · 5 outlets · 3 meetings · 39 facts');
  });

  it('or the "istanbul-talks" key of package.json: tolerance and baseline too', () => {
    const { root } = project('pkg', { 'package.json': { name: 'x', 'istanbul-talks': { corpus: 'figures', tolerance: 0.5, baseline: 'reviewed.json' } } });
    fs.mkdirSync(path.join(root, 'figures'));
    const say = (outlet: string, n: string) => `---\noutlet: ${outlet}\npublished: 2025-05-16\n---\nRussia and Ukraine met in Istanbul on 16 May 2025. The two sides agreed to exchange ${n} prisoners each.\n`;
    fs.writeFileSync(path.join(root, 'figures', 'a.md'), say('Alpha', '1,000'));
    fs.writeFileSync(path.join(root, 'figures', 'b.md'), say('Beta', '1,500'));
    const summary = (args: string[]) => JSON.parse(cli(['compare', '--format', 'json', ...args], { cwd: root }).stdout).summary;
    // 1,000 against 1,500: a conflict at the default tolerance (0.1), compatible at the configured 0.5; the flag wins.
    expect(summary([])).toMatchObject({ compatible: 1, conflict: 0 });
    expect(summary(['--tolerance', '0.1'])).toMatchObject({ compatible: 0, conflict: 1 });
    expect(cli(['check', '--update-baseline'], { cwd: root }).status).toBe(0);
    expect(fs.existsSync(path.join(root, 'reviewed.json'))).toBe(true);
    expect(fs.existsSync(path.join(root, '.istanbul-talks-baseline.json'))).toBe(false);
  });

  it('a package.json without the key is passed over, and the search goes on upward', () => {
    const { root } = project('nested', { 'istanbul-talks.config.json': { corpus: 'articles' } });
    const sub = path.join(root, 'sub');
    fs.mkdirSync(sub);
    fs.writeFileSync(path.join(sub, 'package.json'), '{"name":"sub"}');
    expect(cli(['compare'], { cwd: sub }).stdout).toContain('39 facts');
  });

  it.each([
    [{ corpus: 3 }, 'corpus must be a string, not 3'],
    [{ tolerance: 1 }, 'tolerance must be below 1, not 1'],
    [{ failOn: 'warning' }, 'failOn must be one of "conflict", "compatible", "never", not "warning"'],
    [{ gazetteer: 'a.json' }, 'gazetteer must be an array, not "a.json"'],
    [{ gazeteer: ['a.json'] }, 'unknown key "gazeteer" (keys: corpus, gazetteer, calendar, tolerance, failOn, baseline)'],
  ])('%j is refused, naming the file (exit 2)', (config, message) => {
    const { root } = project(`bad-${Object.keys(config)[0]}-${String(Object.values(config)[0])}`, { 'istanbul-talks.config.json': config });
    const r = cli(['compare'], { cwd: root });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`istanbul-talks: config ${path.join(root, 'istanbul-talks.config.json')}: ${message} (see schema/config.schema.json)\n`);
  });

  it('broken JSON is refused with its file and line', () => {
    const { root } = project('broken', { 'istanbul-talks.config.json': '{\n  "corpus": "articles",\n  oops\n}\n' });
    const r = cli(['compare'], { cwd: root });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^istanbul-talks: config ${path.join(root, 'istanbul-talks.config.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: invalid JSON`));
  });

  it('the gazetteer and calendar files it lists are read (a broken one is named)', () => {
    const { root } = project('lists', { 'istanbul-talks.config.json': { corpus: 'articles', calendar: ['meetings.json'] }, 'meetings.json': '{"meetings":[{"id":"2025-05"}]}' });
    const r = cli(['compare'], { cwd: root });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`istanbul-talks: ${path.join(root, 'meetings.json')}:1: meeting #1 "2025-05": "id" must be the day of the meeting, YYYY-MM-DD\n`);
    // A flag wins over the key: the broken file is not read.
    const good = path.join(root, 'good.json');
    fs.writeFileSync(good, '{"meetings":[]}');
    expect(cli(['compare', '--calendar', good], { cwd: root }).status).toBe(0);
    fs.writeFileSync(path.join(root, 'meetings.json'), '{"meetings":[{"id":"2025-08-01","name":"A later round"}]}');
    expect(cli(['compare'], { cwd: root }).status).toBe(0);
    fs.writeFileSync(path.join(root, 'istanbul-talks.config.json'), JSON.stringify({ corpus: 'articles', gazetteer: ['gaz.json'] }));
    fs.writeFileSync(path.join(root, 'gaz.json'), '[{"id":"x"}]');
    expect(cli(['compare'], { cwd: root }).stderr).toContain(`gazetteer ${path.join(root, 'gaz.json')}:1:`);
  });

  it('--from-facts is not confused by the configured corpus', () => {
    const { root } = project('facts', { 'istanbul-talks.config.json': { corpus: 'articles' } });
    fs.writeFileSync(path.join(root, 'facts.ndjson'), cli(['extract', '--format', 'ndjson'], { cwd: root }).stdout);
    const r = cli(['check', '--from-facts', 'facts.ndjson'], { cwd: root });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('the configuration schema', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, 'config.schema.json'), 'utf8'));
  it.each([
    {},
    { corpus: 'articles', gazetteer: ['a.json', 'b.json'], calendar: ['m.json'], tolerance: 0.25, failOn: 'never', baseline: 'b.json' },
    { $schema: './node_modules/istanbul-talks/schema/config.schema.json', tolerance: 0 },
    { tolerance: -0.1 },
    { tolerance: '0.1' },
    { corpus: '' },
    { gazetteer: [1] },
    { gazetteer: [''] },
    { failOn: 'sometimes' },
    { extra: true },
    [],
    'corpus',
    null,
  ])('the validator and ajv agree on %j', (config) => {
    expect(schemaProblems(schema, config).length === 0).toBe(schemaErrors('config', config).length === 0);
  });
});
