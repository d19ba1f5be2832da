// The bench's load: keep-alive connections that each send the next GET as soon as the previous answer is in, for
// a while. It does what the bench needs and no more (a status, a body read by length or in chunks, the time each
// answer took), so that it takes as little as it can of the two cores it shares with the server: autocannon took
// about 0.2 ms of CPU per request here, a tenth of what a page costs the server (README "Speed").
import net from "node:net";

// An answer that takes longer than this counts as an error (autocannon's default too).
const TIMEOUT_MS = 10_000;

export type LoadOptions = {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  /** Seconds. */
  duration: number;
};

export type LoadResult = {
  requests: number;
  /** Bytes received, headers included. */
  bytes: number;
  /** Answers per status code. */
  statuses: Map<number, number>;
  /** Connections that failed or answers that could not be read. */
  errors: number;
  /** Milliseconds per answer, in order. */
  latencies: Float64Array;
};

/** The time within which `share` of the answers came (0.99: the p99), in whole milliseconds. */
export function percentile(result: LoadResult, share: number): number {
  const { latencies } = result;
  if (!latencies.length) return 0;
  return Math.round(latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))] ?? 0);
}

/**
 * Reads HTTP/1.1 answers from a byte stream: fed the bytes as they come, it reports each whole answer's status and
 * size. Bodies come with a Content-Length or in chunks; a 304, a 204 and a 1xx have none.
 */
export class AnswerReader {
  private buffer: Buffer = Buffer.alloc(0);
  private status = 0;
  private closes = false;
  private size = 0;
  // "head": reading the status line and headers; "length": `remaining` body bytes; "chunk-size" and "chunk": the
  // parts of a chunked body ("chunk" also reads the CRLF after each chunk's data).
  private state: "head" | "length" | "chunk-size" | "chunk" | "trailer" = "head";
  private remaining = 0;

  /** `closes`: the server said it closes the connection after this answer. */
  constructor(private readonly onAnswer: (status: number, bytes: number, closes: boolean) => void) {}

  feed(data: Buffer) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, data]) : data;
    this.size += data.length;
    for (;;) {
      if (this.state === "head") {
        const end = this.buffer.indexOf("\r\n\r\n");
        if (end < 0) return;
        const head = this.buffer.toString("latin1", 0, end);
        this.buffer = this.buffer.subarray(end + 4);
        this.status = Number(head.slice(9, 12));
        if (!(this.status >= 100)) throw new Error(`Geen HTTP-antwoord: ${head.slice(0, 40)}`);
        const chunked = /\r\ntransfer-encoding:[^\r]*chunked/i.test(head);
        this.closes = /\r\nconnection:\s*close/i.test(head);
        const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
        if (this.status < 200 || this.status === 204 || this.status === 304) this.done();
        else if (chunked) this.state = "chunk-size";
        else if (length) {
          this.state = "length";
          this.remaining = Number(length[1]);
        } else throw new Error(`Antwoord ${this.status} zonder lengte.`);
      } else if (this.state === "length") {
        const take = Math.min(this.remaining, this.buffer.length);
        this.buffer = this.buffer.subarray(take);
        this.remaining -= take;
        if (this.remaining > 0) return;
        this.done();
      } else if (this.state === "chunk-size") {
        const end = this.buffer.indexOf("\r\n");
        if (end < 0) return;
        const line = this.buffer.toString("latin1", 0, end);
        // Hex digits, perhaps followed by extensions (";name=value").
        if (!/^[0-9a-f]+(;|$)/i.test(line)) throw new Error(`Geen lengte van een deel: ${line.slice(0, 40)}`);
        const size = parseInt(line, 16);
        this.buffer = this.buffer.subarray(end + 2);
        if (size === 0) this.state = "trailer";
        else {
          this.state = "chunk";
          this.remaining = size + 2;
        }
      } else if (this.state === "chunk") {
        const take = Math.min(this.remaining, this.buffer.length);
        this.buffer = this.buffer.subarray(take);
        this.remaining -= take;
        if (this.remaining > 0) return;
        this.state = "chunk-size";
      } else {
        // Trailer fields end with an empty line; without any, that is the CRLF right away.
        const end = this.buffer.indexOf("\r\n");
        if (end < 0) return;
        this.buffer = this.buffer.subarray(end + 2);
        if (end === 0) this.done();
      }
    }
  }

  private done() {
    const bytes = this.size - this.buffer.length;
    this.size = this.buffer.length;
    this.state = "head";
    if (this.status >= 200) this.onAnswer(this.status, bytes, this.closes);
  }
}

export async function load({ url, headers = {}, connections, duration }: LoadOptions): Promise<LoadResult> {
  const target = new URL(url);
  const request = Buffer.from(
    [
      `GET ${target.pathname}${target.search} HTTP/1.1`,
      `Host: ${target.host}`,
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      "",
      "",
    ].join("\r\n"),
    "latin1",
  );
  const result = { requests: 0, bytes: 0, statuses: new Map<number, number>(), errors: 0 };
  let latencies = new Float64Array(1 << 16);
  const until = performance.now() + duration * 1000;
  const record = (status: number, bytes: number, took: number) => {
    if (result.requests === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[result.requests++] = took;
    result.bytes += bytes;
    result.statuses.set(status, (result.statuses.get(status) ?? 0) + 1);
  };
  // One socket, request after request, until the time is up. True when it ended between answers (the time was
  // up, or the server closed an idle connection, which is then opened again); false when an answer was cut off,
  // could not be read, or took longer than TIMEOUT_MS.
  const session = () =>
    new Promise<boolean>((resolve) => {
      const socket = net.connect(Number(target.port || 80), target.hostname);
      socket.setNoDelay(true);
      socket.setTimeout(TIMEOUT_MS);
      let sent = 0;
      let waiting = false;
      const send = () => {
        if (performance.now() >= until) return void socket.end();
        sent = performance.now();
        waiting = true;
        socket.write(request);
      };
      const reader = new AnswerReader((status, bytes, closes) => {
        waiting = false;
        record(status, bytes, performance.now() - sent);
        if (closes) socket.end();
        else send();
      });
      const fail = () => {
        waiting = true;
        socket.destroy();
      };
      socket.on("connect", send);
      socket.on("data", (data) => {
        try {
          reader.feed(data);
        } catch {
          fail();
        }
      });
      socket.on("timeout", fail);
      socket.on("error", () => (waiting = true));
      socket.on("close", () => resolve(!waiting));
    });
  const connection = async () => {
    while (performance.now() < until) if (!(await session())) result.errors++;
  };
  await Promise.all(Array.from({ length: connections }, connection));
  return { ...result, latencies: latencies.slice(0, result.requests).sort() };
}
