/**
 * The published package (issue 14, point 9): `npm pack`, installed from the tarball into a
 * temporary project with npm offline, then run from another directory as the README says. Nothing
 * may reach the network: npm's cache after `npm ci` holds the dependencies' tarballs but not the
 * registry's metadata that installing them by version needs, so each runtime dependency is packed
 * from node_modules (the same version, from the lockfile) and installed beside the tarball.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'it-package-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const npm = (args: string[], cwd: string) => {
  const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  const r = spawnSync('npm', args, { cwd, env, encoding: 'utf8', timeout: 240_000 });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  main?: string;
  types?: string;
  files: string[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

let files: string[] = [];
let prefix = '';
let bin = '';
const work = path.join(tmp, 'elsewhere');

beforeAll(() => {
  // The build is there already (npm test builds first): pack without running prepare again.
  const packed = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], ROOT)) as Array<{ filename: string; files: Array<{ path: string }> }>;
  const tarball = path.join(tmp, (packed[0] as { filename: string }).filename);
  files = (packed[0] as { files: Array<{ path: string }> }).files.map((f) => f.path).sort();
  const deps = Object.keys(pkg.dependencies).map((name) => {
    const out = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', tmp, path.join(ROOT, 'node_modules', name)], ROOT)) as Array<{ filename: string }>;
    return path.join(tmp, (out[0] as { filename: string }).filename);
  });
  prefix = path.join(tmp, 'prefix');
  fs.mkdirSync(prefix);
  fs.writeFileSync(path.join(prefix, 'package.json'), '{"name":"prefix","private":true}\n');
  npm(['install', '--offline', ...deps, tarball], prefix);
  bin = path.join(prefix, 'node_modules', '.bin');
  fs.mkdirSync(work);
  fs.cpSync(path.join(ROOT, 'corpus'), path.join(work, 'articles'), { recursive: true });
}, 300_000);

function run(command: string) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', COLUMNS: undefined, PATH: `${bin}${path.delimiter}${process.env.PATH}` };
  delete env.COLUMNS;
  const r = spawnSync('bash', ['-c', `set -o pipefail; ${command}`], { cwd: work, env: env as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the package', () => {
  it('points at files that exist, or at none', () => {
    for (const entry of [pkg.main, pkg.types]) if (entry !== undefined) expect(files).toContain(entry);
  });

  it('ships the bundle, the data, the schemas and a LICENSE; not the unbundled build, the eval code or the sources', () => {
    for (const f of ['LICENSE', 'README.md', 'bin/istanbul-talks.js', 'dist/bundle/cli.js', 'dist/bundle/run-worker.js', 'dist/bundle/gray-matter.cjs', 'knowledge/gazetteer.json', 'schema/config.schema.json', 'schema/compare.schema.json']) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => f.startsWith('dist/') && !f.startsWith('dist/bundle/'))).toEqual([]);
    expect(files.filter((f) => /(?:^|\/)eval(?:\/|\.)/.test(f) || f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
  });

  it('installs as runtime dependencies only what the bundle does not hold', () => {
    const bundle = fs.readdirSync(path.join(ROOT, 'dist/bundle')).map((f) => fs.readFileSync(path.join(ROOT, 'dist/bundle', f), 'utf8')).join('\n');
    for (const name of Object.keys(pkg.dependencies)) expect(bundle, name).toContain(`createRequire(import.meta.url)("${name}")`);
    // Bundled packages are build-time ones.
    for (const name of ['chalk', 'chrono-node', 'commander', 'diff', 'string-width', 'gray-matter']) expect(pkg.devDependencies, name).toHaveProperty(name);
    const installed = fs.readdirSync(path.join(prefix, 'node_modules')).filter((d) => !d.startsWith('.') && d !== 'istanbul-talks');
    expect(installed.sort()).toEqual(Object.keys(pkg.dependencies).sort());
  });

  it('runs compare from another directory, saying it reads the bundled sample', () => {
    const r = run('istanbul-talks compare');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^istanbul-talks: no \.\/corpus here and no --corpus: reading the bundled sample corpus \(.*prefix\/node_modules\/istanbul-talks\/corpus\)\n$/);
    expect(r.stdout).toContain('5 articles · 5 outlets · 3 meetings · 39 facts');
  });

  it('runs check --corpus, and refuses check without one', () => {
    const r = run('istanbul-talks check --corpus articles');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('2 disagreements: 0 failing');
    expect(run('istanbul-talks check').status).toBe(2);
  });

  it('feeds a jq pipeline (a small node reader where jq is not installed)', () => {
    const hasJq = spawnSync('jq', ['--version']).status === 0;
    const reader = hasJq ? `jq -r '.summary | "\\(.facts) facts, \\(.conflict) conflict"'` : `node -e "let s='';process.stdin.on('data',(c)=>s+=c).on('end',()=>{const x=JSON.parse(s).summary;console.log(x.facts+' facts, '+x.conflict+' conflict')})"`;
    const r = run(`istanbul-talks compare --corpus articles --format json | ${reader}`);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('39 facts, 0 conflict\n');
    const piped = run('istanbul-talks extract --corpus articles --format ndjson | istanbul-talks compare --from-facts - --format json | ' + (hasJq ? 'jq .summary.facts' : 'node -e "let s=\'\';process.stdin.on(\'data\',(c)=>s+=c).on(\'end\',()=>console.log(JSON.parse(s).summary.facts))"'));
    expect(piped.stdout).toBe('39\n');
  });
});
