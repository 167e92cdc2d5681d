import * as $protobuf from "protobufjs";
/** Namespace vigil. */
export namespace vigil {

    /** Namespace v1. */
    namespace v1 {

        /** Represents an AgentGateway */
        class AgentGateway extends $protobuf.rpc.Service {

            /**
             * Constructs a new AgentGateway service.
             * @param rpcImpl RPC implementation
             * @param [requestDelimited=false] Whether requests are length-delimited
             * @param [responseDelimited=false] Whether responses are length-delimited
             */
            constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

            /**
             * Creates new AgentGateway service using the specified rpc implementation.
             * @param rpcImpl RPC implementation
             * @param [requestDelimited=false] Whether requests are length-delimited
             * @param [responseDelimited=false] Whether responses are length-delimited
             * @returns RPC service. Useful where requests and/or responses are streamed.
             */
            public static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): AgentGateway;

            /**
             * Calls Connect.
             * @param request AgentMessage message or plain object
             * @param callback Node-style callback called with the error, if any, and CollectorMessage
             */
            public connect(request: vigil.v1.IAgentMessage, callback: vigil.v1.AgentGateway.ConnectCallback): void;

            /**
             * Calls Connect.
             * @param request AgentMessage message or plain object
             * @returns Promise
             */
            public connect(request: vigil.v1.IAgentMessage): Promise<vigil.v1.CollectorMessage>;
        }

        namespace AgentGateway {

            /**
             * Callback as used by {@link vigil.v1.AgentGateway#connect}.
             * @param error Error, if any
             * @param [response] CollectorMessage
             */
            type ConnectCallback = (error: (Error|null), response?: vigil.v1.CollectorMessage) => void;
        }

        /** Properties of an AgentMessage. */
        interface IAgentMessage {

            /** AgentMessage hello */
            hello?: (vigil.v1.IHello|null);

            /** AgentMessage reports */
            reports?: (vigil.v1.IReportBatch|null);

            /** AgentMessage heartbeat */
            heartbeat?: (vigil.v1.IHeartbeat|null);
        }

        /** Represents an AgentMessage. */
        class AgentMessage implements IAgentMessage {

            /**
             * Constructs a new AgentMessage.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.IAgentMessage);

            /** AgentMessage hello. */
            public hello?: (vigil.v1.IHello|null);

            /** AgentMessage reports. */
            public reports?: (vigil.v1.IReportBatch|null);

            /** AgentMessage heartbeat. */
            public heartbeat?: (vigil.v1.IHeartbeat|null);

            /** AgentMessage body. */
            public body?: ("hello"|"reports"|"heartbeat");

            /**
             * Creates a new AgentMessage instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AgentMessage instance
             */
            public static create(properties?: vigil.v1.IAgentMessage): vigil.v1.AgentMessage;

            /**
             * Encodes the specified AgentMessage message. Does not implicitly {@link vigil.v1.AgentMessage.verify|verify} messages.
             * @param message AgentMessage message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: vigil.v1.IAgentMessage, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AgentMessage message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns AgentMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.AgentMessage;

            /**
             * Verifies an AgentMessage message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an AgentMessage message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns AgentMessage
             */
            public static fromObject(object: { [k: string]: any }): vigil.v1.AgentMessage;

            /**
             * Creates a plain object from an AgentMessage message. Also converts values to other types if specified.
             * @param message AgentMessage
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: vigil.v1.AgentMessage, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this AgentMessage to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a CollectorMessage. */
        interface ICollectorMessage {

            /** CollectorMessage ack */
            ack?: (vigil.v1.IAck|null);

            /** CollectorMessage snapshot */
            snapshot?: (vigil.v1.IWorkloadSnapshot|null);

            /** CollectorMessage delta */
            delta?: (vigil.v1.IWorkloadDelta|null);
        }

        /** Represents a CollectorMessage. */
        class CollectorMessage implements ICollectorMessage {

            /**
             * Constructs a new CollectorMessage.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.ICollectorMessage);

            /** CollectorMessage ack. */
            public ack?: (vigil.v1.IAck|null);

