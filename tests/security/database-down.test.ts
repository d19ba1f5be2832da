// When the database cannot be reached, people get a Dutch 503 with Retry-After ("Gilde is even niet bereikbaar"),
// never a generic 500, and a form they were posting comes back with what they typed. This file takes its own
// database away (PGlite: closed; PostgreSQL: the pool's connections cut and new ones sent to a closed port).
import net from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { currentDriver } from "~/db.server";
import { createUser } from "../support/factories";
import { startTestApp, type Client, type TestApp } from "../support/http";

let app: TestApp;
let browser: Client;
beforeAll(async () => {
  app = await startTestApp();
  const user = await createUser({ name: "Even Weg" });
  browser = app.client();
  await browser.signInAs(user);
});
afterAll(() => app.close());

async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function takeDatabaseAway() {
  const driver = currentDriver();
  if (driver.kind === "pglite") {
    await driver.pglite.close();
    return;
  }
  // New connections go to a port where nothing listens; the pool's idle ones are closed, so every query needs one.
  type Idle = { client: { end: () => Promise<void> } };
  const pool = driver.pool as unknown as { options: { connectionString?: string; port?: number }; _idle: Idle[] };
  const url = new URL(pool.options.connectionString ?? process.env.DATABASE_URL!);
  url.hostname = "127.0.0.1";
  url.port = String(await closedPort());
  pool.options.connectionString = url.toString();
  pool.options.port = Number(url.port);
  await Promise.all([...pool._idle].map((idle) => idle.client.end().catch(() => {})));
}

it("answers pages with a Dutch 503 and Retry-After, and gives a posted form back with what was typed", async () => {
  await takeDatabaseAway();

  const page = await browser.get("/dashboard");
  expect(page.status).toBe(503);
  expect(page.headers.get("retry-after")).toBe("30");
  expect(page.text).toContain("Gilde is even niet bereikbaar");
  expect(page.text).not.toMatch(/Unexpected Server Error|PrismaClient|at .*\.(js|ts):\d+/);

  const data = await browser.get("/dashboard?_data=routes%2Fdashboard");
  expect(data.status).toBe(503);

  const posted = await app
    .client()
    .post("/inloggen", { email: "iemand@example.nl", password: "geheim-wachtwoord-123" });
  expect(posted.status).toBe(503);
  expect(posted.text).toContain("Gilde is even niet bereikbaar");
  expect(posted.text).toContain("Wat je had ingevuld");
  expect(posted.html).toContain("iemand@example.nl");
  expect(posted.html).not.toContain("geheim-wachtwoord-123");

  const health = await app.client().get("/healthz");
  expect(health.status).toBe(503);
});
