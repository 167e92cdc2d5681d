/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars*/
import $protobuf from "protobufjs/minimal.js";

// 64-bit integers decode to numbers (see proto/generate.mjs).
$protobuf.util.Long = undefined;
$protobuf.configure();

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;

// Exported root namespace
const $root = $protobuf.roots["vigil_falco"] || ($protobuf.roots["vigil_falco"] = {});

export const falco = $root.falco = (() => {

    /**
     * Namespace falco.
     * @exports falco
     * @namespace
     */
    const falco = {};

    falco.outputs = (function() {

        /**
         * Namespace outputs.
         * @memberof falco
         * @namespace
         */
        const outputs = {};

        outputs.service = (function() {

            /**
             * Constructs a new service service.
             * @memberof falco.outputs
             * @classdesc Represents a service
             * @extends $protobuf.rpc.Service
             * @constructor
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             */
            function service(rpcImpl, requestDelimited, responseDelimited) {
                $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
            }

            (service.prototype = Object.create($protobuf.rpc.Service.prototype)).constructor = service;

            /**
             * Creates new service service using the specified rpc implementation.
             * @function create
             * @memberof falco.outputs.service
             * @static
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             * @returns {service} RPC service. Useful where requests and/or responses are streamed.
             */
            service.create = function create(rpcImpl, requestDelimited, responseDelimited) {
                return new this(rpcImpl, requestDelimited, responseDelimited);
            };

            /**
             * Callback as used by {@link falco.outputs.service#sub}.
             * @memberof falco.outputs.service
             * @typedef subCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {falco.outputs.response} [response] response
             */

            /**
             * Calls sub.
             * @function sub
             * @memberof falco.outputs.service
             * @instance
             * @param {falco.outputs.Irequest} request request message or plain object
             * @param {falco.outputs.service.subCallback} callback Node-style callback called with the error, if any, and response
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(service.prototype.sub = function sub(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, sub, $root.falco.outputs.request, $root.falco.outputs.response, request, callback);
            }, "name", { value: "sub" });

            /**
             * Calls sub.
             * @function sub
             * @memberof falco.outputs.service
             * @instance
             * @param {falco.outputs.Irequest} request request message or plain object
             * @returns {Promise<falco.outputs.response>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link falco.outputs.service#get}.
             * @memberof falco.outputs.service
             * @typedef getCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {falco.outputs.response} [response] response
             */

            /**
             * Calls get.
             * @function get
             * @memberof falco.outputs.service
             * @instance
             * @param {falco.outputs.Irequest} request request message or plain object
             * @param {falco.outputs.service.getCallback} callback Node-style callback called with the error, if any, and response
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(service.prototype.get = function get(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, get, $root.falco.outputs.request, $root.falco.outputs.response, request, callback);
            }, "name", { value: "get" });

            /**
             * Calls get.
             * @function get
             * @memberof falco.outputs.service
             * @instance
             * @param {falco.outputs.Irequest} request request message or plain object
             * @returns {Promise<falco.outputs.response>} Promise
             * @variation 2
             */

            return service;
        })();

        outputs.request = (function() {

            /**
             * Properties of a request.
             * @memberof falco.outputs
             * @interface Irequest
             */

            /**
             * Constructs a new request.
             * @memberof falco.outputs
             * @classdesc Represents a request.
             * @implements Irequest
             * @constructor
             * @param {falco.outputs.Irequest=} [properties] Properties to set
             */
            function request(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Creates a new request instance using the specified properties.
             * @function create
             * @memberof falco.outputs.request
             * @static
             * @param {falco.outputs.Irequest=} [properties] Properties to set
             * @returns {falco.outputs.request} request instance
             */
            request.create = function create(properties) {
                return new request(properties);
            };

            /**
             * Encodes the specified request message. Does not implicitly {@link falco.outputs.request.verify|verify} messages.
             * @function encode
             * @memberof falco.outputs.request
             * @static
             * @param {falco.outputs.Irequest} message request message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            request.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                return writer;
            };

            /**
             * Decodes a request message from the specified reader or buffer.
             * @function decode
             * @memberof falco.outputs.request
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {falco.outputs.request} request
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            request.decode = function decode(reader, length, error, long) {
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
                message = new $root.falco.outputs.request();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
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
             * Verifies a request message.
             * @function verify
             * @memberof falco.outputs.request
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            request.verify = function verify(message, long) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                return null;
            };

            /**
             * Creates a request message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof falco.outputs.request
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {falco.outputs.request} request
             */
            request.fromObject = function fromObject(object, long) {
                if (object instanceof $root.falco.outputs.request)
                    return object;
                return new $root.falco.outputs.request();
            };

            /**
             * Creates a plain object from a request message. Also converts values to other types if specified.
             * @function toObject
             * @memberof falco.outputs.request
             * @static
             * @param {falco.outputs.request} message request
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            request.toObject = function toObject() {
                return {};
            };

            /**
             * Converts this request to JSON.
             * @function toJSON
             * @memberof falco.outputs.request
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            request.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return request;
        })();

        outputs.response = (function() {

            /**
             * Properties of a response.
             * @memberof falco.outputs
             * @interface Iresponse
             * @property {google.protobuf.ITimestamp|null} [time] response time
             * @property {falco.schema.priority|null} [priority] response priority
             * @property {falco.schema.source|null} [source_deprecated] response source_deprecated
             * @property {string|null} [rule] response rule
             * @property {string|null} [output] response output
             * @property {Object.<string,string>|null} [output_fields] response output_fields
             * @property {string|null} [hostname] response hostname
             * @property {Array.<string>|null} [tags] response tags
             * @property {string|null} [source] response source
             */

            /**
             * Constructs a new response.
             * @memberof falco.outputs
             * @classdesc Represents a response.
             * @implements Iresponse
             * @constructor
             * @param {falco.outputs.Iresponse=} [properties] Properties to set
             */
            function response(properties) {
                this.output_fields = {};
                this.tags = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * response time.
             * @member {google.protobuf.ITimestamp|null|undefined} time
             * @memberof falco.outputs.response
             * @instance
             */
            response.prototype.time = null;

            /**
             * response priority.
             * @member {falco.schema.priority} priority
             * @memberof falco.outputs.response
             * @instance
             */
            response.prototype.priority = 0;

            /**
             * response source_deprecated.
             * @member {falco.schema.source} source_deprecated
             * @memberof falco.outputs.response
             * @instance
             */
            response.prototype.source_deprecated = 0;

            /**
             * response rule.
             * @member {string} rule
             * @memberof falco.outputs.response
             * @instance
             */
            response.prototype.rule = "";

            /**
             * response output.
             * @member {string} output
             * @memberof falco.outputs.response
             * @instance
             */
            response.prototype.output = "";

            /**
             * response output_fields.
             * @member {Object.<string,string>} output_fields
             * @memberof falco.outputs.response
             * @instance
             */
            response.prototype.output_fields = $util.emptyObject;

            /**
             * response hostname.
             * @member {string} hostname
             * @memberof falco.outputs.response
             * @instance
             */
            response.prototype.hostname = "";

            /**
             * response tags.
             * @member {Array.<string>} tags
             * @memberof falco.outputs.response
             * @instance
             */
            response.prototype.tags = $util.emptyArray;

            /**
             * response source.
             * @member {string} source
             * @memberof falco.outputs.response
             * @instance
             */
            response.prototype.source = "";

            /**
             * Creates a new response instance using the specified properties.
             * @function create
             * @memberof falco.outputs.response
             * @static
             * @param {falco.outputs.Iresponse=} [properties] Properties to set
             * @returns {falco.outputs.response} response instance
             */
            response.create = function create(properties) {
                return new response(properties);
            };

            /**
             * Encodes the specified response message. Does not implicitly {@link falco.outputs.response.verify|verify} messages.
             * @function encode
             * @memberof falco.outputs.response
             * @static
             * @param {falco.outputs.Iresponse} message response message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            response.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.time != null && Object.hasOwnProperty.call(message, "time"))
                    $root.google.protobuf.Timestamp.encode(message.time, writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (message.priority != null && Object.hasOwnProperty.call(message, "priority"))
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.priority);
                if (message.source_deprecated != null && Object.hasOwnProperty.call(message, "source_deprecated"))
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.source_deprecated);
                if (message.rule != null && Object.hasOwnProperty.call(message, "rule"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.rule);
                if (message.output != null && Object.hasOwnProperty.call(message, "output"))
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.output);
                if (message.output_fields != null && Object.hasOwnProperty.call(message, "output_fields"))
                    for (let keys = Object.keys(message.output_fields), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 6, wireType 2 =*/50).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.output_fields[keys[i]]).ldelim();
                if (message.hostname != null && Object.hasOwnProperty.call(message, "hostname"))
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.hostname);
                if (message.tags != null && message.tags.length)
                    for (let i = 0; i < message.tags.length; ++i)
                        writer.uint32(/* id 8, wireType 2 =*/66).string(message.tags[i]);
                if (message.source != null && Object.hasOwnProperty.call(message, "source"))
                    writer.uint32(/* id 9, wireType 2 =*/74).string(message.source);
                return writer;
            };

            /**
             * Decodes a response message from the specified reader or buffer.
             * @function decode
             * @memberof falco.outputs.response
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {falco.outputs.response} response
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            response.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message, key, value;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.falco.outputs.response();
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
                            message.priority = reader.int32();
                            break;
                        }
                    case 3: {
                            message.source_deprecated = reader.int32();
                            break;
                        }
                    case 4: {
                            message.rule = reader.string();
                            break;
                        }
                    case 5: {
                            message.output = reader.string();
                            break;
                        }
                    case 6: {
                            if (message.output_fields === $util.emptyObject)
                                message.output_fields = {};
                            let end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                let tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.output_fields, key);
                            message.output_fields[key] = value;
                            break;
                        }
                    case 7: {
                            message.hostname = reader.string();
                            break;
                        }
                    case 8: {
                            if (!(message.tags && message.tags.length))
                                message.tags = [];
                            message.tags.push(reader.string());
                            break;
                        }
                    case 9: {
                            message.source = reader.string();
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
             * Verifies a response message.
             * @function verify
             * @memberof falco.outputs.response
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            response.verify = function verify(message, long) {
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
                if (message.priority != null && Object.hasOwnProperty.call(message, "priority"))
                    switch (message.priority) {
                    default:
                        return "priority: enum value expected";
                    case 0:
                    case 1:
                    case 2:
                    case 3:
                    case 4:
                    case 5:
                    case 6:
                    case 7:
                        break;
                    }
                if (message.source_deprecated != null && Object.hasOwnProperty.call(message, "source_deprecated"))
                    switch (message.source_deprecated) {
                    default:
                        return "source_deprecated: enum value expected";
                    case 0:
                    case 1:
                    case 2:
                    case 3:
                        break;
                    }
                if (message.rule != null && Object.hasOwnProperty.call(message, "rule"))
                    if (!$util.isString(message.rule))
                        return "rule: string expected";
                if (message.output != null && Object.hasOwnProperty.call(message, "output"))
                    if (!$util.isString(message.output))
                        return "output: string expected";
                if (message.output_fields != null && Object.hasOwnProperty.call(message, "output_fields")) {
                    if (!$util.isObject(message.output_fields))
                        return "output_fields: object expected";
                    let key = Object.keys(message.output_fields);
                    for (let i = 0; i < key.length; ++i)
                        if (!$util.isString(message.output_fields[key[i]]))
                            return "output_fields: string{k:string} expected";
                }
                if (message.hostname != null && Object.hasOwnProperty.call(message, "hostname"))
                    if (!$util.isString(message.hostname))
                        return "hostname: string expected";
                if (message.tags != null && Object.hasOwnProperty.call(message, "tags")) {
                    if (!Array.isArray(message.tags))
                        return "tags: array expected";
                    for (let i = 0; i < message.tags.length; ++i)
                        if (!$util.isString(message.tags[i]))
                            return "tags: string[] expected";
                }
                if (message.source != null && Object.hasOwnProperty.call(message, "source"))
                    if (!$util.isString(message.source))
                        return "source: string expected";
                return null;
            };

            /**
             * Creates a response message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof falco.outputs.response
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {falco.outputs.response} response
             */
            response.fromObject = function fromObject(object, long) {
                if (object instanceof $root.falco.outputs.response)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".falco.outputs.response: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.falco.outputs.response();
                if (object.time != null) {
                    if (!$util.isObject(object.time))
                        throw TypeError(".falco.outputs.response.time: object expected");
                    message.time = $root.google.protobuf.Timestamp.fromObject(object.time, long + 1);
                }
                switch (object.priority) {
                default:
                    if (typeof object.priority === "number") {
                        message.priority = object.priority;
                        break;
                    }
                    break;
                case "emergency":
                case 0:
                    message.priority = 0;
                    break;
                case "alert":
                case 1:
                    message.priority = 1;
                    break;
                case "critical":
                case 2:
                    message.priority = 2;
                    break;
                case "error":
                case 3:
                    message.priority = 3;
                    break;
                case "warning":
                case 4:
                    message.priority = 4;
                    break;
                case "notice":
                case 5:
                    message.priority = 5;
                    break;
                case "informational":
                case 6:
                    message.priority = 6;
                    break;
                case "debug":
                case 7:
                    message.priority = 7;
                    break;
                }
                switch (object.source_deprecated) {
                default:
                    if (typeof object.source_deprecated === "number") {
                        message.source_deprecated = object.source_deprecated;
                        break;
                    }
                    break;
                case "syscall":
                case 0:
                    message.source_deprecated = 0;
                    break;
                case "k8s_audit":
                case 1:
                    message.source_deprecated = 1;
                    break;
                case "internal":
                case 2:
                    message.source_deprecated = 2;
                    break;
                case "plugin":
                case 3:
                    message.source_deprecated = 3;
                    break;
                }
                if (object.rule != null)
                    message.rule = String(object.rule);
                if (object.output != null)
                    message.output = String(object.output);
                if (object.output_fields) {
                    if (!$util.isObject(object.output_fields))
                        throw TypeError(".falco.outputs.response.output_fields: object expected");
                    message.output_fields = {};
                    for (let keys = Object.keys(object.output_fields), i = 0; i < keys.length; ++i) {
                        if (keys[i] === "__proto__")
                            $util.makeProp(message.output_fields, keys[i]);
                        message.output_fields[keys[i]] = String(object.output_fields[keys[i]]);
                    }
                }
                if (object.hostname != null)
                    message.hostname = String(object.hostname);
                if (object.tags) {
                    if (!Array.isArray(object.tags))
                        throw TypeError(".falco.outputs.response.tags: array expected");
                    message.tags = [];
                    for (let i = 0; i < object.tags.length; ++i)
                        message.tags[i] = String(object.tags[i]);
                }
                if (object.source != null)
                    message.source = String(object.source);
                return message;
            };

            /**
             * Creates a plain object from a response message. Also converts values to other types if specified.
             * @function toObject
             * @memberof falco.outputs.response
             * @static
             * @param {falco.outputs.response} message response
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            response.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.tags = [];
                if (options.objects || options.defaults)
                    object.output_fields = {};
                if (options.defaults) {
                    object.time = null;
                    object.priority = options.enums === String ? "emergency" : 0;
                    object.source_deprecated = options.enums === String ? "syscall" : 0;
                    object.rule = "";
                    object.output = "";
                    object.hostname = "";
                    object.source = "";
                }
                if (message.time != null && Object.hasOwnProperty.call(message, "time"))
                    object.time = $root.google.protobuf.Timestamp.toObject(message.time, options, q + 1);
                if (message.priority != null && Object.hasOwnProperty.call(message, "priority"))
                    object.priority = options.enums === String ? $root.falco.schema.priority[message.priority] === undefined ? message.priority : $root.falco.schema.priority[message.priority] : message.priority;
                if (message.source_deprecated != null && Object.hasOwnProperty.call(message, "source_deprecated"))
                    object.source_deprecated = options.enums === String ? $root.falco.schema.source[message.source_deprecated] === undefined ? message.source_deprecated : $root.falco.schema.source[message.source_deprecated] : message.source_deprecated;
                if (message.rule != null && Object.hasOwnProperty.call(message, "rule"))
                    object.rule = message.rule;
                if (message.output != null && Object.hasOwnProperty.call(message, "output"))
                    object.output = message.output;
                let keys2;
                if (message.output_fields && (keys2 = Object.keys(message.output_fields)).length) {
                    object.output_fields = {};
                    for (let j = 0; j < keys2.length; ++j) {
                        if (keys2[j] === "__proto__")
                            $util.makeProp(object.output_fields, keys2[j]);
                        object.output_fields[keys2[j]] = message.output_fields[keys2[j]];
                    }
                }
                if (message.hostname != null && Object.hasOwnProperty.call(message, "hostname"))
                    object.hostname = message.hostname;
                if (message.tags && message.tags.length) {
                    object.tags = [];
                    for (let j = 0; j < message.tags.length; ++j)
                        object.tags[j] = message.tags[j];
                }
                if (message.source != null && Object.hasOwnProperty.call(message, "source"))
                    object.source = message.source;
                return object;
            };

            /**
             * Converts this response to JSON.
             * @function toJSON
             * @memberof falco.outputs.response
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            response.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return response;
        })();

        return outputs;
    })();

    falco.schema = (function() {

        /**
         * Namespace schema.
         * @memberof falco
         * @namespace
         */
        const schema = {};

        /**
         * priority enum.
         * @name falco.schema.priority
         * @enum {number}
         * @property {number} emergency=0 emergency value
         * @property {number} alert=1 alert value
         * @property {number} critical=2 critical value
         * @property {number} error=3 error value
         * @property {number} warning=4 warning value
         * @property {number} notice=5 notice value
         * @property {number} informational=6 informational value
         * @property {number} debug=7 debug value
         */
        schema.priority = (function() {
            const valuesById = {}, values = Object.create(valuesById);
            values[valuesById[0] = "emergency"] = 0;
            values[valuesById[1] = "alert"] = 1;
            values[valuesById[2] = "critical"] = 2;
            values[valuesById[3] = "error"] = 3;
            values[valuesById[4] = "warning"] = 4;
            values[valuesById[5] = "notice"] = 5;
            values[valuesById[6] = "informational"] = 6;
            values[valuesById[7] = "debug"] = 7;
            return values;
        })();

        /**
         * source enum.
         * @name falco.schema.source
         * @enum {number}
         * @property {number} syscall=0 syscall value
         * @property {number} k8s_audit=1 k8s_audit value
         * @property {number} internal=2 internal value
         * @property {number} plugin=3 plugin value
         */
        schema.source = (function() {
            const valuesById = {}, values = Object.create(valuesById);
            values[valuesById[0] = "syscall"] = 0;
            values[valuesById[1] = "k8s_audit"] = 1;
            values[valuesById[2] = "internal"] = 2;
            values[valuesById[3] = "plugin"] = 3;
            return values;
        })();

        return schema;
    })();

    falco.version = (function() {

        /**
         * Namespace version.
         * @memberof falco
         * @namespace
         */
        const version = {};

        version.service = (function() {

            /**
             * Constructs a new service service.
             * @memberof falco.version
             * @classdesc Represents a service
             * @extends $protobuf.rpc.Service
             * @constructor
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             */
            function service(rpcImpl, requestDelimited, responseDelimited) {
                $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
            }

            (service.prototype = Object.create($protobuf.rpc.Service.prototype)).constructor = service;

            /**
             * Creates new service service using the specified rpc implementation.
             * @function create
             * @memberof falco.version.service
             * @static
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             * @returns {service} RPC service. Useful where requests and/or responses are streamed.
             */
            service.create = function create(rpcImpl, requestDelimited, responseDelimited) {
                return new this(rpcImpl, requestDelimited, responseDelimited);
            };

            /**
             * Callback as used by {@link falco.version.service#version}.
             * @memberof falco.version.service
             * @typedef versionCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {falco.version.response} [response] response
             */

            /**
             * Calls version.
             * @function version
             * @memberof falco.version.service
             * @instance
             * @param {falco.version.Irequest} request request message or plain object
             * @param {falco.version.service.versionCallback} callback Node-style callback called with the error, if any, and response
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(service.prototype.version = function version(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, version, $root.falco.version.request, $root.falco.version.response, request, callback);
            }, "name", { value: "version" });

            /**
             * Calls version.
             * @function version
             * @memberof falco.version.service
             * @instance
             * @param {falco.version.Irequest} request request message or plain object
             * @returns {Promise<falco.version.response>} Promise
             * @variation 2
             */

            return service;
        })();

        version.request = (function() {

            /**
             * Properties of a request.
             * @memberof falco.version
             * @interface Irequest
             */

            /**
             * Constructs a new request.
             * @memberof falco.version
             * @classdesc Represents a request.
             * @implements Irequest
             * @constructor
             * @param {falco.version.Irequest=} [properties] Properties to set
             */
            function request(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Creates a new request instance using the specified properties.
             * @function create
             * @memberof falco.version.request
             * @static
             * @param {falco.version.Irequest=} [properties] Properties to set
             * @returns {falco.version.request} request instance
             */
            request.create = function create(properties) {
                return new request(properties);
            };

            /**
             * Encodes the specified request message. Does not implicitly {@link falco.version.request.verify|verify} messages.
             * @function encode
             * @memberof falco.version.request
             * @static
             * @param {falco.version.Irequest} message request message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            request.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                return writer;
            };

            /**
             * Decodes a request message from the specified reader or buffer.
             * @function decode
             * @memberof falco.version.request
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {falco.version.request} request
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            request.decode = function decode(reader, length, error, long) {
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
                message = new $root.falco.version.request();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
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
             * Verifies a request message.
             * @function verify
             * @memberof falco.version.request
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            request.verify = function verify(message, long) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                return null;
            };

            /**
             * Creates a request message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof falco.version.request
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {falco.version.request} request
             */
            request.fromObject = function fromObject(object, long) {
                if (object instanceof $root.falco.version.request)
                    return object;
                return new $root.falco.version.request();
            };

            /**
             * Creates a plain object from a request message. Also converts values to other types if specified.
             * @function toObject
             * @memberof falco.version.request
             * @static
             * @param {falco.version.request} message request
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            request.toObject = function toObject() {
                return {};
            };

            /**
             * Converts this request to JSON.
             * @function toJSON
             * @memberof falco.version.request
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            request.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return request;
        })();

        version.response = (function() {

            /**
             * Properties of a response.
             * @memberof falco.version
             * @interface Iresponse
             * @property {string|null} [version] response version
             * @property {number|null} [major] response major
             * @property {number|null} [minor] response minor
             * @property {number|null} [patch] response patch
             * @property {string|null} [prerelease] response prerelease
             * @property {string|null} [build] response build
             * @property {number|null} [engine_minor] response engine_minor
             * @property {string|null} [engine_fields_checksum] response engine_fields_checksum
             * @property {number|null} [engine_major] response engine_major
             * @property {number|null} [engine_patch] response engine_patch
             * @property {string|null} [engine_version] response engine_version
             */

            /**
             * Constructs a new response.
             * @memberof falco.version
             * @classdesc Represents a response.
             * @implements Iresponse
             * @constructor
             * @param {falco.version.Iresponse=} [properties] Properties to set
             */
            function response(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * response version.
             * @member {string} version
             * @memberof falco.version.response
             * @instance
             */
            response.prototype.version = "";

            /**
             * response major.
             * @member {number} major
             * @memberof falco.version.response
             * @instance
             */
            response.prototype.major = 0;

            /**
             * response minor.
             * @member {number} minor
             * @memberof falco.version.response
             * @instance
             */
            response.prototype.minor = 0;

            /**
             * response patch.
             * @member {number} patch
             * @memberof falco.version.response
             * @instance
             */
            response.prototype.patch = 0;

            /**
             * response prerelease.
             * @member {string} prerelease
             * @memberof falco.version.response
             * @instance
             */
            response.prototype.prerelease = "";

            /**
             * response build.
             * @member {string} build
             * @memberof falco.version.response
             * @instance
             */
            response.prototype.build = "";

            /**
             * response engine_minor.
             * @member {number} engine_minor
             * @memberof falco.version.response
             * @instance
             */
            response.prototype.engine_minor = 0;

            /**
             * response engine_fields_checksum.
             * @member {string} engine_fields_checksum
             * @memberof falco.version.response
             * @instance
             */
            response.prototype.engine_fields_checksum = "";

            /**
             * response engine_major.
             * @member {number} engine_major
             * @memberof falco.version.response
             * @instance
             */
            response.prototype.engine_major = 0;

            /**
             * response engine_patch.
             * @member {number} engine_patch
             * @memberof falco.version.response
             * @instance
             */
            response.prototype.engine_patch = 0;

            /**
             * response engine_version.
             * @member {string} engine_version
             * @memberof falco.version.response
             * @instance
             */
            response.prototype.engine_version = "";

            /**
             * Creates a new response instance using the specified properties.
             * @function create
             * @memberof falco.version.response
             * @static
             * @param {falco.version.Iresponse=} [properties] Properties to set
             * @returns {falco.version.response} response instance
             */
            response.create = function create(properties) {
                return new response(properties);
            };

            /**
             * Encodes the specified response message. Does not implicitly {@link falco.version.response.verify|verify} messages.
             * @function encode
             * @memberof falco.version.response
             * @static
             * @param {falco.version.Iresponse} message response message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            response.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.version);
                if (message.major != null && Object.hasOwnProperty.call(message, "major"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.major);
                if (message.minor != null && Object.hasOwnProperty.call(message, "minor"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.minor);
                if (message.patch != null && Object.hasOwnProperty.call(message, "patch"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.patch);
                if (message.prerelease != null && Object.hasOwnProperty.call(message, "prerelease"))
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.prerelease);
                if (message.build != null && Object.hasOwnProperty.call(message, "build"))
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.build);
                if (message.engine_minor != null && Object.hasOwnProperty.call(message, "engine_minor"))
                    writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.engine_minor);
                if (message.engine_fields_checksum != null && Object.hasOwnProperty.call(message, "engine_fields_checksum"))
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.engine_fields_checksum);
                if (message.engine_major != null && Object.hasOwnProperty.call(message, "engine_major"))
                    writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.engine_major);
                if (message.engine_patch != null && Object.hasOwnProperty.call(message, "engine_patch"))
                    writer.uint32(/* id 10, wireType 0 =*/80).uint32(message.engine_patch);
                if (message.engine_version != null && Object.hasOwnProperty.call(message, "engine_version"))
                    writer.uint32(/* id 11, wireType 2 =*/90).string(message.engine_version);
                return writer;
            };

            /**
             * Decodes a response message from the specified reader or buffer.
             * @function decode
             * @memberof falco.version.response
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {falco.version.response} response
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            response.decode = function decode(reader, length, error, long) {
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
                message = new $root.falco.version.response();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.version = reader.string();
                            break;
                        }
                    case 2: {
                            message.major = reader.uint32();
                            break;
                        }
                    case 3: {
                            message.minor = reader.uint32();
                            break;
                        }
                    case 4: {
                            message.patch = reader.uint32();
                            break;
                        }
                    case 5: {
                            message.prerelease = reader.string();
                            break;
                        }
                    case 6: {
                            message.build = reader.string();
                            break;
                        }
                    case 7: {
                            message.engine_minor = reader.uint32();
                            break;
                        }
                    case 8: {
                            message.engine_fields_checksum = reader.string();
                            break;
                        }
                    case 9: {
                            message.engine_major = reader.uint32();
                            break;
                        }
                    case 10: {
                            message.engine_patch = reader.uint32();
                            break;
                        }
                    case 11: {
                            message.engine_version = reader.string();
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
             * Verifies a response message.
             * @function verify
             * @memberof falco.version.response
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            response.verify = function verify(message, long) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    return "maximum nesting depth exceeded";
                if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                    if (!$util.isString(message.version))
                        return "version: string expected";
                if (message.major != null && Object.hasOwnProperty.call(message, "major"))
                    if (!$util.isInteger(message.major))
                        return "major: integer expected";
                if (message.minor != null && Object.hasOwnProperty.call(message, "minor"))
                    if (!$util.isInteger(message.minor))
                        return "minor: integer expected";
                if (message.patch != null && Object.hasOwnProperty.call(message, "patch"))
                    if (!$util.isInteger(message.patch))
                        return "patch: integer expected";
                if (message.prerelease != null && Object.hasOwnProperty.call(message, "prerelease"))
                    if (!$util.isString(message.prerelease))
                        return "prerelease: string expected";
                if (message.build != null && Object.hasOwnProperty.call(message, "build"))
                    if (!$util.isString(message.build))
                        return "build: string expected";
                if (message.engine_minor != null && Object.hasOwnProperty.call(message, "engine_minor"))
                    if (!$util.isInteger(message.engine_minor))
                        return "engine_minor: integer expected";
                if (message.engine_fields_checksum != null && Object.hasOwnProperty.call(message, "engine_fields_checksum"))
                    if (!$util.isString(message.engine_fields_checksum))
                        return "engine_fields_checksum: string expected";
                if (message.engine_major != null && Object.hasOwnProperty.call(message, "engine_major"))
                    if (!$util.isInteger(message.engine_major))
                        return "engine_major: integer expected";
                if (message.engine_patch != null && Object.hasOwnProperty.call(message, "engine_patch"))
                    if (!$util.isInteger(message.engine_patch))
                        return "engine_patch: integer expected";
                if (message.engine_version != null && Object.hasOwnProperty.call(message, "engine_version"))
                    if (!$util.isString(message.engine_version))
                        return "engine_version: string expected";
                return null;
            };

            /**
             * Creates a response message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof falco.version.response
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {falco.version.response} response
             */
            response.fromObject = function fromObject(object, long) {
                if (object instanceof $root.falco.version.response)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".falco.version.response: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.falco.version.response();
                if (object.version != null)
                    message.version = String(object.version);
                if (object.major != null)
                    message.major = object.major >>> 0;
                if (object.minor != null)
                    message.minor = object.minor >>> 0;
                if (object.patch != null)
                    message.patch = object.patch >>> 0;
                if (object.prerelease != null)
                    message.prerelease = String(object.prerelease);
                if (object.build != null)
                    message.build = String(object.build);
                if (object.engine_minor != null)
                    message.engine_minor = object.engine_minor >>> 0;
                if (object.engine_fields_checksum != null)
                    message.engine_fields_checksum = String(object.engine_fields_checksum);
                if (object.engine_major != null)
                    message.engine_major = object.engine_major >>> 0;
                if (object.engine_patch != null)
                    message.engine_patch = object.engine_patch >>> 0;
                if (object.engine_version != null)
                    message.engine_version = String(object.engine_version);
                return message;
            };

            /**
             * Creates a plain object from a response message. Also converts values to other types if specified.
             * @function toObject
             * @memberof falco.version.response
             * @static
             * @param {falco.version.response} message response
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            response.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.version = "";
                    object.major = 0;
                    object.minor = 0;
                    object.patch = 0;
                    object.prerelease = "";
                    object.build = "";
                    object.engine_minor = 0;
                    object.engine_fields_checksum = "";
                    object.engine_major = 0;
                    object.engine_patch = 0;
                    object.engine_version = "";
                }
                if (message.version != null && Object.hasOwnProperty.call(message, "version"))
                    object.version = message.version;
                if (message.major != null && Object.hasOwnProperty.call(message, "major"))
                    object.major = message.major;
                if (message.minor != null && Object.hasOwnProperty.call(message, "minor"))
                    object.minor = message.minor;
                if (message.patch != null && Object.hasOwnProperty.call(message, "patch"))
                    object.patch = message.patch;
                if (message.prerelease != null && Object.hasOwnProperty.call(message, "prerelease"))
                    object.prerelease = message.prerelease;
                if (message.build != null && Object.hasOwnProperty.call(message, "build"))
                    object.build = message.build;
                if (message.engine_minor != null && Object.hasOwnProperty.call(message, "engine_minor"))
                    object.engine_minor = message.engine_minor;
                if (message.engine_fields_checksum != null && Object.hasOwnProperty.call(message, "engine_fields_checksum"))
                    object.engine_fields_checksum = message.engine_fields_checksum;
                if (message.engine_major != null && Object.hasOwnProperty.call(message, "engine_major"))
                    object.engine_major = message.engine_major;
                if (message.engine_patch != null && Object.hasOwnProperty.call(message, "engine_patch"))
                    object.engine_patch = message.engine_patch;
                if (message.engine_version != null && Object.hasOwnProperty.call(message, "engine_version"))
                    object.engine_version = message.engine_version;
                return object;
            };

            /**
             * Converts this response to JSON.
             * @function toJSON
             * @memberof falco.version.response
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            response.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            return response;
        })();

        return version;
    })();

    return falco;
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
