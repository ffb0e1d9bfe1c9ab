// Runs one article through the built pipeline (dist/) in a worker thread, so a super-linear case
// can be stopped by terminating the thread. Message: { unit, count, prefix, suffix }; answer: { ms, facts, codes, length }.
import { parentPort } from 'node:worker_threads';
import { parseArticle } from '../../dist/corpus/load.js';
import { defaultMeetings } from '../../dist/events/meetings.js';
import { defaultGazetteer } from '../../dist/knowledge/gazetteer.js';
import { extractArticle } from '../../dist/pipeline.js';

const options = { gazetteer: defaultGazetteer(), meetings: defaultMeetings() };
// Warm up (chrono, the gazetteer's patterns) so that the timed run measures the article only.
extractArticle(parseArticle('---\noutlet: W\npublished: 2025-05-16\n---\nTalks in Istanbul on Friday.\n', 'w', 'w.md').article, options);
parentPort.postMessage({ ready: true });

parentPort.on('message', ({ prefix, unit, count, suffix }) => {
  const body = prefix + unit.repeat(count) + suffix;
  const raw = `---\noutlet: Adversary\npublished: 2025-05-16\n---\n${body}\n`;
  const t = performance.now();
  const parsed = parseArticle(raw, 'adversary', 'adversary.md');
  const result = parsed.article ? extractArticle(parsed.article, options) : null;
  const ms = performance.now() - t;
  parentPort.postMessage({ ms, facts: result ? result.facts.length : -1, codes: result ? result.diagnostics.map((d) => d.code) : [], length: body.length });
});
