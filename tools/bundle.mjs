/**
 * Bundles the compiled program (dist/, from tsc) into dist/bundle/: one module for the command line
 * and its dependencies, one for the worker thread, and a chunk per command and output format,
 * still loaded only when used. Node's module loader costs about a millisecond per file, and a run
 * would otherwise load some two hundred (chrono-node, yaml, commander, cli-table3 and our own):
 * most of `compare`'s start-up on a small corpus. The bundle sits at the same depth as the other
 * dist/ folders, so the paths each module finds its data by (../../knowledge, ../../package.json)
 * stay right.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// Chunk names carry a hash of their content: clear the last build's.
rmSync('dist/bundle', { recursive: true, force: true });
await build({
  entryPoints: { cli: 'dist/cli/main.js', 'run-worker': 'dist/run-worker.js' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies written as CommonJS require Node's modules; an ES module has no `require` of its own.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});

// gray-matter, the front-matter reader, as one CommonJS file that the loader requires on first use
// (src/corpus/front-matter.ts): synchronous, and one file instead of some forty. Its built-in
// engines are replaced by ones that refuse (tools/gray-matter-engines.cjs): every call passes its
// own, so js-yaml and the eval of `---js` blocks are left out.
const engines = fileURLToPath(new URL('./gray-matter-engines.cjs', import.meta.url));
await build({
  entryPoints: ['gray-matter'],
  outfile: 'dist/bundle/gray-matter.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  plugins: [
    {
      name: 'gray-matter-engines',
      setup(b) {
        b.onResolve({ filter: /(?:^|\/)engines$/ }, (args) =>
          args.importer.includes(`${path.sep}gray-matter${path.sep}`) ? { path: engines } : undefined,
        );
      },
    },
  ],
});