            /** CollectorMessage snapshot. */
            public snapshot?: (vigil.v1.IWorkloadSnapshot|null);

            /** CollectorMessage delta. */
            public delta?: (vigil.v1.IWorkloadDelta|null);

            /** CollectorMessage body. */
            public body?: ("ack"|"snapshot"|"delta");

            /**
             * Creates a new CollectorMessage instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CollectorMessage instance
             */
            public static create(properties?: vigil.v1.ICollectorMessage): vigil.v1.CollectorMessage;

            /**
             * Encodes the specified CollectorMessage message. Does not implicitly {@link vigil.v1.CollectorMessage.verify|verify} messages.
             * @param message CollectorMessage message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: vigil.v1.ICollectorMessage, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CollectorMessage message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns CollectorMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.CollectorMessage;

            /**
             * Verifies a CollectorMessage message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a CollectorMessage message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns CollectorMessage
             */
            public static fromObject(object: { [k: string]: any }): vigil.v1.CollectorMessage;

            /**
             * Creates a plain object from a CollectorMessage message. Also converts values to other types if specified.
             * @param message CollectorMessage
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: vigil.v1.CollectorMessage, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CollectorMessage to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a Hello. */
        interface IHello {

            /** Hello agent_id */
            agent_id?: (string|null);

            /** Hello node */
            node?: (string|null);

            /** Hello cluster */
            cluster?: (string|null);

            /** Hello agent_version */
            agent_version?: (string|null);

            /** Hello falco_version */
            falco_version?: (string|null);

            /** Hello known_workloads */
            known_workloads?: (vigil.v1.IWorkload[]|null);
        }

        /** Represents a Hello. */
        class Hello implements IHello {

            /**
             * Constructs a new Hello.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.IHello);

            /** Hello agent_id. */
            public agent_id: string;

            /** Hello node. */
            public node: string;

            /** Hello cluster. */
            public cluster: string;

            /** Hello agent_version. */
            public agent_version: string;

            /** Hello falco_version. */
            public falco_version: string;

            /** Hello known_workloads. */
            public known_workloads: vigil.v1.IWorkload[];

            /**
             * Creates a new Hello instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Hello instance
             */
            public static create(properties?: vigil.v1.IHello): vigil.v1.Hello;

            /**
             * Encodes the specified Hello message. Does not implicitly {@link vigil.v1.Hello.verify|verify} messages.
             * @param message Hello message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: vigil.v1.IHello, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Hello message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.Hello;

            /**
             * Verifies a Hello message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Hello message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Hello
             */
            public static fromObject(object: { [k: string]: any }): vigil.v1.Hello;

            /**
             * Creates a plain object from a Hello message. Also converts values to other types if specified.
             * @param message Hello
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: vigil.v1.Hello, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Hello to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a Workload. */
        interface IWorkload {

            /** Workload cluster */
            cluster?: (string|null);

            /** Workload namespace */
            namespace?: (string|null);

            /** Workload kind */
            kind?: (string|null);

            /** Workload name */
            name?: (string|null);
        }

        /** Represents a Workload. */
        class Workload implements IWorkload {

            /**
             * Constructs a new Workload.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.IWorkload);

            /** Workload cluster. */
            public cluster: string;

            /** Workload namespace. */
            public namespace: string;

            /** Workload kind. */
            public kind: string;

            /** Workload name. */
            public name: string;

            /**
             * Creates a new Workload instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Workload instance
             */
            public static create(properties?: vigil.v1.IWorkload): vigil.v1.Workload;

            /**
             * Encodes the specified Workload message. Does not implicitly {@link vigil.v1.Workload.verify|verify} messages.
             * @param message Workload message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: vigil.v1.IWorkload, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Workload message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Workload
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.Workload;

            /**
             * Verifies a Workload message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Workload message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Workload
             */
            public static fromObject(object: { [k: string]: any }): vigil.v1.Workload;

            /**
             * Creates a plain object from a Workload message. Also converts values to other types if specified.
             * @param message Workload
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: vigil.v1.Workload, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Workload to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Direction enum. */
        enum Direction {
            DIRECTION_UNSPECIFIED = 0,
            OUTBOUND = 1,
            INBOUND = 2
        }

