// Privacy rights (issue 10): download all your data, erasure carried out by an admin while what others need keeps
// working, retention per cohort announced a month ahead, and the admin's privacy page and audit log.
import fs from "node:fs";
import path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCourse } from "~/content/course.server";
import { dataDir } from "~/db/adapter.server";
import { db } from "~/db.server";
import { applyRetention } from "~/privacy/retention.server";
import { createCohort, createPeerReview, createSubmission, createUser, enroll, PASSWORD } from "../support/factories";
import { startTestApp, type Client, type TestApp } from "../support/http";
import { adminIn, participantIn } from "../support/people";
import { entry, first } from "../support/indexed";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const firstAssignment = () => first(first(getCourse().modules).assignments).slug;
const anonymousAssignment = () => {
  const assignment = getCourse()
    .modules.flatMap((m) => m.assignments)
    .find((a) => a.frontmatter.peerReview.anonymity === "anonymous-reviewers");
  if (!assignment) throw new Error("Expected an assignment with anonymous reviewers in the course.");
  return assignment.slug;
};
const DAY = 24 * 60 * 60 * 1000;

/** A participant with a wijkprofiel, a handed-in PDF, and feedback from an anonymous reviewer on another assignment. */
async function participantWithWork() {
  const { user, browser, cohortId } = await participantIn(app, { name: "Priva Persoon" });
  await browser.submit("/wijk", {
    name: "Spangen",
    municipality: "Rotterdam",
    cbsCode: "",
    homes: "",
    role: "Buurtwerker",
    connectors: "De kapper op de hoek",
    networks: "Speeltuinvereniging",
    ambitions: "Een buurtkeuken",
    problems: "Weinig ontmoeting",
    chances: "Lege winkelpanden",
  });
  const page = `/opdrachten/${firstAssignment()}`;
  expect((await browser.upload(page, [{ name: "buurtkaart.pdf", bytes: PDF }])).text).toContain(
    "Het bestand is toegevoegd.",
  );
  expect(
    (await browser.submit(page, { intent: "hand-in", body: "Mijn wijkgeschiedenis van Spangen", revision: "0" }))
      .status,
  ).toBeLessThan(400);
  const reviewer = await createUser({ name: "Geheime Gerrit" });
  await enroll(reviewer.id, cohortId);
  const anonymous = await createSubmission({
    userId: user.id,
    cohortId,
    assignmentSlug: anonymousAssignment(),
    body: "Verkenning van Spangen",
  });
  await createPeerReview({
    submission: anonymous,
    reviewerId: reviewer.id,
    status: "SUBMITTED",
    submittedAt: new Date(),
    dueAt: new Date(),
    tip: "Praat ook met de kapper.",
  });
  return { user, browser, cohortId, reviewer };
}

async function download(browser: Client) {
  const response = await fetch(new URL("/account/gegevens/download", app.baseUrl), {
    method: "POST",
    headers: {
      Cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      Origin: app.baseUrl,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: "",
  });
  return { response, files: response.ok ? unzipSync(new Uint8Array(await response.arrayBuffer())) : {} };
}

describe("downloading your data", () => {
  it("gives a ZIP with JSON and the original files, keeping anonymous reviewers anonymous, and records it", async () => {
    const { user, browser } = await participantWithWork();
    const { response, files } = await download(browser);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/zip");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="gilde-gegevens-\d{4}-\d{2}-\d{2}\.zip"/,
    );

    const json = (name: string) => JSON.parse(strFromU8(entry(files, name)));
    expect(json("profiel.json")).toMatchObject({ naam: "Priva Persoon", email: user.email });
    expect(json("wijkprofiel.json")).toHaveLength(1);
    expect(json("wijkprofiel.json")[0]).toMatchObject({ name: "Spangen", connectors: "De kapper op de hoek" });
    const submissions = json("inzendingen.json");
    const handedIn = submissions.find((s: { opdracht: string }) => s.opdracht === firstAssignment());
    expect(handedIn.versies[0].tekst).toBe("Mijn wijkgeschiedenis van Spangen");
    const pdfPath = handedIn.versies[0].bijlagen[0].bestand as string;
    expect(Buffer.from(entry(files, pdfPath)).equals(Buffer.from(PDF))).toBe(true);
    const anonymous = submissions.find((s: { opdracht: string }) => s.opdracht === anonymousAssignment());
    expect(anonymous.peerfeedback_ontvangen[0]).toMatchObject({
      van: "Feedbackgever 1",
      tip: "Praat ook met de kapper.",
    });
    expect(Object.values(files).some((bytes) => strFromU8(bytes).includes("Geheime Gerrit"))).toBe(false);
    expect(json("inschrijvingen.json")[0].status).toBe("ACTIVE");
    // Never a password hash or a session secret.
    const everything = Object.values(files)
      .map((bytes) => strFromU8(bytes))
      .join("\n");
    expect(everything).not.toContain("$argon2");
    expect(everything).not.toContain("secretHash");

    expect(await db.privacyRequest.count({ where: { userId: user.id, kind: "EXPORT", status: "DONE" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "export", actorId: user.id } })).toBe(1);
  });

  it("is for signed-in users only", async () => {
    const anonymous = app.client();
    const page = await anonymous.post("/account/gegevens/download", {});
    expect(page.status).toBe(302);
    expect(page.location).toMatch(/^\/inloggen/);
  });
});

