// Who may see and do what: dashboards per role, the admin's cohort and gilde work, and the cross-site check.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireCohortMember, requireCohortTrainer, requireRole } from "~/auth/guards.server";
import { db } from "~/db.server";
import {
  createCohort,
  createGilde,
  createUser,
  enroll,
  joinGilde,
  PASSWORD,
  sessionCookieFor,
} from "../support/factories";
import { inputValue, startTestApp, type Client, type TestApp } from "../support/http";
import { at } from "../support/indexed";
import { rejection } from "../support/rejection";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

async function loggedIn(role: "PARTICIPANT" | "TRAINER" | "ADMIN", name = "Iemand Anders"): Promise<Client> {
  const user = await createUser({ role, name });
  const browser = await app.client().signInAs(user);
  return browser;
}

function navLinks(html: string): string[] {
  const nav = html.match(/<nav aria-label="Hoofdmenu"[\s\S]*?<\/nav>/)?.[0] ?? "";
  return [...nav.matchAll(/<a [^>]*href="([^"]+)"/g)].map((m) => at(m, 1));
}

const throws = (promise: Promise<unknown>) => rejection(promise, Response);

describe("each role has its own dashboard and navigation", () => {
  it("participant without an enrollment is told what comes next, and sees no Beheer", async () => {
    const browser = await loggedIn("PARTICIPANT", "Pim Deelnemer");
    const page = await browser.get("/dashboard");
    expect(page.text).toContain("Welkom, Pim");
    expect(page.text).toContain("Je bent nog niet ingeschreven voor een groep");
    expect(navLinks(page.html)).not.toContain("/beheer");
  });

  it("participant in a gilde sees the cohort and the gilde's members", async () => {
    const user = await createUser({ name: "Ilse Wijkwerker" });
    const mate = await createUser({ name: "Kees Buurman" });
    const cohort = await createCohort("Voorjaar 2099");
    const gilde = await createGilde({ cohortId: cohort.id, name: "De Kuipers" });
    for (const u of [user, mate]) {
      await enroll(u.id, cohort.id);
      await joinGilde(gilde, u.id);
    }
    const browser = await app.client().signInAs(user);
    const page = await browser.get("/dashboard");
    expect(page.text).toContain("Voorjaar 2099");
    expect(page.text).toContain("Jouw gilde: De Kuipers");
    expect(page.text).toContain("Kees Buurman");
  });

  it("alumnus is greeted as alumnus", async () => {
    const user = await createUser({ name: "Anna Alumna" });
    await enroll(user.id, (await createCohort()).id, "COMPLETED");
    const browser = await app.client().signInAs(user);
    expect((await browser.get("/dashboard")).text).toContain("je bent nu alumnus");
  });

  it("trainer sees their cohorts, not others", async () => {
    const trainer = await createUser({ role: "TRAINER" });
    const mine = await createCohort("Groep van mij");
    const other = await createCohort("Groep van een ander");
    await db.cohortStaff.create({ data: { cohortId: mine.id, userId: trainer.id } });
    const browser = await app.client().signInAs(trainer);
    const page = await browser.get("/dashboard");
    expect(page.text).toContain("Groep van mij");
    expect(page.text).not.toContain(other.name);
    expect(navLinks(page.html)).not.toContain("/beheer");
  });

  it("admin sees Beheer in the navigation and may open it", async () => {
    const browser = await loggedIn("ADMIN");
    const page = await browser.get("/dashboard");
    expect(navLinks(page.html)).toContain("/beheer");
    expect((await browser.get("/beheer")).status).toBe(200);
    expect((await browser.get("/beheer/gebruikers")).status).toBe(200);
    expect((await browser.get("/beheer/outbox")).status).toBe(200);
  });
});

