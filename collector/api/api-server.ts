// The collector's HTTP API (JSON under /api/v1) plus /healthz, /readyz and /metrics.
//
// fastify because it logs through the same pino instance and validates input against JSON
// schemas, so every bad request gets a 400 naming the field. Every route but health needs a
// bearer token; routes that change state need the operator role.
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { Counter, type Registry } from 'prom-client';
import { parseDuration } from '../../agent/config/parse.js';
import { parseRfc3339Ns } from '../../agent/falco/event.js';
import type { ModeName } from '../../proto/vigil-wire.js';
import { authenticate, type ApiToken, type Role } from '../auth/api-tokens.js';
import type { BaselineDiff, BaselineService } from '../baseline/baseline-service.js';
import { atLeast, SEVERITIES, type Severity } from '../baseline/severity.js';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { ApiQueries } from '../store/api-queries.js';
import { VIGIL_VERSION } from '../../agent/version.js';
import { UiAssets, type UiAssetsMissing } from './ui-assets.js';
import { generateNetworkPolicy, toYaml as networkPolicyYaml, type NetworkPolicyResult } from '../baseline/network-policy.js';
import type { WorkloadKind } from '../../agent/model/identity.js';
import { IDENTITIES, type ItemIdentity } from '../../agent/model/item-key.js';

export interface ApiDeps {
  readonly service: BaselineService;
  readonly queries: ApiQueries;
  readonly tokens: readonly ApiToken[];
  readonly registry: Registry;
  readonly readiness: () => { ready: boolean; checks: Record<string, boolean> };
  readonly log: Logger;
  readonly now: () => number;
  /** The web UI's files, served at / and /ui/; why it is missing (answered at / with 503); or null: no UI. */
  readonly ui: UiAssets | UiAssetsMissing | null;
  /** The collector is fed by `vigil dev`'s bundled scenario: the UI marks everything as a demo. */
  readonly demo: boolean;
  /** Whether an agent has its stream open now (the store knows only the past). */
  readonly agentConnected: (agentId: string) => boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: ApiToken | null;
  }
  interface FastifyContextConfig {
    role?: Role;
    public?: boolean;
  }
}

/** Unauthenticated or under-privileged requests, by reason; registered with the collector's metrics. */
export function authFailureCounter(registry: Registry): Counter<'reason'> {
  return new Counter({
    name: 'vigil_collector_api_auth_failures_total',
    help: 'API and stream requests refused or cut, by reason (missing_token, unknown_token, forbidden, oversize_body, bad_origin, bad_ticket, slow_client, oversize_message).',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
}

const MAX_EXTEND_MS = 30 * 86_400_000;

class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

const workloadParams = {
  type: 'object',
  required: ['namespace', 'kind', 'name'],
  properties: { namespace: { type: 'string' }, kind: { type: 'string' }, name: { type: 'string' } },
} as const;
const clusterQuery = { type: 'object', properties: { cluster: { type: 'string' } }, additionalProperties: false } as const;
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } } as const;