        /** Properties of a ProcessItem. */
        interface IProcessItem {

            /** ProcessItem exe */
            exe?: (string|null);

            /** ProcessItem name */
            name?: (string|null);

            /** ProcessItem cmdline */
            cmdline?: (string|null);

            /** ProcessItem parent_exe */
            parent_exe?: (string|null);

            /** ProcessItem parent_name */
            parent_name?: (string|null);

            /** ProcessItem user */
            user?: (string|null);

            /** ProcessItem uid */
            uid?: (number|null);

            /** ProcessItem pid */
            pid?: (number|null);

            /** ProcessItem exe_upper_layer */
            exe_upper_layer?: (boolean|null);

            /** ProcessItem has_uid */
            has_uid?: (boolean|null);

            /** ProcessItem has_pid */
            has_pid?: (boolean|null);

            /** ProcessItem has_exe_upper_layer */
            has_exe_upper_layer?: (boolean|null);
        }

        /** Represents a ProcessItem. */
        class ProcessItem implements IProcessItem {

            /**
             * Constructs a new ProcessItem.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.IProcessItem);

            /** ProcessItem exe. */
            public exe: string;

            /** ProcessItem name. */
            public name: string;

            /** ProcessItem cmdline. */
            public cmdline: string;

            /** ProcessItem parent_exe. */
            public parent_exe: string;

            /** ProcessItem parent_name. */
            public parent_name: string;

            /** ProcessItem user. */
            public user: string;

            /** ProcessItem uid. */
            public uid: number;

            /** ProcessItem pid. */
            public pid: number;

            /** ProcessItem exe_upper_layer. */
            public exe_upper_layer: boolean;

            /** ProcessItem has_uid. */
            public has_uid: boolean;

            /** ProcessItem has_pid. */
            public has_pid: boolean;

            /** ProcessItem has_exe_upper_layer. */
            public has_exe_upper_layer: boolean;

            /**
             * Creates a new ProcessItem instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ProcessItem instance
             */
            public static create(properties?: vigil.v1.IProcessItem): vigil.v1.ProcessItem;

            /**
             * Encodes the specified ProcessItem message. Does not implicitly {@link vigil.v1.ProcessItem.verify|verify} messages.
             * @param message ProcessItem message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: vigil.v1.IProcessItem, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ProcessItem message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ProcessItem
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.ProcessItem;

            /**
             * Verifies a ProcessItem message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ProcessItem message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ProcessItem
             */
            public static fromObject(object: { [k: string]: any }): vigil.v1.ProcessItem;

            /**
             * Creates a plain object from a ProcessItem message. Also converts values to other types if specified.
             * @param message ProcessItem
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: vigil.v1.ProcessItem, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ProcessItem to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a NetworkItem. */
        interface INetworkItem {

            /** NetworkItem direction */
            direction?: (vigil.v1.Direction|null);

            /** NetworkItem peer */
            peer?: (string|null);

            /** NetworkItem peer_name */
            peer_name?: (string|null);

            /** NetworkItem port */
            port?: (number|null);

            /** NetworkItem protocol */
            protocol?: (string|null);

            /** NetworkItem local_ip */
            local_ip?: (string|null);

            /** NetworkItem local_port */
            local_port?: (number|null);
        }

        /** Represents a NetworkItem. */
        class NetworkItem implements INetworkItem {

            /**
             * Constructs a new NetworkItem.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.INetworkItem);

            /** NetworkItem direction. */
            public direction: vigil.v1.Direction;

            /** NetworkItem peer. */
            public peer: string;

            /** NetworkItem peer_name. */
            public peer_name: string;

            /** NetworkItem port. */
            public port: number;

            /** NetworkItem protocol. */
            public protocol: string;

            /** NetworkItem local_ip. */
            public local_ip: string;

            /** NetworkItem local_port. */
            public local_port: number;