describe("role checks", () => {
  it("answers a participant or trainer at /beheer with a Dutch 403 page", async () => {
    for (const role of ["PARTICIPANT", "TRAINER"] as const) {
      const page = await (await loggedIn(role)).get("/beheer");
      expect(page.status).toBe(403);
      expect(page.text).toContain("Geen toegang");
      expect(page.html).not.toMatch(/at .*\.js:\d+/);
    }
  });

  it("refuses an admin action posted by a participant and changes nothing", async () => {
    const browser = await loggedIn("PARTICIPANT");
    const before = await db.cohort.count();
    const page = await browser.post("/beheer?index", {
      name: "Stiekem",
      startsOn: "2027-01-01",
      endsOn: "2027-06-01",
      price: "1",
      capacity: "5",
    });
    expect(page.status).toBe(403);
    expect(await db.cohort.count()).toBe(before);
  });

  it("lets only the cohort's own trainer (or an admin) through, and its members", async () => {
    const cohort = await createCohort();
    const trainer = await createUser({ role: "TRAINER" });
    const otherTrainer = await createUser({ role: "TRAINER" });
    const admin = await createUser({ role: "ADMIN" });
    const member = await createUser();
    const applicant = await createUser();
    await db.cohortStaff.create({ data: { cohortId: cohort.id, userId: trainer.id } });
    await enroll(member.id, cohort.id, "ACTIVE");
    await enroll(applicant.id, cohort.id, "APPLIED");
    const request = async (userId: string) =>
      new Request("http://gilde.test/x", { headers: { Cookie: await sessionCookieFor(userId) } });

    expect((await requireCohortTrainer(await request(trainer.id), cohort.id)).id).toBe(trainer.id);
    expect((await requireCohortTrainer(await request(admin.id), cohort.id)).id).toBe(admin.id);
    expect((await throws(requireCohortTrainer(await request(otherTrainer.id), cohort.id))).status).toBe(404);
    expect((await throws(requireCohortTrainer(await request(member.id), cohort.id))).status).toBe(404);
    expect((await throws(requireCohortTrainer(await request(admin.id), "bestaat-niet"))).status).toBe(404);

    expect((await requireCohortMember(await request(member.id), cohort.id)).id).toBe(member.id);
    expect((await requireCohortMember(await request(trainer.id), cohort.id)).id).toBe(trainer.id);
    expect((await throws(requireCohortMember(await request(applicant.id), cohort.id))).status).toBe(404);
    expect((await throws(requireCohortMember(await request(otherTrainer.id), cohort.id))).status).toBe(404);

    expect((await throws(requireRole(await request(member.id), "ADMIN"))).status).toBe(403);
    const anonymous = await throws(requireRole(new Request("http://gilde.test/beheer?x=1"), "ADMIN"));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe("/inloggen?redirectTo=%2Fbeheer%3Fx%3D1");
  });
});

describe("cross-site requests", () => {
  it("refuses a login posted from another origin with 403 and no session", async () => {
    const user = await createUser();
    const browser = app.client();
    const page = await browser.post(
      "/inloggen",
      { email: user.email, password: PASSWORD },
      { origin: "https://kwaad.example" },
    );
    expect(page.status).toBe(403);
    expect(page.text).toContain("Geweigerd");
    expect(browser.cookies.has("gilde_session")).toBe(false);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses an admin's cohort creation when a foreign page submits it", async () => {
    const browser = await loggedIn("ADMIN");
    const before = await db.cohort.count();
    const page = await browser.request("/beheer?index", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "cross-site" },
      body: new URLSearchParams({
        name: "Vals",
        startsOn: "2027-01-01",
        endsOn: "2027-06-01",
        price: "1",
        capacity: "5",
      }).toString(),
    });
    expect(page.status).toBe(403);
    expect(await db.cohort.count()).toBe(before);
  });
});

