// The certificate end to end over HTTP: the trainer's confirmation issues exactly one signed credential (also
// when confirmed twice at once) and mails the participant; the participant downloads it as JSON and PDF; the public
// verification page says valid, revoked, tampered or unknown; rotation, re-issue and the edubadges CSV.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCourse } from "~/content/course.server";
import { issueCredential } from "~/credentials/issue.server";
import { confirmCompletion } from "~/grading/completion.server";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";
import { createCohort } from "../support/factories";
import { startTestApp, type TestApp } from "../support/http";
import { adminIn, participantIn, trainerOf } from "../support/people";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

/** A participant who has done everything, and a trainer of their cohort. */
async function readyToComplete(name = "Sanne Student") {
  const cohort = await createCohort();
  const student = await participantIn(app, { cohortId: cohort.id, name });
  const trainer = await trainerOf(app, cohort.id);
  const slugs = getCourse().modules.flatMap((m) => m.assignments.map((a) => a.slug));
  await db.submission.createMany({
    data: slugs.map((assignmentSlug) => ({
      userId: student.user.id,
      cohortId: cohort.id,
      assignmentSlug,
      status: "PASSED" as const,
    })),
  });
  return { ...student, trainer, cohortId: cohort.id };
}

async function completed(name?: string) {
  const s = await readyToComplete(name);
  const done = await s.trainer.submit(`/opdrachten/groep/${s.cohortId}`, { intent: "complete", userId: s.user.id });
  expect(done.text).toContain("heeft de leergang afgerond");
  const credential = await db.credential.findFirstOrThrow({ where: { userId: s.user.id } });
  return { ...s, credential };
}

const credentialsOf = (userId: string) => db.credential.findMany({ where: { userId } });

