// Runs one article through the built pipeline (dist/) in a worker thread, so a super-linear case
// can be stopped by terminating the thread. Message: { front, unit, count, prefix, suffix }.
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
  const facts = parsed.article ? extractArticle(parsed.article, options).facts.length : -1;
  parentPort.postMessage({ ms: performance.now() - t, facts, length: body.length });
});
