// The collector-scale benchmark's SOC clients, in a worker thread of their own.
//
// 100 clients parsing 2 million messages in the thread that also plays 1,000 agents starve the
// agents: one event-loop turn reading every client's socket took up to 24 s, the collector's
// keepalive pings went unanswered and it dropped every agent stream. Real SOC clients are
// separate processes; a thread is the closest this benchmark gets on one machine.
//
// Protocol (parent ↔ worker): workerData { httpPort, clients, itemPrefix }; the worker posts
// `opened` once every client is connected, answers `stats` with WorkerStats, and `close` with
// `closed`. Times are epoch milliseconds (the threads' performance clocks differ).
import { parentPort, workerData } from 'node:worker_threads';
import { StreamClient } from './collector-harness.js';

export interface ClientStats {
  alerts: number;
  lagSum: number;
  lagMax: number;
  /** Epoch ms of the last counted alert's arrival. */
  lastArrival: number;
  /** Largest `at` (epoch ms) among the counted alerts. */
  maxAt: number;
  /** agent.status messages, by the state they announce. */
  disconnected: StatusCount;
  connected: StatusCount;
}

export interface StatusCount {
  count: number;
  /** Epoch ms of the last one's arrival. */
  lastArrival: number;
  /** Largest `at` among them: when the collector saw the stream open or close. */
  maxAt: number;
}

export interface WorkerStats {
  readonly stats: readonly ClientStats[];
  readonly cuts: number;
  readonly otherCloses: number;
  readonly outOfOrder: number;
}

export interface WorkerConfig {
  readonly httpPort: number;
  readonly clients: number;
  /** Only alerts whose item starts with this are counted. */
  readonly itemPrefix: string;
}

const port = parentPort;
if (port) {
  const config = workerData as WorkerConfig;
  const stats: ClientStats[] = [];
  const clients: StreamClient[] = [];
  for (let k = 0; k < config.clients; k++) {
    const s: ClientStats = {
      alerts: 0,
      lagSum: 0,
      lagMax: 0,
      lastArrival: 0,
      maxAt: 0,
      disconnected: { count: 0, lastArrival: 0, maxAt: 0 },
      connected: { count: 0, lastArrival: 0, maxAt: 0 },
    };
    stats.push(s);
    clients.push(
      new StreamClient(config.httpPort, (msg, arrival) => {
        const at = Date.parse(msg.at ?? '');
        const arrivalEpoch = performance.timeOrigin + arrival;
        if (msg.type === 'agent.status') {
          const c = msg.connected ? s.connected : s.disconnected;
          c.count++;
          c.lastArrival = arrivalEpoch;
          if (at > c.maxAt) c.maxAt = at;
          return;
        }
        if (msg.type !== 'alert' || !msg.item?.startsWith(config.itemPrefix)) return;
        s.alerts++;
        const lag = arrivalEpoch - at;
        s.lagSum += lag;
        if (lag > s.lagMax) s.lagMax = lag;
        if (at > s.maxAt) s.maxAt = at;
        s.lastArrival = arrivalEpoch;
      }),
    );
  }
  port.on('message', (m: string) => {
    if (m === 'stats') {
      const summary: WorkerStats = {
        stats,
        cuts: clients.reduce((n, cl) => n + cl.cuts, 0),
        otherCloses: clients.reduce((n, cl) => n + cl.closes.filter((x) => x.code !== 4008).length, 0),
        outOfOrder: clients.reduce((n, cl) => n + cl.outOfOrder, 0),
      };
      port.postMessage({ type: 'stats', summary });
    } else if (m === 'close') {
      void Promise.all(clients.map((cl) => cl.close())).then(() => port.postMessage({ type: 'closed' }));
    }
  });
  void Promise.all(clients.map((cl) => cl.open())).then(
    () => port.postMessage({ type: 'opened' }),
    (err: Error) => port.postMessage({ type: 'error', message: err.message }),
  );
}
