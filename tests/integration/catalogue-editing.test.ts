// Issue 19, catalogue editing: what the public cohort page shows is edited in the running app. The admin sets the
// accreditation, what the price includes and the instalments, and plans the contact days (added, changed, removed,
// a bad one refused with the message and what was typed kept); a trainer writes their own short profile on
// /account. Participants cannot post the profile or the admin's forms, and nobody but an admin reaches those pages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { FORM_ID_FIELD } from "~/forms/protocol";
import { createCohort, createUser } from "../support/factories";
import { inputValue, type Client, type TestApp } from "../support/http";
import { startEnrollmentApp } from "../support/enrollment";

let app: TestApp;
let admin: Client;
let stop: () => Promise<void>;

beforeAll(async () => ({ app, admin, stop } = await startEnrollmentApp("whsec_test_catalogue")));
afterAll(() => stop());

const settingsPage = (cohortId: string) => `/beheer/groepen/${cohortId}/instellingen`;
const daysPage = (cohortId: string) => `/beheer/groepen/${cohortId}/contactdagen`;

async function cohortWithLocation() {
  const c = await createCohort();
  return db.cohort.update({ where: { id: c.id }, data: { location: "Utrecht, buurthuis De Leeuw" } });
}

const day = (changes: Record<string, string> = {}) => ({
  [FORM_ID_FIELD]: "contactdag-nieuw",
  intent: "save",
  day: "2027-04-13",
  startTime: "09:30",
  endTime: "16:00",
  place: "Utrecht, buurthuis De Leeuw",
  topic: "Leefwereld en systeemwereld",
  ...changes,
});

