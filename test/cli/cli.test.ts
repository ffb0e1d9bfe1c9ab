import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, ROOT, cli } from '../helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'it-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function corpus(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), text);
  return dir;
}
const article = (outlet: string, published: string, body: string) => `---\noutlet: ${outlet}\npublished: ${published}\n---\n${body}\n`;

describe('istanbul-talks (spawned)', () => {
  it('prints its version quickly and exits 0', () => {
    const r = cli(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('compares the bundled corpus as a table, without colour when NO_COLOR is set', () => {
    const r = cli(['compare']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Meeting 2025-05-16 · 4 articles · 5 outlets');
    expect(r.stdout).toMatch(/│ venue\s+│ agree\s+│ Dolmabahçe Palace\s+│ Dolmabahçe Palace\s+│ — silent\s+│ — silent/);
    expect(r.stdout).toContain('venue: Dolmabahçe Palace at 2025-05-16 [Atalayar, Financial Times] vs Çırağan Palace at 2025-06-02 [bne IntelliNews] — different meetings');
    expect(r.stdout).not.toContain('\x1b[');
  });

  it('colours with FORCE_COLOR and not with --no-color', () => {
    expect(cli(['compare'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).toContain('\x1b[');
    expect(cli(['compare', '--no-color'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).not.toContain('\x1b[');
  });

  it('shows evidence with file:line:column', () => {
    const r = cli(['compare', '--evidence', '--fact', 'venue']);
    expect(r.stdout).toContain('Dolmabahçe Palace — Financial Times: “Dolmabahçe Palace” corpus/ft-2025-05-16.md:17:77');
  });

  it('gives the same bytes twice', () => {
    expect(cli(['compare', '--format', 'json']).stdout).toBe(cli(['compare', '--format', 'json']).stdout);
  });

  it('exits 1 on conflicts only when --fail-on asks', () => {
    expect(cli(['compare', '--merge-events']).status).toBe(0);
    const r = cli(['compare', '--merge-events', '--fail-on', 'conflict', '--format', 'json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).summary.conflict).toBeGreaterThan(0);
    expect(cli(['compare', '--fail-on', 'conflict']).status).toBe(0);
    expect(cli(['compare', '--fail-on', 'compatible']).status).toBe(1);
  });

  it('exits 2 on usage errors', () => {
    for (const args of [['compare', '--bogus'], ['compare', '--format', 'xml'], ['compare', '--fact', 'weather'], ['compare', '--tolerance', 'x'], ['nope'], []]) {
      const r = cli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.length, args.join(' ')).toBeGreaterThan(0);
    }
  });

  it('exits 2 for a missing corpus directory', () => {
    const r = cli(['compare', '--corpus', path.join(tmp, 'missing')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/corpus directory not found/);
  });

  it('reports a bad article on stderr with file and line, still compares the good ones, and exits 2', () => {
    const dir = corpus('mixed', {
      'a.md': article('Alpha', '2025-05-16', 'The talks were held on Friday at the Dolmabahce Palace.'),
      'b.md': article('Beta', '2025-05-16', 'The talks were held on Friday at the Ciragan Palace.'),
      'broken.md': '---\noutlet: Gamma\npublished: 2025-02-30\n---\nbody\n',
    });
    const r = cli(['compare', '--corpus', dir, '--format', 'json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('broken.md:3:1: error "published": 2025-02-30 is not a calendar date [FIELD_DATE]');
    const report = JSON.parse(r.stdout);
    expect(report.comparisons.find((c: { fact: string }) => c.fact === 'venue').status).toBe('conflict');
    expect(report.diagnostics.map((d: { code: string }) => d.code)).toEqual(['FIELD_DATE']);
  });

  it('never executes ---js front matter', () => {
    const canary = path.join(tmp, 'canary');
    const dir = corpus('js', { 'evil.md': `---js\nrequire('fs').writeFileSync(${JSON.stringify(canary)}, 'x')\n---\nbody\n` });
    const r = cli(['extract', '--corpus', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('[FRONT_MATTER_LANGUAGE]');
    expect(fs.existsSync(canary)).toBe(false);
  });

  it('extracts JSON and NDJSON with the SPEC fields', () => {
    const json = JSON.parse(cli(['extract', '--format', 'json']).stdout);
    expect(Object.keys(json)).toEqual(['schemaVersion', 'articles', 'facts', 'diagnostics']);
    expect(Object.keys(json.articles[0])).toEqual(['id', 'path', 'outlet', 'published', 'title', 'url', 'event', 'eventSource']);
    expect(Object.keys(json.facts[0])).toEqual(['article', 'outlet', 'event', 'fact', 'subject', 'value', 'label', 'evidence']);
    expect(Object.keys(json.facts[0].evidence)).toEqual(['quote', 'start', 'end', 'line', 'column']);
    const lines = cli(['extract', '--format', 'ndjson']).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.type === 'fact')).toHaveLength(json.facts.length);
    expect(lines.filter((l) => l.type === 'article')).toHaveLength(5);
  });

  it('lists sources with outlet, date, meeting, facts and diagnostics', () => {
    const r = cli(['sources']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/│ bne-intellinews-2025-06-02\s+│ bne IntelliNews\s+│ 2025-06-02\s+│ 2025-06-02\s+│ stated\s+│ \d+\s+│ 0/);
    const json = JSON.parse(cli(['sources', '--format', 'json']).stdout);
    expect(json.sources).toHaveLength(5);
  });

  it('uses ./corpus of the working directory by default', () => {
    const dir = path.join(tmp, 'project');
    corpus('project/corpus', { 'x.md': article('Local Wire', '2025-07-23', 'The talks were held on Wednesday at the Ciragan Palace.') });
    const r = cli(['sources', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).sources.map((s: { outlet: string }) => s.outlet)).toEqual(['Local Wire']);
  });
});

describe('explain and names (spawned)', () => {
  it('explains a fact with quotes, positions and a word diff', () => {
    const r = cli(['explain', 'duration', '--event', '2025-05-16']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('duration · 2025-05-16 · compatible');
    expect(r.stdout).toContain('Atalayar: “less than two hours” corpus/atalayar-2025-05-19.md:15:41');
    expect(r.stdout).toContain('Financial Times → Atalayar: [-just-]{+less than+} two hours');
    const json = JSON.parse(cli(['explain', 'duration', '--format', 'json']).stdout);
    expect(json.explanations[0].diffs[0].parts).toEqual([{ value: 'just', removed: true }, { value: 'less than', added: true }, { value: ' two hours' }]);
  });

  it('explains one subject only', () => {
    const json = JSON.parse(cli(['explain', 'delegation-head', '--subject', 'ukraine', '--format', 'json']).stdout);
    expect(json.explanations.map((e: { subject: string }) => e.subject)).toEqual(expect.arrayContaining(['ukraine']));
    expect(json.explanations.every((e: { subject: string }) => e.subject === 'ukraine')).toBe(true);
  });

  it('rejects an unknown fact with exit 2', () => {
    const r = cli(['explain', 'weather']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown fact "weather"');
  });

  it('shows house style per outlet', () => {
    const r = cli(['names']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Kyiv \(2 spellings\)[^\n]*Atalayar[^\n]*Kiev ×2, Kyiv ×1/);
    const json = JSON.parse(cli(['names', '--format', 'json']).stdout);
    const zel = json.names.find((n: { id: string }) => n.id === 'volodymyr-zelensky');
    expect(zel.spellings.map((s: { text: string }) => s.text).sort()).toEqual(['Volodimir Zelensky', 'Volodymyr Zelenskiy', 'Volodymyr Zelenskyy']);
  });
});

describe('mediator, ceasefire-proposal and territorial-demand (spawned)', () => {
  it('extracts them with their value encodings', () => {
    const json = JSON.parse(cli(['extract', '--fact', 'mediator,ceasefire-proposal,territorial-demand', '--format', 'json']).stdout);
    const pick = (fact: string) => json.facts.filter((f: { fact: string }) => f.fact === fact).map((f: { article: string; subject: string | null; value: unknown }) => [f.article, f.subject, f.value]);
    expect(pick('mediator')).toEqual([
      ['ft-2025-05-16', null, ['turkey', 'united-states']],
      ['north-press-2025-05-16', null, ['turkey']],
    ]);
    expect(pick('ceasefire-proposal')).toContainEqual(['bne-intellinews-2025-06-02', 'russia', { days: 2 }]);
    expect(pick('ceasefire-proposal')).toContainEqual(['bne-intellinews-2025-06-02', 'ukraine', { days: 30 }]);
    expect(pick('territorial-demand')).toContainEqual(['atalayar-2025-05-19', null, ['donetsk', 'kherson', 'luhansk', 'zaporizhzhia']]);
  });

  it('compares sets: equal agree, a subset is compatible', () => {
    const json = JSON.parse(cli(['compare', '--event', '2025-05-16', '--format', 'json']).stdout);
    const status = (fact: string) => json.comparisons.find((c: { fact: string }) => c.fact === fact).status;
    expect(status('territorial-demand')).toBe('agree');
    expect(status('mediator')).toBe('compatible');
  });
});

describe('a reader that goes away', () => {
  it('ends compare quietly when stdout is closed early', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" compare --format json --corpus test/fixtures/dev | head -c 10 > /dev/null; echo "\${PIPESTATUS[0]}"`], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.stdout.trim()).toBe('0');
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });
});
