// Crash safety on PostgreSQL (issue 10): the app process is killed (SIGKILL) in the middle of an upload, of a
// hand-in with an attachment and of a Stripe webhook, then started again on the same database and files. Each
// change is complete or absent, a retried webhook completes it once, and files a crash left behind are cleared.
// PGlite runs inside the app process and cannot outlive it in the same way: these run when DATABASE_URL is set.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { getCourse } from "~/content/course.server";
import { demoWebhookSecret } from "~/enrollment/stripe.server";
import { db } from "~/db.server";
import { createCohort, createUser, enroll } from "../support/factories";
import { Client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";
import { paidSession } from "../support/enrollment";
import { deliverWebhook, signed, stripeEvent } from "../support/stripe-api";
import { at } from "../support/indexed";

const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const HOUR = 60 * 60 * 1000;
const running: RunningServer[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

async function server(dataDir: string, crashPoint?: string) {
  const started = await startServer({
    dataDir,
    env: {
      DATABASE_URL: process.env.DATABASE_URL!,
      PAYMENTS: "demo",
      ...(crashPoint ? { GILDE_CRASH_POINT: crashPoint } : {}),
    },
  });
  running.push(started);
  return started;
}

function uploadedFiles(dataDir: string): string[] {
  const root = path.join(dataDir, "uploads");
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .flatMap((shard) => fs.readdirSync(path.join(root, shard)).map((name) => path.join(root, shard, name)));
}

async function participant() {
  const user = await createUser({ name: "Crash Deelnemer" });
  const cohort = await createCohort();
  await enroll(user.id, cohort.id);
  return user;
}

function loggedIn(app: RunningServer, user: { id: string }) {
  return new Client(app.baseUrl).signInAs(user);
}

const page = () => `/opdrachten/${at(at(getCourse().modules, 0).assignments, 0).slug}`;

describe.skipIf(!process.env.DATABASE_URL)("killed mid-way on PostgreSQL", () => {
  it("an upload: no attachment row, and the file it left is cleared at the next start", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gilde-crash-"));
    const user = await participant();
    const first = await server(dataDir, "upload");
    const browser = await loggedIn(first, user);
    const upload = browser.upload(page(), [{ name: "buurtkaart.pdf", bytes: PDF }]).catch(() => null);
    await first.waitForOutput("[crash-point] upload");
    await first.kill();
    expect(await upload).toBeNull();

    expect(await db.attachment.count({ where: { userId: user.id } })).toBe(0);
    const left = uploadedFiles(dataDir);
    expect(left).toHaveLength(1);
    // Old enough to be no one's upload in progress.
    const anHourAgo = new Date(Date.now() - 2 * HOUR);
    fs.utimesSync(at(left, 0), anHourAgo, anHourAgo);

    const second = await server(dataDir);
    await second.waitForOutput("Opgeruimd: 1 bestand(en) zonder inzending");
    expect(uploadedFiles(dataDir)).toHaveLength(0);
    // And uploading works as before.
    const again = await loggedIn(second, user);
    expect((await again.upload(page(), [{ name: "buurtkaart.pdf", bytes: PDF }])).text).toContain(
      "Het bestand is toegevoegd.",
    );
    expect(await db.attachment.count({ where: { userId: user.id } })).toBe(1);
  });

  it("a hand-in with an attachment: nothing handed in, draft and file intact, and handing in again works once", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gilde-crash-"));
    const user = await participant();
    const first = await server(dataDir, "hand-in");
    const browser = await loggedIn(first, user);
    expect((await browser.upload(page(), [{ name: "buurtkaart.pdf", bytes: PDF }])).text).toContain(
      "Het bestand is toegevoegd.",
    );
    const handIn = browser
      .submit(page(), { intent: "hand-in", body: "Mijn uitwerking", revision: "0" })
      .catch(() => null);
    await first.waitForOutput("[crash-point] hand-in");
    await first.kill();
    expect(await handIn).toBeNull();

    // Absent: no submission, no version, no confirmation mail; the draft and its attachment are as they were.
    expect(await db.submission.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { to: user.email, subject: { startsWith: "Ingeleverd" } } })).toBe(0);
    const attachment = await db.attachment.findFirstOrThrow({ where: { userId: user.id } });
    expect(attachment).toMatchObject({ versionId: null, originalName: "buurtkaart.pdf" });
    expect(attachment.draftId).not.toBeNull();
    expect((await db.draft.findFirstOrThrow({ where: { userId: user.id } })).body).toBe("Mijn uitwerking");
    expect(uploadedFiles(dataDir)).toHaveLength(1);

    const second = await server(dataDir);
    const again = await loggedIn(second, user);
    const handed = await again.submit(page(), { intent: "hand-in", body: "Mijn uitwerking", revision: "1" });
    expect(handed.text).toContain("Ingeleverd (versie 1)");
    const versions = await db.submissionVersion.findMany({
      where: { submission: { userId: user.id } },
      include: { attachments: true },
    });
    expect(versions).toHaveLength(1);
    const { attachments } = at(versions, 0);
    expect(attachments.map((a) => a.originalName)).toEqual(["buurtkaart.pdf"]);
    const download = await again.get(`/bijlagen/${at(attachments, 0).id}`);
    expect(download.status).toBe(200);
    expect(download.html.startsWith("%PDF-1.7")).toBe(true);
    expect(await db.outboxMessage.count({ where: { to: user.email, subject: { startsWith: "Ingeleverd" } } })).toBe(1);
  });

  it("a webhook: the payment stays open, and the retried event completes it exactly once", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gilde-crash-"));
    const user = await createUser({ name: "Crash Betaler" });
    const cohort = await db.cohort.update({
      where: { id: (await createCohort()).id },
      data: { startsOn: new Date(Date.now() + 90 * 24 * HOUR), priceCents: 195000, capacity: 10 },
    });
    const enrollment = await db.enrollment.create({
      data: {
        userId: user.id,
        cohortId: cohort.id,
        status: "ACCEPTED",
        reservedUntil: new Date(Date.now() + 24 * HOUR),
      },
    });
    const payment = await db.payment.create({
      data: {
        enrollmentId: enrollment.id,
        kind: "CHECKOUT",
        amountCents: 195000,
        checkoutSessionId: `cs_crash_${enrollment.id}`,
      },
    });
    const event = stripeEvent("checkout.session.completed", paidSession(payment, enrollment.id));
    // The install's own demo secret, kept in the database the servers share with this test.
    const secret = await demoWebhookSecret();
    const deliver = (app: RunningServer) => {
      const { payload, signature } = signed(event, secret);
      return deliverWebhook(app.baseUrl, payload, signature);
    };

    const first = await server(dataDir, "webhook");
    const delivery = deliver(first).catch(() => null);
    await first.waitForOutput("[crash-point] webhook");
    await first.kill();
    expect(await delivery).toBeNull();
    expect(await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
      status: "OPEN",
      paidAt: null,
    });
    expect((await db.enrollment.findUniqueOrThrow({ where: { id: enrollment.id } })).status).toBe("ACCEPTED");
    expect(await db.stripeEvent.count({ where: { id: event.id } })).toBe(0);

    // Stripe retries a delivery that got no answer.
    const second = await server(dataDir);
    const retried = await deliver(second);
    expect(retried.status).toBe(200);
    expect(await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
      status: "PAID",
      paymentIntentId: `pi_${payment.id}`,
    });
    expect((await db.enrollment.findUniqueOrThrow({ where: { id: enrollment.id } })).status).toBe("ACTIVE");
    const twice = await deliver(second);
    expect(await twice.json()).toMatchObject({ outcome: "al verwerkt" });
    expect(
      await db.outboxMessage.count({ where: { to: user.email, subject: { startsWith: "Welkom in de leergang" } } }),
    ).toBe(1);
  });
});
