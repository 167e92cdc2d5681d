// A hand-driven vigil.v1 agent stream for collector tests: send what an agent would, read what
// the collector answers.
import * as grpc from '@grpc/grpc-js';
import { vigil } from '../../proto/gen/vigil.js';
import {
  CONNECT_PATH,
  decodeCollectorMessage,
  encodeAgentMessage,
  observationToWire,
  type AgentMessage,
} from '../../proto/vigil-wire.js';
import type { Observation } from '../../agent/model/observation.js';
import { itemKey } from '../../agent/model/item-key.js';

export class FakeAgentStream {
  readonly received: vigil.v1.CollectorMessage[] = [];
  status: grpc.StatusObject | null = null;
  private readonly client: grpc.Client;
  private readonly call: grpc.ClientDuplexStream<AgentMessage, vigil.v1.CollectorMessage>;

  constructor(port: number, token: string) {
    this.client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    const md = new grpc.Metadata();
    md.set('authorization', `Bearer ${token}`);
    this.call = this.client.makeBidiStreamRequest(CONNECT_PATH, encodeAgentMessage, decodeCollectorMessage, md);
    this.call.on('data', (m: vigil.v1.CollectorMessage) => this.received.push(m));
    this.call.on('status', (s: grpc.StatusObject) => (this.status = s));
    this.call.on('error', () => undefined); // surfaced through `status`
  }

  send(msg: AgentMessage): void {
    this.call.write(msg);
  }

  hello(agentId: string, known: vigil.v1.IWorkload[] = []): void {
    this.send({ hello: { agent_id: agentId, node: 'node-a', cluster: 'test', agent_version: '0.1.0', falco_version: '0.43.0', known_workloads: known } });
  }

  async until<T>(pick: (m: vigil.v1.CollectorMessage) => T | undefined, timeoutMs = 5000, from = 0): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const m of this.received.slice(from)) {
        const v = pick(m);
        if (v !== undefined) return v;
      }
      if (this.status) throw new Error(`stream ended: ${this.status.code} ${this.status.details}`);
      if (Date.now() > deadline) throw new Error(`timed out; received ${JSON.stringify(this.received.map((m) => m.toJSON()))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async ack(atLeast: number): Promise<number> {
    return this.until((m) => (m.ack && Number(m.ack.highest_seq) >= atLeast ? Number(m.ack.highest_seq) : undefined));
  }

  async ended(timeoutMs = 5000): Promise<grpc.StatusObject> {
    const deadline = Date.now() + timeoutMs;
    while (!this.status && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    if (!this.status) throw new Error('stream did not end');
    return this.status;
  }

  close(): void {
    this.call.cancel();
    this.client.close();
  }
}

export function processObservation(o: { namespace?: string; name?: string; container?: string; exe: string; timeNs: bigint; node?: string; imageDigest?: string; parentExe?: string; containerStartNs?: bigint; cmdline?: string }): Observation {
  return {
    type: 'process',
    process: { exe: o.exe, name: o.exe.split('/').pop() ?? null, cmdline: o.cmdline ?? `${o.exe} --run`, parentExe: o.parentExe ?? '/bin/sh', parentName: (o.parentExe ?? '/bin/sh').split('/').pop() ?? null, user: 'app', uid: 1000, pid: 42, exeUpperLayer: false },
    timeNs: o.timeNs,
    node: o.node ?? 'node-a',
    containerId: 'c0ffee',
    containerStartNs: o.containerStartNs ?? null,
    rule: 'Vigil process exec',
    priority: 'informational',
    workload: { cluster: 'test', namespace: o.namespace ?? 'shop', kind: 'Deployment', name: o.name ?? 'web' },
    pod: 'web-7d9c8b6f5-x2k4p',
    podUid: null,
    container: o.container ?? 'app',
    image: 'registry.example/web:1.0',
    imageDigest: o.imageDigest ?? 'sha256:abc',
  };
}

export function report(seq: number, obs: Observation): vigil.v1.IReport {
  return { seq, observation: observationToWire(obs, itemKey(obs)) };
}
