import * as $protobuf from "protobufjs";
/** Namespace falco. */
export namespace falco {

    /** Namespace outputs. */
    namespace outputs {

        /** Represents a service */
        class service extends $protobuf.rpc.Service {

            /**
             * Constructs a new service service.
             * @param rpcImpl RPC implementation
             * @param [requestDelimited=false] Whether requests are length-delimited
             * @param [responseDelimited=false] Whether responses are length-delimited
             */
            constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

            /**
             * Creates new service service using the specified rpc implementation.
             * @param rpcImpl RPC implementation
             * @param [requestDelimited=false] Whether requests are length-delimited
             * @param [responseDelimited=false] Whether responses are length-delimited
             * @returns RPC service. Useful where requests and/or responses are streamed.
             */
            public static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): service;

            /**
             * Calls sub.
             * @param request request message or plain object
             * @param callback Node-style callback called with the error, if any, and response
             */
            public sub(request: falco.outputs.Irequest, callback: falco.outputs.service.subCallback): void;

            /**
             * Calls sub.
             * @param request request message or plain object
             * @returns Promise
             */
            public sub(request: falco.outputs.Irequest): Promise<falco.outputs.response>;

            /**
             * Calls get.
             * @param request request message or plain object
             * @param callback Node-style callback called with the error, if any, and response
             */
            public get(request: falco.outputs.Irequest, callback: falco.outputs.service.getCallback): void;

            /**
             * Calls get.
             * @param request request message or plain object
             * @returns Promise
             */
            public get(request: falco.outputs.Irequest): Promise<falco.outputs.response>;
        }

        namespace service {

            /**
             * Callback as used by {@link falco.outputs.service#sub}.
             * @param error Error, if any
             * @param [response] response
             */
            type subCallback = (error: (Error|null), response?: falco.outputs.response) => void;

            /**
             * Callback as used by {@link falco.outputs.service#get}.
             * @param error Error, if any
             * @param [response] response
             */
            type getCallback = (error: (Error|null), response?: falco.outputs.response) => void;
        }

        /** Properties of a request. */
        interface Irequest {
        }

        /** Represents a request. */
        class request implements Irequest {

            /**
             * Constructs a new request.
             * @param [properties] Properties to set
             */
            constructor(properties?: falco.outputs.Irequest);

            /**
             * Creates a new request instance using the specified properties.
             * @param [properties] Properties to set
             * @returns request instance
             */
            public static create(properties?: falco.outputs.Irequest): falco.outputs.request;

            /**
             * Encodes the specified request message. Does not implicitly {@link falco.outputs.request.verify|verify} messages.
             * @param message request message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: falco.outputs.Irequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a request message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns request
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): falco.outputs.request;

            /**
             * Verifies a request message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a request message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns request
             */
            public static fromObject(object: { [k: string]: any }): falco.outputs.request;

            /**
             * Creates a plain object from a request message. Also converts values to other types if specified.
             * @param message request
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: falco.outputs.request, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this request to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a response. */
        interface Iresponse {

            /** response time */
            time?: (google.protobuf.ITimestamp|null);

            /** response priority */
            priority?: (falco.schema.priority|null);

            /** response source_deprecated */
            source_deprecated?: (falco.schema.source|null);

            /** response rule */
            rule?: (string|null);

            /** response output */
            output?: (string|null);

            /** response output_fields */
            output_fields?: ({ [k: string]: string }|null);

            /** response hostname */
            hostname?: (string|null);

            /** response tags */
            tags?: (string[]|null);

            /** response source */
            source?: (string|null);
        }

        /** Represents a response. */
        class response implements Iresponse {

            /**
             * Constructs a new response.
             * @param [properties] Properties to set
             */
            constructor(properties?: falco.outputs.Iresponse);

            /** response time. */
            public time?: (google.protobuf.ITimestamp|null);

            /** response priority. */
            public priority: falco.schema.priority;

            /** response source_deprecated. */
            public source_deprecated: falco.schema.source;

            /** response rule. */
            public rule: string;

            /** response output. */
            public output: string;

            /** response output_fields. */
            public output_fields: { [k: string]: string };

            /** response hostname. */
            public hostname: string;

            /** response tags. */
            public tags: string[];

            /** response source. */
            public source: string;

            /**
             * Creates a new response instance using the specified properties.
             * @param [properties] Properties to set
             * @returns response instance
             */
            public static create(properties?: falco.outputs.Iresponse): falco.outputs.response;

            /**
             * Encodes the specified response message. Does not implicitly {@link falco.outputs.response.verify|verify} messages.
             * @param message response message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: falco.outputs.Iresponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a response message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns response
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): falco.outputs.response;

            /**
             * Verifies a response message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a response message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns response
             */
            public static fromObject(object: { [k: string]: any }): falco.outputs.response;

            /**
             * Creates a plain object from a response message. Also converts values to other types if specified.
             * @param message response
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: falco.outputs.response, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this response to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }
    }

    /** Namespace schema. */
    namespace schema {

        /** priority enum. */
        enum priority {
            emergency = 0,
            alert = 1,
            critical = 2,
            error = 3,
            warning = 4,
            notice = 5,
            informational = 6,
            debug = 7
        }

        /** source enum. */
        enum source {
            syscall = 0,
            k8s_audit = 1,
            internal = 2,
            plugin = 3
        }
    }

    /** Namespace version. */
    namespace version {

        /** Represents a service */
        class service extends $protobuf.rpc.Service {

