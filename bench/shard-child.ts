/**
 * One slice of a corpus through the library, output rendered and counted, for the benchmark's
 * parallelism probe: `node shard-child.js DIR I/N`. Two of these at once on halves of a corpus
 * show how much two worker threads could gain on this machine at best.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findRoot } from './generate.js';

type RunModule = typeof import('../dist/run.js');
type NdjsonModule = typeof import('../dist/report/ndjson.js');

const root = findRoot(path.dirname(fileURLToPath(import.meta.url)));
const [dir, slice] = process.argv.slice(2) as [string, string];
const [index, count] = slice.split('/').map(Number) as [number, number];
const run = (await import(pathToFileURL(path.join(root, 'dist/run.js')).href)) as RunModule;
const ndjson = (await import(pathToFileURL(path.join(root, 'dist/report/ndjson.js')).href)) as NdjsonModule;
let bytes = 0;
for (const a of run.extractCorpusStream(dir, { shard: { index, count } }).articles) bytes += ndjson.renderArticleNdjson(a).length;
process.stdout.write(`${bytes}\n`);