            /**
             * Creates a new NetworkItem instance using the specified properties.
             * @param [properties] Properties to set
             * @returns NetworkItem instance
             */
            public static create(properties?: vigil.v1.INetworkItem): vigil.v1.NetworkItem;

            /**
             * Encodes the specified NetworkItem message. Does not implicitly {@link vigil.v1.NetworkItem.verify|verify} messages.
             * @param message NetworkItem message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: vigil.v1.INetworkItem, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a NetworkItem message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns NetworkItem
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.NetworkItem;

            /**
             * Verifies a NetworkItem message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a NetworkItem message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns NetworkItem
             */
            public static fromObject(object: { [k: string]: any }): vigil.v1.NetworkItem;

            /**
             * Creates a plain object from a NetworkItem message. Also converts values to other types if specified.
             * @param message NetworkItem
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: vigil.v1.NetworkItem, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this NetworkItem to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of an Observation. */
        interface IObservation {

            /** Observation time */
            time?: (google.protobuf.ITimestamp|null);

            /** Observation node */
            node?: (string|null);

            /** Observation workload */
            workload?: (vigil.v1.IWorkload|null);

            /** Observation container */
            container?: (string|null);

            /** Observation pod */
            pod?: (string|null);

            /** Observation pod_uid */
            pod_uid?: (string|null);

            /** Observation container_id */
            container_id?: (string|null);

            /** Observation image */
            image?: (string|null);

            /** Observation image_digest */
            image_digest?: (string|null);

            /** Observation rule */
            rule?: (string|null);

            /** Observation priority */
            priority?: (string|null);

            /** Observation item_key */
            item_key?: (string|null);

            /** Observation process */
            process?: (vigil.v1.IProcessItem|null);

            /** Observation network */
            network?: (vigil.v1.INetworkItem|null);

            /** Observation container_start */
            container_start?: (google.protobuf.ITimestamp|null);
        }

        /** Represents an Observation. */
        class Observation implements IObservation {

            /**
             * Constructs a new Observation.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.IObservation);

            /** Observation time. */
            public time?: (google.protobuf.ITimestamp|null);

            /** Observation node. */
            public node: string;

            /** Observation workload. */
            public workload?: (vigil.v1.IWorkload|null);

            /** Observation container. */
            public container: string;

            /** Observation pod. */
            public pod: string;

            /** Observation pod_uid. */
            public pod_uid: string;

            /** Observation container_id. */
            public container_id: string;

            /** Observation image. */
            public image: string;

            /** Observation image_digest. */
            public image_digest: string;

            /** Observation rule. */
            public rule: string;

            /** Observation priority. */
            public priority: string;

            /** Observation item_key. */
            public item_key: string;

            /** Observation process. */
            public process?: (vigil.v1.IProcessItem|null);

            /** Observation network. */
            public network?: (vigil.v1.INetworkItem|null);

            /** Observation container_start. */
            public container_start?: (google.protobuf.ITimestamp|null);

            /** Observation item. */
            public item?: ("process"|"network");

            /**
             * Creates a new Observation instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Observation instance
             */
            public static create(properties?: vigil.v1.IObservation): vigil.v1.Observation;

            /**
             * Encodes the specified Observation message. Does not implicitly {@link vigil.v1.Observation.verify|verify} messages.
             * @param message Observation message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: vigil.v1.IObservation, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Observation message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Observation
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.Observation;

            /**
             * Verifies an Observation message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an Observation message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Observation
             */
            public static fromObject(object: { [k: string]: any }): vigil.v1.Observation;

            /**
             * Creates a plain object from an Observation message. Also converts values to other types if specified.
             * @param message Observation
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: vigil.v1.Observation, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Observation to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a RepeatCount. */
        interface IRepeatCount {

            /** RepeatCount workload */
            workload?: (vigil.v1.IWorkload|null);

            /** RepeatCount container */
            container?: (string|null);

            /** RepeatCount item_key */
            item_key?: (string|null);

            /** RepeatCount count */
            count?: (number|null);

            /** RepeatCount first_seen */
            first_seen?: (google.protobuf.ITimestamp|null);

