import t from 'tap';
import { falco } from '../../proto/gen/falco.js';
import { decodeGrpcResponse } from '../../agent/falco/grpc-event.js';

function roundTrip(msg: falco.outputs.Iresponse): falco.outputs.response {
  return falco.outputs.response.decode(falco.outputs.response.encode(msg).finish());
}

t.test('text values, <NA> and the Timestamp', async (t) => {
  const d = decodeGrpcResponse(
    roundTrip({
      time: { seconds: 1795165200, nanos: 123456789 },
      priority: falco.schema.priority.informational,
      rule: 'Vigil process exec',
      output: 'exec',
      output_fields: { 'proc.pid': '42', 'container.name': '<NA>', 'proc.is_exe_upper_layer': 'true' },
      hostname: 'node-1',
      tags: ['vigil', 'process'],
      source: 'syscall',
    }),
  );
  t.equal(d.event.timeNs, 1795165200123456789n);
  t.equal(d.event.priority, 'informational');
  t.equal(d.event.fields.get('proc.pid'), '42');
  t.equal(d.event.fields.get('container.name'), null);
  t.same(d.event.tags, ['vigil', 'process']);
  t.equal(d.event.encoding, 'grpc');
  t.same(d.warnings, []);
});

t.test('proto3 zero values: missing priority is emergency, missing source is syscall', async (t) => {
  const d = decodeGrpcResponse(roundTrip({ rule: 'x', time: { seconds: 1 } }));
  t.equal(d.event.priority, 'emergency');
  t.equal(d.event.source, 'syscall');
  t.equal(d.event.output, null);
  t.equal(d.event.hostname, '');
});

t.test('older Falco: source only in the deprecated enum', async (t) => {
  const d = decodeGrpcResponse(roundTrip({ rule: 'x', time: { seconds: 1 }, source_deprecated: falco.schema.source.internal }));
  t.equal(d.event.source, 'internal');
});

t.test('an unknown priority number and a missing time are warnings, not failures', async (t) => {
  const writer = falco.outputs.response.encode({ rule: 'x' });
  writer.uint32((2 << 3) | 0).uint32(9); // field 2 (priority) = 9, beyond Falco's enum
  const d = decodeGrpcResponse(falco.outputs.response.decode(writer.finish()));
  t.equal(d.event.priority, null);
  t.same(d.warnings.slice().sort(), ['missing_time', 'unknown_priority']);
});

t.test('unknown protobuf fields are skipped', async (t) => {
  const writer = falco.outputs.response.encode({ rule: 'x', time: { seconds: 1 } });
  writer.uint32((99 << 3) | 2).string('from a future Falco');
  const d = decodeGrpcResponse(falco.outputs.response.decode(writer.finish()));
  t.equal(d.event.rule, 'x');
});