describe("erasure", () => {
  it("is asked for by the user, carried out by an admin, and leaves what others need", async () => {
    const { user, browser, cohortId } = await participantWithWork();
    // Feedback this person gave a gilde mate: it must stay with the mate, without the name.
    const mate = await createUser({ name: "Maatje Mees" });
    await enroll(mate.id, cohortId);
    const mateWork = await createSubmission({
      userId: mate.id,
      cohortId,
      assignmentSlug: firstAssignment(),
      body: "Werk van Mees",
    });
    const given = await createPeerReview({
      submission: mateWork,
      reviewerId: user.id,
      status: "SUBMITTED",
      submittedAt: new Date(),
      dueAt: new Date(),
      tip: "Mooie bronnen, Mees.",
    });
    const enrollment = await db.enrollment.findFirstOrThrow({ where: { userId: user.id } });
    const payment = await db.payment.create({
      data: { enrollmentId: enrollment.id, kind: "CHECKOUT", status: "PAID", amountCents: 195000, paidAt: new Date() },
    });
    const thread = await db.thread.create({
      data: {
        kind: "COMMUNITY",
        authorId: mate.id,
        title: "Buurtkeukens",
        posts: { create: { authorId: mate.id, body: "Wie heeft ervaring?" } },
      },
    });
    await db.post.create({ data: { threadId: thread.id, authorId: user.id, body: "Ik, in Spangen bij Priva thuis." } });
    const storedFile = await db.attachment.findFirstOrThrow({ where: { userId: user.id } });
    const filePath = path.join(dataDir(), "uploads", storedFile.storageKey.slice(0, 2), storedFile.storageKey);
    // The test app shares this process's DATA_DIR only on PGlite; on PostgreSQL the check below is by the row.
    const fileOnDisk = fs.existsSync(filePath);

    const unconfirmed = await browser.post("/account/gegevens", { intent: "erase", reason: "Ik stop met het werk" });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.text).toContain("Vink aan dat je begrijpt wat verwijderen betekent.");
    expect(unconfirmed.html).toContain("Ik stop met het werk");
    const asked = await browser.submit("/account/gegevens", {
      intent: "erase",
      reason: "Ik stop met het werk",
      confirm: "on",
    });
    expect(asked.text).toContain("Je verzoek is ontvangen.");
    expect((await browser.get("/account/gegevens")).text).toContain("Je verzoek om verwijdering is in behandeling.");

    const beheer = await adminIn(app, "Bea Beheer");
    const overview = await beheer.get("/beheer/privacy");
    expect(overview.text).toContain(`Verwijdering van Priva Persoon (${user.email})`);
    expect(overview.text).toContain("Toelichting: Ik stop met het werk");
    const request = await db.privacyRequest.findFirstOrThrow({
      where: { userId: user.id, kind: "ERASURE", status: "PENDING" },
    });
    const careless = await beheer.post("/beheer/privacy", { intent: "erase", requestId: request.id });
    expect(careless.text).toContain("Vink aan dat je de verwijdering wilt uitvoeren.");
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ erasedAt: null });

    const done = await beheer.submit("/beheer/privacy", { intent: "erase", requestId: request.id, confirm: "on" });
    expect(done.status).toBe(200);
    expect(done.text).toContain("Uitgevoerd: 2 inzending(en), het wijkprofiel, 1 bestand(en)");

    expect(await db.auditEvent.count({ where: { actorEmail: user.email } })).toBe(0);
    // The person is gone: no login, the old session is dead, the e-mail address is free again.
    expect((await browser.get("/dashboard")).location).toMatch(/^\/inloggen/);
    const again = app.client();
    expect((await again.login(user.email, PASSWORD)).text).toContain(
      "Dit e-mailadres en wachtwoord horen niet bij elkaar.",
    );
    expect(await db.user.count({ where: { email: user.email } })).toBe(0);
    expect(await db.submission.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.wijk.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.attachment.count({ where: { userId: user.id } })).toBe(0);
    if (fileOnDisk) expect(fs.existsSync(filePath)).toBe(false);

    // What others need keeps working: the mate's received feedback stays, without the reviewer's name.
    expect(await db.peerReview.findUniqueOrThrow({ where: { id: given.id } })).toMatchObject({
      status: "SUBMITTED",
      tip: "Mooie bronnen, Mees.",
    });
    const shell = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(shell.name).toBe("Verwijderde gebruiker");
    expect(JSON.stringify(shell)).not.toContain("Priva");
    // The reply is emptied, the thread and the mate's words stay.
    const posts = await db.post.findMany({ where: { threadId: thread.id }, orderBy: { createdAt: "asc" } });
    expect(posts.map((p) => p.body)).toEqual([
      "Wie heeft ervaring?",
      "_Dit bericht is verwijderd op verzoek van de schrijver._",
    ]);
    // Money: the payment stays for the books, with the payer copied onto it.
    expect(await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
      status: "PAID",
      amountCents: 195000,
      payerName: "Priva Persoon",
      payerEmail: user.email,
    });

    // The admin's record: the request is done, with a date, and the audit log has the erasure but not the old e-mail.
    const after = await beheer.get("/beheer/privacy");
    expect(after.text).toContain("Geen openstaande verzoeken.");
    expect(after.text).toMatch(/Verwijdering Verwijderde gebruiker .* Uitgevoerd:/);
    expect(await db.auditEvent.count({ where: { action: "erasure", subjectId: user.id } })).toBe(1);
  });

  it("cannot be asked twice, and an admin can reject a request with a reason", async () => {
    const { user, browser } = await participantIn(app, { name: "Twee Keer" });
    await browser.post("/account/gegevens", { intent: "erase", confirm: "on" });
    const twice = await browser.post("/account/gegevens", { intent: "erase", confirm: "on" });
    expect(twice.status).toBe(409);
    expect(twice.text).toContain("Je verzoek om verwijdering is al ontvangen");
    const beheer = await adminIn(app, "Bea Beheer");
    const request = await db.privacyRequest.findFirstOrThrow({ where: { userId: user.id, status: "PENDING" } });
    const withoutWhy = await beheer.post("/beheer/privacy", { intent: "reject", requestId: request.id, why: " " });
    expect(withoutWhy.text).toContain("Schrijf waarom je het verzoek afwijst");
    await beheer.post("/beheer/privacy", {
      intent: "reject",
      requestId: request.id,
      why: "Er loopt nog een klacht over je beoordeling.",
    });
    expect(await db.privacyRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      status: "REJECTED",
    });
    expect((await browser.get("/account/gegevens")).text).toContain("afgewezen");
    expect(
      await db.outboxMessage.count({ where: { to: user.email, text: { contains: "Er loopt nog een klacht" } } }),
    ).toBe(1);
  });

  it("is for admins only", async () => {
    const { browser } = await participantIn(app);
    expect((await browser.get("/beheer/privacy")).status).toBe(403);
    expect((await browser.post("/beheer/privacy", { intent: "erase", requestId: "x", confirm: "on" })).status).toBe(
      403,
    );
  });
});