            /** RepeatCount last_seen */
            last_seen?: (google.protobuf.ITimestamp|null);
        }

        /** Represents a RepeatCount. */
        class RepeatCount implements IRepeatCount {

            /**
             * Constructs a new RepeatCount.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.IRepeatCount);

            /** RepeatCount workload. */
            public workload?: (vigil.v1.IWorkload|null);

            /** RepeatCount container. */
            public container: string;

            /** RepeatCount item_key. */
            public item_key: string;

            /** RepeatCount count. */
            public count: number;

            /** RepeatCount first_seen. */
            public first_seen?: (google.protobuf.ITimestamp|null);

            /** RepeatCount last_seen. */
            public last_seen?: (google.protobuf.ITimestamp|null);

            /**
             * Creates a new RepeatCount instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RepeatCount instance
             */
            public static create(properties?: vigil.v1.IRepeatCount): vigil.v1.RepeatCount;

            /**
             * Encodes the specified RepeatCount message. Does not implicitly {@link vigil.v1.RepeatCount.verify|verify} messages.
             * @param message RepeatCount message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: vigil.v1.IRepeatCount, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RepeatCount message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns RepeatCount
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.RepeatCount;

            /**
             * Verifies a RepeatCount message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RepeatCount message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RepeatCount
             */
            public static fromObject(object: { [k: string]: any }): vigil.v1.RepeatCount;

            /**
             * Creates a plain object from a RepeatCount message. Also converts values to other types if specified.
             * @param message RepeatCount
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: vigil.v1.RepeatCount, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RepeatCount to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a Report. */
        interface IReport {

            /** Report seq */
            seq?: (number|null);

            /** Report observation */
            observation?: (vigil.v1.IObservation|null);

            /** Report repeat */
            repeat?: (vigil.v1.IRepeatCount|null);
        }

        /** Represents a Report. */
        class Report implements IReport {

            /**
             * Constructs a new Report.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.IReport);

            /** Report seq. */
            public seq: number;

            /** Report observation. */
            public observation?: (vigil.v1.IObservation|null);

            /** Report repeat. */
            public repeat?: (vigil.v1.IRepeatCount|null);

            /** Report body. */
            public body?: ("observation"|"repeat");

            /**
             * Creates a new Report instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Report instance
             */
            public static create(properties?: vigil.v1.IReport): vigil.v1.Report;

            /**
             * Encodes the specified Report message. Does not implicitly {@link vigil.v1.Report.verify|verify} messages.
             * @param message Report message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: vigil.v1.IReport, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Report message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Report
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.Report;

            /**
             * Verifies a Report message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Report message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Report
             */
            public static fromObject(object: { [k: string]: any }): vigil.v1.Report;

            /**
             * Creates a plain object from a Report message. Also converts values to other types if specified.
             * @param message Report
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: vigil.v1.Report, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Report to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a ReportBatch. */
        interface IReportBatch {

            /** ReportBatch reports */
            reports?: (vigil.v1.IReport[]|null);
        }

        /** Represents a ReportBatch. */
        class ReportBatch implements IReportBatch {

            /**
             * Constructs a new ReportBatch.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.IReportBatch);

            /** ReportBatch reports. */
            public reports: vigil.v1.IReport[];

            /**
             * Creates a new ReportBatch instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ReportBatch instance
             */
            public static create(properties?: vigil.v1.IReportBatch): vigil.v1.ReportBatch;

            /**
             * Encodes the specified ReportBatch message. Does not implicitly {@link vigil.v1.ReportBatch.verify|verify} messages.
             * @param message ReportBatch message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: vigil.v1.IReportBatch, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ReportBatch message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns ReportBatch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.ReportBatch;

            /**
             * Verifies a ReportBatch message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ReportBatch message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ReportBatch
             */
            public static fromObject(object: { [k: string]: any }): vigil.v1.ReportBatch;

            /**
             * Creates a plain object from a ReportBatch message. Also converts values to other types if specified.
             * @param message ReportBatch
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: vigil.v1.ReportBatch, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ReportBatch to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of an AgentStats. */
        interface IAgentStats {