describe("issuing on completion", () => {
  it("issues one signed credential, mails the participant where it is, and offers JSON, PDF and LinkedIn", async () => {
    const s = await completed();
    expect(await credentialsOf(s.user.id)).toHaveLength(1);
    const mail = await db.outboxMessage.findFirstOrThrow({
      where: { to: s.user.email },
      orderBy: { createdAt: "desc" },
    });
    expect(mail.subject).toContain("afgerond");
    expect(mail.text).toContain("/account/certificaat");

    const page = await s.browser.get("/account/certificaat");
    expect(page.text).toContain("Op naam van Sanne Student");
    expect(page.html).toContain(`/account/certificaat/${s.credential.id}/pdf`);
    expect(page.html).toContain("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME");

    const json = await s.browser.get(`/account/certificaat/${s.credential.id}/json`);
    expect(json.headers.get("content-type")).toContain("application/json");
    const document = JSON.parse(json.html);
    expect(document.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(document.proof.cryptosuite).toBe("eddsa-rdfc-2022");

    const pdf = await s.browser.get(`/account/certificaat/${s.credential.id}/pdf`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.html.startsWith("%PDF-")).toBe(true);

    // What was downloaded verifies when pasted by anyone.
    const pasted = await app.client().submit("/verifieer", { json: json.html });
    expect(pasted.text).toContain("Dit certificaat is geldig.");
    expect(pasted.text).toContain("Sanne Student");
  });

  it("issues exactly one credential and one mail when the completion is confirmed twice at once", async () => {
    const s = await readyToComplete();
    const results = await Promise.all([
      confirmCompletion(s.cohortId, s.user.id),
      confirmCompletion(s.cohortId, s.user.id),
    ]);
    expect(results.some((r) => r.ok)).toBe(true);
    expect(await credentialsOf(s.user.id)).toHaveLength(1);
    expect(await db.outboxMessage.count({ where: { to: s.user.email, subject: { contains: "afgerond" } } })).toBe(1);
    // More issuing at once (a retry, a page visit) finds the one that is there.
    const again = await Promise.all([1, 2, 3].map(() => issueCredential(s.cohortId, s.user.id)));
    expect(new Set(again.map((a) => a.id)).size).toBe(1);
    expect(await credentialsOf(s.user.id)).toHaveLength(1);
  });

  it("gives no credential before completion", async () => {
    const s = await readyToComplete();
    await expect(issueCredential(s.cohortId, s.user.id)).rejects.toBeInstanceOf(RefusedError);
    const page = await s.browser.get("/account/certificaat");
    expect(page.text).toContain("zodra je trainer bevestigt");
    expect(await credentialsOf(s.user.id)).toHaveLength(0);
  });
});

describe("public verification", () => {
  it("says valid, with the issuer and the achievement", async () => {
    const { credential } = await completed("Vera Geldig");
    const page = await app.client().get(`/verifieer/${credential.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Dit certificaat is geldig.");
    expect(page.text).toContain("Vera Geldig");
    expect(page.text).toContain(getCourse().leergang.frontmatter.title);
  });

  it("says revoked with the reason once the admin revokes it, logged in the audit, and the status list says so", async () => {
    const { credential } = await completed("Rob Ingetrokken");
    const admin = await adminIn(app);
    const refused = await admin.submit("/beheer/certificaten", {
      intent: "revoke",
      credentialId: credential.id,
      reason: "",
    });
    expect(refused.text).toContain("Schrijf op waarom je het certificaat intrekt");
    const done = await admin.submit("/beheer/certificaten", {
      intent: "revoke",
      credentialId: credential.id,
      reason: "Per vergissing uitgegeven.",
    });
    expect(done.text).toContain("Het certificaat is ingetrokken.");
    const page = await app.client().get(`/verifieer/${credential.id}`);
    expect(page.text).toContain("Dit certificaat is ingetrokken.");
    expect(page.text).toContain("Reden: Per vergissing uitgegeven.");
    expect(await db.auditEvent.count({ where: { action: "credential.revoke", subjectId: credential.id } })).toBe(1);

    const list = JSON.parse((await app.client().get("/verifieer/status/1")).html);
    expect(list.type).toContain("BitstringStatusListCredential");
    const { statusBit } = await import("~/credentials/bitstring");
    expect(statusBit(list.credentialSubject.encodedList, credential.statusIndex)).toBe(true);

    // Revoking again is refused; the admin can issue a new one instead, which is valid.
    const twice = await admin.submit("/beheer/certificaten", {
      intent: "revoke",
      credentialId: credential.id,
      reason: "Nog eens.",
    });
    expect(twice.text).toContain("al ingetrokken");
    await admin.submit("/beheer/certificaten", { intent: "reissue", credentialId: credential.id });
    const fresh = await db.credential.findFirstOrThrow({ where: { userId: credential.userId, revokedAt: null } });
    expect((await app.client().get(`/verifieer/${fresh.id}`)).text).toContain("Dit certificaat is geldig.");
  });

  it("names what was changed in a tampered credential, and refuses garbage, other issuers and huge pastes in Dutch", async () => {
    const { credential } = await completed();
    const tampered = structuredClone(credential.document) as { credentialSubject: { achievement: { name: string } } };
    tampered.credentialSubject.achievement.name = "Master Creative Communities";
    const anyone = app.client();
    const page = await anyone.submit("/verifieer", { json: JSON.stringify(tampered) });
    expect(page.status).toBe(200);
    expect(page.text).toContain("De handtekening klopt niet.");
    expect(page.text).toContain("wat er behaald is");
    expect(page.text).not.toContain("Master Creative Communities heeft");

    expect((await anyone.submit("/verifieer", { json: "{ dit is geen json" })).text).toContain(
      "Dit is geen leesbare JSON.",
    );
    const foreign = {
      ...(credential.document as object),
      issuer: { id: "https://andere.example/uitgever", name: "Ander" },
    };
    expect((await anyone.submit("/verifieer", { json: JSON.stringify(foreign) })).text).toContain(
      "niet door ons uitgegeven",
    );
    expect((await anyone.submit("/verifieer", { json: '{"type":["Iets"]}' })).text).toContain(
      "Dit is geen verifieerbaar certificaat.",
    );
    const huge = await anyone.post("/verifieer", { json: "x".repeat(5 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.text).toContain("te groot");
    const upload = await anyone.request("/verifieer", {
      method: "POST",
      headers: { Origin: app.baseUrl },
      body: (() => {
        const form = new FormData();
        form.append("file", new Blob([JSON.stringify(credential.document)]), "certificaat.json");
        return form;
      })(),
    });
    expect(upload.text).toContain("Dit certificaat is geldig.");
  });

  it("says unknown, with a 404, for an id that was never issued", async () => {
    const page = await app.client().get("/verifieer/00000000-0000-4000-8000-000000000000");
    expect(page.status).toBe(404);
    expect(page.text).toContain("Dit certificaat kennen wij niet.");
    expect((await app.client().get("/verifieer/geen-kenmerk")).status).toBe(404);
  });
});

describe("the issuer", () => {
  it("keeps old credentials valid after a key rotation and publishes both keys", async () => {
    const before = await completed();
    const admin = await adminIn(app);
    expect((await admin.submit("/beheer/certificaten", { intent: "rotate" })).text).toContain("nieuwe sleutel");
    const after = await completed();
    expect(after.credential.keyId).not.toBe(before.credential.keyId);
    expect((await app.client().get(`/verifieer/${before.credential.id}`)).text).toContain("Dit certificaat is geldig.");
    expect((await app.client().get(`/verifieer/${after.credential.id}`)).text).toContain("Dit certificaat is geldig.");
    const profile = JSON.parse((await app.client().get("/verifieer/uitgever")).html);
    expect(profile.assertionMethod).toEqual(
      expect.arrayContaining([
        expect.stringContaining(before.credential.keyId),
        expect.stringContaining(after.credential.keyId),
      ]),
    );
  });

  it("puts the admin's issuer name on new credentials", async () => {
    const admin = await adminIn(app);
    const refused = await admin.submit("/beheer/certificaten", {
      intent: "settings",
      name: "",
      url: "geen url",
      email: "x",
    });
    expect(refused.text).toContain("Vul de naam van de uitgever in.");
    await admin.submit("/beheer/certificaten", {
      intent: "settings",
      name: "Hogeschool Gilde",
      url: "https://gilde.example",
      email: "certificaten@gilde.example",
    });
    const { credential } = await completed();
    expect((credential.document as { issuer: { name: string } }).issuer.name).toBe("Hogeschool Gilde");
  });

  it("offers a new credential on the current name after a name change, and revokes the old one as replaced", async () => {
    const s = await completed("Anna Oud");
    await db.user.update({ where: { id: s.user.id }, data: { name: "Anna Nieuw" } });
    expect((await s.browser.get("/account/certificaat")).text).toContain("Nieuw certificaat op mijn huidige naam");
    const done = await s.browser.submit("/account/certificaat", { intent: "reissue", credentialId: s.credential.id });
    expect(done.text).toContain("Je nieuwe certificaat op naam van Anna Nieuw staat klaar.");
    const fresh = await db.credential.findFirstOrThrow({ where: { userId: s.user.id, revokedAt: null } });
    expect(fresh.recipientName).toBe("Anna Nieuw");
    expect((await app.client().get(`/verifieer/${s.credential.id}`)).text).toContain(
      "Vervangen door een nieuw certificaat.",
    );
  });

  it("exports a cohort's completions as CSV for an edubadges Direct Award", async () => {
    const s = await completed("Eva Edubadge");
    const admin = await adminIn(app);
    const csv = await admin.get(`/beheer/certificaten/edubadges/${s.cohortId}`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const [header, row] = csv.html.trim().split("\r\n");
    expect(header).toBe("email,eppn,name,badgeclass");
    expect(row).toBe(`${s.user.email},,Eva Edubadge,${getCourse().leergang.frontmatter.title}`);
  });
});
