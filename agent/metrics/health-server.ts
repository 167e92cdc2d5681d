// /healthz, /readyz and /metrics for a process, on its own small listener so probes and scrapes
// never queue behind ingest traffic.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { Logger } from 'pino';

export interface Readiness {
  readonly ready: boolean;
  /** What is and is not ready, shown to whoever asks. */
  readonly checks: Record<string, boolean>;
}

export class HealthServer {
  private server: Server | null = null;

  constructor(
    private readonly registry: Registry,
    private readonly readiness: () => Readiness,
    private readonly log: Logger,
  ) {}

  async start(host: string, port: number): Promise<AddressInfo> {
    const server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      if (path === '/healthz') {
        json(res, 200, { status: 'ok' });
      } else if (path === '/readyz') {
        const r = this.readiness();
        json(res, r.ready ? 200 : 503, { status: r.ready ? 'ready' : 'not ready', checks: r.checks });
      } else if (path === '/metrics') {
        this.registry.metrics().then(
          (text) => {
            res.writeHead(200, { 'Content-Type': this.registry.contentType });
            res.end(text);
          },
          (err: Error) => {
            this.log.error({ err: err.message }, 'cannot render metrics');
            json(res, 500, { error: 'cannot render metrics' });
          },
        );
      } else {
        json(res, 404, { error: `no such endpoint ${path}; try /healthz, /readyz or /metrics` });
      }
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (err: NodeJS.ErrnoException) =>
        reject(new Error(`cannot listen for health and metrics on ${host}:${port}: ${err.code ?? err.message}`)),
      );
      server.listen(port, host, () => resolve());
    });
    return server.address() as AddressInfo;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function json(res: import('node:http').ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
