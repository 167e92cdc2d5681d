// What the gRPC input does with each `falco.outputs.response`: replay the outcome of an earlier
// event with the same fingerprint (response-fingerprint.ts) when the pipeline allows it, else
// decode the message and hand it on, remembering its outcome for the next repeat. Malformed
// messages are rejected with the decoder's reason. The fingerprint's bytes live in a buffer the
// next fingerprint overwrites: everything between taking it and storing it runs synchronously,
// and nothing in the sink takes another fingerprint.
import type { IngestSink } from '../pipeline/ingest.js';
import { OutcomeCache } from '../pipeline/outcome-cache.js';
import { decodeGrpcResponse } from './grpc-event.js';
import { OutputsDecoder } from './outputs-decoder.js';
import { fingerprintResponse } from './response-fingerprint.js';

export class ResponseHandler {
  private readonly decoder = new OutputsDecoder();

  constructor(
    private readonly sink: IngestSink,
    private readonly outcomes = new OutcomeCache(),
  ) {}

  handle(buf: Buffer): void {
    // Most events on a busy node repeat one seen moments ago.
    const fingerprint = fingerprintResponse(buf);
    if (fingerprint) {
      const outcome = this.outcomes.get(fingerprint);
      if (outcome && this.sink.replay(outcome, fingerprint, 'grpc')) return;
    }
    let decoded;
    try {
      decoded = decodeGrpcResponse(this.decoder.decode(buf));
    } catch (err) {
      this.sink.reject('grpc', 'malformed_protobuf', `${(err as Error).message} (${buf.length} bytes)`);
      return;
    }
    const outcome = this.sink.event(decoded, 'grpc');
    // The decoder ran in between but does not touch the fingerprint's scratch buffer.
    if (fingerprint && outcome) this.outcomes.set(fingerprint, outcome);
  }
}
