/**
 * gray-matter's worst case against the front-matter cap (`npm run bench:front-matter`).
 *
 * gray-matter strips YAML comments with `/^\s*#[^\n]+/gm` before it parses a block: on a line
 * that starts a run of whitespace without a `#`, `\s*` takes the whole run, then gives it back
 * one character at a time — quadratic in the run's length. The loader caps the block
 * (MAX_FRONT_MATTER, src/corpus/front-matter.ts) before gray-matter sees it; this prints, for
 * several block sizes, the median time gray-matter takes on the inputs that trigger that (blank
 * lines, lines of one space, tab + CRLF lines) and on ordinary front matter of the same size, and
 * then the time the loader's whole path (guards, gray-matter, YAML) takes on the worst block that
 * passes the cap. Figures, not a test: the machine decides them.
 *
 * Options: --runs N (default 5).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findRoot } from './generate.js';

type GrayMatter = (input: string, options: object) => { data: unknown };
type FrontMatterModule = typeof import('../dist/corpus/front-matter.js');

const ROOT = findRoot(process.cwd());
const require = createRequire(path.join(ROOT, 'package.json'));
const matter = require('gray-matter') as GrayMatter;

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg === -1 ? 5 : Math.max(1, Number(process.argv[runsArg + 1]));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function time(fn: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

const FIELDS = 'outlet: Test Wire\npublished: 2025-05-16\n';

/** A block of about `bytes` bytes of each shape, as a whole article's front matter. */
const SHAPES: Record<string, (bytes: number) => string> = {
  'blank lines': (n) => '\n'.repeat(n),
  'lines of one space': (n) => ' \n'.repeat(n / 2),
  'tab + CRLF lines': (n) => '\t\r\n'.repeat(n / 3),
  'ordinary fields': (n) => Array.from({ length: Math.ceil(n / 24) }, (_, i) => `field${String(i).padStart(4, '0')}: some value\n`).join(''),
};

const block = (body: string) => `---\n${FIELDS}${body}---\nbody\n`;
// Every engine replaced, as the loader does: the time is gray-matter's own.
const options = { language: 'yaml', excerpt: false, engines: { yaml: { parse: () => ({}) } } };

const { MAX_FRONT_MATTER, readFrontMatter } = (await import(pathToFileURL(path.join(ROOT, 'dist/corpus/front-matter.js')).href)) as FrontMatterModule;

const sizes = [1, 2, 4, 8, 16, 32, 64].map((k) => k * 1024);
console.log(`gray-matter, median of ${RUNS} runs (ms); the loader's cap is ${MAX_FRONT_MATTER / 1024} KiB\n`);
console.log(['block', ...Object.keys(SHAPES)].map((h, i) => (i === 0 ? h.padEnd(8) : h.padStart(20))).join(''));
for (const size of sizes) {
  const cells = Object.values(SHAPES).map((shape) => {
    const text = block(shape(size));
    return time(() => matter(text, options));
  });
  console.log([`${size / 1024} KiB`.padEnd(8), ...cells.map((ms) => ms.toFixed(1).padStart(20))].join(''));
  // Past a few seconds the larger sizes say nothing new.
  if (Math.max(...cells) > 5000) {
    console.log('(larger blocks skipped: quadratic from here on)');
    break;
  }
}

console.log(`\nThe loader's path (guards + gray-matter + YAML) at the cap, ${MAX_FRONT_MATTER - FIELDS.length - 8} bytes of each shape:`);
for (const [name, shape] of Object.entries(SHAPES)) {
  const text = block(shape(MAX_FRONT_MATTER - FIELDS.length - 8));
  const ms = time(() => readFrontMatter(text));
  console.log(`  ${name.padEnd(20)} ${ms.toFixed(1).padStart(8)} ms  ${readFrontMatter(text).ok ? 'read' : 'refused'}`);
}
const over = block(SHAPES['blank lines']!(MAX_FRONT_MATTER + 16));
console.log(`  over the cap          ${time(() => readFrontMatter(over)).toFixed(1).padStart(8)} ms  ${readFrontMatter(over).ok ? 'read' : 'refused'}`);
