// Posts Falco events the way Falco's http_output does: one JSON event per POST over a kept-alive
// connection, Content-Type application/json.
import { Agent as HttpAgent, request } from 'node:http';

export interface SendResult {
  readonly status: number;
  readonly body: string;
}

export class FalcoHttpSender {
  private readonly agent = new HttpAgent({ keepAlive: true, maxSockets: 1 });

  constructor(private readonly url: string) {}

  post(body: string | Buffer, headers: Record<string, string> = {}, method = 'POST'): Promise<SendResult> {
    return new Promise((resolve, reject) => {
      const req = request(
        this.url,
        {
          method,
          agent: this.agent,
          headers: { 'Content-Type': 'application/json', 'User-Agent': 'falcosecurity/falco', ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
