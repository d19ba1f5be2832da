// The bench's own load client (tests/bench/load.ts): what it counts decides the bench's figures, so it must read
// answers right however the bytes arrive.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnswerReader, load, percentile } from "../bench/load";

const CHUNKED = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhallo\r\n6\r\n wijk!\r\n0\r\n\r\n";
const SIZED = "HTTP/1.1 404 Not Found\r\nContent-Length: 4\r\n\r\nniks";
const NOT_MODIFIED = 'HTTP/1.1 304 Not Modified\r\nETag: W/"x"\r\n\r\n';

function answersOf(pieces: string[]) {
  const answers: [number, number][] = [];
  const reader = new AnswerReader((status, bytes) => answers.push([status, bytes]));
  for (const piece of pieces) reader.feed(Buffer.from(piece, "latin1"));
  return answers;
}

describe("reading answers", () => {
  it("reads chunked, sized and bodiless answers, one after the other in one stream, with their sizes", () => {
    expect(answersOf([CHUNKED + SIZED + NOT_MODIFIED])).toEqual([
      [200, CHUNKED.length],
      [404, SIZED.length],
      [304, NOT_MODIFIED.length],
    ]);
  });

  it("gives the same answers when the bytes come one at a time", () => {
    const all = CHUNKED + NOT_MODIFIED + SIZED;
    expect(answersOf([...all])).toEqual(answersOf([all]));
    expect(answersOf([...all])).toHaveLength(3);
  });

  it("waits for the rest of a body before it counts the answer", () => {
    expect(answersOf([SIZED.slice(0, -1)])).toEqual([]);
    const extended = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;naam=waarde\r\nhallo\r\n0\r\n\r\n";
    expect(answersOf([extended])).toEqual([[200, extended.length]]);
    expect(answersOf([CHUNKED.slice(0, -2)])).toEqual([]);
  });

  it("refuses what is not an HTTP answer, or an answer whose end it cannot know", () => {
    expect(() => answersOf(["hallo\r\n\r\n"])).toThrow();
    expect(() => answersOf(["HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>"])).toThrow();
    expect(() =>
      answersOf(["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhallo\r\n0\r\n\r\n"]),
    ).toThrow();
  });
});

describe("loading a server", () => {
  let server: http.Server;
  let base: string;
  let served = 0;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      served++;
      if (request.url === "/kort") return response.end("ok");
      if (request.url === "/bewaard" && request.headers["if-none-match"] === "tag") {
        response.writeHead(304);
        return response.end();
      }
      // Every third answer closes its connection, as a server may.
      if (request.url === "/sluit" && served % 3 === 0) response.setHeader("Connection", "close");
      response.write("een ");
      response.end(`stuk ${request.headers.cookie ?? ""}`);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("keeps every connection busy for the time asked, counting answers, statuses and latencies", async () => {
    const before = served;
    const result = await load({ url: `${base}/kort`, connections: 3, duration: 0.3 });
    expect(result.requests).toBeGreaterThan(30);
    expect(result.requests).toBe(served - before);
    expect(result.statuses).toEqual(new Map([[200, result.requests]]));
    expect(result.errors).toBe(0);
    expect(result.latencies).toHaveLength(result.requests);
    expect(percentile(result, 0.5)).toBeLessThanOrEqual(percentile(result, 0.99));
  });

  it("sends the headers it is given, and counts a 304 as an answer", async () => {
    const cached = await load({
      url: `${base}/bewaard`,
      headers: { "If-None-Match": "tag" },
      connections: 2,
      duration: 0.2,
    });
    expect([...cached.statuses.keys()]).toEqual([304]);
    const full = await load({ url: `${base}/bewaard`, headers: { Cookie: "a=b" }, connections: 1, duration: 0.2 });
    expect(full.bytes / full.requests).toBeGreaterThan("een stuk a=b".length);
  });

  it("opens a connection again when the server closes one between answers, without counting an error", async () => {
    const result = await load({ url: `${base}/sluit`, connections: 2, duration: 0.3 });
    expect(result.requests).toBeGreaterThan(10);
    expect(result.errors).toBe(0);
  });

  it("counts a server that cannot be reached as errors, not as answers", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await load({ url: `http://127.0.0.1:${port}/`, connections: 1, duration: 0.1 });
    expect(result.requests).toBe(0);
    expect(result.errors).toBeGreaterThan(0);
  });
});
