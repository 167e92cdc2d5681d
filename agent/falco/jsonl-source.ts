// Reads Falco events as JSON lines from a file or stdin: replays of recorded events and Falco's
// program_output / stdout with json_output: true piped into the agent.
import { createReadStream, type ReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Logger } from 'pino';
import type { IngestSink } from '../pipeline/ingest.js';
import { FalcoDecodeError } from './event.js';
import { decodeJsonEvent, parseJsonEvents } from './json-event.js';
import { JsonRepeats, REPLAYED } from './json-repeats.js';

export interface JsonLinesResult {
  readonly lines: number;
  readonly events: number;
  readonly rejected: number;
}

export class JsonLinesSource {
  private closed = false;
  private input: NodeJS.ReadableStream | null = null;
  private readonly repeats: JsonRepeats;

  constructor(
    /** A file path, or "-" for stdin. */
    private readonly path: string,
    private readonly sink: IngestSink,
    private readonly log: Logger,
    private readonly stdin: NodeJS.ReadableStream = process.stdin,
  ) {
    this.repeats = new JsonRepeats(sink, 'jsonl');
  }

  /** Opens the input, failing with the path in the message when it cannot be read. */
  async open(): Promise<void> {
    this.input = this.path === '-' ? this.stdin : await openFile(this.path);
    this.log.info({ input: 'jsonl', path: this.path === '-' ? 'stdin' : this.path }, 'reading Falco JSON lines');
  }

  /** Reads to the end of the opened input, waiting whenever the output is behind. */
  async run(): Promise<JsonLinesResult> {
    const input = this.input;
    if (!input) throw new Error('JsonLinesSource.run() before open()');

    let lines = 0;
    let events = 0;
    let rejected = 0;
    const rl = createInterface({ input, crlfDelay: Infinity });
    for await (const line of rl) {
      lines++;
      if (this.closed) break;
      if (line.trim() === '') continue;
      // Repeats are counted without parsing, as over HTTP.
      const fingerprint = this.repeats.lookUpText(line);
      if (fingerprint === REPLAYED) {
        events++;
        if (this.sink.backlogged) await this.sink.drained();
        continue;
      }
      try {
        for (const item of parseJsonEvents(line)) {
          try {
            this.repeats.remember(fingerprint, this.sink.event(decodeJsonEvent(item), 'jsonl'));
            events++;
          } catch (err) {
            rejected++;
            this.rejectLine(err, lines);
          }
        }
      } catch (err) {
        rejected++;
        this.rejectLine(err, lines);
      }
      if (this.sink.backlogged) await this.sink.drained();
    }
    return { lines, events, rejected };
  }

  stop(): void {
    this.closed = true;
    if (this.input && this.input !== this.stdin && 'destroy' in this.input) {
      (this.input as NodeJS.ReadableStream & { destroy(): void }).destroy();
    }
  }

  private rejectLine(err: unknown, line: number): void {
    if (!(err instanceof FalcoDecodeError)) throw err;
    this.sink.reject('jsonl', err.reason, `line ${line}: ${err.message}`);
  }
}

function openFile(path: string): Promise<ReadStream> {
  const stream = createReadStream(path);
  return new Promise((resolve, reject) => {
    stream.once('open', () => resolve(stream));
    stream.once('error', (err: NodeJS.ErrnoException) =>
      reject(new Error(`cannot read Falco events from ${path}: ${err.code ?? err.message}`)),
    );
  });
}
