// grpc-js service definitions for Falco's outputs and version APIs, built on the static protobuf
// code. Shared by the agent's client and the Falco-compatible server the tests run, so both
// speak exactly the paths and messages of proto/falco/*.proto.
import type { ServiceDefinition } from '@grpc/grpc-js';
import $protobuf from 'protobufjs/minimal.js';
import { falco } from './gen/falco.js';

export const FALCO_SUB_PATH = '/falco.outputs.service/sub';
export const FALCO_GET_PATH = '/falco.outputs.service/get';
export const FALCO_VERSION_PATH = '/falco.version.service/version';

export type OutputsRequest = falco.outputs.Irequest;
export type OutputsResponse = falco.outputs.Iresponse;
export type VersionResponse = falco.version.Iresponse;

export const encodeOutputsRequest = (msg: OutputsRequest): Buffer =>
  Buffer.from(falco.outputs.request.encode(msg).finish());
export const decodeOutputsRequest = (buf: Buffer): OutputsRequest => falco.outputs.request.decode(buf);
export const encodeOutputsResponse = (msg: OutputsResponse): Buffer =>
  Buffer.from(falco.outputs.response.encode(msg).finish());
/**
 * protobufjs's Buffer reader clamps a string field that runs past the end of the message
 * instead of failing, which would turn a truncated message into a silently shortened executable
 * path; its plain Reader fails correctly but garbles invalid UTF-8 (eating the characters after
 * a bad byte). This reader keeps Node's UTF-8 decoding (bad bytes become U+FFFD, as on the JSON
 * path) and fails on truncation.
 */
class StrictBufferReader extends $protobuf.BufferReader {
  override string(): string {
    const length = this.uint32();
    const end = this.pos + length;
    if (end > this.len) throw new RangeError(`index out of range: ${this.pos} + ${length} > ${this.len}`);
    // utf8Slice, as protobufjs itself uses: Buffer#toString adds argument checks per string.
    const text = (this.buf as Buffer & { utf8Slice(start: number, end: number): string }).utf8Slice(this.pos, end);
    this.pos = end;
    return text;
  }
}

export const decodeOutputsResponse = (buf: Buffer): falco.outputs.response =>
  falco.outputs.response.decode(new StrictBufferReader(buf));
export const encodeVersionRequest = (msg: falco.version.Irequest): Buffer =>
  Buffer.from(falco.version.request.encode(msg).finish());
export const decodeVersionRequest = (buf: Buffer): falco.version.Irequest => falco.version.request.decode(buf);
export const encodeVersionResponse = (msg: VersionResponse): Buffer =>
  Buffer.from(falco.version.response.encode(msg).finish());
export const decodeVersionResponse = (buf: Buffer): falco.version.response => falco.version.response.decode(buf);

export const falcoOutputsService = {
  sub: {
    path: FALCO_SUB_PATH,
    requestStream: true,
    responseStream: true,
    requestSerialize: encodeOutputsRequest,
    requestDeserialize: decodeOutputsRequest,
    responseSerialize: encodeOutputsResponse,
    responseDeserialize: decodeOutputsResponse,
    originalName: 'sub',
  },
  get: {
    path: FALCO_GET_PATH,
    requestStream: false,
    responseStream: true,
    requestSerialize: encodeOutputsRequest,
    requestDeserialize: decodeOutputsRequest,
    responseSerialize: encodeOutputsResponse,
    responseDeserialize: decodeOutputsResponse,
    originalName: 'get',
  },
} satisfies ServiceDefinition;

export const falcoVersionService = {
  version: {
    path: FALCO_VERSION_PATH,
    requestStream: false,
    responseStream: false,
    requestSerialize: encodeVersionRequest,
    requestDeserialize: decodeVersionRequest,
    responseSerialize: encodeVersionResponse,
    responseDeserialize: decodeVersionResponse,
    originalName: 'version',
  },
} satisfies ServiceDefinition;
