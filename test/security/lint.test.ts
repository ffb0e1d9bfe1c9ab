/**
 * `npm run lint` (eslint-plugin-regexp's super-linear checks over src/) as part of `npm test`, one
 * case per file, so a new backtracking literal fails the build where it is written.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { sourceFiles } from './patterns.js';

/** Files with a flagged literal outside this suite's remit (see KNOWN_SUPERLINEAR in redos.test.ts). */
const KNOWN = new Set<string>([]);

const eslint = new ESLint({ cwd: ROOT });
const results = await eslint.lintFiles(['src']);
const byFile = new Map(results.map((r) => [path.relative(ROOT, r.filePath).split(path.sep).join('/'), r]));

describe('regexp lint', () => {
  it('lints every source file with the regexp rules', async () => {
    expect([...byFile.keys()].sort()).toEqual(sourceFiles().map((f) => path.relative(ROOT, f).split(path.sep).join('/')).sort());
    const config = (await eslint.calculateConfigForFile(path.join(ROOT, 'src/pipeline.ts'))) as { rules: Record<string, unknown> };
    expect(Object.keys(config.rules)).toEqual(expect.arrayContaining(['regexp/no-super-linear-backtracking', 'regexp/no-super-linear-move']));
  });

  for (const [file, result] of byFile) {
    (KNOWN.has(file) ? it.fails : it)(file, () => {
      expect(result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`)).toEqual([]);
    });
  }
});
