/**
 * A worker thread of run-parallel.ts: sets up the pipeline once, then extracts each batch it is
 * sent and posts the result back, bumping the shared counter the main thread waits on.
 */
import { workerData } from 'node:worker_threads';
import type { WorkerData, WorkerMessage } from './run-parallel.js';
import { batchRunner } from './run.js';

const { config, signal, port } = workerData as WorkerData;

function post(message: WorkerMessage): void {
  port.postMessage(message);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

const runBatch = batchRunner(config);
port.on('message', ({ batch, files }: { batch: number; files: string[] }) => {
  try {
    post({ type: 'result', batch, result: runBatch(files) });
  } catch (error) {
    post({ type: 'error', batch, message: error instanceof Error ? error.message : String(error) });
  }
});
post({ type: 'ready' });