            /** AgentStats events_per_second */
            events_per_second?: (number|null);

            /** AgentStats events_total */
            events_total?: (number|null);

            /** AgentStats dropped_total */
            dropped_total?: (number|null);

            /** AgentStats outbox_depth */
            outbox_depth?: (number|null);

            /** AgentStats unattributed_total */
            unattributed_total?: (number|null);

            /** AgentStats falco_drops_total */
            falco_drops_total?: (number|null);

            /** AgentStats falco_connected */
            falco_connected?: (boolean|null);
        }

        /** Represents an AgentStats. */
        class AgentStats implements IAgentStats {

            /**
             * Constructs a new AgentStats.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.IAgentStats);

            /** AgentStats events_per_second. */
            public events_per_second: number;

            /** AgentStats events_total. */
            public events_total: number;

            /** AgentStats dropped_total. */
            public dropped_total: number;

            /** AgentStats outbox_depth. */
            public outbox_depth: number;

            /** AgentStats unattributed_total. */
            public unattributed_total: number;

            /** AgentStats falco_drops_total. */
            public falco_drops_total: number;

            /** AgentStats falco_connected. */
            public falco_connected: boolean;

            /**
             * Creates a new AgentStats instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AgentStats instance
             */
            public static create(properties?: vigil.v1.IAgentStats): vigil.v1.AgentStats;

            /**
             * Encodes the specified AgentStats message. Does not implicitly {@link vigil.v1.AgentStats.verify|verify} messages.
             * @param message AgentStats message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: vigil.v1.IAgentStats, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AgentStats message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns AgentStats
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.AgentStats;

            /**
             * Verifies an AgentStats message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an AgentStats message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns AgentStats
             */
            public static fromObject(object: { [k: string]: any }): vigil.v1.AgentStats;

            /**
             * Creates a plain object from an AgentStats message. Also converts values to other types if specified.
             * @param message AgentStats
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: vigil.v1.AgentStats, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this AgentStats to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a Heartbeat. */
        interface IHeartbeat {

            /** Heartbeat time */
            time?: (google.protobuf.ITimestamp|null);

            /** Heartbeat stats */
            stats?: (vigil.v1.IAgentStats|null);
        }

        /** Represents a Heartbeat. */
        class Heartbeat implements IHeartbeat {

            /**
             * Constructs a new Heartbeat.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.IHeartbeat);

            /** Heartbeat time. */
            public time?: (google.protobuf.ITimestamp|null);

            /** Heartbeat stats. */
            public stats?: (vigil.v1.IAgentStats|null);

            /**
             * Creates a new Heartbeat instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Heartbeat instance
             */
            public static create(properties?: vigil.v1.IHeartbeat): vigil.v1.Heartbeat;

            /**
             * Encodes the specified Heartbeat message. Does not implicitly {@link vigil.v1.Heartbeat.verify|verify} messages.
             * @param message Heartbeat message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: vigil.v1.IHeartbeat, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Heartbeat message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.Heartbeat;

            /**
             * Verifies a Heartbeat message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Heartbeat message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Heartbeat
             */
            public static fromObject(object: { [k: string]: any }): vigil.v1.Heartbeat;

            /**
             * Creates a plain object from a Heartbeat message. Also converts values to other types if specified.
             * @param message Heartbeat
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: vigil.v1.Heartbeat, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Heartbeat to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of an Ack. */
        interface IAck {

            /** Ack highest_seq */
            highest_seq?: (number|null);
        }

        /** Represents an Ack. */
        class Ack implements IAck {

            /**
             * Constructs a new Ack.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.IAck);

            /** Ack highest_seq. */
            public highest_seq: number;

            /**
             * Creates a new Ack instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Ack instance
             */
            public static create(properties?: vigil.v1.IAck): vigil.v1.Ack;

            /**
             * Encodes the specified Ack message. Does not implicitly {@link vigil.v1.Ack.verify|verify} messages.
             * @param message Ack message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: vigil.v1.IAck, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Ack message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Ack
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.Ack;

            /**
             * Verifies an Ack message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an Ack message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Ack
             */
            public static fromObject(object: { [k: string]: any }): vigil.v1.Ack;

