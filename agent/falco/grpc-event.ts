// Decodes Falco's gRPC outputs `response` message into the shared FalcoEvent model.
import { falco } from '../../proto/gen/falco.js';
import {
  REPLACEMENT_CHAR,
  priorityFromNumber,
  textFieldValue,
  type Decoded,
  type DecodeWarning,
  type FieldValue,
} from './event.js';

// Falco ≥0.34 fills `source` (string); older versions only the deprecated enum.
const SOURCE_BY_ENUM = ['syscall', 'k8s_audit', 'internal', 'plugin'];

export function decodeGrpcResponse(res: falco.outputs.response): Decoded {
  const warnings: DecodeWarning[] = [];
  // Proto3 omits zero values: a missing priority is `emergency` (0), which is what Falco meant.
  const priority = priorityFromNumber(res.priority ?? 0);
  if (priority === null) warnings.push('unknown_priority');

  let timeNs: bigint;
  if (res.time) {
    timeNs = BigInt(res.time.seconds ?? 0) * 1_000_000_000n + BigInt(res.time.nanos ?? 0);
  } else {
    warnings.push('missing_time');
    timeNs = BigInt(Date.now()) * 1_000_000n;
  }

  const fields = new Map<string, FieldValue>();
  const raw = res.output_fields;
  let invalidUtf8 = false;
  if (raw) {
    for (const key of Object.keys(raw)) {
      const value = raw[key];
      if (typeof value === 'string') {
        if (value.includes(REPLACEMENT_CHAR)) invalidUtf8 = true;
        fields.set(key, textFieldValue(value));
      } else {
        fields.set(key, null);
      }
    }
  }
  if (invalidUtf8) warnings.push('invalid_utf8');

  const source = res.source || SOURCE_BY_ENUM[res.source_deprecated ?? 0] || 'syscall';
  return {
    event: {
      timeNs,
      priority,
      rule: res.rule ?? '',
      source,
      hostname: res.hostname ?? '',
      output: res.output ? res.output : null,
      tags: res.tags ?? [],
      fields,
      encoding: 'grpc',
    },
    warnings,
    unknownKeys: [],
  };
}
