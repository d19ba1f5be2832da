// Consent of everyone named in a practice case (issue 24): a case naming people waits until their consent for the
// practice library is recorded (on paper, the paper uploaded); publishing says whose is missing; a withdrawal or an
// expiry takes the case out of the library, its search, the case page and the author's export at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unzipSync, strFromU8 } from "fflate";
import { db } from "~/db.server";
import { createCohort, createUser, enroll } from "../support/factories";
import { startTestApp, type Client, type TestApp } from "../support/http";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2]);

async function person(status: "COMPLETED" | "ACTIVE", name: string) {
  const user = await createUser({ name });
  const cohort = await createCohort();
  await enroll(user.id, cohort.id, status);
  return { user, browser: await app.client().signInAs(user), cohortId: cohort.id };
}

const title = () => `Het buurtfeest aan de gracht ${Math.random().toString(36).slice(2, 7)}`;
const CASE = {
  situation: "Karin en Joop organiseerden een buurtfeest; ik hielp met de vergunning en de stroom.",
  residents: "Bewoners kookten samen en zetten de straat af.",
  role: "Ik bracht de gemeente en de bewoners bij elkaar.",
  result: "Honderd buren aten samen aan één lange tafel.",
  learned: "Kleine hulp op het juiste moment werkt.",
  municipality: "Zwolle",
  wijk: "Assendorp",
  themes: "bewonersambities",
  consent: "on",
};

function recordPaper(browser: Client, path: string, subjectId: string, extra: Record<string, string> = {}) {
  const form = new FormData();
  for (const [key, value] of Object.entries({
    intent: "paper",
    subjectId,
    period: "12",
    __form: `papier-${subjectId}`,
    ...extra,
  }))
    form.append(key, value);
  form.append("files", new Blob([PNG]), "toestemming-karin.png");
  return browser.request(path, { method: "POST", headers: { Origin: app.baseUrl }, body: form });
}

describe("a practice case that names people", () => {
  it("waits for their consent, says whose is missing, publishes when complete, and hides again on withdrawal", async () => {
    const alumnus = await person("COMPLETED", "Hanna Huisman");
    const reader = await person("ACTIVE", "Lezer Lid");
    const name = title();
    const saved = await alumnus.browser.post("/praktijk/nieuw", { ...CASE, title: name, people: "Karin\nJoop" });
    expect(saved.status).toBe(302);
    const consents = saved.location!;
    expect(consents).toMatch(/^\/praktijk\/[^/]+\/toestemming$/);
    const casePath = consents.replace(/\/toestemming$/, "");
    const page = await alumnus.browser.follow(saved);
    expect(page.text).toContain("staat nog niet online: de toestemming ontbreekt van Joop en Karin");

    // Not anywhere for others yet: the case page, the library, its search.
    expect((await reader.browser.get(casePath)).status).toBe(404);
    expect((await reader.browser.get("/praktijk")).text).not.toContain(name);
    expect((await reader.browser.get("/praktijk?q=buurtfeest")).text).not.toContain(name);
    // The author sees it, with what is missing.
    expect((await alumnus.browser.get(casePath)).text).toContain("de toestemming ontbreekt van Joop en Karin");

    const subjects = await db.caseSubject.findMany({ where: { case: { title: name } }, orderBy: { name: "asc" } });
    const [joop, karin] = subjects;
    const recorded = await alumnus.browser.follow(await recordPaper(alumnus.browser, consents, karin!.id));
    expect(recorded.text).toContain("De toestemming van Karin is vastgelegd.");
    const karinLink = recorded.text.match(/\/toestemming\/[A-Za-z0-9_-]+/)![0];

    const early = await alumnus.browser.post(consents, { intent: "publish" });
    expect(early.status).toBe(409);
    expect(early.text).toContain("de toestemming ontbreekt of geldt niet meer van Joop");

    await recordPaper(alumnus.browser, consents, joop!.id, { email: "joop@voorbeeld.nl" });
    expect(
      await db.outboxMessage.count({ where: { to: "joop@voorbeeld.nl", text: { contains: "/toestemming/" } } }),
    ).toBe(1);
    const published = await alumnus.browser.post(consents, { intent: "publish" });
    expect(published.location).toBe(casePath);
    expect((await reader.browser.get(casePath)).status).toBe(200);
    expect((await reader.browser.get("/praktijk")).text).toContain(name);
    expect((await reader.browser.get("/praktijk?q=buurtfeest")).text).toContain(name);

    // Karin withdraws: gone everywhere at once, the author is told.
    const withdrawal = app.client();
    const consent = await db.consent.findFirstOrThrow({ where: { subjectId: karin!.id } });
    const done = await withdrawal.submit(karinLink, { consentIds: consent.id });
    expect(done.text).toContain("Je toestemming is ingetrokken.");
    expect((await reader.browser.get(casePath)).status).toBe(404);
    expect((await reader.browser.get("/praktijk")).text).not.toContain(name);
    expect((await reader.browser.get("/praktijk?q=buurtfeest")).text).not.toContain(name);
    expect((await alumnus.browser.get(casePath)).text).toContain("de toestemming ontbreekt van Karin");
    expect(
      await db.outboxMessage.count({ where: { to: alumnus.user.email, subject: "Een toestemming is ingetrokken" } }),
    ).toBe(1);

    const response = await fetch(new URL("/account/gegevens/download", app.baseUrl), {
      method: "POST",
      headers: {
        Cookie: [...alumnus.browser.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
        Origin: app.baseUrl,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "",
    });
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const casesFile = Object.entries(files).find(([path]) => path.endsWith("praktijkvoorbeelden.json"))!;
    expect(strFromU8(casesFile[1])).not.toContain(name);
    const consentFile = Object.entries(files).find(([path]) => path.endsWith("wijkfeedback-en-toestemmingen.json"))!;
    const register = JSON.parse(strFromU8(consentFile[1])) as { toestemmingen: { persoon: string; stand: string }[] };
    expect(register.toestemmingen).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ persoon: "Karin", stand: "withdrawn" }),
        expect.objectContaining({ persoon: "Joop", stand: "given" }),
      ]),
    );
  });

  it("refuses a paper that is not a PDF or a photo, next to the file field", async () => {
    const alumnus = await person("COMPLETED", "Ilse Inzet");
    const saved = await alumnus.browser.post("/praktijk/nieuw", { ...CASE, title: title(), people: "Karin" });
    const subject = await db.caseSubject.findFirstOrThrow({ where: { case: { authorId: alumnus.user.id } } });
    const form = new FormData();
    for (const [key, value] of Object.entries({
      intent: "paper",
      subjectId: subject.id,
      period: "12",
      __form: `papier-${subject.id}`,
    }))
      form.append(key, value);
    form.append("files", new Blob([new TextEncoder().encode("gewoon tekst")]), "toestemming.txt");
    const refused = await alumnus.browser.request(saved.location!, {
      method: "POST",
      headers: { Origin: app.baseUrl },
      body: form,
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("dit soort bestand kun je niet toevoegen");
    expect(await db.consent.count({ where: { subjectId: subject.id } })).toBe(0);
  });

  it("is only the author's to manage", async () => {
    const alumnus = await person("COMPLETED", "Joke Jansen");
    const other = await person("COMPLETED", "Kees Ander");
    const saved = await alumnus.browser.post("/praktijk/nieuw", { ...CASE, title: title(), people: "Karin" });
    expect((await other.browser.get(saved.location!)).status).toBe(404);
    expect((await other.browser.post(saved.location!, { intent: "publish" })).status).toBe(404);
  });
});