            /**
             * Creates a plain object from an Ack message. Also converts values to other types if specified.
             * @param message Ack
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: vigil.v1.Ack, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Ack to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Mode enum. */
        enum Mode {
            MODE_UNSPECIFIED = 0,
            LEARNING = 1,
            DETECTING = 2,
            DISABLED = 3
        }

        /** Identity enum. */
        enum Identity {
            IDENTITY_EXE = 0,
            IDENTITY_LINEAGE = 1
        }

        /** Properties of a BaselineItem. */
        interface IBaselineItem {

            /** BaselineItem container */
            container?: (string|null);

            /** BaselineItem item_key */
            item_key?: (string|null);
        }

        /** Represents a BaselineItem. */
        class BaselineItem implements IBaselineItem {

            /**
             * Constructs a new BaselineItem.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.IBaselineItem);

            /** BaselineItem container. */
            public container: string;

            /** BaselineItem item_key. */
            public item_key: string;

            /**
             * Creates a new BaselineItem instance using the specified properties.
             * @param [properties] Properties to set
             * @returns BaselineItem instance
             */
            public static create(properties?: vigil.v1.IBaselineItem): vigil.v1.BaselineItem;

            /**
             * Encodes the specified BaselineItem message. Does not implicitly {@link vigil.v1.BaselineItem.verify|verify} messages.
             * @param message BaselineItem message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: vigil.v1.IBaselineItem, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a BaselineItem message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns BaselineItem
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.BaselineItem;

            /**
             * Verifies a BaselineItem message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a BaselineItem message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns BaselineItem
             */
            public static fromObject(object: { [k: string]: any }): vigil.v1.BaselineItem;

            /**
             * Creates a plain object from a BaselineItem message. Also converts values to other types if specified.
             * @param message BaselineItem
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: vigil.v1.BaselineItem, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this BaselineItem to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a WorkloadState. */
        interface IWorkloadState {

            /** WorkloadState workload */
            workload?: (vigil.v1.IWorkload|null);

            /** WorkloadState mode */
            mode?: (vigil.v1.Mode|null);

            /** WorkloadState window_end */
            window_end?: (google.protobuf.ITimestamp|null);

            /** WorkloadState items */
            items?: (vigil.v1.IBaselineItem[]|null);

            /** WorkloadState identity */
            identity?: (vigil.v1.Identity|null);
        }

        /** Represents a WorkloadState. */
        class WorkloadState implements IWorkloadState {

            /**
             * Constructs a new WorkloadState.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.IWorkloadState);

            /** WorkloadState workload. */
            public workload?: (vigil.v1.IWorkload|null);

            /** WorkloadState mode. */
            public mode: vigil.v1.Mode;

            /** WorkloadState window_end. */
            public window_end?: (google.protobuf.ITimestamp|null);

            /** WorkloadState items. */
            public items: vigil.v1.IBaselineItem[];

            /** WorkloadState identity. */
            public identity: vigil.v1.Identity;

            /**
             * Creates a new WorkloadState instance using the specified properties.
             * @param [properties] Properties to set
             * @returns WorkloadState instance
             */
            public static create(properties?: vigil.v1.IWorkloadState): vigil.v1.WorkloadState;

            /**
             * Encodes the specified WorkloadState message. Does not implicitly {@link vigil.v1.WorkloadState.verify|verify} messages.
             * @param message WorkloadState message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: vigil.v1.IWorkloadState, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a WorkloadState message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns WorkloadState
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.WorkloadState;

            /**
             * Verifies a WorkloadState message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a WorkloadState message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns WorkloadState
             */
            public static fromObject(object: { [k: string]: any }): vigil.v1.WorkloadState;

            /**
             * Creates a plain object from a WorkloadState message. Also converts values to other types if specified.
             * @param message WorkloadState
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: vigil.v1.WorkloadState, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this WorkloadState to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a WorkloadSnapshot. */
        interface IWorkloadSnapshot {

