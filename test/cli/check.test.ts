import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers.js';
import { schemaErrors } from '../report/validate.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'it-check-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const article = (outlet: string, published: string, body: string) => `---\noutlet: ${outlet}\npublished: ${published}\n---\n${body}\n`;

/** A project directory with corpus/ of the given articles; the check runs from there. */
function project(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(path.join(dir, 'corpus'), { recursive: true });
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, 'corpus', f)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'corpus', f), text);
  }
  return dir;
}

const ALPHA = article('Alpha', '2025-05-16', 'The talks were held on Friday at the Dolmabahce Palace.');
const BETA = article('Beta', '2025-05-16', 'The talks were held on Friday at the Dolmabahce Palace.');
const GAMMA = article('Gamma', '2025-05-16', 'The talks were held on Friday at the Ciragan Palace.');

const json = (dir: string, args: string[] = []) => {
  const r = cli(['check', '--format', 'json', ...args], { cwd: dir });
  const doc = JSON.parse(r.stdout);
  expect(schemaErrors('check', doc)).toEqual([]);
  return { ...r, doc };
};

describe('istanbul-talks check', () => {
  it('passes quietly on the bundled corpus: exit 0, a short report', () => {
    const r = cli(['check', '--corpus', path.join(ROOT, 'corpus')], { cwd: tmp });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('✔ 2 disagreements: 0 failing (fail on conflict)');
    expect(r.stdout.split('\n').length).toBeLessThan(10);
  });

  it('fails (exit 1) when a new article contradicts the rest, naming the disagreement', () => {
    const dir = project('new-conflict', { 'alpha.md': ALPHA, 'beta.md': BETA });
    expect(cli(['check'], { cwd: dir }).status).toBe(0);
    fs.writeFileSync(path.join(dir, 'corpus', 'gamma.md'), GAMMA);
    const r = cli(['check'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('✖ conflict venue at meeting 2025-05-16 [FACT_CONFLICT] new');
    expect(r.stdout).toContain('Çırağan Palace — Gamma');
    expect(r.stdout).toContain('corpus/gamma.md:5:38 “Ciragan Palace”');
    expect(r.stdout).toContain('✖ 1 disagreement: 1 failing (fail on conflict)');
  });

  it('baselines: updated, then known; unrelated edits keep them; new and stale ones are told apart', () => {
    const dir = project('baseline', { 'alpha.md': ALPHA, 'beta.md': BETA, 'gamma.md': GAMMA });
    const file = path.join(dir, '.istanbul-talks-baseline.json');
    // updated: written atomically, exit 0 although there is a conflict
    const up = cli(['check', '--update-baseline'], { cwd: dir });
    expect(up.status).toBe(0);
    expect(up.stderr).toContain('wrote 1 baseline entry to .istanbul-talks-baseline.json (1 added, 0 removed)');
    const written = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(schemaErrors('baseline', written)).toEqual([]);
    expect(written.entries.map((e: { fact: string; status: string }) => `${e.fact}:${e.status}`)).toEqual(['venue:conflict']);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.istanbul-talks-tmp-'))).toEqual([]);

    // known: the default baseline file is picked up
    const known = json(dir);
    expect(known.status).toBe(0);
    expect(known.doc.baseline).toEqual({ path: '.istanbul-talks-baseline.json', entries: 1 });
    expect(known.doc.findings.map((f: { baseline: string; failing: boolean }) => [f.baseline, f.failing])).toEqual([['known', false]]);

    // Unrelated text moves every quote to other lines: still known.
    for (const f of ['alpha.md', 'gamma.md']) {
      const p = path.join(dir, 'corpus', f);
      fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace('---\nThe talks', '---\nAn editor\'s note.\n\nMore context here.\n\nThe talks'));
    }
    expect(cli(['check'], { cwd: dir }).status).toBe(0);

    // new: one more outlet joins the disagreement → a different disagreement, failing; the old entry is stale
    fs.writeFileSync(path.join(dir, 'corpus', 'delta.md'), article('Delta', '2025-05-16', 'The talks were held on Friday at the Yildiz Palace.'));
    const changed = json(dir);
    expect(changed.status).toBe(1);
    expect(changed.doc.findings.map((f: { baseline: string }) => f.baseline)).toEqual(['new']);
    expect(changed.doc.stale.map((e: { fingerprint: string }) => e.fingerprint)).toEqual([written.entries[0].fingerprint]);
    const table = cli(['check'], { cwd: dir });
    expect(table.stdout).toContain('Stale baseline entries (run check --update-baseline to drop them):');
    expect(table.stdout).toContain('1 disagreement: 1 failing, 0 in baseline, 1 stale baseline entry');

    // stale only: the contradicting article is removed again
    fs.rmSync(path.join(dir, 'corpus', 'delta.md'));
    fs.rmSync(path.join(dir, 'corpus', 'gamma.md'));
    const stale = json(dir);
    expect(stale.status).toBe(0);
    expect(stale.doc.summary).toMatchObject({ findings: 0, stale: 1 });

    // updated again: the stale entry is dropped
    expect(cli(['check', '--update-baseline'], { cwd: dir }).stderr).toContain('wrote 0 baseline entries to .istanbul-talks-baseline.json (0 added, 1 removed)');
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).entries).toEqual([]);
  });

  it('an explicit --baseline must exist and be valid (exit 2); it is created by --update-baseline', () => {
    const dir = project('explicit', { 'alpha.md': ALPHA, 'gamma.md': GAMMA });
    const missing = cli(['check', '--baseline', 'ci/baseline.json'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('baseline ci/baseline.json: not found (create it with --update-baseline)');
    fs.mkdirSync(path.join(dir, 'ci'));
    expect(cli(['check', '--baseline', 'ci/baseline.json', '--update-baseline'], { cwd: dir }).status).toBe(0);
    expect(cli(['check', '--baseline', 'ci/baseline.json'], { cwd: dir }).status).toBe(0);
    fs.writeFileSync(path.join(dir, 'ci/baseline.json'), '{"schemaVersion":1,"entries":[{"fingerprint":"nope"}]}');
    const bad = cli(['check', '--baseline', 'ci/baseline.json'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('baseline ci/baseline.json: entries[0].fingerprint must be 64 lower-case hex digits');
  });

  it('--fail-on and --max-findings decide exit 1', () => {
    const dir = project('levels', { 'alpha.md': ALPHA, 'gamma.md': GAMMA });
    expect(cli(['check', '--fail-on', 'never'], { cwd: dir }).status).toBe(0);
    expect(cli(['check', '--fail-on', 'conflict'], { cwd: dir }).status).toBe(1);
    expect(cli(['check', '--max-findings', '1'], { cwd: dir }).status).toBe(0);
    expect(cli(['check', '--max-findings', '0'], { cwd: dir }).status).toBe(1);
    const bundled = ['check', '--corpus', path.join(ROOT, 'corpus')];
    expect(cli([...bundled, '--fail-on', 'compatible'], { cwd: tmp }).status).toBe(1);
    expect(cli([...bundled, '--fail-on', 'compatible', '--max-findings', '2'], { cwd: tmp }).status).toBe(0);
    for (const bad of [['--max-findings', '-1'], ['--max-findings', 'x'], ['--fail-on', 'warning'], ['--tolerance', '2']]) {
      expect(cli([...bundled, ...bad], { cwd: tmp }).status, bad.join(' ')).toBe(2);
    }
  });

  it('inline suppression keeps an article out of the failing set and shows it as suppressed', () => {
    const suppressed = GAMMA.replace('---\nThe', '---\n<!-- istanbul-talks-disable fact=venue -->\nThe');
    const dir = project('suppressed', { 'alpha.md': ALPHA, 'gamma.md': suppressed });
    const r = json(dir);
    expect(r.status).toBe(0);
    expect(r.doc.findings).toHaveLength(1);
    expect(r.doc.findings[0]).toMatchObject({ status: 'conflict', effectiveStatus: 'single-source', suppressed: true, failing: false, level: 'note' });
    expect(r.doc.findings[0].suppressedBy).toEqual([{ article: 'gamma', path: 'corpus/gamma.md', line: 5, column: 1 }]);
    expect(cli(['check'], { cwd: dir }).stdout).toContain('suppressed · venue at meeting 2025-05-16');
    // fact=* too; another fact does not help; a misspelt kind is a warning at the directive
    fs.writeFileSync(path.join(dir, 'corpus', 'gamma.md'), GAMMA.replace('---\nThe', '---\n<!-- istanbul-talks-disable fact=* -->\nThe'));
    expect(cli(['check'], { cwd: dir }).status).toBe(0);
    fs.writeFileSync(path.join(dir, 'corpus', 'gamma.md'), GAMMA.replace('---\nThe', '---\n<!-- istanbul-talks-disable fact=duration,venu -->\nThe'));
    const typo = cli(['check'], { cwd: dir });
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain('corpus/gamma.md:5:1: warning istanbul-talks-disable: "venu" is not a fact kind');
    // A suppression in the article that agrees does not hide the one that contradicts.
    fs.writeFileSync(path.join(dir, 'corpus', 'gamma.md'), GAMMA);
    fs.writeFileSync(path.join(dir, 'corpus', 'alpha.md'), ALPHA.replace('---\nThe', '---\n<!-- istanbul-talks-disable fact=venue -->\nThe'));
    fs.writeFileSync(path.join(dir, 'corpus', 'beta.md'), BETA);
    expect(cli(['check'], { cwd: dir }).status).toBe(1);
  });

  it('a broken article fails with exit 2 and file:line, and blocks --update-baseline', () => {
    const dir = project('broken', { 'alpha.md': ALPHA, 'gamma.md': GAMMA, 'bad.md': '---\noutlet: X\npublished: 2025-02-30\n---\nbody\n' });
    const r = cli(['check', '--fail-on', 'never'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('corpus/bad.md:3:1: error "published": 2025-02-30 is not a calendar date [FIELD_DATE]');
    const up = cli(['check', '--update-baseline'], { cwd: dir });
    expect(up.status).toBe(2);
    expect(up.stderr).toContain('not updating .istanbul-talks-baseline.json: the corpus has errors');
    expect(fs.existsSync(path.join(dir, '.istanbul-talks-baseline.json'))).toBe(false);
    // duplicate ids and bad encodings are validated too
    const dup = project('dup', { 'a.md': ALPHA, 'sub/a.md': BETA, 'utf16.md': '' });
    fs.writeFileSync(path.join(dup, 'corpus', 'utf16.md'), Buffer.from('\ufeff---\n', 'utf16le'));
    const d = cli(['check'], { cwd: dup });
    expect(d.status).toBe(2);
    expect(d.stderr).toContain('[DUPLICATE_ID]');
    expect(d.stderr).toContain('[FILE_UTF16]');
  });

  it('the exit code does not depend on the format or on where the output goes', () => {
    const dir = project('exit', { 'alpha.md': ALPHA, 'gamma.md': GAMMA });
    for (const format of ['table', 'json', 'ndjson', 'markdown', 'github', 'sarif']) {
      expect(cli(['check', '--format', format], { cwd: dir }).status, format).toBe(1);
      const out = path.join(dir, `out.${format}`);
      const r = cli(['check', '--format', format, '--output', out], { cwd: dir });
      expect(r.status, format).toBe(1);
      expect(r.stdout).toBe('');
      expect(fs.readFileSync(out, 'utf8')).toBe(cli(['check', '--format', format, '--no-color'], { cwd: dir }).stdout);
    }
    expect(cli(['check', '--output', path.join(dir, 'no/such/dir/x')], { cwd: dir }).status).toBe(2);
  });
});