describe("retention", () => {
  it("announces a month ahead, then deletes the work and wijk of those who did not complete, and keeps alumni's", async () => {
    const cohort = await createCohort("Najaar 2020");
    const endsOn = new Date("2021-01-31T00:00:00Z");
    await db.cohort.update({
      where: { id: cohort.id },
      data: { startsOn: new Date("2020-09-01T00:00:00Z"), endsOn, retentionMonths: 24 },
    });
    const stopper = await createUser({ name: "Stijn Stopper" });
    const alumnus = await createUser({ name: "Anna Alumna" });
    await enroll(stopper.id, cohort.id);
    await db.enrollment.updateMany({ where: { userId: stopper.id }, data: { status: "WITHDRAWN" } });
    await enroll(alumnus.id, cohort.id, "COMPLETED");
    for (const person of [stopper, alumnus]) {
      await createSubmission({
        userId: person.id,
        cohortId: cohort.id,
        assignmentSlug: firstAssignment(),
        body: `Werk van ${person.name}`,
      });
      await db.wijk.create({
        data: {
          userId: person.id,
          versions: {
            create: {
              number: 1,
              name: "Oost",
              municipality: "Utrecht",
              role: "",
              connectors: "",
              networks: "",
              ambitions: "",
              problems: "",
              chances: "",
            },
          },
        },
      });
    }

    const due = new Date("2023-01-31T00:00:00Z");
    // Two months ahead: nothing yet.
    expect(await applyRetention(new Date(due.getTime() - 60 * DAY))).toEqual({ noticed: 0, deleted: 0 });
    // A month ahead: the stopper is told, the alumnus is not concerned.
    const noticeDay = new Date(due.getTime() - 29 * DAY);
    expect((await applyRetention(noticeDay)).noticed).toBe(1);
    const notices = await db.outboxMessage.findMany({
      where: { subject: { contains: "Over een maand verwijderen we je inzendingen (Najaar 2020)" } },
    });
    expect(notices.map((n) => n.to)).toEqual([stopper.email]);
    expect(first(notices).text).toContain("/account/gegevens");
    // On the due date, but less than a month after the notice: still nothing deleted.
    expect((await applyRetention(due)).deleted).toBe(0);
    expect(await db.submission.count({ where: { cohortId: cohort.id } })).toBe(2);
    // A month after the notice: the stopper's work and wijk go, the alumnus keeps everything.
    expect((await applyRetention(new Date(noticeDay.getTime() + 31 * DAY))).deleted).toBe(1);
    expect(await db.submission.count({ where: { userId: stopper.id } })).toBe(0);
    expect(await db.wijk.count({ where: { userId: stopper.id } })).toBe(0);
    expect(await db.submission.count({ where: { userId: alumnus.id } })).toBe(1);
    expect(await db.wijk.count({ where: { userId: alumnus.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "retention", subjectId: cohort.id } })).toBe(1);
    // Running again changes nothing.
    expect(await applyRetention(new Date(noticeDay.getTime() + 40 * DAY))).toEqual({ noticed: 0, deleted: 0 });

    const beheer = await adminIn(app, "Bea Beheer");
    const page = await beheer.get("/beheer/privacy");
    expect(page.text).toContain(
      "Najaar 2020: 1 inzending(en), 0 bestand(en) en 1 wijkprofiel(en) van deelnemers zonder afronding verwijderd.",
    );
    const bad = await beheer.post("/beheer/privacy", { intent: "retention", cohortId: cohort.id, months: "0" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("Vul voor de bewaartermijn in maanden een getal van 1 tot en met 120 in.");
    await beheer.post("/beheer/privacy", { intent: "retention", cohortId: cohort.id, months: "36" });
    expect((await db.cohort.findUniqueOrThrow({ where: { id: cohort.id } })).retentionMonths).toBe(36);
  });
});

describe("audit log", () => {
  it("records sign-ins, failed sign-ins and role changes, never a password, and an admin can search it", async () => {
    const person = await createUser({ name: "Otto Ouditor" });
    const guest = app.client();
    await guest.login(person.email, "verkeerd-wachtwoord-123");
    await guest.login(person.email, PASSWORD);
    const events = await db.auditEvent.findMany({ where: { actorEmail: person.email }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["login.failed", "login"]);
    expect(first(events).ip).toBe(guest.ip);
    expect(JSON.stringify(events)).not.toContain("verkeerd-wachtwoord-123");
    expect(JSON.stringify(events)).not.toContain(PASSWORD);

    const beheer = await adminIn(app, "Bea Beheer");
    const promoted = await beheer.submit("/beheer/gebruikers", { userId: person.id, role: "TRAINER" });
    expect(promoted.text).toContain("De rol is nu: trainer.");
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).role).toBe("TRAINER");
    const nonsense = await beheer.post("/beheer/gebruikers", { userId: person.id, role: "KEIZER" });
    expect(nonsense.status).toBe(400);

    const found = await beheer.get(`/beheer/audit?q=${encodeURIComponent(person.email)}`);
    expect(found.text).toContain("3 gebeurtenissen");
    expect(found.text).toContain("Otto Ouditor");
    expect(found.text).toContain("van deelnemer naar trainer");
    const onlyFailures = await beheer.get(`/beheer/audit?q=${encodeURIComponent(person.email)}&soort=login.failed`);
    expect(onlyFailures.text).toContain("1 gebeurtenis");
    const badDate = await beheer.get("/beheer/audit?van=gisteren");
    expect(badDate.text).toContain("Vul de datums in als dag-maand-jaar");
  });

  it("keeps the last admin", async () => {
    await db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "TRAINER" } });
    const only = await createUser({ role: "ADMIN", name: "Enige Beheerder" });
    const browser = await app.client().signInAs(only);
    const refused = await browser.post("/beheer/gebruikers", { userId: only.id, role: "PARTICIPANT" });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain("Dit is de laatste beheerder.");
    expect((await db.user.findUniqueOrThrow({ where: { id: only.id } })).role).toBe("ADMIN");
  });

  it("is for admins only", async () => {
    const { browser } = await participantIn(app);
    expect((await browser.get("/beheer/audit")).status).toBe(403);
    expect((await browser.post("/beheer/gebruikers", { userId: "x", role: "ADMIN" })).status).toBe(403);
  });
});