            /** WorkloadSnapshot workloads */
            workloads?: (vigil.v1.IWorkloadState[]|null);
        }

        /** Represents a WorkloadSnapshot. */
        class WorkloadSnapshot implements IWorkloadSnapshot {

            /**
             * Constructs a new WorkloadSnapshot.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.IWorkloadSnapshot);

            /** WorkloadSnapshot workloads. */
            public workloads: vigil.v1.IWorkloadState[];

            /**
             * Creates a new WorkloadSnapshot instance using the specified properties.
             * @param [properties] Properties to set
             * @returns WorkloadSnapshot instance
             */
            public static create(properties?: vigil.v1.IWorkloadSnapshot): vigil.v1.WorkloadSnapshot;

            /**
             * Encodes the specified WorkloadSnapshot message. Does not implicitly {@link vigil.v1.WorkloadSnapshot.verify|verify} messages.
             * @param message WorkloadSnapshot message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: vigil.v1.IWorkloadSnapshot, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a WorkloadSnapshot message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns WorkloadSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.WorkloadSnapshot;

            /**
             * Verifies a WorkloadSnapshot message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a WorkloadSnapshot message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns WorkloadSnapshot
             */
            public static fromObject(object: { [k: string]: any }): vigil.v1.WorkloadSnapshot;

            /**
             * Creates a plain object from a WorkloadSnapshot message. Also converts values to other types if specified.
             * @param message WorkloadSnapshot
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: vigil.v1.WorkloadSnapshot, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this WorkloadSnapshot to JSON.
             * @returns JSON object
             */
            public toJSON(): { [k: string]: any };
        }

        /** Properties of a WorkloadDelta. */
        interface IWorkloadDelta {

            /** WorkloadDelta workload */
            workload?: (vigil.v1.IWorkload|null);

            /** WorkloadDelta mode */
            mode?: (vigil.v1.Mode|null);

            /** WorkloadDelta window_end */
            window_end?: (google.protobuf.ITimestamp|null);

            /** WorkloadDelta added */
            added?: (vigil.v1.IBaselineItem[]|null);

            /** WorkloadDelta removed */
            removed?: (vigil.v1.IBaselineItem[]|null);

            /** WorkloadDelta identity */
            identity?: (vigil.v1.Identity|null);
        }

        /** Represents a WorkloadDelta. */
        class WorkloadDelta implements IWorkloadDelta {

            /**
             * Constructs a new WorkloadDelta.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.IWorkloadDelta);

            /** WorkloadDelta workload. */
            public workload?: (vigil.v1.IWorkload|null);

            /** WorkloadDelta mode. */
            public mode: vigil.v1.Mode;

            /** WorkloadDelta window_end. */
            public window_end?: (google.protobuf.ITimestamp|null);

            /** WorkloadDelta added. */
            public added: vigil.v1.IBaselineItem[];

            /** WorkloadDelta removed. */
            public removed: vigil.v1.IBaselineItem[];

            /** WorkloadDelta identity. */
            public identity: vigil.v1.Identity;

            /**
             * Creates a new WorkloadDelta instance using the specified properties.
             * @param [properties] Properties to set
             * @returns WorkloadDelta instance
             */
            public static create(properties?: vigil.v1.IWorkloadDelta): vigil.v1.WorkloadDelta;

            /**
             * Encodes the specified WorkloadDelta message. Does not implicitly {@link vigil.v1.WorkloadDelta.verify|verify} messages.
             * @param message WorkloadDelta message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: vigil.v1.IWorkloadDelta, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a WorkloadDelta message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns WorkloadDelta
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.WorkloadDelta;

            /**
             * Verifies a WorkloadDelta message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            public static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a WorkloadDelta message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns WorkloadDelta
             */
            public static fromObject(object: { [k: string]: any }): vigil.v1.WorkloadDelta;

            /**
             * Creates a plain object from a WorkloadDelta message. Also converts values to other types if specified.
             * @param message WorkloadDelta
             * @param [options] Conversion options
             * @returns Plain object
             */
            public static toObject(message: vigil.v1.WorkloadDelta, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this WorkloadDelta to JSON.
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