describe("the admin's catalogue settings", () => {
  it("sets accreditation, what the price includes and instalments, and the public page shows them", async () => {
    const c = await cohortWithLocation();
    const saved = await admin.submit(settingsPage(c.id), {
      intent: "catalogue",
      accreditationRegister: "Registerplein",
      accreditationPoints: "20",
      priceIncludes: "Alle modules, zes contactdagen met lunch en het bewijs van afronding.",
      instalments: "3",
    });
    expect(saved.text).toContain("Wat de leergangpagina zegt, is opgeslagen.");
    expect(inputValue(saved.html, "accreditationRegister")).toBe("Registerplein");

    const page = await app.client().get(`/leergang/${c.id}`);
    expect(page.text).toContain("Deze groep is geaccrediteerd bij Registerplein: je krijgt 20 punten.");
    expect(page.text).toContain("Alle modules, zes contactdagen met lunch en het bewijs van afronding.");
    expect(page.text).toMatch(/in 3 termijnen van/);
  });

  it("refuses points out of range and 13 instalments at the field, keeping what was typed and what was saved", async () => {
    const c = await cohortWithLocation();
    await db.cohort.update({ where: { id: c.id }, data: { instalments: 2 } });
    const refused = await admin.post(settingsPage(c.id), {
      intent: "catalogue",
      accreditationRegister: "Registerplein",
      accreditationPoints: "1000",
      priceIncludes: "Alles",
      instalments: "13",
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("Vul voor het aantal punten een getal van 0 tot en met 999 in.");
    expect(refused.text).toContain("Vul voor het aantal termijnen een getal van 1 tot en met 12 in.");
    expect(inputValue(refused.html, "accreditationPoints")).toBe("1000");
    expect((await db.cohort.findUniqueOrThrow({ where: { id: c.id } })).instalments).toBe(2);
  });

  it("clears the points when the field is left empty", async () => {
    const c = await cohortWithLocation();
    await db.cohort.update({
      where: { id: c.id },
      data: { accreditationRegister: "Registerplein", accreditationPoints: 20 },
    });
    const saved = await admin.post(settingsPage(c.id), {
      intent: "catalogue",
      accreditationRegister: "",
      accreditationPoints: "",
      instalments: "1",
    });
    expect(saved.status).toBe(302);
    const after = await db.cohort.findUniqueOrThrow({ where: { id: c.id } });
    expect(after.accreditationPoints).toBeNull();
    expect(after.accreditationRegister).toBe("");
  });
});

describe("contact days", () => {
  it("are added, changed and removed, and the public page follows; each change is audited", async () => {
    const c = await cohortWithLocation();
    const added = await admin.submit(daysPage(c.id), day());
    expect(added.text).toContain("De contactdag is toegevoegd.");
    expect(added.text).toContain("dinsdag 13 april 2027");
    expect(added.text).toContain("9.30–16.00 uur");
    let page = await app.client().get(`/leergang/${c.id}`);
    expect(page.text).toContain("dinsdag 13 april 2027");
    expect(page.text).toContain("Leefwereld en systeemwereld");

    const saved = await db.contactDay.findFirstOrThrow({ where: { cohortId: c.id } });
    // 9.30 in Amsterdam in April (summer time) is 7.30 UTC.
    expect(saved.startsAt.toISOString()).toBe("2027-04-13T07:30:00.000Z");
    const edit = await admin.get(`${daysPage(c.id)}?dag=${saved.id}`);
    expect(inputValue(edit.html, "startTime")).toBe("09:30");
    // A refused change (sent to the page's own address, ?dag= and all) comes back as the same form, typed text kept.
    const refusedChange = await admin.post(
      `${daysPage(c.id)}?dag=${saved.id}`,
      day({ [FORM_ID_FIELD]: `contactdag-${saved.id}`, id: saved.id, place: "", topic: "Nieuw onderwerp" }),
    );
    expect(refusedChange.status).toBe(400);
    expect(refusedChange.text).toContain("Contactdag wijzigen");
    expect(refusedChange.text).toContain("Vul de plaats in, of vink aan dat de dag online is.");
    expect(inputValue(refusedChange.html, "topic")).toBe("Nieuw onderwerp");
    const changed = await admin.submit(
      daysPage(c.id),
      day({
        [FORM_ID_FIELD]: `contactdag-${saved.id}`,
        id: saved.id,
        day: "2027-04-20",
        online: "on",
        place: "",
        topic: "Online terugkomdag",
      }),
    );
    expect(changed.text).toContain("De contactdag is gewijzigd.");
    page = await app.client().get(`/leergang/${c.id}`);
    expect(page.text).toContain("dinsdag 20 april 2027");
    expect(page.text).toContain("Online terugkomdag");
    expect(page.text).not.toContain("dinsdag 13 april 2027");

    const removed = await admin.submit(daysPage(c.id), {
      [FORM_ID_FIELD]: `verwijder-${saved.id}`,
      intent: "remove",
      id: saved.id,
    });
    expect(removed.text).toContain("De contactdag is verwijderd.");
    page = await app.client().get(`/leergang/${c.id}`);
    expect(page.text).not.toContain("Online terugkomdag");

    const audited = await db.auditEvent.findMany({ where: { subjectId: c.id }, orderBy: { at: "asc" } });
    expect(audited.map((e) => e.action)).toEqual(["contact-day.add", "contact-day.change", "contact-day.remove"]);
  });

  it("refuses a bad day with the message at the field and what was typed kept", async () => {
    const c = await cohortWithLocation();
    const noPlace = await admin.post(daysPage(c.id), day({ place: "", endTime: "09:00", topic: "Eigen onderwerp" }));
    expect(noPlace.status).toBe(400);
    expect(noPlace.text).toContain("De eindtijd moet na de begintijd liggen.");
    expect(noPlace.text).toContain("Vul de plaats in, of vink aan dat de dag online is.");
    expect(inputValue(noPlace.html, "topic")).toBe("Eigen onderwerp");

    const outside = await admin.post(daysPage(c.id), day({ day: "2028-01-10" }));
    expect(outside.status).toBe(400);
    expect(outside.text).toContain("Deze dag valt buiten de leergang (1 maart 2027 – 15 december 2027).");
    expect(inputValue(outside.html, "day")).toBe("2028-01-10");

    const noDate = await admin.post(daysPage(c.id), day({ day: "", topic: "x".repeat(201) }));
    expect(noDate.text).toContain("Vul de datum in.");
    expect(noDate.text).toContain("Het onderwerp mag hoogstens 200 tekens lang zijn.");
    expect(await db.contactDay.count({ where: { cohortId: c.id } })).toBe(0);
  });
});

describe("the trainer's profile", () => {
  it("is written on /account and shown on the public page of the cohorts they train", async () => {
    const c = await cohortWithLocation();
    const trainer = await createUser({ role: "TRAINER", name: "Tineke Trainer" });
    await db.cohortStaff.create({ data: { cohortId: c.id, userId: trainer.id } });
    const browser = await app.client().signInAs(trainer);
    const account = await browser.get("/account");
    expect(account.text).toContain("openbare pagina van de groepen die je traint");

    const saved = await browser.submit("/account", { intent: "bio", bio: "Twintig jaar opbouwwerk in Overvecht." });
    expect(saved.text).toContain("Je profiel is opgeslagen.");
    expect((await app.client().get(`/leergang/${c.id}`)).text).toContain("Twintig jaar opbouwwerk in Overvecht.");

    const tooLong = await browser.post("/account", { [FORM_ID_FIELD]: "profiel", intent: "bio", bio: "a".repeat(501) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.text).toContain("Je profiel mag hoogstens 500 tekens lang zijn.");
    expect((await db.user.findUniqueOrThrow({ where: { id: trainer.id } })).bio).toBe(
      "Twintig jaar opbouwwerk in Overvecht.",
    );
  });
});

describe("who may edit", () => {
  it("a participant has no profile field and cannot post it, nor the admin's forms", async () => {
    const c = await cohortWithLocation();
    const participant = await createUser();
    const browser = await app.client().signInAs(participant);
    const account = await browser.get("/account");
    expect(account.status).toBe(200);
    expect(account.html).not.toContain('name="bio"');

    const bio = await browser.post("/account", { intent: "bio", bio: "Ik wil ook op de pagina." });
    expect(bio.status).toBe(403);
    expect((await db.user.findUniqueOrThrow({ where: { id: participant.id } })).bio).toBe("");

    for (const [path, fields] of [
      [settingsPage(c.id), { intent: "catalogue", instalments: "12" }],
      [daysPage(c.id), day()],
    ] as const) {
      expect([403, 404]).toContain((await browser.post(path, fields)).status);
    }
    expect((await db.cohort.findUniqueOrThrow({ where: { id: c.id } })).instalments).toBe(1);
    expect(await db.contactDay.count({ where: { cohortId: c.id } })).toBe(0);
  });

  it("trainers and participants cannot reach the admin pages", async () => {
    const c = await cohortWithLocation();
    const trainer = await createUser({ role: "TRAINER" });
    await db.cohortStaff.create({ data: { cohortId: c.id, userId: trainer.id } });
    for (const person of [trainer, await createUser()]) {
      const browser = await app.client().signInAs(person);
      for (const path of [settingsPage(c.id), daysPage(c.id)])
        expect([403, 404]).toContain((await browser.get(path)).status);
    }
    expect((await admin.get(daysPage(c.id))).status).toBe(200);
  });
});