describe("admin: cohorts, trainers and gildes", () => {
  it("creates a cohort with a Dutch price and opens it", async () => {
    const browser = await loggedIn("ADMIN");
    const created = await browser.post("/beheer?index", {
      name: "Najaar 2027",
      startsOn: "2027-09-06",
      endsOn: "2028-06-30",
      price: "2.450,00",
      capacity: "20",
    });
    expect(created.status).toBe(302);
    const cohort = await db.cohort.findFirstOrThrow({ where: { name: "Najaar 2027" } });
    expect(cohort).toMatchObject({ priceCents: 245000, capacity: 20 });
    expect(created.location).toBe(`/beheer/groepen/${cohort.id}`);
    const page = await browser.follow(created);
    expect(page.text).toContain("Najaar 2027");
    const list = await browser.get("/beheer");
    expect(list.text).toContain("Najaar 2027");
    expect(list.text).toMatch(/€\s?2\.450,00/);
  });

  it("explains bad cohort input per field and keeps what was typed", async () => {
    const browser = await loggedIn("ADMIN");
    const before = await db.cohort.count();
    const page = await browser.post("/beheer?index", {
      name: "",
      startsOn: "2027-09-06",
      endsOn: "2027-01-01",
      price: "veel",
      capacity: "0",
    });
    expect(page.status).toBe(400);
    expect(page.text).toContain("De einddatum moet na de startdatum liggen.");
    expect(page.text).toContain("als bedrag in euro");
    expect(page.text).toMatch(/Vul een naam|Vul de naam/);
    expect(inputValue(page.html, "price")).toBe("veel");
    expect(inputValue(page.html, "startsOn")).toBe("2027-09-06");
    expect(await db.cohort.count()).toBe(before);
  });

  it("adds and removes a trainer, forms gildes and moves a participant between them", async () => {
    const browser = await loggedIn("ADMIN");
    const cohort = await createCohort("Gildegroep");
    const trainer = await createUser({ role: "TRAINER", name: "Tara Trainer" });
    const participant = await createUser({ name: "Mo Meedoener" });
    await enroll(participant.id, cohort.id);
    const address = `/beheer/groepen/${cohort.id}`;

    expect((await browser.post(address, { intent: "add-trainer", userId: trainer.id })).status).toBe(200);
    expect(await db.cohortStaff.count({ where: { cohortId: cohort.id, userId: trainer.id } })).toBe(1);
    expect((await browser.get(address)).text).toContain("Tara Trainer");

    await browser.post(address, { intent: "create-gilde", name: "De Wevers" });
    await browser.post(address, { intent: "create-gilde", name: "De Smeden" });
    const duplicate = await browser.post(address, { intent: "create-gilde", name: "De Wevers" });
    expect(duplicate.status).toBe(400);
    expect(duplicate.text).toContain("Deze groep heeft al een gilde met die naam.");
    expect(inputValue(duplicate.html, "name")).toBe("De Wevers");
    const gildes = await db.gilde.findMany({ where: { cohortId: cohort.id }, orderBy: { name: "asc" } });
    expect(gildes.map((g) => g.name)).toEqual(["De Smeden", "De Wevers"]);
    const smeden = at(gildes, 0, "De Smeden");
    const wevers = at(gildes, 1, "De Wevers");

    await browser.post(address, { intent: "place", userId: participant.id, gildeId: wevers.id });
    expect((await db.gildeMember.findFirstOrThrow({ where: { userId: participant.id } })).gildeId).toBe(wevers.id);
    await browser.post(address, { intent: "place", userId: participant.id, gildeId: smeden.id });
    const memberships = await db.gildeMember.findMany({ where: { userId: participant.id, cohortId: cohort.id } });
    expect(memberships.map((m) => m.gildeId)).toEqual([smeden.id]);

    await browser.post(address, { intent: "remove-trainer", userId: trainer.id });
    expect(await db.cohortStaff.count({ where: { cohortId: cohort.id } })).toBe(0);
  });

  it("refuses to place someone who is not in the cohort, or into another cohort's gilde", async () => {
    const browser = await loggedIn("ADMIN");
    const cohort = await createCohort();
    const other = await createCohort();
    const foreignGilde = await createGilde({ cohortId: other.id, name: "Elders" });
    const outsider = await createUser();
    const member = await createUser();
    await enroll(member.id, cohort.id);
    const address = `/beheer/groepen/${cohort.id}`;
    const page = await browser.post(address, { intent: "place", userId: outsider.id, gildeId: foreignGilde.id });
    expect(page.status).toBe(400);
    const wrongGilde = await browser.post(address, { intent: "place", userId: member.id, gildeId: foreignGilde.id });
    expect(wrongGilde.status).toBe(400);
    expect(await db.gildeMember.count({ where: { gildeId: foreignGilde.id } })).toBe(0);
  });

  it("shows users and the outbox to the admin", async () => {
    const browser = await loggedIn("ADMIN");
    const someone = await createUser({ name: "Zichtbare Zoë" });
    await app.client().post("/wachtwoord-vergeten", { email: someone.email });
    expect((await browser.get(`/beheer/gebruikers?q=${encodeURIComponent("Zichtbare")}`)).text).toContain(
      "Zichtbare Zoë",
    );
    const outbox = await browser.get("/beheer/outbox");
    expect(outbox.text).toContain(someone.email);
    expect(outbox.text).toContain("Nieuw wachtwoord voor Gilde");
  });
});

describe("health", () => {
  it("reports the database kind", async () => {
    const response = await app.client().get("/healthz");
    expect(response.status).toBe(200);
    expect(JSON.parse(response.html)).toEqual({ ok: true, db: process.env.DATABASE_URL ? "postgres" : "pglite" });
  });
});
