import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, ROOT } from '../helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'it-workflow-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const WORKFLOW = path.join(ROOT, 'examples/istanbul-talks-check.yml');

describe('the sample GitHub Actions workflow', () => {
  const text = fs.readFileSync(WORKFLOW, 'utf8');
  const workflow = parse(text) as { on: unknown; jobs: Record<string, { steps: { run?: string; uses?: string }[] }> };
  const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);

  it('is the one shown in docs/ci.md, which the README links to', () => {
    expect(fs.readFileSync(path.join(ROOT, 'docs/ci.md'), 'utf8')).toContain(`\`\`\`yaml\n${text}\`\`\``);
    expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain('`examples/istanbul-talks-check.yml`');
  });

  it('installs and runs check; its command passes on the bundled corpus with annotations and a job summary', () => {
    expect(steps.map((s) => s.run ?? s.uses)).toEqual(['actions/checkout@v4', 'actions/setup-node@v4', 'npm ci', 'node bin/istanbul-talks.js check --format github']);
    const run = steps.find((s) => s.run?.includes('istanbul-talks.js check'))?.run as string;
    const args = run.split(/\s+/).slice(2);
    const summary = path.join(tmp, 'summary.md');
    const r = cli(args, { cwd: ROOT, env: { GITHUB_STEP_SUMMARY: summary, CI: 'true' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^::warning file=corpus\/[a-z0-9-]+\.md,line=\d+,col=\d+,title=compatible%3A duration at meeting 2025-05-16/m);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('istanbul-talks: 2 disagreements: 0 failing');
    expect(fs.readFileSync(summary, 'utf8')).toContain('**✅ No new disagreements beyond the baseline**');
  });
});
