import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as Sarif from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers.js';
import { schemaErrors } from '../report/validate.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'it-formats-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const BUNDLED = path.join(ROOT, 'corpus');

// An outlet name written to break out of a workflow command: property separators, a second
// command after CR/LF, and a percent escape that would decode to a newline.
const HOSTILE = 'Evil, Inc.: 100%0A\\r\\n::error file=x.md,line=1::pwned';

function hostileCorpus(): string {
  const dir = path.join(tmp, 'hostile');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'a.md'), '---\noutlet: Alpha\npublished: 2025-05-16\n---\nThe talks were held on Friday at the Dolmabahce Palace.\n');
  fs.writeFileSync(path.join(dir, 'evil,name:x.md'), `---\noutlet: "${HOSTILE}"\npublished: 2025-05-16\n---\nThe talks were held on Friday at the Ciragan Palace.\n`);
  return dir;
}

describe('--format github', () => {
  it('escapes a hostile outlet name and file name: no forged property, no second command', () => {
    const dir = hostileCorpus();
    const r = cli(['compare', '--corpus', dir, '--format', 'github', '--fail-on', 'conflict'], { cwd: tmp, env: { GITHUB_STEP_SUMMARY: undefined } });
    expect(r.status).toBe(1);
    const commands = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(commands).toHaveLength(2); // one per article behind the venue conflict
    const evil = commands.find((l) => l.includes('hostile/evil')) as string;
    expect(evil).toBeDefined();
    const [, command, props, message] = /^::(\w+) ([^:]*)::(.*)$/.exec(evil) ?? [];
    expect(command).toBe('error');
    // Exactly the four properties we wrote: `,` and `:` inside values are %2C and %3A.
    expect(props?.split(',').map((p) => p.split('=')[0])).toEqual(['file', 'line', 'col', 'title']);
    expect(props).toContain('file=hostile/evil%2Cname%3Ax.md,line=5,col=38,');
    // The YAML "\r\n" arrives as CR LF: sanitised to one space; the literal "%0A" is %250A.
    expect(props).toContain('title=conflict%3A venue at meeting 2025-05-16 — Evil%2C Inc.%3A 100%250A %3A%3Aerror file=x.md%2Cline=1%3A%3Apwned');
    expect(message).toMatch(/^Evil, Inc.: 100%250A ::error file=x.md,line=1::pwned says Çırağan Palace: “Ciragan Palace”%0A/);
    expect(r.stdout).not.toMatch(/^::error file=x\.md/m);
  });

  it('appends a Markdown summary to GITHUB_STEP_SUMMARY (compare and check)', () => {
    const summary = path.join(tmp, 'step-summary.md');
    fs.writeFileSync(summary, 'earlier step\n');
    const c = cli(['check', '--corpus', BUNDLED, '--format', 'github'], { cwd: tmp, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(c.status).toBe(0);
    expect(c.stdout).toMatch(/^::warning file=corpus\/|^::warning file=.*\.md/m);
    cli(['compare', '--corpus', BUNDLED, '--format', 'github'], { cwd: tmp, env: { GITHUB_STEP_SUMMARY: summary } });
    const text = fs.readFileSync(summary, 'utf8');
    expect(text.startsWith('earlier step\n## istanbul-talks check\n')).toBe(true);
    expect(text).toContain('**✅ No new disagreements beyond the baseline**');
    expect(text).toContain('## istanbul-talks compare');
    expect(text).toContain('| venue | agree | Dolmabahçe Palace | Atalayar, Financial Times | North Press Agency, Radar Africa |');
    // Other formats leave the summary alone.
    cli(['check', '--corpus', BUNDLED, '--format', 'json'], { cwd: tmp, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(fs.readFileSync(summary, 'utf8')).toBe(text);
  });
});

describe('other formats', () => {
  it('compare --format markdown: tables per meeting, hostile text made inert', () => {
    const r = cli(['compare', '--corpus', BUNDLED, '--format', 'markdown'], { cwd: tmp });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('### Meeting 2025-05-16 · 4 articles · 5 outlets');
    expect(r.stdout).toContain('| Fact | Status | Value | Outlets | Silent |');
    expect(r.stdout).toContain('- venue: Dolmabahçe Palace at 2025-05-16 (Atalayar, Financial Times) vs Çırağan Palace at 2025-06-02 (bne IntelliNews) — different meetings');
    const evil = cli(['compare', '--corpus', hostileCorpus(), '--format', 'markdown'], { cwd: tmp }).stdout;
    expect(evil).toContain('Evil, Inc.: 100%0A ::error file=x.md,line=1::pwned');
    expect(evil.split('\n').filter((l) => l.startsWith('|')).every((l) => l.split(/(?<!\\)\|/).length === 7)).toBe(true);
  });

  it('compare and check --format sarif: SARIF 2.1.0 with partialFingerprints', () => {
    const compare = JSON.parse(cli(['compare', '--corpus', BUNDLED, '--format', 'sarif', '--merge-events', '--fail-on', 'conflict'], { cwd: tmp }).stdout) as Sarif.Log;
    const check = JSON.parse(cli(['check', '--corpus', BUNDLED, '--format', 'sarif', '--merge-events'], { cwd: tmp }).stdout) as Sarif.Log;
    for (const log of [compare, check]) {
      expect(log.version).toBe('2.1.0');
      const results = log.runs[0]!.results!;
      expect(results.map((x) => x.level).sort()).toEqual(['error', 'error', 'error', 'warning', 'warning']);
      for (const x of results) expect(x.partialFingerprints!['disagreement/v1']).toMatch(/^[0-9a-f]{64}$/);
    }
    const checkJson = JSON.parse(cli(['check', '--corpus', BUNDLED, '--format', 'json', '--merge-events'], { cwd: tmp }).stdout);
    expect(check.runs[0]!.results!.map((x) => x.partialFingerprints!['disagreement/v1'])).toEqual(checkJson.findings.map((f: { fingerprint: string }) => f.fingerprint));
    expect(check.runs[0]!.tool.driver.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('extract --format markdown and table; --output writes the same bytes as stdout', () => {
    const md = cli(['extract', '--corpus', BUNDLED, '--format', 'markdown'], { cwd: tmp });
    expect(md.stdout).toContain('| Article | Meeting | Fact | Value | Quote | Where |');
    expect(md.stdout).toMatch(/\| ft-2025-05-16 \| 2025-05-16 \| venue \| Dolmabahçe Palace \| “Dolmabahçe Palace” \| 17:77 \|/);
    const out = path.join(tmp, 'facts.json');
    const r = cli(['extract', '--corpus', BUNDLED, '--output', out], { cwd: tmp });
    expect(r.stdout).toBe('');
    const doc = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(schemaErrors('extract', doc)).toEqual([]);
    expect(fs.readFileSync(out, 'utf8')).toBe(cli(['extract', '--corpus', BUNDLED], { cwd: tmp }).stdout);
    expect(fs.readdirSync(tmp).filter((f) => f.startsWith('.istanbul-talks-tmp-'))).toEqual([]);
  });

  it('--format help lists the registry; unknown formats are usage errors', () => {
    expect(cli(['compare', '--help']).stdout.replace(/\s+/g, ' ')).toMatch(/table \(tables for a terminal\), json .*markdown .*github .*sarif/s);
    expect(cli(['check', '--help']).stdout).toContain('--update-baseline');
    for (const args of [['extract', '--format', 'sarif'], ['check', '--format', 'xml'], ['compare', '--format', 'stylish']]) {
      const r = cli(args, { cwd: tmp });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('Allowed choices are');
    }
  });
});
