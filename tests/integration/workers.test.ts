// Both cores on PostgreSQL (issue 20): `npm start` with WORKERS=2 runs two worker processes on one port. They
// both serve, a session made in one is good in the other, and background work (here the outbox) is done once
// although both run the jobs. The embedded database allows one process, so these run when DATABASE_URL is set.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createUser } from "../support/factories";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";
import { startMailbox, type Mailbox } from "../support/smtp";

const MAILS = 40;

/** A GET over `agent`'s one connection: a connection stays with the worker that accepted it. */
function get(agent: http.Agent, url: string, cookie = ""): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: cookie ? { Cookie: cookie } : {} }, (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

describe.skipIf(!process.env.DATABASE_URL)("two workers on PostgreSQL", () => {
  let server: RunningServer;
  let mailbox: Mailbox;
  let user: { id: string; name: string };

  beforeAll(async () => {
    user = await createUser({ name: "Wessel Werkproces" });
    // Waiting in the outbox before the start: both workers' first job run reaches for them at the same moment.
    await db.outboxMessage.createMany({
      data: Array.from({ length: MAILS }, (_, i) => ({
        to: `ontvanger${i}@gilde.test`,
        subject: `Bericht ${i}`,
        text: `Bericht ${i}`,
        html: `<p>Bericht ${i}</p>`,
      })),
    });
    mailbox = await startMailbox();
    server = await startServer({
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), "gilde-workers-")),
      env: { DATABASE_URL: process.env.DATABASE_URL!, WORKERS: "2", JOBS: "on", SMTP_URL: mailbox.url },
    });
    await server.waitForOutput("werkproces 2");
    await server.waitForOutput("werkproces 1");
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await mailbox?.close();
  });

  it("serves from both workers, with one session good in either", async () => {
    const cookie = [...(await new Client(server.baseUrl).signInAs(user)).cookies]
      .map(([k, v]) => `${k}=${v}`)
      .join("; ");
    const served = new Map<number, { status: number; body: string }>();
    for (let i = 0; i < 20 && served.size < 2; i++) {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const { worker } = JSON.parse((await get(agent, `${server.baseUrl}/healthz`)).body) as { worker?: number };
        // The same connection, so the same worker, asks for the participant's start page.
        if (worker && !served.has(worker)) served.set(worker, await get(agent, `${server.baseUrl}/dashboard`, cookie));
      } finally {
        agent.destroy();
      }
    }
    expect([...served.keys()].sort()).toEqual([1, 2]);
    for (const page of served.values()) {
      expect(page.status).toBe(200);
      expect(page.body).toContain("Wessel");
    }
  });

  it("sends every waiting mail once, although both workers run the outbox", async () => {
    const deadline = Date.now() + 60_000;
    while (mailbox.mails.length < MAILS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    // A second delivery would come from the other worker's run at the same time: give it a moment to show.
    await new Promise((r) => setTimeout(r, 1500));
    const recipients = mailbox.mails.flatMap((mail) => mail.to);
    expect(recipients).toHaveLength(MAILS);
    expect(new Set(recipients).size).toBe(MAILS);
    expect(await db.outboxMessage.count({ where: { sentAt: null } })).toBe(0);
  });

  it("stops both workers when asked to stop", async () => {
    await server.stop();
    expect(server.output()).toContain("Gilde stopt");
    await expect(fetch(`${server.baseUrl}/healthz`)).rejects.toThrow();
  });
});