export function buildApi(deps: ApiDeps, authFailures: Counter<'reason'>): FastifyInstance {
  // pino's Logger is a FastifyBaseLogger; the widening keeps FastifyInstance's default type.
  // removeAdditional: false makes `additionalProperties: false` refuse a misspelt query
  // parameter (?namspace=) instead of silently dropping it and returning everything.
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 256 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  });
  app.decorateRequest('caller', null);

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.routeOptions.config.public) return;
    const caller = authenticate(deps.tokens, req.headers.authorization);
    if (!caller) {
      const reason = req.headers.authorization ? 'unknown_token' : 'missing_token';
      authFailures.inc({ reason });
      deps.log.warn({ method: req.method, url: req.url, ip: req.ip, reason }, 'refused an API request: missing or unknown token');
      await reply.code(401).header('WWW-Authenticate', 'Bearer').send({ error: 'a bearer token is required (Authorization: Bearer <token>)' });
      return reply;
    }
    if (req.routeOptions.config.role === 'operator' && caller.role !== 'operator') {
      authFailures.inc({ reason: 'forbidden' });
      deps.log.warn({ method: req.method, url: req.url, caller: caller.name }, 'refused an API request: needs the operator role');
      await reply.code(403).send({ error: `this action needs the operator role; ${caller.name} is a ${caller.role}` });
      return reply;
    }
    req.caller = caller;
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err.statusCode === 413) {
      authFailures.inc({ reason: 'oversize_body' });
      deps.log.warn({ method: req.method, url: req.url, caller: req.caller?.name }, 'refused an oversize API request body');
      void reply.code(413).send({ error: `the request body is larger than this endpoint accepts (${err.message})` });
      return;
    }
    if (err.validation) {
      void reply.code(400).send({ error: `invalid request: ${err.message}` });
      return;
    }
    const status = err instanceof ApiError ? err.statusCode : (err.statusCode ?? 500);
    if (status >= 500) deps.log.error({ err: err.message }, 'API request failed');
    void reply.code(status).send({ error: status >= 500 ? 'internal error; see the collector log' : err.message });
  });
  app.setNotFoundHandler((req, reply) => {
    void reply.code(404).send({ error: `no such endpoint: ${req.method} ${req.url.split('?')[0]}` });
  });

  app.get('/healthz', { config: { public: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { public: true } }, async (_req, reply) => {
    const r = deps.readiness();
    return reply.code(r.ready ? 200 : 503).send({ status: r.ready ? 'ready' : 'not ready', checks: r.checks });
  });
  app.get('/metrics', async (_req, reply) => reply.type(deps.registry.contentType).send(await deps.registry.metrics()));

  const actor = (req: FastifyRequest): string => req.caller?.name ?? 'unknown';
  const workloadKey = (params: { namespace: string; kind: string; name: string }, cluster: string | undefined): string => {
    const namespace = params.namespace === '_' ? '' : params.namespace;
    // From the service's memory: one lookup, not a query over every workload per request.
    const matches = deps.service.findWorkloads(namespace, params.kind, params.name).filter((w) => cluster === undefined || w.cluster === cluster);
    if (matches.length === 0) throw new ApiError(404, `no workload ${params.namespace}/${params.kind}/${params.name}${cluster ? ` in cluster ${cluster}` : ''}`);
    if (matches.length > 1) {
      throw new ApiError(409, `${params.namespace}/${params.kind}/${params.name} exists in clusters ${matches.map((m) => String(m.cluster)).join(', ')}; add ?cluster=`);
    }
    return String(matches[0]?.key);
  };

  // Alerts
  app.get(
    '/api/v1/alerts',
    {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            namespace: { type: 'string' },
            workload: { type: 'string' },
            kind: { type: 'string' },
            status: { type: 'string', enum: ['open', 'acknowledged', 'resolved'] },
            category: { type: 'string', enum: ['deviation', 'review'] },
            severity: { type: 'string', enum: [...SEVERITIES] },
            since: { type: 'string' },
            until: { type: 'string' },
            cursor: { type: 'integer', minimum: 1 },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
          },
        },
      },
    },
    async (req) => {
      const q = req.query as { namespace?: string; workload?: string; kind?: string; status?: 'open'; category?: 'review'; severity?: Severity; since?: string; until?: string; cursor?: number; limit: number };
      const at = (name: string, text: string | undefined): bigint | undefined => {
        if (text === undefined) return undefined;
        const ns = parseRfc3339Ns(text);
        if (ns === null) throw new ApiError(400, `${name}: "${text}" is not an RFC 3339 time, e.g. 2026-11-22T09:00:00Z`);
        return ns;
      };
      const alerts = deps.queries.listAlerts({
        ...q,
        severities: q.severity === undefined ? undefined : atLeast(q.severity),
        sinceNs: at('since', q.since),
        untilNs: at('until', q.until),
        before: q.cursor,
        limit: q.limit,
      });
      const last = alerts[alerts.length - 1];
      return { alerts, next_cursor: alerts.length === q.limit && last ? last.id : null };
    },
  );
  app.get('/api/v1/alerts/:id', { schema: { params: idParams } }, async (req) => {
    const alert = deps.queries.getAlert((req.params as { id: number }).id);
    if (!alert) throw new ApiError(404, `no alert ${(req.params as { id: number }).id}`);
    return alert;
  });
  for (const action of ['acknowledge', 'resolve', 'approve'] as const) {
    app.post(`/api/v1/alerts/:id/${action}`, { schema: { params: idParams }, config: { role: 'operator' } }, async (req) => {
      const id = (req.params as { id: number }).id;
      const current = deps.queries.getAlert(id);
      if (!current) throw new ApiError(404, `no alert ${id}`);
      // A resolved alert stays resolved: a new sighting opens a new alert.
      if (current.status === 'resolved') throw new ApiError(409, `alert ${id} is resolved; a new sighting of the item opens a new alert`);
      if (action === 'approve') deps.service.approve(id, actor(req));
      else deps.service.setAlertStatus(id, action === 'acknowledge' ? 'acknowledged' : 'resolved', actor(req));
      return deps.queries.getAlert(id);
    });
  }

  // Workloads
  const withCompleteness = <W extends Record<string, unknown> | null>(w: W): W => (w === null ? w : { ...w, completeness: deps.service.completeness(String(w.key)) });
  app.get('/api/v1/workloads', async () => ({ workloads: deps.queries.listWorkloads().map(withCompleteness) }));
  app.get('/api/v1/workloads/:namespace/:kind/:name', { schema: { params: workloadParams, querystring: clusterQuery } }, async (req) => {
    return withCompleteness(deps.queries.getWorkload(workloadKey(req.params as { namespace: string; kind: string; name: string }, (req.query as { cluster?: string }).cluster)));
  });
  app.put(
    '/api/v1/workloads/:namespace/:kind/:name/mode',
    {
      schema: {
        params: workloadParams,
        querystring: clusterQuery,
        body: { type: 'object', required: ['mode'], additionalProperties: false, properties: { mode: { type: 'string', enum: ['learning', 'detecting', 'disabled'] } } },
      },
      config: { role: 'operator' },
    },
    async (req) => {
      const key = workloadKey(req.params as { namespace: string; kind: string; name: string }, (req.query as { cluster?: string }).cluster);
      deps.service.setMode(key, (req.body as { mode: ModeName }).mode, actor(req));
      return withCompleteness(deps.queries.getWorkload(key));
    },
  );
  app.put(
    '/api/v1/workloads/:namespace/:kind/:name/identity',
    {
      schema: {
        params: workloadParams,
        querystring: clusterQuery,
        body: { type: 'object', required: ['identity'], additionalProperties: false, properties: { identity: { type: 'string', enum: [...IDENTITIES] } } },
      },
      config: { role: 'operator' },
    },
    async (req) => {
      const key = workloadKey(req.params as { namespace: string; kind: string; name: string }, (req.query as { cluster?: string }).cluster);
      deps.service.setIdentity(key, (req.body as { identity: ItemIdentity }).identity, actor(req));
      return withCompleteness(deps.queries.getWorkload(key));
    },
  );
  app.post(
    '/api/v1/workloads/:namespace/:kind/:name/relearn',
    { schema: { params: workloadParams, querystring: clusterQuery }, config: { role: 'operator' } },
    async (req) => {
      const key = workloadKey(req.params as { namespace: string; kind: string; name: string }, (req.query as { cluster?: string }).cluster);
      deps.service.relearn(key, actor(req));
      return withCompleteness(deps.queries.getWorkload(key));
    },
  );
  app.post(
    '/api/v1/workloads/:namespace/:kind/:name/extend',
    {
      schema: {
        params: workloadParams,
        querystring: clusterQuery,
        body: { type: 'object', required: ['by'], additionalProperties: false, properties: { by: { type: 'string' } } },
      },
      config: { role: 'operator' },
    },
    async (req) => {
      const key = workloadKey(req.params as { namespace: string; kind: string; name: string }, (req.query as { cluster?: string }).cluster);
      let ms: number;
      try {
        ms = parseDuration('by', (req.body as { by: string }).by);
      } catch (err) {
        throw new ApiError(400, (err as Error).message);
      }
      if (!(ms > 0) || ms > MAX_EXTEND_MS) throw new ApiError(400, 'by must be more than 0 and at most 30d');
      try {
        deps.service.extendWindow(key, ms, actor(req));
      } catch (err) {
        throw new ApiError(409, (err as Error).message);
      }
      return withCompleteness(deps.queries.getWorkload(key));
    },
  );

  // Baselines: export, import (with a dry run), items by hand
  app.addContentTypeParser(['application/yaml', 'application/x-yaml', 'text/yaml'], { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, parseYaml(String(body)) as unknown);
    } catch (err) {
      done(new ApiError(400, `the body is not valid YAML: ${(err as Error).message}`), undefined);
    }
  });
  const itemSchema = {
    type: 'object',
    required: ['container', 'item'],
    // No control characters (NUL separates container and item in memory), bounded lengths.
    properties: {
      container: { type: 'string', minLength: 1, maxLength: 253, pattern: '^[^\\u0000-\\u001f]+$' },
      item: { type: 'string', maxLength: 4200, pattern: '^(exe:/[^\\u0000-\\u001f]+|out:[a-z0-9]+:[^\\u0000-\\u001f]+:\\d+|in:[a-z0-9]+:\\d+)$' },
    },
  } as const;
  const toItems = (list: Array<{ container: string; item: string }>): Array<{ container: string; itemKey: string }> =>
    list.map((i) => ({ container: i.container, itemKey: i.item }));
  const diffJson = (d: BaselineDiff): Record<string, unknown> => ({
    added: d.added.map((i) => ({ container: i.container, item: i.itemKey })),
    removed: d.removed.map((i) => ({ container: i.container, item: i.itemKey })),
    unchanged: d.unchanged,
  });
  app.get(
    '/api/v1/workloads/:namespace/:kind/:name/baseline',
    {
      schema: {
        params: workloadParams,
        querystring: { type: 'object', additionalProperties: false, properties: { cluster: { type: 'string' }, format: { type: 'string', enum: ['json', 'yaml'], default: 'json' } } },
      },
    },
    async (req, reply) => {
      const q = req.query as { cluster?: string; format: 'json' | 'yaml' };
      const w = deps.queries.getWorkload(workloadKey(req.params as { namespace: string; kind: string; name: string }, q.cluster));
      const doc = {
        vigil_baseline: 1,
        workload: { cluster: w?.cluster, namespace: w?.namespace, kind: w?.kind, name: w?.name },
        mode: w?.mode,
        items: (w?.baseline ?? []).map((i) => ({ container: i.container, item: i.item, type: i.type, added_by: i.added_by, first_seen: i.first_seen })),
      };
      if (q.format === 'yaml') return reply.type('application/yaml').send(stringifyYaml(doc));
      return doc;
    },
  );
  app.get(
    '/api/v1/workloads/:namespace/:kind/:name/network-policy',
    {
      schema: {
        params: workloadParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            cluster: { type: 'string' },
            format: { type: 'string', enum: ['json', 'yaml'], default: 'json' },
            selector: { type: 'string', maxLength: 4096 },
          },
        },
      },
    },
    async (req, reply) => {
      const q = req.query as { cluster?: string; format: 'json' | 'yaml'; selector?: string };
      const w = deps.queries.getWorkload(workloadKey(req.params as { namespace: string; kind: string; name: string }, q.cluster));
      if (!w) throw new ApiError(404, 'the workload went away');
      const matchLabels = q.selector === undefined ? undefined : parseSelector(q.selector);
      let result: NetworkPolicyResult;
      try {
        result = generateNetworkPolicy({
          workload: { cluster: String(w.cluster), namespace: String(w.namespace), kind: String(w.kind) as WorkloadKind, name: String(w.name) },
          items: w.baseline.map((i) => ({ container: String(i.container), item: String(i.item) })),
          matchLabels,
          generatedAt: new Date(deps.now()),
        });
      } catch (err) {
        throw new ApiError(409, (err as Error).message);
      }
      if (q.format === 'yaml') return reply.type('application/yaml').send(networkPolicyYaml(result));
      return result;
    },
  );
  app.put(
    '/api/v1/workloads/:namespace/:kind/:name/baseline',
    {
      schema: {
        params: workloadParams,
        querystring: { type: 'object', additionalProperties: false, properties: { cluster: { type: 'string' }, dry_run: { type: 'boolean', default: false } } },
        body: { type: 'object', required: ['items'], properties: { items: { type: 'array', maxItems: 100_000, items: itemSchema } } },
      },
      config: { role: 'operator' },
      // An exported baseline of up to 100,000 items must import back.
      bodyLimit: 16 * 1024 * 1024,
    },
    async (req) => {
      const q = req.query as { cluster?: string; dry_run: boolean };
      const key = workloadKey(req.params as { namespace: string; kind: string; name: string }, q.cluster);
      const diff = deps.service.replaceBaseline(key, toItems((req.body as { items: Array<{ container: string; item: string }> }).items), actor(req), q.dry_run);
      return { dry_run: q.dry_run, ...diffJson(diff) };
    },
  );
  for (const method of ['POST', 'DELETE'] as const) {
    app.route({
      method,
      url: '/api/v1/workloads/:namespace/:kind/:name/items',
      schema: { params: workloadParams, querystring: clusterQuery, body: { type: 'object', required: ['items'], properties: { items: { type: 'array', minItems: 1, maxItems: 10_000, items: itemSchema } } } },
      config: { role: 'operator' },
      handler: async (req) => {
        const key = workloadKey(req.params as { namespace: string; kind: string; name: string }, (req.query as { cluster?: string }).cluster);
        const items = toItems((req.body as { items: Array<{ container: string; item: string }> }).items);
        return diffJson(method === 'POST' ? deps.service.editItems(key, items, [], actor(req)) : deps.service.editItems(key, [], items, actor(req)));
      },
    });
  }

  // Agents and audit
  // Who the caller is, so a client (the web UI) can offer only what the role allows; the
  // collector's clock, so a learning window's time left is right on a laptop with a skewed clock;
  // and the stream's latest cursor.
  app.get('/api/v1/session', async (req) => {
    if (!req.caller) throw new Error('unauthenticated request reached the session route');
    return {
      name: req.caller.name,
      role: req.caller.role,
      demo: deps.demo,
      version: VIGIL_VERSION,
      server_time: new Date(deps.now()).toISOString(),
      // Read before the client lists alerts: streaming from here misses nothing the lists miss.
      stream_cursor: deps.queries.streamRange().last,
    };
  });
  if (deps.ui instanceof UiAssets) deps.ui.register(app);
  else if (deps.ui) {
    const missing = deps.ui;
    app.get('/', { config: { public: true } }, async (_req, reply) => reply.code(503).send({ error: missing.message }));
  }

  app.get('/api/v1/agents', async () => ({
    agents: deps.queries.listAgents(deps.now()).map((a) => ({ ...a, connected: deps.agentConnected(String(a.agent_id)) })),
  }));
  app.get(
    '/api/v1/audit',
    {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { cursor: { type: 'integer', minimum: 1 }, limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 } },
        },
      },
    },
    async (req) => {
      const q = req.query as { cursor?: number; limit: number };
      const entries = deps.queries.listAudit(q.cursor ?? Number.MAX_SAFE_INTEGER, q.limit);
      const last = entries[entries.length - 1];
      return { entries, next_cursor: entries.length === q.limit && last ? Number(last.id) : null };
    },
  );
  return app;
}

const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * `app=web,tier=front` → matchLabels, checked as the Kubernetes API checks label keys and values,
 * so that the generated policy is not refused at `kubectl apply`.
 */
function parseSelector(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new ApiError(400, `selector: "${pair}" is not key=value, e.g. app=web,tier=front`);
    const key = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const slash = key.lastIndexOf('/');
    const prefix = slash >= 0 ? key.slice(0, slash) : null;
    const name = key.slice(slash + 1);
    if (!LABEL_NAME.test(name) || (prefix !== null && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix)))) {
      throw new ApiError(400, `selector: "${key}" is not a Kubernetes label key ([prefix/]name, name up to 63 letters, digits, -, _, . starting and ending alphanumeric)`);
    }
    if (value !== '' && !LABEL_NAME.test(value)) throw new ApiError(400, `selector: the value of ${key} ("${value}") is not a Kubernetes label value (up to 63 letters, digits, -, _, . starting and ending alphanumeric)`);
    if (key in labels) throw new ApiError(400, `selector: ${key} is given twice`);
    labels[key] = value;
  }
  return labels;
}
