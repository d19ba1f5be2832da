// The holes an outside attack and a curious participant found (issue 16), each as a class: a seat for free through
// demo payments, guesses that outrun the throttle, private pages in caches, bodies that made a 500, enumeration and
// mail flooding, secret links in the outbox, origins that only looked like ours, cookies without Secure behind TLS.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RESET_ANSWER_MS } from "~/auth/account.server";
import { stripNames } from "~/community/cases.server";
import { db } from "~/db.server";
import { demoWebhookSecret, paymentMode } from "~/enrollment/stripe.server";
import { parseEnv } from "~/env.server";
import { deliverOutbox } from "~/notifications/sender.server";
import { acceptedApplicant, createUser, PASSWORD, uniqueEmail } from "../support/factories";
import { inputValue, startTestApp, type Client, type TestApp } from "../support/http";
import { paidSession } from "../support/enrollment";
import { adminIn, participantIn } from "../support/people";
import { deliverWebhook, signed, stripeEvent } from "../support/stripe-api";

let app: TestApp;
let admin: Client;
beforeAll(async () => {
  for (const key of ["PAYMENTS", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"]) delete process.env[key];
  app = await startTestApp();
  admin = await adminIn(app);
});
afterEach(() => {
  for (const key of ["PAYMENTS", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"]) delete process.env[key];
});
afterAll(() => app.close());

const STACK_TRACE = /at .*\.(js|ts|tsx):\d+|node_modules|PrismaClient|TypeError|Unexpected Server Error/;
/** The constant the code used to carry: whoever read the source could sign with it. */
const OLD_DEMO_SECRET = "whsec_gilde_demo_mode_only";

/** An accepted participant who pays themselves, logged in, with an open checkout payment. */
async function acceptedSelfPayer() {
  const { cohort, user, enrollment } = await acceptedApplicant({ name: "Gratis Plek" });
  const payment = await db.payment.create({
    data: {
      enrollmentId: enrollment.id,
      kind: "CHECKOUT",
      amountCents: cohort.priceCents,
      checkoutSessionId: `cs_demo_${enrollment.id}`,
    },
  });
  const browser = await app.client().signInAs(user);
  return { cohort, user, enrollment, payment, browser };
}

describe("a seat cannot be had for free", () => {
  it("runs with payments off on a database without the demo data: no demo checkout, no self-signed webhook, an honest notice", async () => {
    expect(await paymentMode()).toBe("off");
    const { cohort, enrollment, payment, browser } = await acceptedSelfPayer();

    expect((await browser.get(`/betalen/demo/${payment.id}`)).status).toBe(404);
    expect((await browser.post(`/betalen/demo/${payment.id}`, { intent: "pay" })).status).toBe(404);
    const { payload, signature } = signed(
      stripeEvent("checkout.session.completed", paidSession(payment, enrollment.id)),
      OLD_DEMO_SECRET,
    );
    expect((await deliverWebhook(app.baseUrl, payload, signature)).status).toBe(400);
    expect((await db.enrollment.findUniqueOrThrow({ where: { id: enrollment.id } })).status).toBe("ACCEPTED");

    const page = await browser.get(`/aanmelden/${cohort.id}`);
    expect(page.text).toContain("Online betalen is nog niet ingesteld; je ontvangt een factuur.");
    expect(page.html).not.toMatch(/name="intent" value="pay"/);
    const pay = await browser.post(`/aanmelden/${cohort.id}`, { intent: "pay" });
    expect(pay.location).toBeNull();
    expect(pay.text).toContain("Online betalen is nog niet ingesteld");

    const payments = await admin.get("/beheer/betalingen");
    expect(payments.text).toContain("Online betalen staat uit");
    expect(payments.text).toContain("online betalen via Stripe aan te zetten");
    expect(payments.text).not.toContain("STRIPE_SECRET_KEY");
  });

  it("signs demo payments with a secret of this install's own, kept in the database, never the old constant", async () => {
    process.env.PAYMENTS = "demo";
    const secret = await demoWebhookSecret();
    expect(secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    expect(await demoWebhookSecret()).toBe(secret);
    expect((await db.installSecret.findUniqueOrThrow({ where: { name: "demo-webhook" } })).value).toBe(secret);

    const { enrollment, payment } = await acceptedSelfPayer();
    const forged = signed(
      stripeEvent("checkout.session.completed", paidSession(payment, enrollment.id)),
      OLD_DEMO_SECRET,
    );
    expect((await deliverWebhook(app.baseUrl, forged.payload, forged.signature)).status).toBe(400);
    expect((await db.enrollment.findUniqueOrThrow({ where: { id: enrollment.id } })).status).toBe("ACCEPTED");
  });

  it("has a demo mailbox only on a demo install without SMTP, and the register page points there on the demo alone", async () => {
    const email = uniqueEmail("demo-post");
    const off = await app
      .client()
      .submit("/registreren", { name: "Demo Kijker", email, password: "een-goed-lang-wachtwoord" });
    expect(off.text).not.toContain("demo-postvak");
    expect((await app.client().get("/demo/postvak")).status).toBe(404);

    process.env.PAYMENTS = "demo";
    const visitor = app.client();
    const demo = await visitor.submit("/registreren", {
      name: "Demo Kijker",
      email,
      password: "een-goed-lang-wachtwoord",
    });
    expect(demo.text).toContain("demo-postvak");
    const mailbox = await visitor.get("/demo/postvak");
    expect(mailbox.status).toBe(200);
    const link = mailbox.html.match(/href="(\/registreren\/bevestigen\/[^"]+)"/)?.[1];
    expect(link).toBeTruthy();
    expect((await visitor.post(link!.replaceAll("&amp;", "&"), {})).location).toBe("/dashboard");
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("will not start Stripe payments without the webhook's signing secret, and says so in Dutch", () => {
    expect(() => parseEnv({ PAYMENTS: "stripe", STRIPE_SECRET_KEY: "sk_live_x" })).toThrowError(
      /STRIPE_WEBHOOK_SECRET: ontbreekt/,
    );
    expect(() => parseEnv({ STRIPE_SECRET_KEY: "sk_live_x" })).toThrowError(/STRIPE_WEBHOOK_SECRET/);
    expect(() => parseEnv({ PAYMENTS: "gratis" })).toThrowError(/PAYMENTS: moet stripe, demo of off zijn/);
    expect(() => parseEnv({ TRUST_PROXY: "true" })).toThrowError(/TRUST_PROXY: moet een aantal proxies zijn/);
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(parseEnv({}).TRUST_PROXY).toBe(0);
  });
});

describe("guesses that arrive together", () => {
  it("checks no more than five of twenty wrong passwords sent at the same instant, and the right one after them is locked out", async () => {
    const user = await createUser();
    const attacker = app.client();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attacker.login(user.email, `tegelijk-geraden-${i}`)),
    );
    expect(answers.every((answer) => answer.status === 400)).toBe(true);
    const verified = await db.auditEvent.count({ where: { action: "login.failed", subjectId: user.id } });
    expect(verified).toBeLessThanOrEqual(5);
    expect(answers.filter((answer) => answer.text.includes("Te veel mislukte pogingen")).length).toBeGreaterThanOrEqual(
      15,
    );
    const right = await attacker.login(user.email, PASSWORD);
    expect(right.text).toContain("Te veel mislukte pogingen");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("private pages in caches", () => {
  it("marks every page and data request of a logged-in person private, no-store, and keeps the build's assets immutable", async () => {
    const { browser } = await participantIn(app);
    for (const path of [
      "/dashboard",
      "/dashboard?_data=routes%2Fdashboard",
      "/wijk",
      "/account/gegevens",
      "/",
      "/inloggen",
    ]) {
      const page = await browser.get(path);
      expect(page.headers.get("cache-control"), path).toBe("private, no-store");
    }
    const asset = (await browser.get("/dashboard")).html.match(/\/build\/[^"]+\.js/)?.[0];
    expect(asset).toBeTruthy();
    const script = await browser.get(asset!);
    expect(script.headers.get("cache-control")).toMatch(/max-age=31536000.*immutable|immutable.*max-age=31536000/);
  });
});

describe("bodies that used to make a 500", () => {
  it("refuses a NUL byte in a text field in Dutch, gives back what was typed, and keeps what was saved", async () => {
    const { user, browser } = await participantIn(app);
    await browser.submit("/wijk", { name: "Oude Wijk", municipality: "Utrecht" });
    const versions = () => db.wijkVersion.count({ where: { wijk: { userId: user.id } } });
    const before = await versions();
    expect(before).toBeGreaterThan(0);
    const page = await browser.submit("/wijk", { name: "Nieuwe\u0000Wijk", municipality: "Utrecht" });
    expect(page.status).toBe(400);
    expect(page.text).toContain("nul-teken");
    expect(page.text).toContain("Wat je had ingevuld");
    expect(page.html).toContain("NieuweWijk");
    expect(page.text).not.toMatch(STACK_TRACE);
    expect(await versions()).toBe(before);
  });

  it("refuses text/plain, JSON, multipart without a boundary and garbage multipart with a Dutch 400", async () => {
    const { browser } = await participantIn(app);
    const bodies: { type: string; body: string }[] = [
      { type: "text/plain", body: "name=Wijk" },
      { type: "application/json", body: JSON.stringify({ name: "Wijk" }) },
      { type: "multipart/form-data", body: "--x\r\n\r\nWijk" },
      { type: "multipart/form-data; boundary=abc", body: "geen multipart" },
    ];
    for (const { type, body } of bodies) {
      const page = await browser.request("/wijk", {
        method: "POST",
        headers: { "Content-Type": type, Origin: app.baseUrl },
        body,
      });
      expect(page.status, type).toBe(400);
      expect(page.text, type).toContain("niet als formulier binnen");
      expect(page.text, type).not.toMatch(STACK_TRACE);
    }
  });

  it("refuses a body over the limit with a Dutch 413, before reading it all", async () => {
    const { browser } = await participantIn(app);
    const page = await browser.post("/community", { intent: "thread", title: "Te lang", body: "x".repeat(1_200_000) });
    expect(page.status).toBe(413);
    expect(page.text).toContain("te groot");
    expect(page.text).not.toMatch(STACK_TRACE);
  });

  it("reads a page number like 1e300 as the first page, and refuses 30 February with the typed values kept", async () => {
    for (const path of [
      "/beheer/gebruikers?pagina=1e300",
      "/beheer/audit?pagina=1e300",
      "/beheer/outbox?pagina=-4",
      "/community?pagina=9999999999",
    ]) {
      const page = await admin.get(path);
      expect(page.status, path).toBeLessThan(500);
      expect(page.text, path).not.toMatch(STACK_TRACE);
    }
    const before = await db.cohort.count();
    const cohort = await admin.post("/beheer?index", {
      name: "Groep van 30 februari",
      startsOn: "2031-02-30",
      endsOn: "2031-12-01",
      price: "2450",
      capacity: "20",
    });
    expect(cohort.status).toBe(400);
    expect(cohort.text).toContain("Deze datum bestaat niet");
    expect(inputValue(cohort.html, "name")).toBe("Groep van 30 februari");
    expect(await db.cohort.count()).toBe(before);
  });
});

describe("learning who has an account, and flooding mailboxes", () => {
  it("takes at least the same time to answer a reset for a known and an unknown address", async () => {
    const known = await createUser();
    for (const email of [known.email, uniqueEmail("onbekend")]) {
      const started = Date.now();
      expect((await app.client().submit("/wachtwoord-vergeten", { email })).status).toBe(200);
      expect(Date.now() - started, email).toBeGreaterThanOrEqual(RESET_ANSWER_MS - 5);
    }
  });

  it("sends at most three reset mails an hour to one address, and the page still says the same", async () => {
    const user = await createUser();
    const pages: string[] = [];
    for (let i = 0; i < 5; i++)
      pages.push((await app.client().submit("/wachtwoord-vergeten", { email: user.email })).text);
    expect(new Set(pages).size).toBe(1);
    expect(await db.outboxMessage.count({ where: { to: user.email, subject: "Nieuw wachtwoord voor Gilde" } })).toBe(3);
  });

  it("sends at most three registration mails an hour to one address, new or known, and the page still says the same", async () => {
    const fresh = uniqueEmail("aanmelden-vaak");
    const known = await createUser();
    for (const email of [fresh, known.email]) {
      const pages: string[] = [];
      for (let i = 0; i < 5; i++) {
        const page = await app
          .client()
          .submit("/registreren", { name: "Vaak Proberen", email, password: "een-goed-lang-wachtwoord" });
        pages.push(page.text.replaceAll(email, "ADRES"));
      }
      expect(new Set(pages).size, email).toBe(1);
      expect(await db.outboxMessage.count({ where: { to: email } }), email).toBe(3);
    }
  });

  it("never shows a reset or registration link in the outbox, and keeps none once the mail is sent", async () => {
    const user = await createUser();
    await app.client().post("/wachtwoord-vergeten", { email: user.email });
    const fresh = uniqueEmail("outbox");
    await app
      .client()
      .post("/registreren", { name: "Outbox Kijker", email: fresh, password: "een-goed-lang-wachtwoord" });
    const stored = await db.outboxMessage.findMany({
      where: { to: { in: [user.email, fresh] } },
      select: { id: true, text: true },
    });
    const tokens = stored.map((m) => m.text.match(/\/(wachtwoord-vergeten|registreren\/bevestigen)\/(\S+)/)?.[2]);
    expect(tokens.every(Boolean)).toBe(true);
    for (const path of ["/beheer/outbox", "/beheer/outbox?_data=routes%2Fbeheer.outbox"]) {
      const page = await admin.get(path);
      for (const token of tokens) expect(page.html, path).not.toContain(token!);
      expect(page.html, path).toContain("[link verborgen]");
    }

    const delivered: string[] = [];
    await deliverOutbox({
      batch: 1000,
      via: { sendMail: async (mail: { text: string }) => void delivered.push(mail.text) } as never,
    });
    expect(delivered.some((text) => text.includes(tokens[0]!))).toBe(true);
    const after = await db.outboxMessage.findMany({
      where: { id: { in: stored.map((m) => m.id) } },
      select: { text: true, html: true, sentAt: true },
    });
    for (const message of after) {
      expect(message.sentAt).not.toBeNull();
      for (const token of tokens) expect(message.text + message.html).not.toContain(token!);
    }
  });
});

describe("smaller doors", () => {
  it("refuses a post that carries neither Origin nor Sec-Fetch-Site, and one from our host on another port", async () => {
    const user = await createUser();
    const bare = await app.client().request("/inloggen", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: user.email, password: PASSWORD }).toString(),
    });
    expect(bare.status).toBe(403);
    const otherPort = new URL(app.baseUrl);
    otherPort.port = String(Number(otherPort.port) + 1);
    expect(
      (await app.client().post("/inloggen", { email: user.email, password: PASSWORD }, { origin: otherPort.origin }))
        .status,
    ).toBe(403);
    expect(
      (
        await app
          .client()
          .post(
            "/inloggen",
            { email: user.email, password: PASSWORD },
            { origin: app.baseUrl.replace("http:", "https:") },
          )
      ).status,
    ).toBe(403);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("marks the session cookie Secure when a trusted TLS proxy says the request came over https", async () => {
    const user = await createUser();
    const overTls = await app.client().request("/inloggen", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: app.baseUrl,
        "X-Forwarded-Proto": "https",
      },
      body: new URLSearchParams({ email: user.email, password: PASSWORD }).toString(),
    });
    expect(overTls.headers.get("set-cookie")).toMatch(/gilde_session=.*;\s*Secure/i);
    const plain = await app.client().login(user.email, PASSWORD);
    expect(plain.headers.get("set-cookie")).not.toMatch(/;\s*Secure/i);
  });

  it("strips marked names with one escaped pattern, longest first, and refuses a list over fifty names", () => {
    expect(stripNames("Ans de Vries sprak met Ans en met (Bram)+.", ["Ans", "Ans de Vries", "(Bram)+"])).toBe(
      "[naam] sprak met [naam] en met [naam].",
    );
    expect(stripNames("a.b en axb", ["a.b"])).toBe("[naam] en axb");
    const many = Array.from({ length: 2000 }, (_, i) => `naam${i}`);
    expect(stripNames("naam1999 blijft, naam3 niet", many)).toBe("naam1999 blijft, [naam] niet");
  });
});
