// Cross-site request forgery: a page on another site makes a logged-in browser post to Gilde. Every state-changing
// request must come from our own origin (one check in the HTTP server); the Stripe webhook is the only exception,
// because its signature authenticates it. Each refused post must leave the database as it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import { createCohort, createPeerReview, createUser, PASSWORD } from "../support/factories";
import { startTestApp, type Client, type TestApp } from "../support/http";
import { adminIn, participantIn, trainerOf } from "../support/people";
import { signed, stripeEvent } from "../support/stripe-api";
import { first } from "../support/indexed";

const SECRET = "whsec_test_cross_site";
const EVIL = "https://evil.example";
let app: TestApp;
let admin: Client;

beforeAll(async () => {
  // Stripe mode (its API is never called here): the webhook is verified with this secret.
  Object.assign(process.env, {
    PAYMENTS: "stripe",
    STRIPE_SECRET_KEY: "sk_test_cross_site",
    STRIPE_WEBHOOK_SECRET: SECRET,
  });
  app = await startTestApp();
  admin = await adminIn(app);
});
afterAll(async () => {
  for (const key of ["PAYMENTS", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"]) delete process.env[key];
  await app.close();
});

const assignment = () => first(first(getCourse().modules).assignments);
const assignmentPage = () => `/opdrachten/${assignment().slug}`;

type Attack = { name: string; headers: Record<string, string> };
/** The ways a browser tells us a post came from elsewhere. */
const ATTACKS: Attack[] = [
  { name: "Origin van een andere site", headers: { Origin: EVIL } },
  { name: "Sec-Fetch-Site: cross-site", headers: { "Sec-Fetch-Site": "cross-site" } },
  { name: "Sec-Fetch-Site: same-site (een subdomein)", headers: { "Sec-Fetch-Site": "same-site" } },
  { name: "Origin: null (sandbox of data:-pagina)", headers: { Origin: "null" } },
  { name: "Origin die op ons lijkt", headers: { Origin: "http://127.0.0.1.evil.example" } },
];

/** A form post with the attacker's headers instead of our own origin. */
function forge(browser: Client, path: string, fields: Record<string, string>, attack: Attack) {
  return browser.request(path, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...attack.headers },
    body: new URLSearchParams(fields).toString(),
  });
}

function expectRefused(page: { status: number; text: string }, label: string) {
  expect(page.status, label).toBe(403);
  expect(page.text, label).toContain("Geweigerd: dit verzoek kwam niet van Gilde zelf.");
}