            /**
             * Constructs a new service service.
             * @param rpcImpl RPC implementation
             * @param [requestDelimited=false] Whether requests are length-delimited
             * @param [responseDelimited=false] Whether responses are length-delimited
             */
            constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

            /**
             * Creates new service service using the specified rpc implementation.
             * @param rpcImpl RPC implementation
             * @param [requestDelimited=false] Whether requests are length-delimited
             * @param [responseDelimited=false] Whether responses are length-delimited
             * @returns RPC service. Useful where requests and/or responses are streamed.
             */
            public static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): service;

            /**
             * Calls version.
             * @param request request message or plain object
             * @param callback Node-style callback called with the error, if any, and response
             */
            public version(request: falco.version.Irequest, callback: falco.version.service.versionCallback): void;

            /**
             * Calls version.
             * @param request request message or plain object
             * @returns Promise
             */
            public version(request: falco.version.Irequest): Promise<falco.version.response>;
        }

        namespace service {

            /**
             * Callback as used by {@link falco.version.service#version}.
             * @param error Error, if any
             * @param [response] response
             */
            type versionCallback = (error: (Error|null), response?: falco.version.response) => void;
        }

        /** Properties of a request. */
        interface Irequest {
        }

        /** Represents a request. */
        class request implements Irequest {

            /**
             * Constructs a new request.
             * @param [properties] Properties to set
             */
            constructor(properties?: falco.version.Irequest);

            /**
             * Creates a new request instance using the specified properties.
             * @param [properties] Properties to set
             * @returns request instance
             */
            public static create(properties?: falco.version.Irequest): falco.version.request;

            /**
             * Encodes the specified request message. Does not implicitly {@link falco.version.request.verify|verify} messages.
             * @param message request message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: falco.version.Irequest, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a request message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns request
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): falco.version.request;

            /**
             * Verifies a request message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a request message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns request
             */
            public static fromObject(object: { [k: string]: any }): falco.version.request;

            /**
             * Creates a plain object from a request message. Also converts values to other types if specified.
             * @param message request
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: falco.version.request, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this request to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a response. */
        interface Iresponse {

            /** response version */
            version?: (string|null);

            /** response major */
            major?: (number|null);

            /** response minor */
            minor?: (number|null);

            /** response patch */
            patch?: (number|null);

            /** response prerelease */
            prerelease?: (string|null);

            /** response build */
            build?: (string|null);

            /** response engine_minor */
            engine_minor?: (number|null);

            /** response engine_fields_checksum */
            engine_fields_checksum?: (string|null);

            /** response engine_major */
            engine_major?: (number|null);

            /** response engine_patch */
            engine_patch?: (number|null);

            /** response engine_version */
            engine_version?: (string|null);
        }

        /** Represents a response. */
        class response implements Iresponse {

            /**
             * Constructs a new response.
             * @param [properties] Properties to set
             */
            constructor(properties?: falco.version.Iresponse);

            /** response version. */
            public version: string;

            /** response major. */
            public major: number;

            /** response minor. */
            public minor: number;

            /** response patch. */
            public patch: number;

            /** response prerelease. */
            public prerelease: string;

            /** response build. */
            public build: string;

            /** response engine_minor. */
            public engine_minor: number;

            /** response engine_fields_checksum. */
            public engine_fields_checksum: string;

            /** response engine_major. */
            public engine_major: number;

            /** response engine_patch. */
            public engine_patch: number;

            /** response engine_version. */
            public engine_version: string;

            /**
             * Creates a new response instance using the specified properties.
             * @param [properties] Properties to set
             * @returns response instance
             */
            public static create(properties?: falco.version.Iresponse): falco.version.response;

            /**
             * Encodes the specified response message. Does not implicitly {@link falco.version.response.verify|verify} messages.
             * @param message response message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: falco.version.Iresponse, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a response message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns response
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): falco.version.response;

            /**
             * Verifies a response message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a response message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns response
             */
            public static fromObject(object: { [k: string]: any }): falco.version.response;

            /**
             * Creates a plain object from a response message. Also converts values to other types if specified.
             * @param message response
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: falco.version.response, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this response to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }
    }
}

/** Namespace google. */
export namespace google {

    /** Namespace protobuf. */
    namespace protobuf {

        /** Properties of a Timestamp. */
        interface ITimestamp {

            /** Timestamp seconds */
            seconds?: (number|null);

            /** Timestamp nanos */
            nanos?: (number|null);
        }

        /** Represents a Timestamp. */
        class Timestamp implements ITimestamp {

            /**
             * Constructs a new Timestamp.
             * @param [properties] Properties to set
             */
            constructor(properties?: google.protobuf.ITimestamp);

            /** Timestamp seconds. */
            public seconds: number;

            /** Timestamp nanos. */
            public nanos: number;

            /**
             * Creates a new Timestamp instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Timestamp instance
             */
            public static create(properties?: google.protobuf.ITimestamp): google.protobuf.Timestamp;

            /**
             * Encodes the specified Timestamp message. Does not implicitly {@link google.protobuf.Timestamp.verify|verify} messages.
             * @param message Timestamp message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: google.protobuf.ITimestamp, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Timestamp message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Timestamp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.Timestamp;

            /**
             * Verifies a Timestamp message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Timestamp message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Timestamp
             */
            public static fromObject(object: { [k: string]: any }): google.protobuf.Timestamp;

            /**
             * Creates a plain object from a Timestamp message. Also converts values to other types if specified.
             * @param message Timestamp
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: google.protobuf.Timestamp, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Timestamp to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }
    }
}
