/**
 * Extraction on several threads, results in order. This thread and `jobs - 1` worker threads take
 * batches of files lowest-first; this thread hands results over strictly in batch order, so the
 * output is the same bytes as on one thread. It never depends on a worker: while the next batch is
 * still with a worker it does later batches itself (within a window, so buffered results stay
 * bounded), and it takes back the batches of a worker that fails or goes silent.
 *
 * The caller's iteration is synchronous: results arrive through receiveMessageOnPort, and the wait
 * for them is an Atomics.wait on a counter every worker bumps after posting.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { BatchConfig, BatchResult } from './run.js';

/** Batches a worker is sent ahead of time. */
const QUEUE = 2;
/** A worker that has not been heard from for this long while holding the next batch loses its batches. */
const STALL_MS = 10_000;

interface Helper {
  worker: Worker;
  port: MessagePort;
  ready: boolean;
  dead: boolean;
  pending: Set<number>;
  lastHeard: number;
}

export type WorkerMessage = { type: 'ready' } | { type: 'result'; batch: number; result: BatchResult } | { type: 'error'; batch: number; message: string };

export interface WorkerData {
  config: BatchConfig;
  signal: Int32Array;
  port: MessagePort;
}

export function* inParallel(batches: string[][], config: BatchConfig, jobs: number, runBatch: (files: string[]) => BatchResult): Generator<BatchResult> {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const helpers: Helper[] = [];
  for (let i = 1; i < jobs; i++) {
    const { port1, port2 } = new MessageChannel();
    const data: WorkerData = { config, signal, port: port2 };
    const helper: Helper = { worker: new Worker(new URL('./run-worker.js', import.meta.url), { workerData: data, transferList: [port2] }), port: port1, ready: false, dead: false, pending: new Set(), lastHeard: Date.now() };
    // A worker that cannot start is simply never used.
    helper.worker.on('error', () => {
      helper.dead = true;
    });
    helper.worker.unref();
    helpers.push(helper);
  }
  const results = new Map<number, BatchResult>();
  const owner = new Map<number, Helper>();
  const window = 8 * jobs;
  let next = 0;

  const giveBack = (h: Helper) => {
    h.dead = true;
    for (const b of h.pending) owner.delete(b);
    h.pending.clear();
  };
  /** The lowest batch nobody has done or taken, within the window; -1 when none. */
  const free = () => {
    for (let b = next; b < batches.length && b < next + window; b++) if (!results.has(b) && !owner.has(b)) return b;
    return -1;
  };
  const drain = () => {
    for (const h of helpers) {
      for (let m = receiveMessageOnPort(h.port); m !== undefined; m = receiveMessageOnPort(h.port)) {
        const message = m.message as WorkerMessage;
        h.lastHeard = Date.now();
        if (message.type === 'ready') h.ready = true;
        else if (owner.get(message.batch) === h) {
          owner.delete(message.batch);
          h.pending.delete(message.batch);
          // An error is not reported from here: the batch is done again on this thread, which
          // throws the same error if it is one.
          if (message.type === 'result') results.set(message.batch, message.result);
          else giveBack(h);
        }
      }
    }
  };
  const feed = () => {
    for (const h of helpers) {
      while (h.ready && !h.dead && h.pending.size < QUEUE) {
        const b = free();
        if (b === -1) return;
        owner.set(b, h);
        h.pending.add(b);
        h.port.postMessage({ batch: b, files: batches[b] });
      }
    }
  };

  try {
    while (next < batches.length) {
      const seen = Atomics.load(signal, 0);
      drain();
      feed();
      const ready = results.get(next);
      if (ready) {
        results.delete(next);
        next++;
        yield ready;
        continue;
      }
      // Do the next batch here if nobody has it, else some later one while a worker has it.
      const b = owner.has(next) ? free() : next;
      if (b !== -1) {
        results.set(b, runBatch(batches[b] as string[]));
        continue;
      }
      Atomics.wait(signal, 0, seen, 100);
      const holder = owner.get(next);
      if (holder && Date.now() - holder.lastHeard > STALL_MS) giveBack(holder);
    }
  } finally {
    for (const h of helpers) {
      h.port.close();
      void h.worker.terminate();
    }
  }
}
