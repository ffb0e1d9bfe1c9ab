// Runs in a worker thread so that a pattern that backtracks for minutes can be stopped from the
// outside (worker.terminate()) instead of hanging the test run. Two jobs:
//  { kind: 'scan', source, flags, inputs: [{ unit, count, suffix }] } → one message per input with
//    the time to scan it as the program would (every match of a global pattern, else one exec);
//  { kind: 'recheck', source, flags, params } → recheck's verdict, pure-JS backend only.
import { parentPort } from 'node:worker_threads';
import { createRequire } from 'node:module';

// Never the native binary or the JAR: the Scala.js build that ships in the package, in this thread.
process.env.RECHECK_SYNC_BACKEND = 'pure';
const require = createRequire(import.meta.url);

function scan(re, text) {
  if (!re.global && !re.sticky) return re.exec(text) === null ? 0 : 1;
  re.lastIndex = 0;
  let n = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    n++;
    if (m[0].length === 0) re.lastIndex++;
  }
  return n;
}

parentPort.on('message', (job) => {
  if (job.kind === 'scan') {
    const re = new RegExp(job.source, job.flags);
    for (let i = 0; i < job.inputs.length; i++) {
      const { unit, count, suffix } = job.inputs[i];
      const text = (job.inputs?.[i]?.prefix ?? '') + unit.repeat(count) + suffix;
      parentPort.postMessage({ kind: 'started', index: i });
      const t = performance.now();
      scan(re, text);
      parentPort.postMessage({ kind: 'scanned', index: i, ms: performance.now() - t, length: text.length });
    }
    parentPort.postMessage({ kind: 'done' });
  } else if (job.kind === 'recheck') {
    const { checkSync } = require('recheck');
    const t = performance.now();
    const r = checkSync(job.source, job.flags, job.params);
    const out = { status: r.status, checker: r.checker ?? null, ms: performance.now() - t };
    if (r.status === 'vulnerable') {
      const first = r.attack.pumps?.[0];
      Object.assign(out, { attack: r.attack.pattern, complexity: r.complexity.summary });
      if (first) Object.assign(out, { pump: { prefix: first.prefix, pump: first.pump, suffix: r.attack.suffix ?? '' } });
    }
    if (r.status === 'unknown') Object.assign(out, { error: r.error.kind });
    parentPort.postMessage({ kind: 'recheck', result: out });
  }
});
