// The collector's JSON as the browser receives it (docs/api.md). The browser cannot import the
// server's modules (they load SQLite and Node), so the contract is written down here once for
// every UI module; fields the UI does not read are left out.

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const MODES = ['learning', 'detecting', 'disabled'] as const;
export type Mode = (typeof MODES)[number];
export const STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof STATUSES)[number];
export type Role = 'viewer' | 'operator';
export type AlertCategory = 'deviation' | 'review';

export interface Session {
  readonly name: string;
  readonly role: Role;
  readonly demo: boolean;
  readonly version: string;
  readonly server_time: string;
  readonly stream_cursor: number;
}

export interface WorkloadRef {
  readonly key: string;
  readonly cluster: string;
  readonly namespace: string;
  readonly kind: string;
  readonly name: string;
}

export interface AlertJson {
  readonly id: number;
  readonly workload: WorkloadRef;
  readonly container: string;
  readonly item: string;
  readonly type: string;
  readonly status: AlertStatus;
  readonly severity: Severity;
  readonly severity_reason: string;
  /** The severity rule that decided (rules/severity.yaml id, or `default`). */
  readonly severity_rule: string;
  /** `review`: a never-learn item seen while learning, waiting for approval. */
  readonly category: AlertCategory;
  readonly count: number;
  readonly first_seen: string;
  readonly last_seen: string;
  readonly node: string;
  readonly evidence?: Readonly<Record<string, unknown>>;
}

export interface AlertList {
  readonly alerts: readonly AlertJson[];
  readonly next_cursor: number | null;
}

export interface WindowJson {
  readonly start: string | null;
  readonly end: string | null;
  readonly length_ms: number | null;
}

export interface WorkloadJson extends WorkloadRef {
  readonly mode: Mode;
  readonly window: WindowJson;
  readonly locked_at: string | null;
  readonly locked_by: string | null;
  /** How process items are identified: the executable, or executable and parent. */
  readonly identity: 'exe' | 'lineage' | 'args';
  readonly completeness: CompletenessJson;
  readonly items?: number;
  readonly open_alerts?: number;
  readonly baseline?: readonly BaselineItemJson[];
  /** Image digests seen per container, oldest first (workload page only). */
  readonly images?: readonly ImageJson[];
}

/** How complete a baseline looks: size, when it last grew, how many nodes and pods taught it. */
export interface CompletenessJson {
  readonly items: number;
  readonly last_new_item: string | null;
  readonly nodes: number;
  readonly pods: number;
}

export interface ImageJson {
  readonly container: string;
  readonly image_digest: string;
  readonly first_seen: string;
  /** End of the review window a rollout to this digest opened; null when none. */
  readonly review_until: string | null;
}

export interface BaselineItemJson {
  readonly container: string;
  readonly item: string;
  readonly type: string;
  readonly first_seen: string;
  readonly node: string;
  readonly added_by: 'learned' | 'approved' | 'manual';
  readonly image_digest: string;
  /** First seen within the start-up grace after its container started. */
  readonly startup: boolean;
}

export interface AgentStatsJson {
  readonly events_total?: number;
  readonly dropped_total?: number;
  readonly outbox_depth?: number;
  readonly falco_connected?: boolean;
  readonly events_per_second?: number | null;
}

export interface AgentJson {
  readonly agent_id: string;
  readonly node: string;
  readonly cluster: string;
  readonly version: string;
  readonly falco_version: string;
  readonly last_seen: string | null;
  readonly last_heartbeat: string | null;
  readonly heartbeat_age_s: number | null;
  readonly connected?: boolean;
  readonly stats: AgentStatsJson | null;
}

/** A message of the stream (`/api/v1/stream`); every one has a type and a cursor. */
export type StreamMessage =
  | { readonly type: 'alert'; readonly cursor: number; readonly at: string; readonly workload: string; readonly alert: number; readonly container: string; readonly item: string; readonly severity: Severity; readonly reason: string; readonly category?: AlertCategory }
  | { readonly type: 'alert.updated'; readonly cursor: number; readonly at: string; readonly workload: string; readonly alert: number; readonly count: number; readonly status: AlertStatus; readonly approved?: boolean; readonly category?: AlertCategory }
  | { readonly type: 'workload.mode'; readonly cursor: number; readonly at: string; readonly workload: string; readonly mode: Mode; readonly previous: Mode; readonly actor: string }
  | { readonly type: 'workload.image'; readonly cursor: number; readonly at: string; readonly workload: string; readonly container: string; readonly image_digest: string; readonly review_until: string | null }
  | { readonly type: 'workload.window'; readonly cursor: number; readonly at: string; readonly workload: string; readonly window_end: string }
  | { readonly type: 'agent.status'; readonly cursor: number; readonly at: string; readonly agent: string; readonly node: string; readonly connected: boolean }
  | { readonly type: 'heartbeat'; readonly cursor: number; readonly caught_up?: boolean }
  | { readonly type: 'error'; readonly cursor: number; readonly error: string };
