// grpc-js service definitions for Falco's outputs and version APIs, built on the static protobuf
// code. Shared by the agent's client and the Falco-compatible server the tests run, so both
// speak exactly the paths and messages of proto/falco/*.proto.
import type { ServiceDefinition } from '@grpc/grpc-js';
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
export const decodeOutputsResponse = (buf: Buffer): falco.outputs.response => falco.outputs.response.decode(buf);
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
