#!/usr/bin/env node
// Entry point: the compiled program lives in dist/bundle/ (built by `npm ci` / `npm run build`).
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // Answered before the program (commander and the rest) is even loaded: start-up is most of it.
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  // Regular expressions run interpreted for their first 100 executions before V8 compiles them to
  // machine code. Compiling chrono-node's and the extractors' largest patterns costs ~150 ms, which
  // a run over a handful of articles never earns back; a long run compiles them within a few
  // sentences.
  setFlagsFromString('--regexp-tier-up-ticks=100');
  // A reader that goes away (`… | head`) is not an error of ours: stop quietly, as other tools do.
  process.stdout.on('error', (error) => {
    if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  import('../dist/bundle/cli.js').then(
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
}
