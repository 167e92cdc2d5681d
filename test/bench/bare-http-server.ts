// The floor for the agent's HTTP input: a bare node:http server that reads each request body
// and answers 200, nothing else. Run by agent-ingest in its own process (as the agent is), so
// the benchmark can say what fraction of Node's own per-request HTTP cost the agent reaches.
//
// Prints `listening <port>` on stdout; `GET /cpu` answers this process's CPU time in µs so far.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const OK = '{"accepted":1}';

const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
  if (req.method === 'GET' && req.url === '/cpu') {
    const { user, system } = process.cpuUsage();
    res.end(JSON.stringify({ micros: user + system }));
    return;
  }
  // Read the body as the agent does (chunks gathered into one buffer), then answer.
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    Buffer.concat(chunks);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': OK.length });
    res.end(OK);
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
