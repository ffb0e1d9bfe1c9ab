#!/usr/bin/env node
// Entry point: the compiled program lives in dist/ (built by `npm ci` / `npm run build`).
import('../dist/cli/main.js').then(
  async ({ main }) => {
    process.exitCode = await main(process.argv);
  },
  (error) => {
    if (error && error.code === 'ERR_MODULE_NOT_FOUND') {
      process.stderr.write('istanbul-talks: not built yet — run `npm run build` (or `npm ci`) first\n');
    } else {
      process.stderr.write(`istanbul-talks: ${error && error.message ? error.message : error}\n`);
    }
    process.exitCode = 2;
  },
);
