// Parent side of stream-clients-worker.ts: starts the worker and asks it for its figures.
import { Worker } from 'node:worker_threads';
import type { WorkerConfig, WorkerStats } from './stream-clients-worker.js';

type Reply = { type: 'opened' } | { type: 'closed' } | { type: 'error'; message: string } | { type: 'stats'; summary: WorkerStats };

export class StreamClientsWorker {
  private readonly worker: Worker;
  readonly opened: Promise<void>;

  constructor(config: WorkerConfig) {
    this.worker = new Worker(new URL('./stream-clients-worker.js', import.meta.url), { workerData: config });
    this.opened = new Promise((resolve, reject) => {
      const onMessage = (m: Reply): void => {
        if (m.type === 'opened') resolve();
        else if (m.type === 'error') reject(new Error(`stream clients: ${m.message}`));
        else return;
        this.worker.off('message', onMessage);
      };
      this.worker.on('message', onMessage);
      this.worker.once('error', reject);
    });
  }

  stats(): Promise<WorkerStats> {
    return new Promise((resolve) => {
      const onMessage = (m: Reply): void => {
        if (m.type !== 'stats') return;
        this.worker.off('message', onMessage);
        resolve(m.summary);
      };
      this.worker.on('message', onMessage);
      this.worker.postMessage('stats');
    });
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      const onMessage = (m: Reply): void => {
        if (m.type !== 'closed') return;
        this.worker.off('message', onMessage);
        resolve();
      };
      this.worker.on('message', onMessage);
      this.worker.postMessage('close');
    });
    await this.worker.terminate();
  }
}
