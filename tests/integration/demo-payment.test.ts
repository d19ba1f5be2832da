// Demo mode (PAYMENTS=demo): the stand-in checkout page is the owner's alone, and paying or refunding
// there produces signed events through the same webhook handler as Stripe's.
import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "~/db.server";
import { acceptedApplicant, createUser } from "../support/factories";
import { startTestApp, type TestApp } from "../support/http";

let app: TestApp;
beforeAll(async () => {
  delete process.env.STRIPE_SECRET_KEY;
  process.env.PAYMENTS = "demo";
  app = await startTestApp();
});
afterAll(() => app.close());

it("pays through the demo checkout, for the owner only, and refunds through a signed event", async () => {
  const { cohort, user, enrollment } = await acceptedApplicant({
    name: "Demo Deelnemer",
    startsOn: new Date("2027-03-01"),
  });
  const browser = await app.client().signInAs(user);
  const pay = await browser.post(`/aanmelden/${cohort.id}`, { intent: "pay" });
  expect(pay.location).toMatch(/^\/betalen\/demo\//);
  const page = await browser.get(pay.location!);
  expect(page.text).toContain("Testbetaling — er wordt niets afgeschreven.");

  const other = await createUser();
  const stranger = await app.client().signInAs(other);
  expect((await stranger.get(pay.location!)).status).toBe(404);
  expect((await stranger.post(pay.location!, { intent: "pay" })).status).toBe(404);

  const done = await browser.post(pay.location!, { intent: "pay" });
  expect(done.location).toBe(`/aanmelden/${cohort.id}/betaald`);
  expect((await db.enrollment.findUniqueOrThrow({ where: { id: enrollment.id } })).status).toBe("ACTIVE");
  expect(
    await db.stripeEvent.count({ where: { id: { startsWith: "evt_demo_" }, type: "checkout.session.completed" } }),
  ).toBe(1);
  expect((await browser.post(pay.location!, { intent: "pay" })).text).toContain("al afgerond");

  const adminUser = await createUser({ role: "ADMIN" });
  const admin = await app.client().signInAs(adminUser);
  const payment = await db.payment.findFirstOrThrow({ where: { enrollmentId: enrollment.id } });
  await admin.post(`/beoordelen/aanmeldingen/${cohort.id}`, { intent: "refund", paymentId: payment.id });
  expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("REFUNDED");
  expect((await db.enrollment.findUniqueOrThrow({ where: { id: enrollment.id } })).status).toBe("WITHDRAWN");
  expect((await admin.get("/beheer/betalingen")).text).toContain("terugbetaald: plek vrijgegeven");
});
