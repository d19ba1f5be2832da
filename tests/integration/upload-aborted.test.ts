// A hand-in that never arrives whole (issue 20): the browser closes, the train enters a tunnel. The upload
// streams to temporary files as it comes in; when the connection breaks off halfway, nothing of it stays behind:
// no file on disk, no attachment row, no hand-in, and the draft saved before is untouched.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCourse } from "~/content/course.server";
import { MAX_UPLOAD_BYTES } from "~/assignments/files";
import { dataDir } from "~/db/adapter.server";
import { db } from "~/db.server";
import { startTestApp, type Client, type TestApp } from "../support/http";
import { participantIn } from "../support/people";
import { at } from "../support/indexed";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const slug = () => at(at(getCourse().modules, 0).assignments, 0).slug;

function filesOnDisk(): string[] {
  const root = path.join(dataDir(), "uploads");
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((name) => /^[a-f0-9]{40}(\.tmp)?$/.test(path.basename(name)))
    .sort();
}

/**
 * Sends a hand-in with two files, the second of `secondBytes`, and breaks the connection once `cutAfter` bytes of
 * the body are out; resolves when the server has closed its side.
 */
function abortedHandIn(client: Client, page: string, secondBytes: number, cutAfter: number) {
  const boundary = "----gilde-afgebroken";
  const part = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const filePart = (filename: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`;
  const pdf = (bytes: number) => Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(bytes - 9, 0x41)]);
  const body = Buffer.concat([
    Buffer.from(part("intent", "hand-in") + part("body", "Tekst die nooit aankwam.") + part("revision", "1")),
    Buffer.from(filePart("eerste.pdf")),
    pdf(200_000),
    Buffer.from(`\r\n${filePart("tweede.pdf")}`),
    pdf(secondBytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  return new Promise<void>((resolve) => {
    const request = http.request(new URL(page, app.baseUrl), {
      method: "POST",
      headers: {
        Cookie: cookie,
        Origin: app.baseUrl,
        "Content-Type": `multipart/form-data; boundary=${boundary}`,
        "Content-Length": String(body.length),
      },
    });
    request.on("error", () => resolve());
    request.on("response", (response) => {
      response.resume();
      response.on("end", () => resolve());
    });
    request.on("close", () => resolve());
    request.write(body.subarray(0, cutAfter), () => setTimeout(() => request.destroy(), 200));
  });
}

// Generous: on a loaded CI machine the server may take seconds to see that the connection broke off.
async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

describe("an upload broken off halfway", () => {
  it("leaves no file, no attachment and no hand-in behind, and keeps the draft as it was", async () => {
    const { user, browser } = await participantIn(app, { name: "Tunnel Reiziger" });
    const page = `/opdrachten/${slug()}`;
    const saved = await browser.submit(page, { intent: "save-draft", body: "Mijn bewaarde concept.", revision: "0" });
    expect(saved.text).toContain("Je concept is opgeslagen.");
    const before = filesOnDisk();

    // The first file is whole, the second is cut off after a megabyte of its five.
    await abortedHandIn(browser, page, 5 * 1024 * 1024, 1_300_000);

    expect(await until(() => filesOnDisk().length === before.length)).toBe(true);
    expect(filesOnDisk()).toEqual(before);
    expect(await db.attachment.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.submission.count({ where: { userId: user.id } })).toBe(0);
    const draft = await db.draft.findFirstOrThrow({ where: { userId: user.id } });
    expect(draft.body).toBe("Mijn bewaarde concept.");

    // And the next, whole upload works as ever.
    const again = await browser.upload(page, [
      { name: "heel.pdf", bytes: new TextEncoder().encode("%PDF-1.7\n%%EOF\n") },
    ]);
    expect(again.text).toContain("Het bestand is toegevoegd.");
    expect(await db.attachment.count({ where: { userId: user.id } })).toBe(1);
  });
});

/** Sends files of 19 MB until `total` bytes are out, without a Content-Length (chunked, as a script might). */
function chunkedUpload(client: Client, page: string, total: number) {
  const boundary = "----gilde-zonder-lengte";
  const filePart = (n: number) =>
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="deel-${n}.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`,
    );
  const megabyte = Buffer.alloc(1024 * 1024, 0x41);
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const request = http.request(new URL(page, app.baseUrl), {
      method: "POST",
      headers: { Cookie: cookie, Origin: app.baseUrl, "Content-Type": `multipart/form-data; boundary=${boundary}` },
    });
    request.on("error", reject);
    request.on("response", (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
    });
    let sent = 0;
    let file = 0;
    const more = () => {
      while (sent < total) {
        const chunk = sent % (19 * 1024 * 1024) === 0 ? Buffer.concat([filePart(++file), megabyte]) : megabyte;
        sent += megabyte.length;
        if (!request.write(chunk)) return void request.once("drain", more);
      }
      request.end(`\r\n--${boundary}--\r\n`);
    };
    more();
  });
}

describe("an upload without a length that passes the limit", () => {
  it("is refused in Dutch once the limit is passed, and leaves no file behind", async () => {
    const { user, browser } = await participantIn(app, { name: "Zonder Lengte" });
    const page = `/opdrachten/${slug()}`;
    const before = filesOnDisk();
    const refused = await chunkedUpload(browser, page, MAX_UPLOAD_BYTES + 8 * 1024 * 1024);
    expect(refused.status).toBe(413);
    expect(refused.text).toMatch(/Je bestanden zijn samen groter dan \d+ MB/);
    expect(await until(() => filesOnDisk().length === before.length)).toBe(true);
    expect(await db.attachment.count({ where: { userId: user.id } })).toBe(0);
  });
});
