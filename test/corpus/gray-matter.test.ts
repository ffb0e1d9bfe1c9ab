/** gray-matter as the front-matter reader, behind the loader's guards (issue 14, point 10). */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { articleText } from '../../src/cli/add.js';
import { MAX_FRONT_MATTER, matterView, readFrontMatter } from '../../src/corpus/front-matter.js';
import { parseArticle } from '../../src/corpus/load.js';
import { ROOT } from '../helpers.js';

const require = createRequire(import.meta.url);
type Matter = { language: (...args: unknown[]) => unknown; stringify: (...args: unknown[]) => string };
const matter = require('gray-matter') as Matter;
const original = { language: matter.language, stringify: matter.stringify };
afterEach(() => Object.assign(matter, original));

/** Counts gray-matter's parses (each goes through matter.language) and stringifications. */
function spy(): { parses: number; stringifies: number } {
  const calls = { parses: 0, stringifies: 0 };
  matter.language = (...args) => (calls.parses++, original.language(...args));
  matter.stringify = (...args) => (calls.stringifies++, original.stringify(...args));
  return calls;
}

const FIELDS = 'outlet: Test Wire\npublished: 2025-05-16\n';

describe('gray-matter reads the front matter', () => {
  it('every article the loader reads goes through gray-matter, with positions kept', () => {
    const calls = spy();
    const raw = `---\n${FIELDS}title: "A: title"\n---\nBody.\n`;
    const r = parseArticle(raw, 'a', 'a.md');
    expect(calls.parses).toBe(1);
    expect(r.article).toMatchObject({ outlet: 'Test Wire', title: 'A: title' });
    const bad = parseArticle(`---\n${FIELDS}outlet: again\n---\n`, 'a', 'a.md');
    expect(bad.diagnostics).toEqual([expect.objectContaining({ code: 'FRONT_MATTER_YAML', line: 4 })]);
  });

  it('never sees a block the guards refuse: another language, or one over the cap', () => {
    const calls = spy();
    expect(readFrontMatter(`---js\n({ outlet: process.exit(9) })\n---\n`)).toMatchObject({ ok: false, problem: { code: 'FRONT_MATTER_LANGUAGE' } });
    expect(readFrontMatter(`---\n${'\n'.repeat(MAX_FRONT_MATTER + 1)}---\n`)).toMatchObject({ ok: false, problem: { code: 'FRONT_MATTER_TOO_LARGE' } });
    expect(calls.parses).toBe(0);
  });

  it('bypasses its content cache: each call gets its own data', () => {
    const raw = `---\n${FIELDS}---\nBody.\n`;
    const a = readFrontMatter(raw);
    const b = readFrontMatter(raw);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) {
      expect(a.data).not.toBe(b.data);
      (a.data as Record<string, string>).outlet = 'changed';
      expect((b.data as Record<string, string>).outlet).toBe('Test Wire');
    }
  });

  it('is given whitespace-only lines as comments, so its comment regex stays linear', () => {
    expect(matterView('---\na: 1\n\n  \t\n\r\nb: |\n  x\u2028y\n---\n')).toBe('---\na: 1\n#\n#\n#\r\nb: |\n  x y\n---\n');
    const raw = `---\n${FIELDS}${'\n'.repeat(MAX_FRONT_MATTER - 100)}---\nbody\n`;
    const t = performance.now();
    expect(readFrontMatter(raw).ok).toBe(true);
    // Linear: well under what the raw block costs gray-matter (bench/front-matter.ts).
    expect(performance.now() - t).toBeLessThan(1000);
  });

  it('add writes front matter through gray-matter', () => {
    const calls = spy();
    expect(articleText('Body.', { outlet: 'Outlet: "quoted"', published: '2025-05-16', title: 'T' })).toBe(
      '---\noutlet: \'Outlet: "quoted"\'\npublished: 2025-05-16\ntitle: T\n---\nBody.\n',
    );
    expect(calls.stringifies).toBe(1);
  });

  it('the bundle carries gray-matter without its engines: no js-yaml, no eval', () => {
    const bundled = fs.readFileSync(path.join(ROOT, 'dist/bundle/gray-matter.cjs'), 'utf8');
    expect(bundled).toContain('excerpt_separator');
    expect(bundled).not.toMatch(/\beval\(/);
    expect(bundled).not.toContain('safeLoad');
  });
});