describe("forged posts from another site", () => {
  it("refuses wijkprofiel, draft, hand-in and upload posts of a participant, and saves nothing", async () => {
    const { user, browser } = await participantIn(app, { name: "Csrf Deelnemer" });
    for (const attack of ATTACKS) {
      expectRefused(
        await forge(browser, "/wijk", { name: "Overgenomen wijk", municipality: "Nergens" }, attack),
        `wijk: ${attack.name}`,
      );
      expectRefused(
        await forge(
          browser,
          assignmentPage(),
          { intent: "save-draft", body: "Door een ander geschreven", revision: "0" },
          attack,
        ),
        `concept: ${attack.name}`,
      );
      expectRefused(
        await forge(
          browser,
          assignmentPage(),
          { intent: "hand-in", body: "Door een ander ingeleverd", revision: "0" },
          attack,
        ),
        `inleveren: ${attack.name}`,
      );
    }
    const form = new FormData();
    form.append("files", new Blob([new TextEncoder().encode("%PDF-1.7\n%%EOF\n")]), "van-elders.pdf");
    expectRefused(
      await browser.request(assignmentPage(), { method: "POST", headers: { Origin: EVIL }, body: form }),
      "upload",
    );

    expect(await db.wijkVersion.count({ where: { wijk: { userId: user.id } } })).toBe(0);
    expect(await db.draft.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.submission.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.attachment.count({ where: { userId: user.id } })).toBe(0);
    // The same posts from our own pages do work: the refusal is about the origin, not the content.
    expect((await browser.submit("/wijk", { name: "Eigen wijk", municipality: "Utrecht" })).text).toContain(
      "Opgeslagen als versie 1.",
    );
  });

  it("refuses a trainer's deadline change and an admin's cohort, gilde and role changes", async () => {
    const cohort = await createCohort();
    const trainer = await trainerOf(app, cohort.id);
    const slug = assignment().slug;
    const victim = await createUser({ name: "Gewone Gebruiker" });
    const cohortsBefore = await db.cohort.count();
    for (const attack of ATTACKS) {
      expectRefused(
        await forge(
          trainer,
          `/opdrachten/groep/${cohort.id}`,
          { intent: "schedule", [`due.${slug}`]: "2020-01-01T12:00", [`closed.${slug}`]: "on" },
          attack,
        ),
        attack.name,
      );
      expectRefused(
        await forge(
          admin,
          "/beheer?index",
          { name: "Nepgroep", startsOn: "2030-01-01", endsOn: "2030-06-01", price: "1", capacity: "5" },
          attack,
        ),
        attack.name,
      );
      expectRefused(
        await forge(admin, `/beheer/groepen/${cohort.id}`, { intent: "create-gilde", name: "Nepgilde" }, attack),
        attack.name,
      );
      expectRefused(
        await forge(admin, "/beheer/gebruikers", { userId: victim.id, role: "ADMIN" }, attack),
        attack.name,
      );
    }
    expect(await db.assignmentSchedule.count({ where: { cohortId: cohort.id } })).toBe(0);
    expect(await db.cohort.count()).toBe(cohortsBefore);
    expect(await db.gilde.count({ where: { cohortId: cohort.id } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: victim.id } })).role).toBe("PARTICIPANT");
  });

  it("refuses peer feedback, community posts, a withdrawal and a logout posted from elsewhere", async () => {
    const cohort = await createCohort();
    const author = await participantIn(app, { cohortId: cohort.id, name: "Auteur Anna" });
    const reviewer = await participantIn(app, { cohortId: cohort.id, name: "Reviewer Rik" });
    await author.browser.post(assignmentPage(), { intent: "hand-in", body: "Mijn werk", revision: "0" });
    const submission = await db.submission.findFirstOrThrow({ where: { userId: author.user.id } });
    const review = await createPeerReview({ submission, reviewerId: reviewer.user.id });
    const threadsBefore = await db.thread.count();
    for (const attack of ATTACKS) {
      expectRefused(
        await forge(
          reviewer.browser,
          `/gilde/feedback/${review.id}`,
          { "answers.0": "Vals", "answers.1": "Vals", tip: "Vals", revision: "0", intent: "submit" },
          attack,
        ),
        attack.name,
      );
      expectRefused(
        await forge(
          admin,
          "/community",
          { intent: "thread", title: "Gekaapt onderwerp", body: "Spam", tags: "" },
          attack,
        ),
        attack.name,
      );
      expectRefused(
        await forge(author.browser, `/aanmelden/${cohort.id}`, { intent: "withdraw" }, attack),
        attack.name,
      );
      expectRefused(await forge(author.browser, "/uitloggen", {}, attack), attack.name);
    }
    expect(await db.peerReview.findUniqueOrThrow({ where: { id: review.id } })).toMatchObject({
      status: "OPEN",
      revision: 0,
      tip: "",
    });
    expect(await db.thread.count()).toBe(threadsBefore);
    expect((await db.enrollment.findFirstOrThrow({ where: { userId: author.user.id } })).status).toBe("ACTIVE");
    expect((await author.browser.get("/dashboard")).status).toBe(200); // still logged in
  });

  it("refuses a login posted from elsewhere (login CSRF): no session is made", async () => {
    const attackerAccount = await createUser({ name: "Account Van Aanvaller" });
    for (const attack of ATTACKS) {
      const browser = app.client();
      expectRefused(
        await forge(browser, "/inloggen", { email: attackerAccount.email, password: PASSWORD }, attack),
        attack.name,
      );
      expect(browser.cookies.has("gilde_session")).toBe(false);
    }
    expect(await db.session.count({ where: { userId: attackerAccount.id } })).toBe(0);
  });
});

describe("the Stripe webhook is the one exception", () => {
  it("accepts a correctly signed event whatever Origin or Sec-Fetch-Site it carries, and still refuses a bad signature", async () => {
    const event = stripeEvent("customer.created", { id: "cus_cross_site", object: "customer" });
    const good = signed(event, SECRET);
    const response = await app.client().request("/webhooks/stripe", {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Origin: EVIL,
        "Sec-Fetch-Site": "cross-site",
        "Stripe-Signature": good.signature,
      },
      body: good.payload,
    });
    expect(response.status).toBe(200);
    expect(await db.stripeEvent.count({ where: { id: event.id } })).toBe(1);

    const forged = stripeEvent("customer.created", { id: "cus_cross_site_2", object: "customer" });
    const bad = await app.client().request("/webhooks/stripe", {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Origin: EVIL,
        "Stripe-Signature": signed(forged, "whsec_van_de_aanvaller").signature,
      },
      body: JSON.stringify(forged),
    });
    expect(bad.status).toBe(400);
    expect(await db.stripeEvent.count({ where: { id: forged.id } })).toBe(0);
  });
});
