// Fewer bytes and fewer renders (issue 20): pages go out compressed when the browser accepts it, and a revisit of
// an unchanged module page is answered with an empty 304; anything the page shows that changed gives a new page.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCourse } from "~/content/course.server";
import { participantIn } from "../support/people";
import { startTestApp, type Client, type TestApp } from "../support/http";
import { at } from "../support/indexed";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const module = () => at(getCourse().modules, 0, "a first module");

/** The bytes as they cross the wire, undecoded (fetch would unpack them). */
function raw(client: Client, path: string, acceptEncoding?: string) {
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  return new Promise<{ status: number; encoding?: string; length?: string; bytes: number }>((resolve, reject) => {
    const request = http.get(
      new URL(path, app.baseUrl),
      { headers: { Cookie: cookie, ...(acceptEncoding ? { "Accept-Encoding": acceptEncoding } : {}) } },
      (response) => {
        let bytes = 0;
        response.on("data", (chunk: Buffer) => (bytes += chunk.length));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            encoding: response.headers["content-encoding"],
            length: response.headers["content-length"],
            bytes,
          }),
        );
      },
    );
    request.on("error", reject);
  });
}

describe("compression", () => {
  it("sends pages brotli- or gzip-compressed when asked, and plain otherwise", async () => {
    const { browser } = await participantIn(app);
    const path = `/modules/${module().slug}`;
    const plain = await raw(browser, path);
    const brotli = await raw(browser, path, "br, gzip");
    const gzip = await raw(browser, path, "gzip");
    expect([plain.status, brotli.status, gzip.status]).toEqual([200, 200, 200]);
    expect(plain.encoding).toBeUndefined();
    expect(brotli.encoding).toBe("br");
    expect(gzip.encoding).toBe("gzip");
    expect(brotli.bytes).toBeLessThan(plain.bytes / 3);
    expect(gzip.bytes).toBeLessThan(plain.bytes / 3);
  });

  it("sends a small data answer as it is, with its length, and compresses a large one", async () => {
    const { browser } = await participantIn(app);
    // The root's data (who is signed in) is a few dozen bytes: compressing it costs more than it saves.
    const small = await raw(browser, "/modules?_data=root", "br, gzip");
    expect(small.status).toBe(200);
    expect(small.encoding).toBeUndefined();
    expect(small.length).toBe(String(small.bytes));
    expect(small.bytes).toBeLessThan(1024);
    // A module's data for a navigation in the browser is tens of kilobytes.
    const large = await raw(
      browser,
      `/modules/${module().slug}?_data=${encodeURIComponent("routes/modules.$slug")}`,
      "br, gzip",
    );
    expect(large.status).toBe(200);
    expect(large.encoding).toBe("br");
    expect(large.length).toBeUndefined();
  });
});

describe("revisiting a module page", () => {
  it("answers 304 without a body while nothing on the page changed, and the new page once something did", async () => {
    const { browser } = await participantIn(app);
    const path = `/modules/${module().slug}`;
    const first = await browser.get(path);
    const tag = first.headers.get("etag");
    expect(tag).toMatch(/^W\/".+"$/);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");

    const again = await browser.request(path, { headers: { "If-None-Match": tag! } });
    expect(again.status).toBe(304);
    expect(again.html).toBe("");
    expect(again.headers.get("etag")).toBe(tag);
    // The browser keeps its copy and that copy's policy: a new nonce would block its scripts.
    expect(again.headers.get("content-security-policy")).toBeNull();

    const section = at(module().sections, 0, "a first section");
    await browser.submit(path, { read: section.anchor });
    const changed = await browser.request(path, { headers: { "If-None-Match": tag! } });
    expect(changed.status).toBe(200);
    expect(changed.html).toContain(module().frontmatter.title);
    expect(changed.headers.get("etag")).not.toBe(tag);
  });

  it("gives another person, or another module, a page of their own", async () => {
    const one = await participantIn(app, { name: "Anna Eerste" });
    const two = await participantIn(app, { cohortId: one.cohortId, name: "Bram Tweede" });
    const path = `/modules/${module().slug}`;
    const tag = (await one.browser.get(path)).headers.get("etag")!;
    expect((await two.browser.request(path, { headers: { "If-None-Match": tag } })).status).toBe(200);
    const other = `/modules/${at(getCourse().modules, 1, "a second module").slug}`;
    expect((await one.browser.request(other, { headers: { "If-None-Match": tag } })).status).toBe(200);
  });

  it("keeps other pages out of every cache", async () => {
    const { browser } = await participantIn(app);
    const page = await browser.get("/dashboard");
    expect(page.headers.get("etag")).toBeNull();
    expect(page.headers.get("cache-control")).toBe("private, no-store");
  });
});
