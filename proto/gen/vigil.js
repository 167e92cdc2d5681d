/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars*/
import $protobuf from "protobufjs/minimal.js";

// 64-bit integers decode to numbers (see proto/generate.mjs).
$protobuf.util.Long = undefined;
$protobuf.configure();

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;

// Exported root namespace
const $root = $protobuf.roots["vigil_vigil"] || ($protobuf.roots["vigil_vigil"] = {});

export const vigil = $root.vigil = (() => {

    /**
     * Namespace vigil.
     * @exports vigil
     * @namespace
     */
    const vigil = {};

    vigil.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof vigil
         * @namespace
         */
        const v1 = {};

        v1.AgentGateway = (function() {

            /**
             * Constructs a new AgentGateway service.
             * @memberof vigil.v1
             * @classdesc Represents an AgentGateway
             * @extends $protobuf.rpc.Service
             * @constructor
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             */
            function AgentGateway(rpcImpl, requestDelimited, responseDelimited) {
                $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
            }

            (AgentGateway.prototype = Object.create($protobuf.rpc.Service.prototype)).constructor = AgentGateway;

            /**
             * Creates new AgentGateway service using the specified rpc implementation.
             * @function create
             * @memberof vigil.v1.AgentGateway
             * @static
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             * @returns {AgentGateway} RPC service. Useful where requests and/or responses are streamed.
             */
            AgentGateway.create = function create(rpcImpl, requestDelimited, responseDelimited) {
                return new this(rpcImpl, requestDelimited, responseDelimited);
            };

            /**
             * Callback as used by {@link vigil.v1.AgentGateway#connect}.
             * @memberof vigil.v1.AgentGateway
             * @typedef ConnectCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {vigil.v1.CollectorMessage} [response] CollectorMessage
             */

            /**
             * Calls Connect.
             * @function connect
             * @memberof vigil.v1.AgentGateway
             * @instance
             * @param {vigil.v1.IAgentMessage} request AgentMessage message or plain object
             * @param {vigil.v1.AgentGateway.ConnectCallback} callback Node-style callback called with the error, if any, and CollectorMessage
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(AgentGateway.prototype.connect = function connect(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, connect, $root.vigil.v1.AgentMessage, $root.vigil.v1.CollectorMessage, request, callback);
            }, "name", { value: "Connect" });

            /**
             * Calls Connect.
             * @function connect
             * @memberof vigil.v1.AgentGateway
             * @instance
             * @param {vigil.v1.IAgentMessage} request AgentMessage message or plain object
             * @returns {Promise<vigil.v1.CollectorMessage>} Promise
             * @variation 2
             */

            return AgentGateway;
        })();

        v1.AgentMessage = (function() {

            /**
             * Properties of an AgentMessage.
             * @memberof vigil.v1
             * @interface IAgentMessage
             * @property {vigil.v1.IHello|null} [hello] AgentMessage hello
             * @property {vigil.v1.IReportBatch|null} [reports] AgentMessage reports
             * @property {vigil.v1.IHeartbeat|null} [heartbeat] AgentMessage heartbeat
             */

            /**
             * Constructs a new AgentMessage.
             * @memberof vigil.v1
             * @classdesc Represents an AgentMessage.
             * @implements IAgentMessage
             * @constructor
             * @param {vigil.v1.IAgentMessage=} [properties] Properties to set
             */
            function AgentMessage(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * AgentMessage hello.
             * @member {vigil.v1.IHello|null|undefined} hello
             * @memberof vigil.v1.AgentMessage
             * @instance
             */
            AgentMessage.prototype.hello = null;

            /**
             * AgentMessage reports.
             * @member {vigil.v1.IReportBatch|null|undefined} reports
             * @memberof vigil.v1.AgentMessage
             * @instance
             */
            AgentMessage.prototype.reports = null;

            /**
             * AgentMessage heartbeat.
             * @member {vigil.v1.IHeartbeat|null|undefined} heartbeat
             * @memberof vigil.v1.AgentMessage
             * @instance
             */
            AgentMessage.prototype.heartbeat = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * AgentMessage body.
             * @member {"hello"|"reports"|"heartbeat"|undefined} body
             * @memberof vigil.v1.AgentMessage
             * @instance
             */
            Object.defineProperty(AgentMessage.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["hello", "reports", "heartbeat"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new AgentMessage instance using the specified properties.
             * @function create
             * @memberof vigil.v1.AgentMessage
             * @static
             * @param {vigil.v1.IAgentMessage=} [properties] Properties to set
             * @returns {vigil.v1.AgentMessage} AgentMessage instance
             */
            AgentMessage.create = function create(properties) {
                return new AgentMessage(properties);
            };

            /**
             * Encodes the specified AgentMessage message. Does not implicitly {@link vigil.v1.AgentMessage.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.AgentMessage
             * @static
             * @param {vigil.v1.IAgentMessage} message AgentMessage message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AgentMessage.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.hello != null && Object.hasOwnProperty.call(message, "hello"))
                    $root.vigil.v1.Hello.encode(message.hello, writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (message.reports != null && Object.hasOwnProperty.call(message, "reports"))
                    $root.vigil.v1.ReportBatch.encode(message.reports, writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (message.heartbeat != null && Object.hasOwnProperty.call(message, "heartbeat"))
                    $root.vigil.v1.Heartbeat.encode(message.heartbeat, writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes an AgentMessage message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.AgentMessage
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.AgentMessage} AgentMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AgentMessage.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.vigil.v1.AgentMessage();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.hello = $root.vigil.v1.Hello.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 2: {
                            message.reports = $root.vigil.v1.ReportBatch.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 3: {
                            message.heartbeat = $root.vigil.v1.Heartbeat.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Verifies an AgentMessage message.
             * @function verify
             * @memberof vigil.v1.AgentMessage
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            AgentMessage.verify = function verify(message, long) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                let properties = {};
                if (message.hello != null && Object.hasOwnProperty.call(message, "hello")) {
                    properties.body = 1;
                    {
                        let error = $root.vigil.v1.Hello.verify(message.hello, long + 1);
                        if (error)
                            return "hello." + error;
                    }
                }
                if (message.reports != null && Object.hasOwnProperty.call(message, "reports")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.vigil.v1.ReportBatch.verify(message.reports, long + 1);
                        if (error)
                            return "reports." + error;
                    }
                }
                if (message.heartbeat != null && Object.hasOwnProperty.call(message, "heartbeat")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.vigil.v1.Heartbeat.verify(message.heartbeat, long + 1);
                        if (error)
                            return "heartbeat." + error;
                    }
                }
                return null;
            };

            /**
             * Creates an AgentMessage message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.AgentMessage
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.AgentMessage} AgentMessage
             */
            AgentMessage.fromObject = function fromObject(object, long) {
                if (object instanceof $root.vigil.v1.AgentMessage)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".vigil.v1.AgentMessage: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.vigil.v1.AgentMessage();
                if (object.hello != null) {
                    if (!$util.isObject(object.hello))
                        throw TypeError(".vigil.v1.AgentMessage.hello: object expected");
                    message.hello = $root.vigil.v1.Hello.fromObject(object.hello, long + 1);
                }
                if (object.reports != null) {
                    if (!$util.isObject(object.reports))
                        throw TypeError(".vigil.v1.AgentMessage.reports: object expected");
                    message.reports = $root.vigil.v1.ReportBatch.fromObject(object.reports, long + 1);
                }
                if (object.heartbeat != null) {
                    if (!$util.isObject(object.heartbeat))
                        throw TypeError(".vigil.v1.AgentMessage.heartbeat: object expected");
                    message.heartbeat = $root.vigil.v1.Heartbeat.fromObject(object.heartbeat, long + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an AgentMessage message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.AgentMessage
             * @static
             * @param {vigil.v1.AgentMessage} message AgentMessage
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AgentMessage.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (message.hello != null && Object.hasOwnProperty.call(message, "hello")) {
                    object.hello = $root.vigil.v1.Hello.toObject(message.hello, options, q + 1);
                    if (options.oneofs)
                        object.body = "hello";
                }
                if (message.reports != null && Object.hasOwnProperty.call(message, "reports")) {
                    object.reports = $root.vigil.v1.ReportBatch.toObject(message.reports, options, q + 1);
                    if (options.oneofs)
                        object.body = "reports";
                }
                if (message.heartbeat != null && Object.hasOwnProperty.call(message, "heartbeat")) {
                    object.heartbeat = $root.vigil.v1.Heartbeat.toObject(message.heartbeat, options, q + 1);
                    if (options.oneofs)
                        object.body = "heartbeat";
                }
                return object;
            };

            /**
             * Converts this AgentMessage to JSON.
             * @function toJSON
             * @memberof vigil.v1.AgentMessage
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AgentMessage.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AgentMessage;
        })();

        v1.CollectorMessage = (function() {

            /**
             * Properties of a CollectorMessage.
             * @memberof vigil.v1
             * @interface ICollectorMessage
             * @property {vigil.v1.IAck|null} [ack] CollectorMessage ack
             * @property {vigil.v1.IWorkloadSnapshot|null} [snapshot] CollectorMessage snapshot
             * @property {vigil.v1.IWorkloadDelta|null} [delta] CollectorMessage delta
             */

            /**
             * Constructs a new CollectorMessage.
             * @memberof vigil.v1
             * @classdesc Represents a CollectorMessage.
             * @implements ICollectorMessage
             * @constructor
             * @param {vigil.v1.ICollectorMessage=} [properties] Properties to set
             */
            function CollectorMessage(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * CollectorMessage ack.
             * @member {vigil.v1.IAck|null|undefined} ack
             * @memberof vigil.v1.CollectorMessage
             * @instance
             */
            CollectorMessage.prototype.ack = null;

            /**
             * CollectorMessage snapshot.
             * @member {vigil.v1.IWorkloadSnapshot|null|undefined} snapshot
             * @memberof vigil.v1.CollectorMessage
             * @instance
             */
            CollectorMessage.prototype.snapshot = null;

            /**
             * CollectorMessage delta.
             * @member {vigil.v1.IWorkloadDelta|null|undefined} delta
             * @memberof vigil.v1.CollectorMessage
             * @instance
             */
            CollectorMessage.prototype.delta = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * CollectorMessage body.
             * @member {"ack"|"snapshot"|"delta"|undefined} body
             * @memberof vigil.v1.CollectorMessage
             * @instance
             */
            Object.defineProperty(CollectorMessage.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["ack", "snapshot", "delta"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new CollectorMessage instance using the specified properties.
             * @function create
             * @memberof vigil.v1.CollectorMessage
             * @static
             * @param {vigil.v1.ICollectorMessage=} [properties] Properties to set
             * @returns {vigil.v1.CollectorMessage} CollectorMessage instance
             */
            CollectorMessage.create = function create(properties) {
                return new CollectorMessage(properties);
            };

            /**
             * Encodes the specified CollectorMessage message. Does not implicitly {@link vigil.v1.CollectorMessage.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.CollectorMessage
             * @static
             * @param {vigil.v1.ICollectorMessage} message CollectorMessage message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CollectorMessage.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.ack != null && Object.hasOwnProperty.call(message, "ack"))
                    $root.vigil.v1.Ack.encode(message.ack, writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (message.snapshot != null && Object.hasOwnProperty.call(message, "snapshot"))
                    $root.vigil.v1.WorkloadSnapshot.encode(message.snapshot, writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (message.delta != null && Object.hasOwnProperty.call(message, "delta"))
                    $root.vigil.v1.WorkloadDelta.encode(message.delta, writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a CollectorMessage message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.CollectorMessage
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.CollectorMessage} CollectorMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CollectorMessage.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.vigil.v1.CollectorMessage();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.ack = $root.vigil.v1.Ack.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 2: {
                            message.snapshot = $root.vigil.v1.WorkloadSnapshot.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 3: {
                            message.delta = $root.vigil.v1.WorkloadDelta.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Verifies a CollectorMessage message.
             * @function verify
             * @memberof vigil.v1.CollectorMessage
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            CollectorMessage.verify = function verify(message, long) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                let properties = {};
                if (message.ack != null && Object.hasOwnProperty.call(message, "ack")) {
                    properties.body = 1;
                    {
                        let error = $root.vigil.v1.Ack.verify(message.ack, long + 1);
                        if (error)
                            return "ack." + error;
                    }
                }
                if (message.snapshot != null && Object.hasOwnProperty.call(message, "snapshot")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.vigil.v1.WorkloadSnapshot.verify(message.snapshot, long + 1);
                        if (error)
                            return "snapshot." + error;
                    }
                }
                if (message.delta != null && Object.hasOwnProperty.call(message, "delta")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.vigil.v1.WorkloadDelta.verify(message.delta, long + 1);
                        if (error)
                            return "delta." + error;
                    }
                }
                return null;
            };

            /**
             * Creates a CollectorMessage message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.CollectorMessage
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.CollectorMessage} CollectorMessage
             */
            CollectorMessage.fromObject = function fromObject(object, long) {
                if (object instanceof $root.vigil.v1.CollectorMessage)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".vigil.v1.CollectorMessage: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.vigil.v1.CollectorMessage();
                if (object.ack != null) {
                    if (!$util.isObject(object.ack))
                        throw TypeError(".vigil.v1.CollectorMessage.ack: object expected");
                    message.ack = $root.vigil.v1.Ack.fromObject(object.ack, long + 1);
                }
                if (object.snapshot != null) {
                    if (!$util.isObject(object.snapshot))
                        throw TypeError(".vigil.v1.CollectorMessage.snapshot: object expected");
                    message.snapshot = $root.vigil.v1.WorkloadSnapshot.fromObject(object.snapshot, long + 1);
                }
                if (object.delta != null) {
                    if (!$util.isObject(object.delta))
                        throw TypeError(".vigil.v1.CollectorMessage.delta: object expected");
                    message.delta = $root.vigil.v1.WorkloadDelta.fromObject(object.delta, long + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a CollectorMessage message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.CollectorMessage
             * @static
             * @param {vigil.v1.CollectorMessage} message CollectorMessage
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CollectorMessage.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (message.ack != null && Object.hasOwnProperty.call(message, "ack")) {
                    object.ack = $root.vigil.v1.Ack.toObject(message.ack, options, q + 1);
                    if (options.oneofs)
                        object.body = "ack";
                }
                if (message.snapshot != null && Object.hasOwnProperty.call(message, "snapshot")) {
                    object.snapshot = $root.vigil.v1.WorkloadSnapshot.toObject(message.snapshot, options, q + 1);
                    if (options.oneofs)
                        object.body = "snapshot";
                }
                if (message.delta != null && Object.hasOwnProperty.call(message, "delta")) {
                    object.delta = $root.vigil.v1.WorkloadDelta.toObject(message.delta, options, q + 1);
                    if (options.oneofs)
                        object.body = "delta";
                }
                return object;
            };

            /**
             * Converts this CollectorMessage to JSON.
             * @function toJSON
             * @memberof vigil.v1.CollectorMessage
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CollectorMessage.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return CollectorMessage;
        })();

        v1.Hello = (function() {

            /**
             * Properties of a Hello.
             * @memberof vigil.v1
             * @interface IHello
             * @property {string|null} [agent_id] Hello agent_id
             * @property {string|null} [node] Hello node
             * @property {string|null} [cluster] Hello cluster
             * @property {string|null} [agent_version] Hello agent_version
             * @property {string|null} [falco_version] Hello falco_version
             * @property {Array.<vigil.v1.IWorkload>|null} [known_workloads] Hello known_workloads
             */

            /**
             * Constructs a new Hello.
             * @memberof vigil.v1
             * @classdesc Represents a Hello.
             * @implements IHello
             * @constructor
             * @param {vigil.v1.IHello=} [properties] Properties to set
             */
            function Hello(properties) {
                this.known_workloads = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Hello agent_id.
             * @member {string} agent_id
             * @memberof vigil.v1.Hello
             * @instance
             */
            Hello.prototype.agent_id = "";

            /**
             * Hello node.
             * @member {string} node
             * @memberof vigil.v1.Hello
             * @instance
             */
            Hello.prototype.node = "";

            /**
             * Hello cluster.
             * @member {string} cluster
             * @memberof vigil.v1.Hello
             * @instance
             */
            Hello.prototype.cluster = "";

            /**
             * Hello agent_version.
             * @member {string} agent_version
             * @memberof vigil.v1.Hello
             * @instance
             */
            Hello.prototype.agent_version = "";

            /**
             * Hello falco_version.
             * @member {string} falco_version
             * @memberof vigil.v1.Hello
             * @instance
             */
            Hello.prototype.falco_version = "";

            /**
             * Hello known_workloads.
             * @member {Array.<vigil.v1.IWorkload>} known_workloads
             * @memberof vigil.v1.Hello
             * @instance
             */
            Hello.prototype.known_workloads = $util.emptyArray;

            /**
             * Creates a new Hello instance using the specified properties.
             * @function create
             * @memberof vigil.v1.Hello
             * @static
             * @param {vigil.v1.IHello=} [properties] Properties to set
             * @returns {vigil.v1.Hello} Hello instance
             */
            Hello.create = function create(properties) {
                return new Hello(properties);
            };

            /**
             * Encodes the specified Hello message. Does not implicitly {@link vigil.v1.Hello.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.Hello
             * @static
             * @param {vigil.v1.IHello} message Hello message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Hello.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.agent_id != null && Object.hasOwnProperty.call(message, "agent_id"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.agent_id);
                if (message.node != null && Object.hasOwnProperty.call(message, "node"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.node);
                if (message.cluster != null && Object.hasOwnProperty.call(message, "cluster"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.cluster);
                if (message.agent_version != null && Object.hasOwnProperty.call(message, "agent_version"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.agent_version);
                if (message.falco_version != null && Object.hasOwnProperty.call(message, "falco_version"))
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.falco_version);
                if (message.known_workloads != null && message.known_workloads.length)
                    for (let i = 0; i < message.known_workloads.length; ++i)
                        $root.vigil.v1.Workload.encode(message.known_workloads[i], writer.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a Hello message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.Hello
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.Hello} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Hello.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.vigil.v1.Hello();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.agent_id = reader.string();
                            break;
                        }
                    case 2: {
                            message.node = reader.string();
                            break;
                        }
                    case 3: {
                            message.cluster = reader.string();
                            break;
                        }
                    case 4: {
                            message.agent_version = reader.string();
                            break;
                        }
                    case 5: {
                            message.falco_version = reader.string();
                            break;
                        }
                    case 6: {
                            if (!(message.known_workloads && message.known_workloads.length))
                                message.known_workloads = [];
                            message.known_workloads.push($root.vigil.v1.Workload.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Verifies a Hello message.
             * @function verify
             * @memberof vigil.v1.Hello
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Hello.verify = function verify(message, long) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (message.agent_id != null && Object.hasOwnProperty.call(message, "agent_id"))
                    if (!$util.isString(message.agent_id))
                        return "agent_id: string expected";
                if (message.node != null && Object.hasOwnProperty.call(message, "node"))
                    if (!$util.isString(message.node))
                        return "node: string expected";
                if (message.cluster != null && Object.hasOwnProperty.call(message, "cluster"))
                    if (!$util.isString(message.cluster))
                        return "cluster: string expected";
                if (message.agent_version != null && Object.hasOwnProperty.call(message, "agent_version"))
                    if (!$util.isString(message.agent_version))
                        return "agent_version: string expected";
                if (message.falco_version != null && Object.hasOwnProperty.call(message, "falco_version"))
                    if (!$util.isString(message.falco_version))
                        return "falco_version: string expected";
                if (message.known_workloads != null && Object.hasOwnProperty.call(message, "known_workloads")) {
                    if (!Array.isArray(message.known_workloads))
                        return "known_workloads: array expected";
                    for (let i = 0; i < message.known_workloads.length; ++i) {
                        let error = $root.vigil.v1.Workload.verify(message.known_workloads[i], long + 1);
                        if (error)
                            return "known_workloads." + error;
                    }
                }
                return null;
            };

            /**
             * Creates a Hello message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.Hello
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.Hello} Hello
             */
            Hello.fromObject = function fromObject(object, long) {
                if (object instanceof $root.vigil.v1.Hello)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".vigil.v1.Hello: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.vigil.v1.Hello();
                if (object.agent_id != null)
                    message.agent_id = String(object.agent_id);
                if (object.node != null)
                    message.node = String(object.node);
                if (object.cluster != null)
                    message.cluster = String(object.cluster);
                if (object.agent_version != null)
                    message.agent_version = String(object.agent_version);
                if (object.falco_version != null)
                    message.falco_version = String(object.falco_version);
                if (object.known_workloads) {
                    if (!Array.isArray(object.known_workloads))
                        throw TypeError(".vigil.v1.Hello.known_workloads: array expected");
                    message.known_workloads = [];
                    for (let i = 0; i < object.known_workloads.length; ++i) {
                        if (!$util.isObject(object.known_workloads[i]))
                            throw TypeError(".vigil.v1.Hello.known_workloads: object expected");
                        message.known_workloads[i] = $root.vigil.v1.Workload.fromObject(object.known_workloads[i], long + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a Hello message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.Hello
             * @static
             * @param {vigil.v1.Hello} message Hello
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Hello.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.known_workloads = [];
                if (options.defaults) {
                    object.agent_id = "";
                    object.node = "";
                    object.cluster = "";
                    object.agent_version = "";
                    object.falco_version = "";
                }
                if (message.agent_id != null && Object.hasOwnProperty.call(message, "agent_id"))
                    object.agent_id = message.agent_id;
                if (message.node != null && Object.hasOwnProperty.call(message, "node"))
                    object.node = message.node;
                if (message.cluster != null && Object.hasOwnProperty.call(message, "cluster"))
                    object.cluster = message.cluster;
                if (message.agent_version != null && Object.hasOwnProperty.call(message, "agent_version"))
                    object.agent_version = message.agent_version;
                if (message.falco_version != null && Object.hasOwnProperty.call(message, "falco_version"))
                    object.falco_version = message.falco_version;
                if (message.known_workloads && message.known_workloads.length) {
                    object.known_workloads = [];
                    for (let j = 0; j < message.known_workloads.length; ++j)
                        object.known_workloads[j] = $root.vigil.v1.Workload.toObject(message.known_workloads[j], options, q + 1);
                }
                return object;
            };

            /**
             * Converts this Hello to JSON.
             * @function toJSON
             * @memberof vigil.v1.Hello
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Hello.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Hello;
        })();

        v1.Workload = (function() {

            /**
             * Properties of a Workload.
             * @memberof vigil.v1
             * @interface IWorkload
             * @property {string|null} [cluster] Workload cluster
             * @property {string|null} [namespace] Workload namespace
             * @property {string|null} [kind] Workload kind
             * @property {string|null} [name] Workload name
             */

            /**
             * Constructs a new Workload.
             * @memberof vigil.v1
             * @classdesc Represents a Workload.
             * @implements IWorkload
             * @constructor
             * @param {vigil.v1.IWorkload=} [properties] Properties to set
             */
            function Workload(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Workload cluster.
             * @member {string} cluster
             * @memberof vigil.v1.Workload
             * @instance
             */
            Workload.prototype.cluster = "";

            /**
             * Workload namespace.
             * @member {string} namespace
             * @memberof vigil.v1.Workload
             * @instance
             */
            Workload.prototype.namespace = "";

            /**
             * Workload kind.
             * @member {string} kind
             * @memberof vigil.v1.Workload
             * @instance
             */
            Workload.prototype.kind = "";

            /**
             * Workload name.
             * @member {string} name
             * @memberof vigil.v1.Workload
             * @instance
             */
            Workload.prototype.name = "";

            /**
             * Creates a new Workload instance using the specified properties.
             * @function create
             * @memberof vigil.v1.Workload
             * @static
             * @param {vigil.v1.IWorkload=} [properties] Properties to set
             * @returns {vigil.v1.Workload} Workload instance
             */
            Workload.create = function create(properties) {
                return new Workload(properties);
            };

            /**
             * Encodes the specified Workload message. Does not implicitly {@link vigil.v1.Workload.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.Workload
             * @static
             * @param {vigil.v1.IWorkload} message Workload message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Workload.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.cluster != null && Object.hasOwnProperty.call(message, "cluster"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.cluster);
                if (message.namespace != null && Object.hasOwnProperty.call(message, "namespace"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.namespace);
                if (message.kind != null && Object.hasOwnProperty.call(message, "kind"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.kind);
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.name);
                return writer;
            };

            /**
             * Decodes a Workload message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.Workload
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.Workload} Workload
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Workload.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.vigil.v1.Workload();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.cluster = reader.string();
                            break;
                        }
                    case 2: {
                            message.namespace = reader.string();
                            break;
                        }
                    case 3: {
                            message.kind = reader.string();
                            break;
                        }
                    case 4: {
                            message.name = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Verifies a Workload message.
             * @function verify
             * @memberof vigil.v1.Workload
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Workload.verify = function verify(message, long) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (message.cluster != null && Object.hasOwnProperty.call(message, "cluster"))
                    if (!$util.isString(message.cluster))
                        return "cluster: string expected";
                if (message.namespace != null && Object.hasOwnProperty.call(message, "namespace"))
                    if (!$util.isString(message.namespace))
                        return "namespace: string expected";
                if (message.kind != null && Object.hasOwnProperty.call(message, "kind"))
                    if (!$util.isString(message.kind))
                        return "kind: string expected";
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    if (!$util.isString(message.name))
                        return "name: string expected";
                return null;
            };

            /**
             * Creates a Workload message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.Workload
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.Workload} Workload
             */
            Workload.fromObject = function fromObject(object, long) {
                if (object instanceof $root.vigil.v1.Workload)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".vigil.v1.Workload: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.vigil.v1.Workload();
                if (object.cluster != null)
                    message.cluster = String(object.cluster);
                if (object.namespace != null)
                    message.namespace = String(object.namespace);
                if (object.kind != null)
                    message.kind = String(object.kind);
                if (object.name != null)
                    message.name = String(object.name);
                return message;
            };

            /**
             * Creates a plain object from a Workload message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.Workload
             * @static
             * @param {vigil.v1.Workload} message Workload
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Workload.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.cluster = "";
                    object.namespace = "";
                    object.kind = "";
                    object.name = "";
                }
                if (message.cluster != null && Object.hasOwnProperty.call(message, "cluster"))
                    object.cluster = message.cluster;
                if (message.namespace != null && Object.hasOwnProperty.call(message, "namespace"))
                    object.namespace = message.namespace;
                if (message.kind != null && Object.hasOwnProperty.call(message, "kind"))
                    object.kind = message.kind;
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                return object;
            };

            /**
             * Converts this Workload to JSON.
             * @function toJSON
             * @memberof vigil.v1.Workload
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Workload.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Workload;
        })();

        /**
         * Direction enum.
         * @name vigil.v1.Direction
         * @enum {number}
         * @property {number} DIRECTION_UNSPECIFIED=0 DIRECTION_UNSPECIFIED value
         * @property {number} OUTBOUND=1 OUTBOUND value
         * @property {number} INBOUND=2 INBOUND value
         */
        v1.Direction = (function() {
            const valuesById = {}, values = Object.create(valuesById);
            values[valuesById[0] = "DIRECTION_UNSPECIFIED"] = 0;
            values[valuesById[1] = "OUTBOUND"] = 1;
            values[valuesById[2] = "INBOUND"] = 2;
            return values;
        })();

        v1.ProcessItem = (function() {

            /**
             * Properties of a ProcessItem.
             * @memberof vigil.v1
             * @interface IProcessItem
             * @property {string|null} [exe] ProcessItem exe
             * @property {string|null} [name] ProcessItem name
             * @property {string|null} [cmdline] ProcessItem cmdline
             * @property {string|null} [parent_exe] ProcessItem parent_exe
             * @property {string|null} [parent_name] ProcessItem parent_name
             * @property {string|null} [user] ProcessItem user
             * @property {number|null} [uid] ProcessItem uid
             * @property {number|null} [pid] ProcessItem pid
             * @property {boolean|null} [exe_upper_layer] ProcessItem exe_upper_layer
             * @property {boolean|null} [has_uid] ProcessItem has_uid
             * @property {boolean|null} [has_pid] ProcessItem has_pid
             * @property {boolean|null} [has_exe_upper_layer] ProcessItem has_exe_upper_layer
             */

            /**
             * Constructs a new ProcessItem.
             * @memberof vigil.v1
             * @classdesc Represents a ProcessItem.
             * @implements IProcessItem
             * @constructor
             * @param {vigil.v1.IProcessItem=} [properties] Properties to set
             */
            function ProcessItem(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ProcessItem exe.
             * @member {string} exe
             * @memberof vigil.v1.ProcessItem
             * @instance
             */
            ProcessItem.prototype.exe = "";

            /**
             * ProcessItem name.
             * @member {string} name
             * @memberof vigil.v1.ProcessItem
             * @instance
             */
            ProcessItem.prototype.name = "";

            /**
             * ProcessItem cmdline.
             * @member {string} cmdline
             * @memberof vigil.v1.ProcessItem
             * @instance
             */
            ProcessItem.prototype.cmdline = "";

            /**
             * ProcessItem parent_exe.
             * @member {string} parent_exe
             * @memberof vigil.v1.ProcessItem
             * @instance
             */
            ProcessItem.prototype.parent_exe = "";

            /**
             * ProcessItem parent_name.
             * @member {string} parent_name
             * @memberof vigil.v1.ProcessItem
             * @instance
             */
            ProcessItem.prototype.parent_name = "";

            /**
             * ProcessItem user.
             * @member {string} user
             * @memberof vigil.v1.ProcessItem
             * @instance
             */
            ProcessItem.prototype.user = "";

            /**
             * ProcessItem uid.
             * @member {number} uid
             * @memberof vigil.v1.ProcessItem
             * @instance
             */
            ProcessItem.prototype.uid = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * ProcessItem pid.
             * @member {number} pid
             * @memberof vigil.v1.ProcessItem
             * @instance
             */
            ProcessItem.prototype.pid = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * ProcessItem exe_upper_layer.
             * @member {boolean} exe_upper_layer
             * @memberof vigil.v1.ProcessItem
             * @instance
             */
            ProcessItem.prototype.exe_upper_layer = false;

            /**
             * ProcessItem has_uid.
             * @member {boolean} has_uid
             * @memberof vigil.v1.ProcessItem
             * @instance
             */
            ProcessItem.prototype.has_uid = false;

            /**
             * ProcessItem has_pid.
             * @member {boolean} has_pid
             * @memberof vigil.v1.ProcessItem
             * @instance
             */
            ProcessItem.prototype.has_pid = false;

            /**
             * ProcessItem has_exe_upper_layer.
             * @member {boolean} has_exe_upper_layer
             * @memberof vigil.v1.ProcessItem
             * @instance
             */
            ProcessItem.prototype.has_exe_upper_layer = false;

            /**
             * Creates a new ProcessItem instance using the specified properties.
             * @function create
             * @memberof vigil.v1.ProcessItem
             * @static
             * @param {vigil.v1.IProcessItem=} [properties] Properties to set
             * @returns {vigil.v1.ProcessItem} ProcessItem instance
             */
            ProcessItem.create = function create(properties) {
                return new ProcessItem(properties);
            };

            /**
             * Encodes the specified ProcessItem message. Does not implicitly {@link vigil.v1.ProcessItem.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.ProcessItem
             * @static
             * @param {vigil.v1.IProcessItem} message ProcessItem message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ProcessItem.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.exe != null && Object.hasOwnProperty.call(message, "exe"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.exe);
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.name);
                if (message.cmdline != null && Object.hasOwnProperty.call(message, "cmdline"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.cmdline);
                if (message.parent_exe != null && Object.hasOwnProperty.call(message, "parent_exe"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.parent_exe);
                if (message.parent_name != null && Object.hasOwnProperty.call(message, "parent_name"))
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.parent_name);
                if (message.user != null && Object.hasOwnProperty.call(message, "user"))
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.user);
                if (message.uid != null && Object.hasOwnProperty.call(message, "uid"))
                    writer.uint32(/* id 7, wireType 0 =*/56).int64(message.uid);
                if (message.pid != null && Object.hasOwnProperty.call(message, "pid"))
                    writer.uint32(/* id 8, wireType 0 =*/64).int64(message.pid);
                if (message.exe_upper_layer != null && Object.hasOwnProperty.call(message, "exe_upper_layer"))
                    writer.uint32(/* id 9, wireType 0 =*/72).bool(message.exe_upper_layer);
                if (message.has_uid != null && Object.hasOwnProperty.call(message, "has_uid"))
                    writer.uint32(/* id 10, wireType 0 =*/80).bool(message.has_uid);
                if (message.has_pid != null && Object.hasOwnProperty.call(message, "has_pid"))
                    writer.uint32(/* id 11, wireType 0 =*/88).bool(message.has_pid);
                if (message.has_exe_upper_layer != null && Object.hasOwnProperty.call(message, "has_exe_upper_layer"))
                    writer.uint32(/* id 12, wireType 0 =*/96).bool(message.has_exe_upper_layer);
                return writer;
            };

            /**
             * Decodes a ProcessItem message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.ProcessItem
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.ProcessItem} ProcessItem
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ProcessItem.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.vigil.v1.ProcessItem();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.exe = reader.string();
                            break;
                        }
                    case 2: {
                            message.name = reader.string();
                            break;
                        }
                    case 3: {
                            message.cmdline = reader.string();
                            break;
                        }
                    case 4: {
                            message.parent_exe = reader.string();
                            break;
                        }
                    case 5: {
                            message.parent_name = reader.string();
                            break;
                        }
                    case 6: {
                            message.user = reader.string();
                            break;
                        }
                    case 7: {
                            message.uid = reader.int64();
                            break;
                        }
                    case 8: {
                            message.pid = reader.int64();
                            break;
                        }
                    case 9: {
                            message.exe_upper_layer = reader.bool();
                            break;
                        }
                    case 10: {
                            message.has_uid = reader.bool();
                            break;
                        }
                    case 11: {
                            message.has_pid = reader.bool();
                            break;
                        }
                    case 12: {
                            message.has_exe_upper_layer = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Verifies a ProcessItem message.
             * @function verify
             * @memberof vigil.v1.ProcessItem
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ProcessItem.verify = function verify(message, long) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (message.exe != null && Object.hasOwnProperty.call(message, "exe"))
                    if (!$util.isString(message.exe))
                        return "exe: string expected";
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    if (!$util.isString(message.name))
                        return "name: string expected";
                if (message.cmdline != null && Object.hasOwnProperty.call(message, "cmdline"))
                    if (!$util.isString(message.cmdline))
                        return "cmdline: string expected";
                if (message.parent_exe != null && Object.hasOwnProperty.call(message, "parent_exe"))
                    if (!$util.isString(message.parent_exe))
                        return "parent_exe: string expected";
                if (message.parent_name != null && Object.hasOwnProperty.call(message, "parent_name"))
                    if (!$util.isString(message.parent_name))
                        return "parent_name: string expected";
                if (message.user != null && Object.hasOwnProperty.call(message, "user"))
                    if (!$util.isString(message.user))
                        return "user: string expected";
                if (message.uid != null && Object.hasOwnProperty.call(message, "uid"))
                    if (!$util.isInteger(message.uid) && !(message.uid && $util.isInteger(message.uid.low) && $util.isInteger(message.uid.high)))
                        return "uid: integer|Long expected";
                if (message.pid != null && Object.hasOwnProperty.call(message, "pid"))
                    if (!$util.isInteger(message.pid) && !(message.pid && $util.isInteger(message.pid.low) && $util.isInteger(message.pid.high)))
                        return "pid: integer|Long expected";
                if (message.exe_upper_layer != null && Object.hasOwnProperty.call(message, "exe_upper_layer"))
                    if (typeof message.exe_upper_layer !== "boolean")
                        return "exe_upper_layer: boolean expected";
                if (message.has_uid != null && Object.hasOwnProperty.call(message, "has_uid"))
                    if (typeof message.has_uid !== "boolean")
                        return "has_uid: boolean expected";
                if (message.has_pid != null && Object.hasOwnProperty.call(message, "has_pid"))
                    if (typeof message.has_pid !== "boolean")
                        return "has_pid: boolean expected";
                if (message.has_exe_upper_layer != null && Object.hasOwnProperty.call(message, "has_exe_upper_layer"))
                    if (typeof message.has_exe_upper_layer !== "boolean")
                        return "has_exe_upper_layer: boolean expected";
                return null;
            };

            /**
             * Creates a ProcessItem message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.ProcessItem
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.ProcessItem} ProcessItem
             */
            ProcessItem.fromObject = function fromObject(object, long) {
                if (object instanceof $root.vigil.v1.ProcessItem)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".vigil.v1.ProcessItem: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.vigil.v1.ProcessItem();
                if (object.exe != null)
                    message.exe = String(object.exe);
                if (object.name != null)
                    message.name = String(object.name);
                if (object.cmdline != null)
                    message.cmdline = String(object.cmdline);
                if (object.parent_exe != null)
                    message.parent_exe = String(object.parent_exe);
                if (object.parent_name != null)
                    message.parent_name = String(object.parent_name);
                if (object.user != null)
                    message.user = String(object.user);
                if (object.uid != null)
                    if ($util.Long)
                        message.uid = $util.Long.fromValue(object.uid, false);
                    else if (typeof object.uid === "string")
                        message.uid = parseInt(object.uid, 10);
                    else if (typeof object.uid === "number")
                        message.uid = object.uid;
                    else if (typeof object.uid === "object")
                        message.uid = new $util.LongBits(object.uid.low >>> 0, object.uid.high >>> 0).toNumber();
                if (object.pid != null)
                    if ($util.Long)
                        message.pid = $util.Long.fromValue(object.pid, false);
                    else if (typeof object.pid === "string")
                        message.pid = parseInt(object.pid, 10);
                    else if (typeof object.pid === "number")
                        message.pid = object.pid;
                    else if (typeof object.pid === "object")
                        message.pid = new $util.LongBits(object.pid.low >>> 0, object.pid.high >>> 0).toNumber();
                if (object.exe_upper_layer != null)
                    message.exe_upper_layer = Boolean(object.exe_upper_layer);
                if (object.has_uid != null)
                    message.has_uid = Boolean(object.has_uid);
                if (object.has_pid != null)
                    message.has_pid = Boolean(object.has_pid);
                if (object.has_exe_upper_layer != null)
                    message.has_exe_upper_layer = Boolean(object.has_exe_upper_layer);
                return message;
            };

            /**
             * Creates a plain object from a ProcessItem message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.ProcessItem
             * @static
             * @param {vigil.v1.ProcessItem} message ProcessItem
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ProcessItem.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.exe = "";
                    object.name = "";
                    object.cmdline = "";
                    object.parent_exe = "";
                    object.parent_name = "";
                    object.user = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.uid = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.uid = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.pid = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.pid = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    object.exe_upper_layer = false;
                    object.has_uid = false;
                    object.has_pid = false;
                    object.has_exe_upper_layer = false;
                }
                if (message.exe != null && Object.hasOwnProperty.call(message, "exe"))
                    object.exe = message.exe;
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.cmdline != null && Object.hasOwnProperty.call(message, "cmdline"))
                    object.cmdline = message.cmdline;
                if (message.parent_exe != null && Object.hasOwnProperty.call(message, "parent_exe"))
                    object.parent_exe = message.parent_exe;
                if (message.parent_name != null && Object.hasOwnProperty.call(message, "parent_name"))
                    object.parent_name = message.parent_name;
                if (message.user != null && Object.hasOwnProperty.call(message, "user"))
                    object.user = message.user;
                if (message.uid != null && Object.hasOwnProperty.call(message, "uid"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.uid = typeof message.uid === "number" ? BigInt(message.uid) : $util.Long.fromBits(message.uid.low >>> 0, message.uid.high >>> 0, false).toBigInt();
                    else if (typeof message.uid === "number")
                        object.uid = options.longs === String ? String(message.uid) : message.uid;
                    else
                        object.uid = options.longs === String ? $util.Long.prototype.toString.call(message.uid) : options.longs === Number ? new $util.LongBits(message.uid.low >>> 0, message.uid.high >>> 0).toNumber() : message.uid;
                if (message.pid != null && Object.hasOwnProperty.call(message, "pid"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.pid = typeof message.pid === "number" ? BigInt(message.pid) : $util.Long.fromBits(message.pid.low >>> 0, message.pid.high >>> 0, false).toBigInt();
                    else if (typeof message.pid === "number")
                        object.pid = options.longs === String ? String(message.pid) : message.pid;
                    else
                        object.pid = options.longs === String ? $util.Long.prototype.toString.call(message.pid) : options.longs === Number ? new $util.LongBits(message.pid.low >>> 0, message.pid.high >>> 0).toNumber() : message.pid;
                if (message.exe_upper_layer != null && Object.hasOwnProperty.call(message, "exe_upper_layer"))
                    object.exe_upper_layer = message.exe_upper_layer;
                if (message.has_uid != null && Object.hasOwnProperty.call(message, "has_uid"))
                    object.has_uid = message.has_uid;
                if (message.has_pid != null && Object.hasOwnProperty.call(message, "has_pid"))
                    object.has_pid = message.has_pid;
                if (message.has_exe_upper_layer != null && Object.hasOwnProperty.call(message, "has_exe_upper_layer"))
                    object.has_exe_upper_layer = message.has_exe_upper_layer;
                return object;
            };

            /**
             * Converts this ProcessItem to JSON.
             * @function toJSON
             * @memberof vigil.v1.ProcessItem
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ProcessItem.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ProcessItem;
        })();

        v1.NetworkItem = (function() {

            /**
             * Properties of a NetworkItem.
             * @memberof vigil.v1
             * @interface INetworkItem
             * @property {vigil.v1.Direction|null} [direction] NetworkItem direction
             * @property {string|null} [peer] NetworkItem peer
             * @property {string|null} [peer_name] NetworkItem peer_name
             * @property {number|null} [port] NetworkItem port
             * @property {string|null} [protocol] NetworkItem protocol
             * @property {string|null} [local_ip] NetworkItem local_ip
             * @property {number|null} [local_port] NetworkItem local_port
             */

            /**
             * Constructs a new NetworkItem.
             * @memberof vigil.v1
             * @classdesc Represents a NetworkItem.
             * @implements INetworkItem
             * @constructor
             * @param {vigil.v1.INetworkItem=} [properties] Properties to set
             */
            function NetworkItem(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * NetworkItem direction.
             * @member {vigil.v1.Direction} direction
             * @memberof vigil.v1.NetworkItem
             * @instance
             */
            NetworkItem.prototype.direction = 0;

            /**
             * NetworkItem peer.
             * @member {string} peer
             * @memberof vigil.v1.NetworkItem
             * @instance
             */
            NetworkItem.prototype.peer = "";

            /**
             * NetworkItem peer_name.
             * @member {string} peer_name
             * @memberof vigil.v1.NetworkItem
             * @instance
             */
            NetworkItem.prototype.peer_name = "";

            /**
             * NetworkItem port.
             * @member {number} port
             * @memberof vigil.v1.NetworkItem
             * @instance
             */
            NetworkItem.prototype.port = 0;

            /**
             * NetworkItem protocol.
             * @member {string} protocol
             * @memberof vigil.v1.NetworkItem
             * @instance
             */
            NetworkItem.prototype.protocol = "";

            /**
             * NetworkItem local_ip.
             * @member {string} local_ip
             * @memberof vigil.v1.NetworkItem
             * @instance
             */
            NetworkItem.prototype.local_ip = "";

            /**
             * NetworkItem local_port.
             * @member {number} local_port
             * @memberof vigil.v1.NetworkItem
             * @instance
             */
            NetworkItem.prototype.local_port = 0;

            /**
             * Creates a new NetworkItem instance using the specified properties.
             * @function create
             * @memberof vigil.v1.NetworkItem
             * @static
             * @param {vigil.v1.INetworkItem=} [properties] Properties to set
             * @returns {vigil.v1.NetworkItem} NetworkItem instance
             */
            NetworkItem.create = function create(properties) {
                return new NetworkItem(properties);
            };

            /**
             * Encodes the specified NetworkItem message. Does not implicitly {@link vigil.v1.NetworkItem.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.NetworkItem
             * @static
             * @param {vigil.v1.INetworkItem} message NetworkItem message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NetworkItem.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.direction != null && Object.hasOwnProperty.call(message, "direction"))
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.direction);
                if (message.peer != null && Object.hasOwnProperty.call(message, "peer"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.peer);
                if (message.peer_name != null && Object.hasOwnProperty.call(message, "peer_name"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.peer_name);
                if (message.port != null && Object.hasOwnProperty.call(message, "port"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.port);
                if (message.protocol != null && Object.hasOwnProperty.call(message, "protocol"))
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.protocol);
                if (message.local_ip != null && Object.hasOwnProperty.call(message, "local_ip"))
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.local_ip);
                if (message.local_port != null && Object.hasOwnProperty.call(message, "local_port"))
                    writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.local_port);
                return writer;
            };

            /**
             * Decodes a NetworkItem message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.NetworkItem
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.NetworkItem} NetworkItem
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NetworkItem.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.vigil.v1.NetworkItem();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.direction = reader.int32();
                            break;
                        }
                    case 2: {
                            message.peer = reader.string();
                            break;
                        }
                    case 3: {
                            message.peer_name = reader.string();
                            break;
                        }
                    case 4: {
                            message.port = reader.uint32();
                            break;
                        }
                    case 5: {
                            message.protocol = reader.string();
                            break;
                        }
                    case 6: {
                            message.local_ip = reader.string();
                            break;
                        }
                    case 7: {
                            message.local_port = reader.uint32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Verifies a NetworkItem message.
             * @function verify
             * @memberof vigil.v1.NetworkItem
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            NetworkItem.verify = function verify(message, long) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (message.direction != null && Object.hasOwnProperty.call(message, "direction"))
                    switch (message.direction) {
                    default:
                        return "direction: enum value expected";
                    case 0:
                    case 1:
                    case 2:
                        break;
                    }
                if (message.peer != null && Object.hasOwnProperty.call(message, "peer"))
                    if (!$util.isString(message.peer))
                        return "peer: string expected";
                if (message.peer_name != null && Object.hasOwnProperty.call(message, "peer_name"))
                    if (!$util.isString(message.peer_name))
                        return "peer_name: string expected";
                if (message.port != null && Object.hasOwnProperty.call(message, "port"))
                    if (!$util.isInteger(message.port))
                        return "port: integer expected";
                if (message.protocol != null && Object.hasOwnProperty.call(message, "protocol"))
                    if (!$util.isString(message.protocol))
                        return "protocol: string expected";
                if (message.local_ip != null && Object.hasOwnProperty.call(message, "local_ip"))
                    if (!$util.isString(message.local_ip))
                        return "local_ip: string expected";
                if (message.local_port != null && Object.hasOwnProperty.call(message, "local_port"))
                    if (!$util.isInteger(message.local_port))
                        return "local_port: integer expected";
                return null;
            };

            /**
             * Creates a NetworkItem message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.NetworkItem
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.NetworkItem} NetworkItem
             */
            NetworkItem.fromObject = function fromObject(object, long) {
                if (object instanceof $root.vigil.v1.NetworkItem)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".vigil.v1.NetworkItem: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.vigil.v1.NetworkItem();
                switch (object.direction) {
                default:
                    if (typeof object.direction === "number") {
                        message.direction = object.direction;
                        break;
                    }
                    break;
                case "DIRECTION_UNSPECIFIED":
                case 0:
                    message.direction = 0;
                    break;
                case "OUTBOUND":
                case 1:
                    message.direction = 1;
                    break;
                case "INBOUND":
                case 2:
                    message.direction = 2;
                    break;
                }
                if (object.peer != null)
                    message.peer = String(object.peer);
                if (object.peer_name != null)
                    message.peer_name = String(object.peer_name);
                if (object.port != null)
                    message.port = object.port >>> 0;
                if (object.protocol != null)
                    message.protocol = String(object.protocol);
                if (object.local_ip != null)
                    message.local_ip = String(object.local_ip);
                if (object.local_port != null)
                    message.local_port = object.local_port >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a NetworkItem message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.NetworkItem
             * @static
             * @param {vigil.v1.NetworkItem} message NetworkItem
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            NetworkItem.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.direction = options.enums === String ? "DIRECTION_UNSPECIFIED" : 0;
                    object.peer = "";
                    object.peer_name = "";
                    object.port = 0;
                    object.protocol = "";
                    object.local_ip = "";
                    object.local_port = 0;
                }
                if (message.direction != null && Object.hasOwnProperty.call(message, "direction"))
                    object.direction = options.enums === String ? $root.vigil.v1.Direction[message.direction] === undefined ? message.direction : $root.vigil.v1.Direction[message.direction] : message.direction;
                if (message.peer != null && Object.hasOwnProperty.call(message, "peer"))
                    object.peer = message.peer;
                if (message.peer_name != null && Object.hasOwnProperty.call(message, "peer_name"))
                    object.peer_name = message.peer_name;
                if (message.port != null && Object.hasOwnProperty.call(message, "port"))
                    object.port = message.port;
                if (message.protocol != null && Object.hasOwnProperty.call(message, "protocol"))
                    object.protocol = message.protocol;
                if (message.local_ip != null && Object.hasOwnProperty.call(message, "local_ip"))
                    object.local_ip = message.local_ip;
                if (message.local_port != null && Object.hasOwnProperty.call(message, "local_port"))
                    object.local_port = message.local_port;
                return object;
            };

            /**
             * Converts this NetworkItem to JSON.
             * @function toJSON
             * @memberof vigil.v1.NetworkItem
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            NetworkItem.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return NetworkItem;
        })();

        v1.Observation = (function() {

            /**
             * Properties of an Observation.
             * @memberof vigil.v1
             * @interface IObservation
             * @property {google.protobuf.ITimestamp|null} [time] Observation time
             * @property {string|null} [node] Observation node
             * @property {vigil.v1.IWorkload|null} [workload] Observation workload
             * @property {string|null} [container] Observation container
             * @property {string|null} [pod] Observation pod
             * @property {string|null} [pod_uid] Observation pod_uid
             * @property {string|null} [container_id] Observation container_id
             * @property {string|null} [image] Observation image
             * @property {string|null} [image_digest] Observation image_digest
             * @property {string|null} [rule] Observation rule
             * @property {string|null} [priority] Observation priority
             * @property {string|null} [item_key] Observation item_key
             * @property {vigil.v1.IProcessItem|null} [process] Observation process
             * @property {vigil.v1.INetworkItem|null} [network] Observation network
             * @property {google.protobuf.ITimestamp|null} [container_start] Observation container_start
             */

            /**
             * Constructs a new Observation.
             * @memberof vigil.v1
             * @classdesc Represents an Observation.
             * @implements IObservation
             * @constructor
             * @param {vigil.v1.IObservation=} [properties] Properties to set
             */
            function Observation(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Observation time.
             * @member {google.protobuf.ITimestamp|null|undefined} time
             * @memberof vigil.v1.Observation
             * @instance
             */
            Observation.prototype.time = null;

            /**
             * Observation node.
             * @member {string} node
             * @memberof vigil.v1.Observation
             * @instance
             */
            Observation.prototype.node = "";

            /**
             * Observation workload.
             * @member {vigil.v1.IWorkload|null|undefined} workload
             * @memberof vigil.v1.Observation
             * @instance
             */
            Observation.prototype.workload = null;

            /**
             * Observation container.
             * @member {string} container
             * @memberof vigil.v1.Observation
             * @instance
             */
            Observation.prototype.container = "";

            /**
             * Observation pod.
             * @member {string} pod
             * @memberof vigil.v1.Observation
             * @instance
             */
            Observation.prototype.pod = "";

            /**
             * Observation pod_uid.
             * @member {string} pod_uid
             * @memberof vigil.v1.Observation
             * @instance
             */
            Observation.prototype.pod_uid = "";

            /**
             * Observation container_id.
             * @member {string} container_id
             * @memberof vigil.v1.Observation
             * @instance
             */
            Observation.prototype.container_id = "";

            /**
             * Observation image.
             * @member {string} image
             * @memberof vigil.v1.Observation
             * @instance
             */
            Observation.prototype.image = "";

            /**
             * Observation image_digest.
             * @member {string} image_digest
             * @memberof vigil.v1.Observation
             * @instance
             */
            Observation.prototype.image_digest = "";

            /**
             * Observation rule.
             * @member {string} rule
             * @memberof vigil.v1.Observation
             * @instance
             */
            Observation.prototype.rule = "";

            /**
             * Observation priority.
             * @member {string} priority
             * @memberof vigil.v1.Observation
             * @instance
             */
            Observation.prototype.priority = "";

            /**
             * Observation item_key.
             * @member {string} item_key
             * @memberof vigil.v1.Observation
             * @instance
             */
            Observation.prototype.item_key = "";

            /**
             * Observation process.
             * @member {vigil.v1.IProcessItem|null|undefined} process
             * @memberof vigil.v1.Observation
             * @instance
             */
            Observation.prototype.process = null;

            /**
             * Observation network.
             * @member {vigil.v1.INetworkItem|null|undefined} network
             * @memberof vigil.v1.Observation
             * @instance
             */
            Observation.prototype.network = null;

            /**
             * Observation container_start.
             * @member {google.protobuf.ITimestamp|null|undefined} container_start
             * @memberof vigil.v1.Observation
             * @instance
             */
            Observation.prototype.container_start = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Observation item.
             * @member {"process"|"network"|undefined} item
             * @memberof vigil.v1.Observation
             * @instance
             */
            Object.defineProperty(Observation.prototype, "item", {
                get: $util.oneOfGetter($oneOfFields = ["process", "network"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Observation instance using the specified properties.
             * @function create
             * @memberof vigil.v1.Observation
             * @static
             * @param {vigil.v1.IObservation=} [properties] Properties to set
             * @returns {vigil.v1.Observation} Observation instance
             */
            Observation.create = function create(properties) {
                return new Observation(properties);
            };

            /**
             * Encodes the specified Observation message. Does not implicitly {@link vigil.v1.Observation.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.Observation
             * @static
             * @param {vigil.v1.IObservation} message Observation message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Observation.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.time != null && Object.hasOwnProperty.call(message, "time"))
                    $root.google.protobuf.Timestamp.encode(message.time, writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (message.node != null && Object.hasOwnProperty.call(message, "node"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.node);
                if (message.workload != null && Object.hasOwnProperty.call(message, "workload"))
                    $root.vigil.v1.Workload.encode(message.workload, writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (message.container != null && Object.hasOwnProperty.call(message, "container"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.container);
                if (message.pod != null && Object.hasOwnProperty.call(message, "pod"))
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.pod);
                if (message.pod_uid != null && Object.hasOwnProperty.call(message, "pod_uid"))
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.pod_uid);
                if (message.container_id != null && Object.hasOwnProperty.call(message, "container_id"))
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.container_id);
                if (message.image != null && Object.hasOwnProperty.call(message, "image"))
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.image);
                if (message.image_digest != null && Object.hasOwnProperty.call(message, "image_digest"))
                    writer.uint32(/* id 9, wireType 2 =*/74).string(message.image_digest);
                if (message.rule != null && Object.hasOwnProperty.call(message, "rule"))
                    writer.uint32(/* id 10, wireType 2 =*/82).string(message.rule);
                if (message.priority != null && Object.hasOwnProperty.call(message, "priority"))
                    writer.uint32(/* id 11, wireType 2 =*/90).string(message.priority);
                if (message.item_key != null && Object.hasOwnProperty.call(message, "item_key"))
                    writer.uint32(/* id 12, wireType 2 =*/98).string(message.item_key);
                if (message.process != null && Object.hasOwnProperty.call(message, "process"))
                    $root.vigil.v1.ProcessItem.encode(message.process, writer.uint32(/* id 13, wireType 2 =*/106).fork(), q + 1).ldelim();
                if (message.network != null && Object.hasOwnProperty.call(message, "network"))
                    $root.vigil.v1.NetworkItem.encode(message.network, writer.uint32(/* id 14, wireType 2 =*/114).fork(), q + 1).ldelim();
                if (message.container_start != null && Object.hasOwnProperty.call(message, "container_start"))
                    $root.google.protobuf.Timestamp.encode(message.container_start, writer.uint32(/* id 15, wireType 2 =*/122).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes an Observation message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.Observation
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.Observation} Observation
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Observation.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.vigil.v1.Observation();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.time = $root.google.protobuf.Timestamp.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 2: {
                            message.node = reader.string();
                            break;
                        }
                    case 3: {
                            message.workload = $root.vigil.v1.Workload.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 4: {
                            message.container = reader.string();
                            break;
                        }
                    case 5: {
                            message.pod = reader.string();
                            break;
                        }
                    case 6: {
                            message.pod_uid = reader.string();
                            break;
                        }
                    case 7: {
                            message.container_id = reader.string();
                            break;
                        }
                    case 8: {
                            message.image = reader.string();
                            break;
                        }
                    case 9: {
                            message.image_digest = reader.string();
                            break;
                        }
                    case 10: {
                            message.rule = reader.string();
                            break;
                        }
                    case 11: {
                            message.priority = reader.string();
                            break;
                        }
                    case 12: {
                            message.item_key = reader.string();
                            break;
                        }
                    case 13: {
                            message.process = $root.vigil.v1.ProcessItem.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 14: {
                            message.network = $root.vigil.v1.NetworkItem.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 15: {
                            message.container_start = $root.google.protobuf.Timestamp.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Verifies an Observation message.
             * @function verify
             * @memberof vigil.v1.Observation
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Observation.verify = function verify(message, long) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                let properties = {};
                if (message.time != null && Object.hasOwnProperty.call(message, "time")) {
                    let error = $root.google.protobuf.Timestamp.verify(message.time, long + 1);
                    if (error)
                        return "time." + error;
                }
                if (message.node != null && Object.hasOwnProperty.call(message, "node"))
                    if (!$util.isString(message.node))
                        return "node: string expected";
                if (message.workload != null && Object.hasOwnProperty.call(message, "workload")) {
                    let error = $root.vigil.v1.Workload.verify(message.workload, long + 1);
                    if (error)
                        return "workload." + error;
                }
                if (message.container != null && Object.hasOwnProperty.call(message, "container"))
                    if (!$util.isString(message.container))
                        return "container: string expected";
                if (message.pod != null && Object.hasOwnProperty.call(message, "pod"))
                    if (!$util.isString(message.pod))
                        return "pod: string expected";
                if (message.pod_uid != null && Object.hasOwnProperty.call(message, "pod_uid"))
                    if (!$util.isString(message.pod_uid))
                        return "pod_uid: string expected";
                if (message.container_id != null && Object.hasOwnProperty.call(message, "container_id"))
                    if (!$util.isString(message.container_id))
                        return "container_id: string expected";
                if (message.image != null && Object.hasOwnProperty.call(message, "image"))
                    if (!$util.isString(message.image))
                        return "image: string expected";
                if (message.image_digest != null && Object.hasOwnProperty.call(message, "image_digest"))
                    if (!$util.isString(message.image_digest))
                        return "image_digest: string expected";
                if (message.rule != null && Object.hasOwnProperty.call(message, "rule"))
                    if (!$util.isString(message.rule))
                        return "rule: string expected";
                if (message.priority != null && Object.hasOwnProperty.call(message, "priority"))
                    if (!$util.isString(message.priority))
                        return "priority: string expected";
                if (message.item_key != null && Object.hasOwnProperty.call(message, "item_key"))
                    if (!$util.isString(message.item_key))
                        return "item_key: string expected";
                if (message.process != null && Object.hasOwnProperty.call(message, "process")) {
                    properties.item = 1;
                    {
                        let error = $root.vigil.v1.ProcessItem.verify(message.process, long + 1);
                        if (error)
                            return "process." + error;
                    }
                }
                if (message.network != null && Object.hasOwnProperty.call(message, "network")) {
                    if (properties.item === 1)
                        return "item: multiple values";
                    properties.item = 1;
                    {
                        let error = $root.vigil.v1.NetworkItem.verify(message.network, long + 1);
                        if (error)
                            return "network." + error;
                    }
                }
                if (message.container_start != null && Object.hasOwnProperty.call(message, "container_start")) {
                    let error = $root.google.protobuf.Timestamp.verify(message.container_start, long + 1);
                    if (error)
                        return "container_start." + error;
                }
                return null;
            };

            /**
             * Creates an Observation message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.Observation
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.Observation} Observation
             */
            Observation.fromObject = function fromObject(object, long) {
                if (object instanceof $root.vigil.v1.Observation)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".vigil.v1.Observation: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.vigil.v1.Observation();
                if (object.time != null) {
                    if (!$util.isObject(object.time))
                        throw TypeError(".vigil.v1.Observation.time: object expected");
                    message.time = $root.google.protobuf.Timestamp.fromObject(object.time, long + 1);
                }
                if (object.node != null)
                    message.node = String(object.node);
                if (object.workload != null) {
                    if (!$util.isObject(object.workload))
                        throw TypeError(".vigil.v1.Observation.workload: object expected");
                    message.workload = $root.vigil.v1.Workload.fromObject(object.workload, long + 1);
                }
                if (object.container != null)
                    message.container = String(object.container);
                if (object.pod != null)
                    message.pod = String(object.pod);
                if (object.pod_uid != null)
                    message.pod_uid = String(object.pod_uid);
                if (object.container_id != null)
                    message.container_id = String(object.container_id);
                if (object.image != null)
                    message.image = String(object.image);
                if (object.image_digest != null)
                    message.image_digest = String(object.image_digest);
                if (object.rule != null)
                    message.rule = String(object.rule);
                if (object.priority != null)
                    message.priority = String(object.priority);
                if (object.item_key != null)
                    message.item_key = String(object.item_key);
                if (object.process != null) {
                    if (!$util.isObject(object.process))
                        throw TypeError(".vigil.v1.Observation.process: object expected");
                    message.process = $root.vigil.v1.ProcessItem.fromObject(object.process, long + 1);
                }
                if (object.network != null) {
                    if (!$util.isObject(object.network))
                        throw TypeError(".vigil.v1.Observation.network: object expected");
                    message.network = $root.vigil.v1.NetworkItem.fromObject(object.network, long + 1);
                }
                if (object.container_start != null) {
                    if (!$util.isObject(object.container_start))
                        throw TypeError(".vigil.v1.Observation.container_start: object expected");
                    message.container_start = $root.google.protobuf.Timestamp.fromObject(object.container_start, long + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an Observation message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.Observation
             * @static
             * @param {vigil.v1.Observation} message Observation
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Observation.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.time = null;
                    object.node = "";
                    object.workload = null;
                    object.container = "";
                    object.pod = "";
                    object.pod_uid = "";
                    object.container_id = "";
                    object.image = "";
                    object.image_digest = "";
                    object.rule = "";
                    object.priority = "";
                    object.item_key = "";
                    object.container_start = null;
                }
                if (message.time != null && Object.hasOwnProperty.call(message, "time"))
                    object.time = $root.google.protobuf.Timestamp.toObject(message.time, options, q + 1);
                if (message.node != null && Object.hasOwnProperty.call(message, "node"))
                    object.node = message.node;
                if (message.workload != null && Object.hasOwnProperty.call(message, "workload"))
                    object.workload = $root.vigil.v1.Workload.toObject(message.workload, options, q + 1);
                if (message.container != null && Object.hasOwnProperty.call(message, "container"))
                    object.container = message.container;
                if (message.pod != null && Object.hasOwnProperty.call(message, "pod"))
                    object.pod = message.pod;
                if (message.pod_uid != null && Object.hasOwnProperty.call(message, "pod_uid"))
                    object.pod_uid = message.pod_uid;
                if (message.container_id != null && Object.hasOwnProperty.call(message, "container_id"))
                    object.container_id = message.container_id;
                if (message.image != null && Object.hasOwnProperty.call(message, "image"))
                    object.image = message.image;
                if (message.image_digest != null && Object.hasOwnProperty.call(message, "image_digest"))
                    object.image_digest = message.image_digest;
                if (message.rule != null && Object.hasOwnProperty.call(message, "rule"))
                    object.rule = message.rule;
                if (message.priority != null && Object.hasOwnProperty.call(message, "priority"))
                    object.priority = message.priority;
                if (message.item_key != null && Object.hasOwnProperty.call(message, "item_key"))
                    object.item_key = message.item_key;
                if (message.process != null && Object.hasOwnProperty.call(message, "process")) {
                    object.process = $root.vigil.v1.ProcessItem.toObject(message.process, options, q + 1);
                    if (options.oneofs)
                        object.item = "process";
                }
                if (message.network != null && Object.hasOwnProperty.call(message, "network")) {
                    object.network = $root.vigil.v1.NetworkItem.toObject(message.network, options, q + 1);
                    if (options.oneofs)
                        object.item = "network";
                }
                if (message.container_start != null && Object.hasOwnProperty.call(message, "container_start"))
                    object.container_start = $root.google.protobuf.Timestamp.toObject(message.container_start, options, q + 1);
                return object;
            };

            /**
             * Converts this Observation to JSON.
             * @function toJSON
             * @memberof vigil.v1.Observation
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Observation.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Observation;
        })();

        v1.RepeatCount = (function() {

            /**
             * Properties of a RepeatCount.
             * @memberof vigil.v1
             * @interface IRepeatCount
             * @property {vigil.v1.IWorkload|null} [workload] RepeatCount workload
             * @property {string|null} [container] RepeatCount container
             * @property {string|null} [item_key] RepeatCount item_key
             * @property {number|null} [count] RepeatCount count
             * @property {google.protobuf.ITimestamp|null} [first_seen] RepeatCount first_seen
             * @property {google.protobuf.ITimestamp|null} [last_seen] RepeatCount last_seen
             */

            /**
             * Constructs a new RepeatCount.
             * @memberof vigil.v1
             * @classdesc Represents a RepeatCount.
             * @implements IRepeatCount
             * @constructor
             * @param {vigil.v1.IRepeatCount=} [properties] Properties to set
             */
            function RepeatCount(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * RepeatCount workload.
             * @member {vigil.v1.IWorkload|null|undefined} workload
             * @memberof vigil.v1.RepeatCount
             * @instance
             */
            RepeatCount.prototype.workload = null;

            /**
             * RepeatCount container.
             * @member {string} container
             * @memberof vigil.v1.RepeatCount
             * @instance
             */
            RepeatCount.prototype.container = "";

            /**
             * RepeatCount item_key.
             * @member {string} item_key
             * @memberof vigil.v1.RepeatCount
             * @instance
             */
            RepeatCount.prototype.item_key = "";

            /**
             * RepeatCount count.
             * @member {number} count
             * @memberof vigil.v1.RepeatCount
             * @instance
             */
            RepeatCount.prototype.count = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * RepeatCount first_seen.
             * @member {google.protobuf.ITimestamp|null|undefined} first_seen
             * @memberof vigil.v1.RepeatCount
             * @instance
             */
            RepeatCount.prototype.first_seen = null;

            /**
             * RepeatCount last_seen.
             * @member {google.protobuf.ITimestamp|null|undefined} last_seen
             * @memberof vigil.v1.RepeatCount
             * @instance
             */
            RepeatCount.prototype.last_seen = null;

            /**
             * Creates a new RepeatCount instance using the specified properties.
             * @function create
             * @memberof vigil.v1.RepeatCount
             * @static
             * @param {vigil.v1.IRepeatCount=} [properties] Properties to set
             * @returns {vigil.v1.RepeatCount} RepeatCount instance
             */
            RepeatCount.create = function create(properties) {
                return new RepeatCount(properties);
            };

            /**
             * Encodes the specified RepeatCount message. Does not implicitly {@link vigil.v1.RepeatCount.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.RepeatCount
             * @static
             * @param {vigil.v1.IRepeatCount} message RepeatCount message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RepeatCount.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.workload != null && Object.hasOwnProperty.call(message, "workload"))
                    $root.vigil.v1.Workload.encode(message.workload, writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (message.container != null && Object.hasOwnProperty.call(message, "container"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.container);
                if (message.item_key != null && Object.hasOwnProperty.call(message, "item_key"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.item_key);
                if (message.count != null && Object.hasOwnProperty.call(message, "count"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.count);
                if (message.first_seen != null && Object.hasOwnProperty.call(message, "first_seen"))
                    $root.google.protobuf.Timestamp.encode(message.first_seen, writer.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                if (message.last_seen != null && Object.hasOwnProperty.call(message, "last_seen"))
                    $root.google.protobuf.Timestamp.encode(message.last_seen, writer.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a RepeatCount message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.RepeatCount
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.RepeatCount} RepeatCount
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RepeatCount.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.vigil.v1.RepeatCount();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.workload = $root.vigil.v1.Workload.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 2: {
                            message.container = reader.string();
                            break;
                        }
                    case 3: {
                            message.item_key = reader.string();
                            break;
                        }
                    case 4: {
                            message.count = reader.uint64();
                            break;
                        }
                    case 5: {
                            message.first_seen = $root.google.protobuf.Timestamp.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 6: {
                            message.last_seen = $root.google.protobuf.Timestamp.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Verifies a RepeatCount message.
             * @function verify
             * @memberof vigil.v1.RepeatCount
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RepeatCount.verify = function verify(message, long) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (message.workload != null && Object.hasOwnProperty.call(message, "workload")) {
                    let error = $root.vigil.v1.Workload.verify(message.workload, long + 1);
                    if (error)
                        return "workload." + error;
                }
                if (message.container != null && Object.hasOwnProperty.call(message, "container"))
                    if (!$util.isString(message.container))
                        return "container: string expected";
                if (message.item_key != null && Object.hasOwnProperty.call(message, "item_key"))
                    if (!$util.isString(message.item_key))
                        return "item_key: string expected";
                if (message.count != null && Object.hasOwnProperty.call(message, "count"))
                    if (!$util.isInteger(message.count) && !(message.count && $util.isInteger(message.count.low) && $util.isInteger(message.count.high)))
                        return "count: integer|Long expected";
                if (message.first_seen != null && Object.hasOwnProperty.call(message, "first_seen")) {
                    let error = $root.google.protobuf.Timestamp.verify(message.first_seen, long + 1);
                    if (error)
                        return "first_seen." + error;
                }
                if (message.last_seen != null && Object.hasOwnProperty.call(message, "last_seen")) {
                    let error = $root.google.protobuf.Timestamp.verify(message.last_seen, long + 1);
                    if (error)
                        return "last_seen." + error;
                }
                return null;
            };

            /**
             * Creates a RepeatCount message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.RepeatCount
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.RepeatCount} RepeatCount
             */
            RepeatCount.fromObject = function fromObject(object, long) {
                if (object instanceof $root.vigil.v1.RepeatCount)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".vigil.v1.RepeatCount: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.vigil.v1.RepeatCount();
                if (object.workload != null) {
                    if (!$util.isObject(object.workload))
                        throw TypeError(".vigil.v1.RepeatCount.workload: object expected");
                    message.workload = $root.vigil.v1.Workload.fromObject(object.workload, long + 1);
                }
                if (object.container != null)
                    message.container = String(object.container);
                if (object.item_key != null)
                    message.item_key = String(object.item_key);
                if (object.count != null)
                    if ($util.Long)
                        message.count = $util.Long.fromValue(object.count, true);
                    else if (typeof object.count === "string")
                        message.count = parseInt(object.count, 10);
                    else if (typeof object.count === "number")
                        message.count = object.count;
                    else if (typeof object.count === "object")
                        message.count = new $util.LongBits(object.count.low >>> 0, object.count.high >>> 0).toNumber(true);
                if (object.first_seen != null) {
                    if (!$util.isObject(object.first_seen))
                        throw TypeError(".vigil.v1.RepeatCount.first_seen: object expected");
                    message.first_seen = $root.google.protobuf.Timestamp.fromObject(object.first_seen, long + 1);
                }
                if (object.last_seen != null) {
                    if (!$util.isObject(object.last_seen))
                        throw TypeError(".vigil.v1.RepeatCount.last_seen: object expected");
                    message.last_seen = $root.google.protobuf.Timestamp.fromObject(object.last_seen, long + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a RepeatCount message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.RepeatCount
             * @static
             * @param {vigil.v1.RepeatCount} message RepeatCount
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RepeatCount.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.workload = null;
                    object.container = "";
                    object.item_key = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.count = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.count = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    object.first_seen = null;
                    object.last_seen = null;
                }
                if (message.workload != null && Object.hasOwnProperty.call(message, "workload"))
                    object.workload = $root.vigil.v1.Workload.toObject(message.workload, options, q + 1);
                if (message.container != null && Object.hasOwnProperty.call(message, "container"))
                    object.container = message.container;
                if (message.item_key != null && Object.hasOwnProperty.call(message, "item_key"))
                    object.item_key = message.item_key;
                if (message.count != null && Object.hasOwnProperty.call(message, "count"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.count = typeof message.count === "number" ? BigInt(message.count) : $util.Long.fromBits(message.count.low >>> 0, message.count.high >>> 0, true).toBigInt();
                    else if (typeof message.count === "number")
                        object.count = options.longs === String ? String(message.count) : message.count;
                    else
                        object.count = options.longs === String ? $util.Long.prototype.toString.call(message.count) : options.longs === Number ? new $util.LongBits(message.count.low >>> 0, message.count.high >>> 0).toNumber(true) : message.count;
                if (message.first_seen != null && Object.hasOwnProperty.call(message, "first_seen"))
                    object.first_seen = $root.google.protobuf.Timestamp.toObject(message.first_seen, options, q + 1);
                if (message.last_seen != null && Object.hasOwnProperty.call(message, "last_seen"))
                    object.last_seen = $root.google.protobuf.Timestamp.toObject(message.last_seen, options, q + 1);
                return object;
            };

            /**
             * Converts this RepeatCount to JSON.
             * @function toJSON
             * @memberof vigil.v1.RepeatCount
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RepeatCount.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return RepeatCount;
        })();

        v1.Report = (function() {

            /**
             * Properties of a Report.
             * @memberof vigil.v1
             * @interface IReport
             * @property {number|null} [seq] Report seq
             * @property {vigil.v1.IObservation|null} [observation] Report observation
             * @property {vigil.v1.IRepeatCount|null} [repeat] Report repeat
             */

            /**
             * Constructs a new Report.
             * @memberof vigil.v1
             * @classdesc Represents a Report.
             * @implements IReport
             * @constructor
             * @param {vigil.v1.IReport=} [properties] Properties to set
             */
            function Report(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Report seq.
             * @member {number} seq
             * @memberof vigil.v1.Report
             * @instance
             */
            Report.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Report observation.
             * @member {vigil.v1.IObservation|null|undefined} observation
             * @memberof vigil.v1.Report
             * @instance
             */
            Report.prototype.observation = null;

            /**
             * Report repeat.
             * @member {vigil.v1.IRepeatCount|null|undefined} repeat
             * @memberof vigil.v1.Report
             * @instance
             */
            Report.prototype.repeat = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Report body.
             * @member {"observation"|"repeat"|undefined} body
             * @memberof vigil.v1.Report
             * @instance
             */
            Object.defineProperty(Report.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["observation", "repeat"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Report instance using the specified properties.
             * @function create
             * @memberof vigil.v1.Report
             * @static
             * @param {vigil.v1.IReport=} [properties] Properties to set
             * @returns {vigil.v1.Report} Report instance
             */
            Report.create = function create(properties) {
                return new Report(properties);
            };

            /**
             * Encodes the specified Report message. Does not implicitly {@link vigil.v1.Report.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.Report
             * @static
             * @param {vigil.v1.IReport} message Report message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Report.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.seq != null && Object.hasOwnProperty.call(message, "seq"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.seq);
                if (message.observation != null && Object.hasOwnProperty.call(message, "observation"))
                    $root.vigil.v1.Observation.encode(message.observation, writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (message.repeat != null && Object.hasOwnProperty.call(message, "repeat"))
                    $root.vigil.v1.RepeatCount.encode(message.repeat, writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a Report message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.Report
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.Report} Report
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Report.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.vigil.v1.Report();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.seq = reader.uint64();
                            break;
                        }
                    case 2: {
                            message.observation = $root.vigil.v1.Observation.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 3: {
                            message.repeat = $root.vigil.v1.RepeatCount.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Verifies a Report message.
             * @function verify
             * @memberof vigil.v1.Report
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Report.verify = function verify(message, long) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                let properties = {};
                if (message.seq != null && Object.hasOwnProperty.call(message, "seq"))
                    if (!$util.isInteger(message.seq) && !(message.seq && $util.isInteger(message.seq.low) && $util.isInteger(message.seq.high)))
                        return "seq: integer|Long expected";
                if (message.observation != null && Object.hasOwnProperty.call(message, "observation")) {
                    properties.body = 1;
                    {
                        let error = $root.vigil.v1.Observation.verify(message.observation, long + 1);
                        if (error)
                            return "observation." + error;
                    }
                }
                if (message.repeat != null && Object.hasOwnProperty.call(message, "repeat")) {
                    if (properties.body === 1)
                        return "body: multiple values";
                    properties.body = 1;
                    {
                        let error = $root.vigil.v1.RepeatCount.verify(message.repeat, long + 1);
                        if (error)
                            return "repeat." + error;
                    }
                }
                return null;
            };

            /**
             * Creates a Report message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.Report
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.Report} Report
             */
            Report.fromObject = function fromObject(object, long) {
                if (object instanceof $root.vigil.v1.Report)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".vigil.v1.Report: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.vigil.v1.Report();
                if (object.seq != null)
                    if ($util.Long)
                        message.seq = $util.Long.fromValue(object.seq, true);
                    else if (typeof object.seq === "string")
                        message.seq = parseInt(object.seq, 10);
                    else if (typeof object.seq === "number")
                        message.seq = object.seq;
                    else if (typeof object.seq === "object")
                        message.seq = new $util.LongBits(object.seq.low >>> 0, object.seq.high >>> 0).toNumber(true);
                if (object.observation != null) {
                    if (!$util.isObject(object.observation))
                        throw TypeError(".vigil.v1.Report.observation: object expected");
                    message.observation = $root.vigil.v1.Observation.fromObject(object.observation, long + 1);
                }
                if (object.repeat != null) {
                    if (!$util.isObject(object.repeat))
                        throw TypeError(".vigil.v1.Report.repeat: object expected");
                    message.repeat = $root.vigil.v1.RepeatCount.fromObject(object.repeat, long + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a Report message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.Report
             * @static
             * @param {vigil.v1.Report} message Report
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Report.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.seq = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.seq = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                if (message.seq != null && Object.hasOwnProperty.call(message, "seq"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.seq = typeof message.seq === "number" ? BigInt(message.seq) : $util.Long.fromBits(message.seq.low >>> 0, message.seq.high >>> 0, true).toBigInt();
                    else if (typeof message.seq === "number")
                        object.seq = options.longs === String ? String(message.seq) : message.seq;
                    else
                        object.seq = options.longs === String ? $util.Long.prototype.toString.call(message.seq) : options.longs === Number ? new $util.LongBits(message.seq.low >>> 0, message.seq.high >>> 0).toNumber(true) : message.seq;
                if (message.observation != null && Object.hasOwnProperty.call(message, "observation")) {
                    object.observation = $root.vigil.v1.Observation.toObject(message.observation, options, q + 1);
                    if (options.oneofs)
                        object.body = "observation";
                }
                if (message.repeat != null && Object.hasOwnProperty.call(message, "repeat")) {
                    object.repeat = $root.vigil.v1.RepeatCount.toObject(message.repeat, options, q + 1);
                    if (options.oneofs)
                        object.body = "repeat";
                }
                return object;
            };

            /**
             * Converts this Report to JSON.
             * @function toJSON
             * @memberof vigil.v1.Report
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Report.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Report;
        })();

        v1.ReportBatch = (function() {

            /**
             * Properties of a ReportBatch.
             * @memberof vigil.v1
             * @interface IReportBatch
             * @property {Array.<vigil.v1.IReport>|null} [reports] ReportBatch reports
             */

            /**
             * Constructs a new ReportBatch.
             * @memberof vigil.v1
             * @classdesc Represents a ReportBatch.
             * @implements IReportBatch
             * @constructor
             * @param {vigil.v1.IReportBatch=} [properties] Properties to set
             */
            function ReportBatch(properties) {
                this.reports = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ReportBatch reports.
             * @member {Array.<vigil.v1.IReport>} reports
             * @memberof vigil.v1.ReportBatch
             * @instance
             */
            ReportBatch.prototype.reports = $util.emptyArray;

            /**
             * Creates a new ReportBatch instance using the specified properties.
             * @function create
             * @memberof vigil.v1.ReportBatch
             * @static
             * @param {vigil.v1.IReportBatch=} [properties] Properties to set
             * @returns {vigil.v1.ReportBatch} ReportBatch instance
             */
            ReportBatch.create = function create(properties) {
                return new ReportBatch(properties);
            };

            /**
             * Encodes the specified ReportBatch message. Does not implicitly {@link vigil.v1.ReportBatch.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.ReportBatch
             * @static
             * @param {vigil.v1.IReportBatch} message ReportBatch message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ReportBatch.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.reports != null && message.reports.length)
                    for (let i = 0; i < message.reports.length; ++i)
                        $root.vigil.v1.Report.encode(message.reports[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a ReportBatch message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.ReportBatch
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.ReportBatch} ReportBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ReportBatch.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.vigil.v1.ReportBatch();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.reports && message.reports.length))
                                message.reports = [];
                            message.reports.push($root.vigil.v1.Report.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Verifies a ReportBatch message.
             * @function verify
             * @memberof vigil.v1.ReportBatch
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ReportBatch.verify = function verify(message, long) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (message.reports != null && Object.hasOwnProperty.call(message, "reports")) {
                    if (!Array.isArray(message.reports))
                        return "reports: array expected";
                    for (let i = 0; i < message.reports.length; ++i) {
                        let error = $root.vigil.v1.Report.verify(message.reports[i], long + 1);
                        if (error)
                            return "reports." + error;
                    }
                }
                return null;
            };

            /**
             * Creates a ReportBatch message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.ReportBatch
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.ReportBatch} ReportBatch
             */
            ReportBatch.fromObject = function fromObject(object, long) {
                if (object instanceof $root.vigil.v1.ReportBatch)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".vigil.v1.ReportBatch: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.vigil.v1.ReportBatch();
                if (object.reports) {
                    if (!Array.isArray(object.reports))
                        throw TypeError(".vigil.v1.ReportBatch.reports: array expected");
                    message.reports = [];
                    for (let i = 0; i < object.reports.length; ++i) {
                        if (!$util.isObject(object.reports[i]))
                            throw TypeError(".vigil.v1.ReportBatch.reports: object expected");
                        message.reports[i] = $root.vigil.v1.Report.fromObject(object.reports[i], long + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a ReportBatch message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.ReportBatch
             * @static
             * @param {vigil.v1.ReportBatch} message ReportBatch
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ReportBatch.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.reports = [];
                if (message.reports && message.reports.length) {
                    object.reports = [];
                    for (let j = 0; j < message.reports.length; ++j)
                        object.reports[j] = $root.vigil.v1.Report.toObject(message.reports[j], options, q + 1);
                }
                return object;
            };

            /**
             * Converts this ReportBatch to JSON.
             * @function toJSON
             * @memberof vigil.v1.ReportBatch
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ReportBatch.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return ReportBatch;
        })();

        v1.AgentStats = (function() {

            /**
             * Properties of an AgentStats.
             * @memberof vigil.v1
             * @interface IAgentStats
             * @property {number|null} [events_per_second] AgentStats events_per_second
             * @property {number|null} [events_total] AgentStats events_total
             * @property {number|null} [dropped_total] AgentStats dropped_total
             * @property {number|null} [outbox_depth] AgentStats outbox_depth
             * @property {number|null} [unattributed_total] AgentStats unattributed_total
             * @property {number|null} [falco_drops_total] AgentStats falco_drops_total
             * @property {boolean|null} [falco_connected] AgentStats falco_connected
             */

            /**
             * Constructs a new AgentStats.
             * @memberof vigil.v1
             * @classdesc Represents an AgentStats.
             * @implements IAgentStats
             * @constructor
             * @param {vigil.v1.IAgentStats=} [properties] Properties to set
             */
            function AgentStats(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * AgentStats events_per_second.
             * @member {number} events_per_second
             * @memberof vigil.v1.AgentStats
             * @instance
             */
            AgentStats.prototype.events_per_second = 0;

            /**
             * AgentStats events_total.
             * @member {number} events_total
             * @memberof vigil.v1.AgentStats
             * @instance
             */
            AgentStats.prototype.events_total = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * AgentStats dropped_total.
             * @member {number} dropped_total
             * @memberof vigil.v1.AgentStats
             * @instance
             */
            AgentStats.prototype.dropped_total = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * AgentStats outbox_depth.
             * @member {number} outbox_depth
             * @memberof vigil.v1.AgentStats
             * @instance
             */
            AgentStats.prototype.outbox_depth = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * AgentStats unattributed_total.
             * @member {number} unattributed_total
             * @memberof vigil.v1.AgentStats
             * @instance
             */
            AgentStats.prototype.unattributed_total = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * AgentStats falco_drops_total.
             * @member {number} falco_drops_total
             * @memberof vigil.v1.AgentStats
             * @instance
             */
            AgentStats.prototype.falco_drops_total = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * AgentStats falco_connected.
             * @member {boolean} falco_connected
             * @memberof vigil.v1.AgentStats
             * @instance
             */
            AgentStats.prototype.falco_connected = false;

            /**
             * Creates a new AgentStats instance using the specified properties.
             * @function create
             * @memberof vigil.v1.AgentStats
             * @static
             * @param {vigil.v1.IAgentStats=} [properties] Properties to set
             * @returns {vigil.v1.AgentStats} AgentStats instance
             */
            AgentStats.create = function create(properties) {
                return new AgentStats(properties);
            };

            /**
             * Encodes the specified AgentStats message. Does not implicitly {@link vigil.v1.AgentStats.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.AgentStats
             * @static
             * @param {vigil.v1.IAgentStats} message AgentStats message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AgentStats.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.events_per_second != null && Object.hasOwnProperty.call(message, "events_per_second"))
                    writer.uint32(/* id 1, wireType 1 =*/9).double(message.events_per_second);
                if (message.events_total != null && Object.hasOwnProperty.call(message, "events_total"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.events_total);
                if (message.dropped_total != null && Object.hasOwnProperty.call(message, "dropped_total"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.dropped_total);
                if (message.outbox_depth != null && Object.hasOwnProperty.call(message, "outbox_depth"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.outbox_depth);
                if (message.unattributed_total != null && Object.hasOwnProperty.call(message, "unattributed_total"))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.unattributed_total);
                if (message.falco_drops_total != null && Object.hasOwnProperty.call(message, "falco_drops_total"))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.falco_drops_total);
                if (message.falco_connected != null && Object.hasOwnProperty.call(message, "falco_connected"))
                    writer.uint32(/* id 7, wireType 0 =*/56).bool(message.falco_connected);
                return writer;
            };

            /**
             * Decodes an AgentStats message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.AgentStats
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.AgentStats} AgentStats
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AgentStats.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.vigil.v1.AgentStats();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.events_per_second = reader.double();
                            break;
                        }
                    case 2: {
                            message.events_total = reader.uint64();
                            break;
                        }
                    case 3: {
                            message.dropped_total = reader.uint64();
                            break;
                        }
                    case 4: {
                            message.outbox_depth = reader.uint64();
                            break;
                        }
                    case 5: {
                            message.unattributed_total = reader.uint64();
                            break;
                        }
                    case 6: {
                            message.falco_drops_total = reader.uint64();
                            break;
                        }
                    case 7: {
                            message.falco_connected = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Verifies an AgentStats message.
             * @function verify
             * @memberof vigil.v1.AgentStats
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            AgentStats.verify = function verify(message, long) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (message.events_per_second != null && Object.hasOwnProperty.call(message, "events_per_second"))
                    if (typeof message.events_per_second !== "number")
                        return "events_per_second: number expected";
                if (message.events_total != null && Object.hasOwnProperty.call(message, "events_total"))
                    if (!$util.isInteger(message.events_total) && !(message.events_total && $util.isInteger(message.events_total.low) && $util.isInteger(message.events_total.high)))
                        return "events_total: integer|Long expected";
                if (message.dropped_total != null && Object.hasOwnProperty.call(message, "dropped_total"))
                    if (!$util.isInteger(message.dropped_total) && !(message.dropped_total && $util.isInteger(message.dropped_total.low) && $util.isInteger(message.dropped_total.high)))
                        return "dropped_total: integer|Long expected";
                if (message.outbox_depth != null && Object.hasOwnProperty.call(message, "outbox_depth"))
                    if (!$util.isInteger(message.outbox_depth) && !(message.outbox_depth && $util.isInteger(message.outbox_depth.low) && $util.isInteger(message.outbox_depth.high)))
                        return "outbox_depth: integer|Long expected";
                if (message.unattributed_total != null && Object.hasOwnProperty.call(message, "unattributed_total"))
                    if (!$util.isInteger(message.unattributed_total) && !(message.unattributed_total && $util.isInteger(message.unattributed_total.low) && $util.isInteger(message.unattributed_total.high)))
                        return "unattributed_total: integer|Long expected";
                if (message.falco_drops_total != null && Object.hasOwnProperty.call(message, "falco_drops_total"))
                    if (!$util.isInteger(message.falco_drops_total) && !(message.falco_drops_total && $util.isInteger(message.falco_drops_total.low) && $util.isInteger(message.falco_drops_total.high)))
                        return "falco_drops_total: integer|Long expected";
                if (message.falco_connected != null && Object.hasOwnProperty.call(message, "falco_connected"))
                    if (typeof message.falco_connected !== "boolean")
                        return "falco_connected: boolean expected";
                return null;
            };

            /**
             * Creates an AgentStats message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.AgentStats
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.AgentStats} AgentStats
             */
            AgentStats.fromObject = function fromObject(object, long) {
                if (object instanceof $root.vigil.v1.AgentStats)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".vigil.v1.AgentStats: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.vigil.v1.AgentStats();
                if (object.events_per_second != null)
                    message.events_per_second = Number(object.events_per_second);
                if (object.events_total != null)
                    if ($util.Long)
                        message.events_total = $util.Long.fromValue(object.events_total, true);
                    else if (typeof object.events_total === "string")
                        message.events_total = parseInt(object.events_total, 10);
                    else if (typeof object.events_total === "number")
                        message.events_total = object.events_total;
                    else if (typeof object.events_total === "object")
                        message.events_total = new $util.LongBits(object.events_total.low >>> 0, object.events_total.high >>> 0).toNumber(true);
                if (object.dropped_total != null)
                    if ($util.Long)
                        message.dropped_total = $util.Long.fromValue(object.dropped_total, true);
                    else if (typeof object.dropped_total === "string")
                        message.dropped_total = parseInt(object.dropped_total, 10);
                    else if (typeof object.dropped_total === "number")
                        message.dropped_total = object.dropped_total;
                    else if (typeof object.dropped_total === "object")
                        message.dropped_total = new $util.LongBits(object.dropped_total.low >>> 0, object.dropped_total.high >>> 0).toNumber(true);
                if (object.outbox_depth != null)
                    if ($util.Long)
                        message.outbox_depth = $util.Long.fromValue(object.outbox_depth, true);
                    else if (typeof object.outbox_depth === "string")
                        message.outbox_depth = parseInt(object.outbox_depth, 10);
                    else if (typeof object.outbox_depth === "number")
                        message.outbox_depth = object.outbox_depth;
                    else if (typeof object.outbox_depth === "object")
                        message.outbox_depth = new $util.LongBits(object.outbox_depth.low >>> 0, object.outbox_depth.high >>> 0).toNumber(true);
                if (object.unattributed_total != null)
                    if ($util.Long)
                        message.unattributed_total = $util.Long.fromValue(object.unattributed_total, true);
                    else if (typeof object.unattributed_total === "string")
                        message.unattributed_total = parseInt(object.unattributed_total, 10);
                    else if (typeof object.unattributed_total === "number")
                        message.unattributed_total = object.unattributed_total;
                    else if (typeof object.unattributed_total === "object")
                        message.unattributed_total = new $util.LongBits(object.unattributed_total.low >>> 0, object.unattributed_total.high >>> 0).toNumber(true);
                if (object.falco_drops_total != null)
                    if ($util.Long)
                        message.falco_drops_total = $util.Long.fromValue(object.falco_drops_total, true);
                    else if (typeof object.falco_drops_total === "string")
                        message.falco_drops_total = parseInt(object.falco_drops_total, 10);
                    else if (typeof object.falco_drops_total === "number")
                        message.falco_drops_total = object.falco_drops_total;
                    else if (typeof object.falco_drops_total === "object")
                        message.falco_drops_total = new $util.LongBits(object.falco_drops_total.low >>> 0, object.falco_drops_total.high >>> 0).toNumber(true);
                if (object.falco_connected != null)
                    message.falco_connected = Boolean(object.falco_connected);
                return message;
            };

            /**
             * Creates a plain object from an AgentStats message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.AgentStats
             * @static
             * @param {vigil.v1.AgentStats} message AgentStats
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AgentStats.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.events_per_second = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.events_total = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.events_total = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.dropped_total = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.dropped_total = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.outbox_depth = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.outbox_depth = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.unattributed_total = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.unattributed_total = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.falco_drops_total = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.falco_drops_total = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    object.falco_connected = false;
                }
                if (message.events_per_second != null && Object.hasOwnProperty.call(message, "events_per_second"))
                    object.events_per_second = options.json && !isFinite(message.events_per_second) ? String(message.events_per_second) : message.events_per_second;
                if (message.events_total != null && Object.hasOwnProperty.call(message, "events_total"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.events_total = typeof message.events_total === "number" ? BigInt(message.events_total) : $util.Long.fromBits(message.events_total.low >>> 0, message.events_total.high >>> 0, true).toBigInt();
                    else if (typeof message.events_total === "number")
                        object.events_total = options.longs === String ? String(message.events_total) : message.events_total;
                    else
                        object.events_total = options.longs === String ? $util.Long.prototype.toString.call(message.events_total) : options.longs === Number ? new $util.LongBits(message.events_total.low >>> 0, message.events_total.high >>> 0).toNumber(true) : message.events_total;
                if (message.dropped_total != null && Object.hasOwnProperty.call(message, "dropped_total"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.dropped_total = typeof message.dropped_total === "number" ? BigInt(message.dropped_total) : $util.Long.fromBits(message.dropped_total.low >>> 0, message.dropped_total.high >>> 0, true).toBigInt();
                    else if (typeof message.dropped_total === "number")
                        object.dropped_total = options.longs === String ? String(message.dropped_total) : message.dropped_total;
                    else
                        object.dropped_total = options.longs === String ? $util.Long.prototype.toString.call(message.dropped_total) : options.longs === Number ? new $util.LongBits(message.dropped_total.low >>> 0, message.dropped_total.high >>> 0).toNumber(true) : message.dropped_total;
                if (message.outbox_depth != null && Object.hasOwnProperty.call(message, "outbox_depth"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.outbox_depth = typeof message.outbox_depth === "number" ? BigInt(message.outbox_depth) : $util.Long.fromBits(message.outbox_depth.low >>> 0, message.outbox_depth.high >>> 0, true).toBigInt();
                    else if (typeof message.outbox_depth === "number")
                        object.outbox_depth = options.longs === String ? String(message.outbox_depth) : message.outbox_depth;
                    else
                        object.outbox_depth = options.longs === String ? $util.Long.prototype.toString.call(message.outbox_depth) : options.longs === Number ? new $util.LongBits(message.outbox_depth.low >>> 0, message.outbox_depth.high >>> 0).toNumber(true) : message.outbox_depth;
                if (message.unattributed_total != null && Object.hasOwnProperty.call(message, "unattributed_total"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.unattributed_total = typeof message.unattributed_total === "number" ? BigInt(message.unattributed_total) : $util.Long.fromBits(message.unattributed_total.low >>> 0, message.unattributed_total.high >>> 0, true).toBigInt();
                    else if (typeof message.unattributed_total === "number")
                        object.unattributed_total = options.longs === String ? String(message.unattributed_total) : message.unattributed_total;
                    else
                        object.unattributed_total = options.longs === String ? $util.Long.prototype.toString.call(message.unattributed_total) : options.longs === Number ? new $util.LongBits(message.unattributed_total.low >>> 0, message.unattributed_total.high >>> 0).toNumber(true) : message.unattributed_total;
                if (message.falco_drops_total != null && Object.hasOwnProperty.call(message, "falco_drops_total"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.falco_drops_total = typeof message.falco_drops_total === "number" ? BigInt(message.falco_drops_total) : $util.Long.fromBits(message.falco_drops_total.low >>> 0, message.falco_drops_total.high >>> 0, true).toBigInt();
                    else if (typeof message.falco_drops_total === "number")
                        object.falco_drops_total = options.longs === String ? String(message.falco_drops_total) : message.falco_drops_total;
                    else
                        object.falco_drops_total = options.longs === String ? $util.Long.prototype.toString.call(message.falco_drops_total) : options.longs === Number ? new $util.LongBits(message.falco_drops_total.low >>> 0, message.falco_drops_total.high >>> 0).toNumber(true) : message.falco_drops_total;
                if (message.falco_connected != null && Object.hasOwnProperty.call(message, "falco_connected"))
                    object.falco_connected = message.falco_connected;
                return object;
            };

            /**
             * Converts this AgentStats to JSON.
             * @function toJSON
             * @memberof vigil.v1.AgentStats
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AgentStats.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return AgentStats;
        })();

        v1.Heartbeat = (function() {

            /**
             * Properties of a Heartbeat.
             * @memberof vigil.v1
             * @interface IHeartbeat
             * @property {google.protobuf.ITimestamp|null} [time] Heartbeat time
             * @property {vigil.v1.IAgentStats|null} [stats] Heartbeat stats
             */

            /**
             * Constructs a new Heartbeat.
             * @memberof vigil.v1
             * @classdesc Represents a Heartbeat.
             * @implements IHeartbeat
             * @constructor
             * @param {vigil.v1.IHeartbeat=} [properties] Properties to set
             */
            function Heartbeat(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Heartbeat time.
             * @member {google.protobuf.ITimestamp|null|undefined} time
             * @memberof vigil.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.time = null;

            /**
             * Heartbeat stats.
             * @member {vigil.v1.IAgentStats|null|undefined} stats
             * @memberof vigil.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.stats = null;

            /**
             * Creates a new Heartbeat instance using the specified properties.
             * @function create
             * @memberof vigil.v1.Heartbeat
             * @static
             * @param {vigil.v1.IHeartbeat=} [properties] Properties to set
             * @returns {vigil.v1.Heartbeat} Heartbeat instance
             */
            Heartbeat.create = function create(properties) {
                return new Heartbeat(properties);
            };

            /**
             * Encodes the specified Heartbeat message. Does not implicitly {@link vigil.v1.Heartbeat.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.Heartbeat
             * @static
             * @param {vigil.v1.IHeartbeat} message Heartbeat message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Heartbeat.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.time != null && Object.hasOwnProperty.call(message, "time"))
                    $root.google.protobuf.Timestamp.encode(message.time, writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (message.stats != null && Object.hasOwnProperty.call(message, "stats"))
                    $root.vigil.v1.AgentStats.encode(message.stats, writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a Heartbeat message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.Heartbeat
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.Heartbeat} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Heartbeat.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.vigil.v1.Heartbeat();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.time = $root.google.protobuf.Timestamp.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 2: {
                            message.stats = $root.vigil.v1.AgentStats.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Verifies a Heartbeat message.
             * @function verify
             * @memberof vigil.v1.Heartbeat
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Heartbeat.verify = function verify(message, long) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (message.time != null && Object.hasOwnProperty.call(message, "time")) {
                    let error = $root.google.protobuf.Timestamp.verify(message.time, long + 1);
                    if (error)
                        return "time." + error;
                }
                if (message.stats != null && Object.hasOwnProperty.call(message, "stats")) {
                    let error = $root.vigil.v1.AgentStats.verify(message.stats, long + 1);
                    if (error)
                        return "stats." + error;
                }
                return null;
            };

            /**
             * Creates a Heartbeat message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.Heartbeat
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.Heartbeat} Heartbeat
             */
            Heartbeat.fromObject = function fromObject(object, long) {
                if (object instanceof $root.vigil.v1.Heartbeat)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".vigil.v1.Heartbeat: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.vigil.v1.Heartbeat();
                if (object.time != null) {
                    if (!$util.isObject(object.time))
                        throw TypeError(".vigil.v1.Heartbeat.time: object expected");
                    message.time = $root.google.protobuf.Timestamp.fromObject(object.time, long + 1);
                }
                if (object.stats != null) {
                    if (!$util.isObject(object.stats))
                        throw TypeError(".vigil.v1.Heartbeat.stats: object expected");
                    message.stats = $root.vigil.v1.AgentStats.fromObject(object.stats, long + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a Heartbeat message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.Heartbeat
             * @static
             * @param {vigil.v1.Heartbeat} message Heartbeat
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Heartbeat.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.time = null;
                    object.stats = null;
                }
                if (message.time != null && Object.hasOwnProperty.call(message, "time"))
                    object.time = $root.google.protobuf.Timestamp.toObject(message.time, options, q + 1);
                if (message.stats != null && Object.hasOwnProperty.call(message, "stats"))
                    object.stats = $root.vigil.v1.AgentStats.toObject(message.stats, options, q + 1);
                return object;
            };

            /**
             * Converts this Heartbeat to JSON.
             * @function toJSON
             * @memberof vigil.v1.Heartbeat
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Heartbeat.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Heartbeat;
        })();

        v1.Ack = (function() {

            /**
             * Properties of an Ack.
             * @memberof vigil.v1
             * @interface IAck
             * @property {number|null} [highest_seq] Ack highest_seq
             */

            /**
             * Constructs a new Ack.
             * @memberof vigil.v1
             * @classdesc Represents an Ack.
             * @implements IAck
             * @constructor
             * @param {vigil.v1.IAck=} [properties] Properties to set
             */
            function Ack(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Ack highest_seq.
             * @member {number} highest_seq
             * @memberof vigil.v1.Ack
             * @instance
             */
            Ack.prototype.highest_seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new Ack instance using the specified properties.
             * @function create
             * @memberof vigil.v1.Ack
             * @static
             * @param {vigil.v1.IAck=} [properties] Properties to set
             * @returns {vigil.v1.Ack} Ack instance
             */
            Ack.create = function create(properties) {
                return new Ack(properties);
            };

            /**
             * Encodes the specified Ack message. Does not implicitly {@link vigil.v1.Ack.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.Ack
             * @static
             * @param {vigil.v1.IAck} message Ack message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ack.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.highest_seq != null && Object.hasOwnProperty.call(message, "highest_seq"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.highest_seq);
                return writer;
            };

            /**
             * Decodes an Ack message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.Ack
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.Ack} Ack
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ack.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.vigil.v1.Ack();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.highest_seq = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Verifies an Ack message.
             * @function verify
             * @memberof vigil.v1.Ack
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Ack.verify = function verify(message, long) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (message.highest_seq != null && Object.hasOwnProperty.call(message, "highest_seq"))
                    if (!$util.isInteger(message.highest_seq) && !(message.highest_seq && $util.isInteger(message.highest_seq.low) && $util.isInteger(message.highest_seq.high)))
                        return "highest_seq: integer|Long expected";
                return null;
            };

            /**
             * Creates an Ack message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.Ack
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.Ack} Ack
             */
            Ack.fromObject = function fromObject(object, long) {
                if (object instanceof $root.vigil.v1.Ack)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".vigil.v1.Ack: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.vigil.v1.Ack();
                if (object.highest_seq != null)
                    if ($util.Long)
                        message.highest_seq = $util.Long.fromValue(object.highest_seq, true);
                    else if (typeof object.highest_seq === "string")
                        message.highest_seq = parseInt(object.highest_seq, 10);
                    else if (typeof object.highest_seq === "number")
                        message.highest_seq = object.highest_seq;
                    else if (typeof object.highest_seq === "object")
                        message.highest_seq = new $util.LongBits(object.highest_seq.low >>> 0, object.highest_seq.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from an Ack message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.Ack
             * @static
             * @param {vigil.v1.Ack} message Ack
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Ack.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.highest_seq = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.highest_seq = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                if (message.highest_seq != null && Object.hasOwnProperty.call(message, "highest_seq"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.highest_seq = typeof message.highest_seq === "number" ? BigInt(message.highest_seq) : $util.Long.fromBits(message.highest_seq.low >>> 0, message.highest_seq.high >>> 0, true).toBigInt();
                    else if (typeof message.highest_seq === "number")
                        object.highest_seq = options.longs === String ? String(message.highest_seq) : message.highest_seq;
                    else
                        object.highest_seq = options.longs === String ? $util.Long.prototype.toString.call(message.highest_seq) : options.longs === Number ? new $util.LongBits(message.highest_seq.low >>> 0, message.highest_seq.high >>> 0).toNumber(true) : message.highest_seq;
                return object;
            };

            /**
             * Converts this Ack to JSON.
             * @function toJSON
             * @memberof vigil.v1.Ack
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Ack.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Ack;
        })();

        /**
         * Mode enum.
         * @name vigil.v1.Mode
         * @enum {number}
         * @property {number} MODE_UNSPECIFIED=0 MODE_UNSPECIFIED value
         * @property {number} LEARNING=1 LEARNING value
         * @property {number} DETECTING=2 DETECTING value
         * @property {number} DISABLED=3 DISABLED value
         */
        v1.Mode = (function() {
            const valuesById = {}, values = Object.create(valuesById);
            values[valuesById[0] = "MODE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "LEARNING"] = 1;
            values[valuesById[2] = "DETECTING"] = 2;
            values[valuesById[3] = "DISABLED"] = 3;
            return values;
        })();

        /**
         * Identity enum.
         * @name vigil.v1.Identity
         * @enum {number}
         * @property {number} IDENTITY_EXE=0 IDENTITY_EXE value
         * @property {number} IDENTITY_LINEAGE=1 IDENTITY_LINEAGE value
         */
        v1.Identity = (function() {
            const valuesById = {}, values = Object.create(valuesById);
            values[valuesById[0] = "IDENTITY_EXE"] = 0;
            values[valuesById[1] = "IDENTITY_LINEAGE"] = 1;
            return values;
        })();

        v1.BaselineItem = (function() {

            /**
             * Properties of a BaselineItem.
             * @memberof vigil.v1
             * @interface IBaselineItem
             * @property {string|null} [container] BaselineItem container
             * @property {string|null} [item_key] BaselineItem item_key
             */

            /**
             * Constructs a new BaselineItem.
             * @memberof vigil.v1
             * @classdesc Represents a BaselineItem.
             * @implements IBaselineItem
             * @constructor
             * @param {vigil.v1.IBaselineItem=} [properties] Properties to set
             */
            function BaselineItem(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * BaselineItem container.
             * @member {string} container
             * @memberof vigil.v1.BaselineItem
             * @instance
             */
            BaselineItem.prototype.container = "";

            /**
             * BaselineItem item_key.
             * @member {string} item_key
             * @memberof vigil.v1.BaselineItem
             * @instance
             */
            BaselineItem.prototype.item_key = "";

            /**
             * Creates a new BaselineItem instance using the specified properties.
             * @function create
             * @memberof vigil.v1.BaselineItem
             * @static
             * @param {vigil.v1.IBaselineItem=} [properties] Properties to set
             * @returns {vigil.v1.BaselineItem} BaselineItem instance
             */
            BaselineItem.create = function create(properties) {
                return new BaselineItem(properties);
            };

            /**
             * Encodes the specified BaselineItem message. Does not implicitly {@link vigil.v1.BaselineItem.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.BaselineItem
             * @static
             * @param {vigil.v1.IBaselineItem} message BaselineItem message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BaselineItem.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.container != null && Object.hasOwnProperty.call(message, "container"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.container);
                if (message.item_key != null && Object.hasOwnProperty.call(message, "item_key"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.item_key);
                return writer;
            };

            /**
             * Decodes a BaselineItem message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.BaselineItem
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.BaselineItem} BaselineItem
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BaselineItem.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.vigil.v1.BaselineItem();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.container = reader.string();
                            break;
                        }
                    case 2: {
                            message.item_key = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Verifies a BaselineItem message.
             * @function verify
             * @memberof vigil.v1.BaselineItem
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            BaselineItem.verify = function verify(message, long) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (message.container != null && Object.hasOwnProperty.call(message, "container"))
                    if (!$util.isString(message.container))
                        return "container: string expected";
                if (message.item_key != null && Object.hasOwnProperty.call(message, "item_key"))
                    if (!$util.isString(message.item_key))
                        return "item_key: string expected";
                return null;
            };

            /**
             * Creates a BaselineItem message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.BaselineItem
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.BaselineItem} BaselineItem
             */
            BaselineItem.fromObject = function fromObject(object, long) {
                if (object instanceof $root.vigil.v1.BaselineItem)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".vigil.v1.BaselineItem: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.vigil.v1.BaselineItem();
                if (object.container != null)
                    message.container = String(object.container);
                if (object.item_key != null)
                    message.item_key = String(object.item_key);
                return message;
            };

            /**
             * Creates a plain object from a BaselineItem message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.BaselineItem
             * @static
             * @param {vigil.v1.BaselineItem} message BaselineItem
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            BaselineItem.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.container = "";
                    object.item_key = "";
                }
                if (message.container != null && Object.hasOwnProperty.call(message, "container"))
                    object.container = message.container;
                if (message.item_key != null && Object.hasOwnProperty.call(message, "item_key"))
                    object.item_key = message.item_key;
                return object;
            };

            /**
             * Converts this BaselineItem to JSON.
             * @function toJSON
             * @memberof vigil.v1.BaselineItem
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            BaselineItem.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return BaselineItem;
        })();

        v1.WorkloadState = (function() {

            /**
             * Properties of a WorkloadState.
             * @memberof vigil.v1
             * @interface IWorkloadState
             * @property {vigil.v1.IWorkload|null} [workload] WorkloadState workload
             * @property {vigil.v1.Mode|null} [mode] WorkloadState mode
             * @property {google.protobuf.ITimestamp|null} [window_end] WorkloadState window_end
             * @property {Array.<vigil.v1.IBaselineItem>|null} [items] WorkloadState items
             * @property {vigil.v1.Identity|null} [identity] WorkloadState identity
             */

            /**
             * Constructs a new WorkloadState.
             * @memberof vigil.v1
             * @classdesc Represents a WorkloadState.
             * @implements IWorkloadState
             * @constructor
             * @param {vigil.v1.IWorkloadState=} [properties] Properties to set
             */
            function WorkloadState(properties) {
                this.items = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * WorkloadState workload.
             * @member {vigil.v1.IWorkload|null|undefined} workload
             * @memberof vigil.v1.WorkloadState
             * @instance
             */
            WorkloadState.prototype.workload = null;

            /**
             * WorkloadState mode.
             * @member {vigil.v1.Mode} mode
             * @memberof vigil.v1.WorkloadState
             * @instance
             */
            WorkloadState.prototype.mode = 0;

            /**
             * WorkloadState window_end.
             * @member {google.protobuf.ITimestamp|null|undefined} window_end
             * @memberof vigil.v1.WorkloadState
             * @instance
             */
            WorkloadState.prototype.window_end = null;

            /**
             * WorkloadState items.
             * @member {Array.<vigil.v1.IBaselineItem>} items
             * @memberof vigil.v1.WorkloadState
             * @instance
             */
            WorkloadState.prototype.items = $util.emptyArray;

            /**
             * WorkloadState identity.
             * @member {vigil.v1.Identity} identity
             * @memberof vigil.v1.WorkloadState
             * @instance
             */
            WorkloadState.prototype.identity = 0;

            /**
             * Creates a new WorkloadState instance using the specified properties.
             * @function create
             * @memberof vigil.v1.WorkloadState
             * @static
             * @param {vigil.v1.IWorkloadState=} [properties] Properties to set
             * @returns {vigil.v1.WorkloadState} WorkloadState instance
             */
            WorkloadState.create = function create(properties) {
                return new WorkloadState(properties);
            };

            /**
             * Encodes the specified WorkloadState message. Does not implicitly {@link vigil.v1.WorkloadState.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.WorkloadState
             * @static
             * @param {vigil.v1.IWorkloadState} message WorkloadState message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            WorkloadState.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.workload != null && Object.hasOwnProperty.call(message, "workload"))
                    $root.vigil.v1.Workload.encode(message.workload, writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (message.mode != null && Object.hasOwnProperty.call(message, "mode"))
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.mode);
                if (message.window_end != null && Object.hasOwnProperty.call(message, "window_end"))
                    $root.google.protobuf.Timestamp.encode(message.window_end, writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (message.items != null && message.items.length)
                    for (let i = 0; i < message.items.length; ++i)
                        $root.vigil.v1.BaselineItem.encode(message.items[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                if (message.identity != null && Object.hasOwnProperty.call(message, "identity"))
                    writer.uint32(/* id 5, wireType 0 =*/40).int32(message.identity);
                return writer;
            };

            /**
             * Decodes a WorkloadState message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.WorkloadState
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.WorkloadState} WorkloadState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            WorkloadState.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.vigil.v1.WorkloadState();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.workload = $root.vigil.v1.Workload.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 2: {
                            message.mode = reader.int32();
                            break;
                        }
                    case 3: {
                            message.window_end = $root.google.protobuf.Timestamp.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 4: {
                            if (!(message.items && message.items.length))
                                message.items = [];
                            message.items.push($root.vigil.v1.BaselineItem.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 5: {
                            message.identity = reader.int32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Verifies a WorkloadState message.
             * @function verify
             * @memberof vigil.v1.WorkloadState
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            WorkloadState.verify = function verify(message, long) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (message.workload != null && Object.hasOwnProperty.call(message, "workload")) {
                    let error = $root.vigil.v1.Workload.verify(message.workload, long + 1);
                    if (error)
                        return "workload." + error;
                }
                if (message.mode != null && Object.hasOwnProperty.call(message, "mode"))
                    switch (message.mode) {
                    default:
                        return "mode: enum value expected";
                    case 0:
                    case 1:
                    case 2:
                    case 3:
                        break;
                    }
                if (message.window_end != null && Object.hasOwnProperty.call(message, "window_end")) {
                    let error = $root.google.protobuf.Timestamp.verify(message.window_end, long + 1);
                    if (error)
                        return "window_end." + error;
                }
                if (message.items != null && Object.hasOwnProperty.call(message, "items")) {
                    if (!Array.isArray(message.items))
                        return "items: array expected";
                    for (let i = 0; i < message.items.length; ++i) {
                        let error = $root.vigil.v1.BaselineItem.verify(message.items[i], long + 1);
                        if (error)
                            return "items." + error;
                    }
                }
                if (message.identity != null && Object.hasOwnProperty.call(message, "identity"))
                    switch (message.identity) {
                    default:
                        return "identity: enum value expected";
                    case 0:
                    case 1:
                        break;
                    }
                return null;
            };

            /**
             * Creates a WorkloadState message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.WorkloadState
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.WorkloadState} WorkloadState
             */
            WorkloadState.fromObject = function fromObject(object, long) {
                if (object instanceof $root.vigil.v1.WorkloadState)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".vigil.v1.WorkloadState: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.vigil.v1.WorkloadState();
                if (object.workload != null) {
                    if (!$util.isObject(object.workload))
                        throw TypeError(".vigil.v1.WorkloadState.workload: object expected");
                    message.workload = $root.vigil.v1.Workload.fromObject(object.workload, long + 1);
                }
                switch (object.mode) {
                default:
                    if (typeof object.mode === "number") {
                        message.mode = object.mode;
                        break;
                    }
                    break;
                case "MODE_UNSPECIFIED":
                case 0:
                    message.mode = 0;
                    break;
                case "LEARNING":
                case 1:
                    message.mode = 1;
                    break;
                case "DETECTING":
                case 2:
                    message.mode = 2;
                    break;
                case "DISABLED":
                case 3:
                    message.mode = 3;
                    break;
                }
                if (object.window_end != null) {
                    if (!$util.isObject(object.window_end))
                        throw TypeError(".vigil.v1.WorkloadState.window_end: object expected");
                    message.window_end = $root.google.protobuf.Timestamp.fromObject(object.window_end, long + 1);
                }
                if (object.items) {
                    if (!Array.isArray(object.items))
                        throw TypeError(".vigil.v1.WorkloadState.items: array expected");
                    message.items = [];
                    for (let i = 0; i < object.items.length; ++i) {
                        if (!$util.isObject(object.items[i]))
                            throw TypeError(".vigil.v1.WorkloadState.items: object expected");
                        message.items[i] = $root.vigil.v1.BaselineItem.fromObject(object.items[i], long + 1);
                    }
                }
                switch (object.identity) {
                default:
                    if (typeof object.identity === "number") {
                        message.identity = object.identity;
                        break;
                    }
                    break;
                case "IDENTITY_EXE":
                case 0:
                    message.identity = 0;
                    break;
                case "IDENTITY_LINEAGE":
                case 1:
                    message.identity = 1;
                    break;
                }
                return message;
            };

            /**
             * Creates a plain object from a WorkloadState message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.WorkloadState
             * @static
             * @param {vigil.v1.WorkloadState} message WorkloadState
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            WorkloadState.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.items = [];
                if (options.defaults) {
                    object.workload = null;
                    object.mode = options.enums === String ? "MODE_UNSPECIFIED" : 0;
                    object.window_end = null;
                    object.identity = options.enums === String ? "IDENTITY_EXE" : 0;
                }
                if (message.workload != null && Object.hasOwnProperty.call(message, "workload"))
                    object.workload = $root.vigil.v1.Workload.toObject(message.workload, options, q + 1);
                if (message.mode != null && Object.hasOwnProperty.call(message, "mode"))
                    object.mode = options.enums === String ? $root.vigil.v1.Mode[message.mode] === undefined ? message.mode : $root.vigil.v1.Mode[message.mode] : message.mode;
                if (message.window_end != null && Object.hasOwnProperty.call(message, "window_end"))
                    object.window_end = $root.google.protobuf.Timestamp.toObject(message.window_end, options, q + 1);
                if (message.items && message.items.length) {
                    object.items = [];
                    for (let j = 0; j < message.items.length; ++j)
                        object.items[j] = $root.vigil.v1.BaselineItem.toObject(message.items[j], options, q + 1);
                }
                if (message.identity != null && Object.hasOwnProperty.call(message, "identity"))
                    object.identity = options.enums === String ? $root.vigil.v1.Identity[message.identity] === undefined ? message.identity : $root.vigil.v1.Identity[message.identity] : message.identity;
                return object;
            };

            /**
             * Converts this WorkloadState to JSON.
             * @function toJSON
             * @memberof vigil.v1.WorkloadState
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            WorkloadState.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return WorkloadState;
        })();

        v1.WorkloadSnapshot = (function() {

            /**
             * Properties of a WorkloadSnapshot.
             * @memberof vigil.v1
             * @interface IWorkloadSnapshot
             * @property {Array.<vigil.v1.IWorkloadState>|null} [workloads] WorkloadSnapshot workloads
             */

            /**
             * Constructs a new WorkloadSnapshot.
             * @memberof vigil.v1
             * @classdesc Represents a WorkloadSnapshot.
             * @implements IWorkloadSnapshot
             * @constructor
             * @param {vigil.v1.IWorkloadSnapshot=} [properties] Properties to set
             */
            function WorkloadSnapshot(properties) {
                this.workloads = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * WorkloadSnapshot workloads.
             * @member {Array.<vigil.v1.IWorkloadState>} workloads
             * @memberof vigil.v1.WorkloadSnapshot
             * @instance
             */
            WorkloadSnapshot.prototype.workloads = $util.emptyArray;

            /**
             * Creates a new WorkloadSnapshot instance using the specified properties.
             * @function create
             * @memberof vigil.v1.WorkloadSnapshot
             * @static
             * @param {vigil.v1.IWorkloadSnapshot=} [properties] Properties to set
             * @returns {vigil.v1.WorkloadSnapshot} WorkloadSnapshot instance
             */
            WorkloadSnapshot.create = function create(properties) {
                return new WorkloadSnapshot(properties);
            };

            /**
             * Encodes the specified WorkloadSnapshot message. Does not implicitly {@link vigil.v1.WorkloadSnapshot.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.WorkloadSnapshot
             * @static
             * @param {vigil.v1.IWorkloadSnapshot} message WorkloadSnapshot message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            WorkloadSnapshot.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.workloads != null && message.workloads.length)
                    for (let i = 0; i < message.workloads.length; ++i)
                        $root.vigil.v1.WorkloadState.encode(message.workloads[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Decodes a WorkloadSnapshot message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.WorkloadSnapshot
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.WorkloadSnapshot} WorkloadSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            WorkloadSnapshot.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.vigil.v1.WorkloadSnapshot();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            if (!(message.workloads && message.workloads.length))
                                message.workloads = [];
                            message.workloads.push($root.vigil.v1.WorkloadState.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Verifies a WorkloadSnapshot message.
             * @function verify
             * @memberof vigil.v1.WorkloadSnapshot
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            WorkloadSnapshot.verify = function verify(message, long) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (message.workloads != null && Object.hasOwnProperty.call(message, "workloads")) {
                    if (!Array.isArray(message.workloads))
                        return "workloads: array expected";
                    for (let i = 0; i < message.workloads.length; ++i) {
                        let error = $root.vigil.v1.WorkloadState.verify(message.workloads[i], long + 1);
                        if (error)
                            return "workloads." + error;
                    }
                }
                return null;
            };

            /**
             * Creates a WorkloadSnapshot message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.WorkloadSnapshot
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.WorkloadSnapshot} WorkloadSnapshot
             */
            WorkloadSnapshot.fromObject = function fromObject(object, long) {
                if (object instanceof $root.vigil.v1.WorkloadSnapshot)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".vigil.v1.WorkloadSnapshot: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.vigil.v1.WorkloadSnapshot();
                if (object.workloads) {
                    if (!Array.isArray(object.workloads))
                        throw TypeError(".vigil.v1.WorkloadSnapshot.workloads: array expected");
                    message.workloads = [];
                    for (let i = 0; i < object.workloads.length; ++i) {
                        if (!$util.isObject(object.workloads[i]))
                            throw TypeError(".vigil.v1.WorkloadSnapshot.workloads: object expected");
                        message.workloads[i] = $root.vigil.v1.WorkloadState.fromObject(object.workloads[i], long + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a WorkloadSnapshot message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.WorkloadSnapshot
             * @static
             * @param {vigil.v1.WorkloadSnapshot} message WorkloadSnapshot
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            WorkloadSnapshot.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.workloads = [];
                if (message.workloads && message.workloads.length) {
                    object.workloads = [];
                    for (let j = 0; j < message.workloads.length; ++j)
                        object.workloads[j] = $root.vigil.v1.WorkloadState.toObject(message.workloads[j], options, q + 1);
                }
                return object;
            };

            /**
             * Converts this WorkloadSnapshot to JSON.
             * @function toJSON
             * @memberof vigil.v1.WorkloadSnapshot
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            WorkloadSnapshot.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return WorkloadSnapshot;
        })();

        v1.WorkloadDelta = (function() {

            /**
             * Properties of a WorkloadDelta.
             * @memberof vigil.v1
             * @interface IWorkloadDelta
             * @property {vigil.v1.IWorkload|null} [workload] WorkloadDelta workload
             * @property {vigil.v1.Mode|null} [mode] WorkloadDelta mode
             * @property {google.protobuf.ITimestamp|null} [window_end] WorkloadDelta window_end
             * @property {Array.<vigil.v1.IBaselineItem>|null} [added] WorkloadDelta added
             * @property {Array.<vigil.v1.IBaselineItem>|null} [removed] WorkloadDelta removed
             * @property {vigil.v1.Identity|null} [identity] WorkloadDelta identity
             */

            /**
             * Constructs a new WorkloadDelta.
             * @memberof vigil.v1
             * @classdesc Represents a WorkloadDelta.
             * @implements IWorkloadDelta
             * @constructor
             * @param {vigil.v1.IWorkloadDelta=} [properties] Properties to set
             */
            function WorkloadDelta(properties) {
                this.added = [];
                this.removed = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * WorkloadDelta workload.
             * @member {vigil.v1.IWorkload|null|undefined} workload
             * @memberof vigil.v1.WorkloadDelta
             * @instance
             */
            WorkloadDelta.prototype.workload = null;

            /**
             * WorkloadDelta mode.
             * @member {vigil.v1.Mode} mode
             * @memberof vigil.v1.WorkloadDelta
             * @instance
             */
            WorkloadDelta.prototype.mode = 0;

            /**
             * WorkloadDelta window_end.
             * @member {google.protobuf.ITimestamp|null|undefined} window_end
             * @memberof vigil.v1.WorkloadDelta
             * @instance
             */
            WorkloadDelta.prototype.window_end = null;

            /**
             * WorkloadDelta added.
             * @member {Array.<vigil.v1.IBaselineItem>} added
             * @memberof vigil.v1.WorkloadDelta
             * @instance
             */
            WorkloadDelta.prototype.added = $util.emptyArray;

            /**
             * WorkloadDelta removed.
             * @member {Array.<vigil.v1.IBaselineItem>} removed
             * @memberof vigil.v1.WorkloadDelta
             * @instance
             */
            WorkloadDelta.prototype.removed = $util.emptyArray;

            /**
             * WorkloadDelta identity.
             * @member {vigil.v1.Identity} identity
             * @memberof vigil.v1.WorkloadDelta
             * @instance
             */
            WorkloadDelta.prototype.identity = 0;

            /**
             * Creates a new WorkloadDelta instance using the specified properties.
             * @function create
             * @memberof vigil.v1.WorkloadDelta
             * @static
             * @param {vigil.v1.IWorkloadDelta=} [properties] Properties to set
             * @returns {vigil.v1.WorkloadDelta} WorkloadDelta instance
             */
            WorkloadDelta.create = function create(properties) {
                return new WorkloadDelta(properties);
            };

            /**
             * Encodes the specified WorkloadDelta message. Does not implicitly {@link vigil.v1.WorkloadDelta.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.WorkloadDelta
             * @static
             * @param {vigil.v1.IWorkloadDelta} message WorkloadDelta message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            WorkloadDelta.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.workload != null && Object.hasOwnProperty.call(message, "workload"))
                    $root.vigil.v1.Workload.encode(message.workload, writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (message.mode != null && Object.hasOwnProperty.call(message, "mode"))
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.mode);
                if (message.window_end != null && Object.hasOwnProperty.call(message, "window_end"))
                    $root.google.protobuf.Timestamp.encode(message.window_end, writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (message.added != null && message.added.length)
                    for (let i = 0; i < message.added.length; ++i)
                        $root.vigil.v1.BaselineItem.encode(message.added[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                if (message.removed != null && message.removed.length)
                    for (let i = 0; i < message.removed.length; ++i)
                        $root.vigil.v1.BaselineItem.encode(message.removed[i], writer.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                if (message.identity != null && Object.hasOwnProperty.call(message, "identity"))
                    writer.uint32(/* id 6, wireType 0 =*/48).int32(message.identity);
                return writer;
            };

            /**
             * Decodes a WorkloadDelta message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.WorkloadDelta
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.WorkloadDelta} WorkloadDelta
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            WorkloadDelta.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.vigil.v1.WorkloadDelta();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.workload = $root.vigil.v1.Workload.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 2: {
                            message.mode = reader.int32();
                            break;
                        }
                    case 3: {
                            message.window_end = $root.google.protobuf.Timestamp.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 4: {
                            if (!(message.added && message.added.length))
                                message.added = [];
                            message.added.push($root.vigil.v1.BaselineItem.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 5: {
                            if (!(message.removed && message.removed.length))
                                message.removed = [];
                            message.removed.push($root.vigil.v1.BaselineItem.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 6: {
                            message.identity = reader.int32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Verifies a WorkloadDelta message.
             * @function verify
             * @memberof vigil.v1.WorkloadDelta
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            WorkloadDelta.verify = function verify(message, long) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (message.workload != null && Object.hasOwnProperty.call(message, "workload")) {
                    let error = $root.vigil.v1.Workload.verify(message.workload, long + 1);
                    if (error)
                        return "workload." + error;
                }
                if (message.mode != null && Object.hasOwnProperty.call(message, "mode"))
                    switch (message.mode) {
                    default:
                        return "mode: enum value expected";
                    case 0:
                    case 1:
                    case 2:
                    case 3:
                        break;
                    }
                if (message.window_end != null && Object.hasOwnProperty.call(message, "window_end")) {
                    let error = $root.google.protobuf.Timestamp.verify(message.window_end, long + 1);
                    if (error)
                        return "window_end." + error;
                }
                if (message.added != null && Object.hasOwnProperty.call(message, "added")) {
                    if (!Array.isArray(message.added))
                        return "added: array expected";
                    for (let i = 0; i < message.added.length; ++i) {
                        let error = $root.vigil.v1.BaselineItem.verify(message.added[i], long + 1);
                        if (error)
                            return "added." + error;
                    }
                }
                if (message.removed != null && Object.hasOwnProperty.call(message, "removed")) {
                    if (!Array.isArray(message.removed))
                        return "removed: array expected";
                    for (let i = 0; i < message.removed.length; ++i) {
                        let error = $root.vigil.v1.BaselineItem.verify(message.removed[i], long + 1);
                        if (error)
                            return "removed." + error;
                    }
                }
                if (message.identity != null && Object.hasOwnProperty.call(message, "identity"))
                    switch (message.identity) {
                    default:
                        return "identity: enum value expected";
                    case 0:
                    case 1:
                        break;
                    }
                return null;
            };

            /**
             * Creates a WorkloadDelta message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.WorkloadDelta
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.WorkloadDelta} WorkloadDelta
             */
            WorkloadDelta.fromObject = function fromObject(object, long) {
                if (object instanceof $root.vigil.v1.WorkloadDelta)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".vigil.v1.WorkloadDelta: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.vigil.v1.WorkloadDelta();
                if (object.workload != null) {
                    if (!$util.isObject(object.workload))
                        throw TypeError(".vigil.v1.WorkloadDelta.workload: object expected");
                    message.workload = $root.vigil.v1.Workload.fromObject(object.workload, long + 1);
                }
                switch (object.mode) {
                default:
                    if (typeof object.mode === "number") {
                        message.mode = object.mode;
                        break;
                    }
                    break;
                case "MODE_UNSPECIFIED":
                case 0:
                    message.mode = 0;
                    break;
                case "LEARNING":
                case 1:
                    message.mode = 1;
                    break;
                case "DETECTING":
                case 2:
                    message.mode = 2;
                    break;
                case "DISABLED":
                case 3:
                    message.mode = 3;
                    break;
                }
                if (object.window_end != null) {
                    if (!$util.isObject(object.window_end))
                        throw TypeError(".vigil.v1.WorkloadDelta.window_end: object expected");
                    message.window_end = $root.google.protobuf.Timestamp.fromObject(object.window_end, long + 1);
                }
                if (object.added) {
                    if (!Array.isArray(object.added))
                        throw TypeError(".vigil.v1.WorkloadDelta.added: array expected");
                    message.added = [];
                    for (let i = 0; i < object.added.length; ++i) {
                        if (!$util.isObject(object.added[i]))
                            throw TypeError(".vigil.v1.WorkloadDelta.added: object expected");
                        message.added[i] = $root.vigil.v1.BaselineItem.fromObject(object.added[i], long + 1);
                    }
                }
                if (object.removed) {
                    if (!Array.isArray(object.removed))
                        throw TypeError(".vigil.v1.WorkloadDelta.removed: array expected");
                    message.removed = [];
                    for (let i = 0; i < object.removed.length; ++i) {
                        if (!$util.isObject(object.removed[i]))
                            throw TypeError(".vigil.v1.WorkloadDelta.removed: object expected");
                        message.removed[i] = $root.vigil.v1.BaselineItem.fromObject(object.removed[i], long + 1);
                    }
                }
                switch (object.identity) {
                default:
                    if (typeof object.identity === "number") {
                        message.identity = object.identity;
                        break;
                    }
                    break;
                case "IDENTITY_EXE":
                case 0:
                    message.identity = 0;
                    break;
                case "IDENTITY_LINEAGE":
                case 1:
                    message.identity = 1;
                    break;
                }
                return message;
            };

            /**
             * Creates a plain object from a WorkloadDelta message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.WorkloadDelta
             * @static
             * @param {vigil.v1.WorkloadDelta} message WorkloadDelta
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            WorkloadDelta.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.added = [];
                    object.removed = [];
                }
                if (options.defaults) {
                    object.workload = null;
                    object.mode = options.enums === String ? "MODE_UNSPECIFIED" : 0;
                    object.window_end = null;
                    object.identity = options.enums === String ? "IDENTITY_EXE" : 0;
                }
                if (message.workload != null && Object.hasOwnProperty.call(message, "workload"))
                    object.workload = $root.vigil.v1.Workload.toObject(message.workload, options, q + 1);
                if (message.mode != null && Object.hasOwnProperty.call(message, "mode"))
                    object.mode = options.enums === String ? $root.vigil.v1.Mode[message.mode] === undefined ? message.mode : $root.vigil.v1.Mode[message.mode] : message.mode;
                if (message.window_end != null && Object.hasOwnProperty.call(message, "window_end"))
                    object.window_end = $root.google.protobuf.Timestamp.toObject(message.window_end, options, q + 1);
                if (message.added && message.added.length) {
                    object.added = [];
                    for (let j = 0; j < message.added.length; ++j)
                        object.added[j] = $root.vigil.v1.BaselineItem.toObject(message.added[j], options, q + 1);
                }
                if (message.removed && message.removed.length) {
                    object.removed = [];
                    for (let j = 0; j < message.removed.length; ++j)
                        object.removed[j] = $root.vigil.v1.BaselineItem.toObject(message.removed[j], options, q + 1);
                }
                if (message.identity != null && Object.hasOwnProperty.call(message, "identity"))
                    object.identity = options.enums === String ? $root.vigil.v1.Identity[message.identity] === undefined ? message.identity : $root.vigil.v1.Identity[message.identity] : message.identity;
                return object;
            };

            /**
             * Converts this WorkloadDelta to JSON.
             * @function toJSON
             * @memberof vigil.v1.WorkloadDelta
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            WorkloadDelta.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return WorkloadDelta;
        })();

        return v1;
    })();

    return vigil;
})();

export const google = $root.google = (() => {

    /**
     * Namespace google.
     * @exports google
     * @namespace
     */
    const google = {};

    google.protobuf = (function() {

        /**
         * Namespace protobuf.
         * @memberof google
         * @namespace
         */
        const protobuf = {};

        protobuf.Timestamp = (function() {

            /**
             * Properties of a Timestamp.
             * @memberof google.protobuf
             * @interface ITimestamp
             * @property {number|null} [seconds] Timestamp seconds
             * @property {number|null} [nanos] Timestamp nanos
             */

            /**
             * Constructs a new Timestamp.
             * @memberof google.protobuf
             * @classdesc Represents a Timestamp.
             * @implements ITimestamp
             * @constructor
             * @param {google.protobuf.ITimestamp=} [properties] Properties to set
             */
            function Timestamp(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Timestamp seconds.
             * @member {number} seconds
             * @memberof google.protobuf.Timestamp
             * @instance
             */
            Timestamp.prototype.seconds = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Timestamp nanos.
             * @member {number} nanos
             * @memberof google.protobuf.Timestamp
             * @instance
             */
            Timestamp.prototype.nanos = 0;

            /**
             * Creates a new Timestamp instance using the specified properties.
             * @function create
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {google.protobuf.ITimestamp=} [properties] Properties to set
             * @returns {google.protobuf.Timestamp} Timestamp instance
             */
            Timestamp.create = function create(properties) {
                return new Timestamp(properties);
            };

            /**
             * Encodes the specified Timestamp message. Does not implicitly {@link google.protobuf.Timestamp.verify|verify} messages.
             * @function encode
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {google.protobuf.ITimestamp} message Timestamp message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Timestamp.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.seconds != null && Object.hasOwnProperty.call(message, "seconds"))
                    writer.uint32(/* id 1, wireType 0 =*/8).int64(message.seconds);
                if (message.nanos != null && Object.hasOwnProperty.call(message, "nanos"))
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.nanos);
                return writer;
            };

            /**
             * Decodes a Timestamp message from the specified reader or buffer.
             * @function decode
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {google.protobuf.Timestamp} Timestamp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Timestamp.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.google.protobuf.Timestamp();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.seconds = reader.int64();
                            break;
                        }
                    case 2: {
                            message.nanos = reader.int32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Verifies a Timestamp message.
             * @function verify
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Timestamp.verify = function verify(message, long) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (message.seconds != null && Object.hasOwnProperty.call(message, "seconds"))
                    if (!$util.isInteger(message.seconds) && !(message.seconds && $util.isInteger(message.seconds.low) && $util.isInteger(message.seconds.high)))
                        return "seconds: integer|Long expected";
                if (message.nanos != null && Object.hasOwnProperty.call(message, "nanos"))
                    if (!$util.isInteger(message.nanos))
                        return "nanos: integer expected";
                return null;
            };

            /**
             * Creates a Timestamp message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {google.protobuf.Timestamp} Timestamp
             */
            Timestamp.fromObject = function fromObject(object, long) {
                if (object instanceof $root.google.protobuf.Timestamp)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".google.protobuf.Timestamp: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.google.protobuf.Timestamp();
                if (object.seconds != null)
                    if ($util.Long)
                        message.seconds = $util.Long.fromValue(object.seconds, false);
                    else if (typeof object.seconds === "string")
                        message.seconds = parseInt(object.seconds, 10);
                    else if (typeof object.seconds === "number")
                        message.seconds = object.seconds;
                    else if (typeof object.seconds === "object")
                        message.seconds = new $util.LongBits(object.seconds.low >>> 0, object.seconds.high >>> 0).toNumber();
                if (object.nanos != null)
                    message.nanos = object.nanos | 0;
                return message;
            };

            /**
             * Creates a plain object from a Timestamp message. Also converts values to other types if specified.
             * @function toObject
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {google.protobuf.Timestamp} message Timestamp
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Timestamp.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.seconds = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.seconds = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    object.nanos = 0;
                }
                if (message.seconds != null && Object.hasOwnProperty.call(message, "seconds"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.seconds = typeof message.seconds === "number" ? BigInt(message.seconds) : $util.Long.fromBits(message.seconds.low >>> 0, message.seconds.high >>> 0, false).toBigInt();
                    else if (typeof message.seconds === "number")
                        object.seconds = options.longs === String ? String(message.seconds) : message.seconds;
                    else
                        object.seconds = options.longs === String ? $util.Long.prototype.toString.call(message.seconds) : options.longs === Number ? new $util.LongBits(message.seconds.low >>> 0, message.seconds.high >>> 0).toNumber() : message.seconds;
                if (message.nanos != null && Object.hasOwnProperty.call(message, "nanos"))
                    object.nanos = message.nanos;
                return object;
            };

            /**
             * Converts this Timestamp to JSON.
             * @function toJSON
             * @memberof google.protobuf.Timestamp
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Timestamp.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return Timestamp;
        })();

        return protobuf;
    })();

    return google;
})();

export { $root as default };
