// The grading desk and the lists around it: "Opslaan en volgende" in queue order, the queue's place kept in the
// URL, the list of graded work and its filters, attachments previewed for trainers only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import {
  createAssessment,
  createCohort,
  createGilde,
  createSubmission,
  createUser,
  enroll,
  joinGilde,
} from "../support/factories";
import { startTestApp, type TestApp } from "../support/http";
import { at } from "../support/indexed";
import { participantIn, trainerOf } from "../support/people";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const assignment = () => at(at(getCourse().modules, 0).assignments, 0);

function draftForm(intent: string) {
  const form: Record<string, string> = { intent, decision: "voldaan", overall: "Goed gedaan.", revision: "0" };
  for (const c of assignment().frontmatter.rubric) form[`levels.${c.id}`] = String(c.passLevel);
  return form;
}

/** A cohort with a trainer and three participants who handed in, oldest first: Anna, Bram, Cas. */
async function threeWaiting() {
  const cohort = await createCohort();
  const trainer = await trainerOf(app, cohort.id);
  const slug = assignment().slug;
  const ids: string[] = [];
  for (const [index, name] of ["Anna Eerst", "Bram Tweede", "Cas Derde"].entries()) {
    const user = await createUser({ name });
    await enroll(user.id, cohort.id);
    const at = new Date(Date.UTC(2027, 2, 10 + index, 12));
    const submission = await createSubmission({
      userId: user.id,
      cohortId: cohort.id,
      assignmentSlug: slug,
      createdAt: at,
      updatedAt: at,
    });
    ids.push(submission.id);
  }
  return { cohort, trainer, slug, ids };
}

describe("Opslaan en volgende", () => {
  it("saves a draft and opens the next waiting submission in queue order, then returns to the queue after the last", async () => {
    const { trainer, slug, ids } = await threeWaiting();
    const [anna, bram, cas] = [at(ids, 0), at(ids, 1), at(ids, 2)];
    const place = `?opdracht=${slug}&laat=nee`;
    const first = await trainer.post(`/beoordelen/${anna}${place}`, draftForm("save-next"));
    expect(first.status).toBe(302);
    expect(first.location).toBe(`/beoordelen/${bram}${place}`);
    const next = await trainer.follow(first);
    expect(next.text).toContain("Bram Tweede");
    expect(next.text).toContain("Hier is de volgende inzending uit je wachtrij");
    expect(await db.assessment.count({ where: { submissionId: anna, status: "DRAFT" } })).toBe(1);

    expect((await trainer.post(`/beoordelen/${bram}${place}`, draftForm("save-next"))).location).toBe(
      `/beoordelen/${cas}${place}`,
    );
    const last = await trainer.post(`/beoordelen/${cas}${place}`, draftForm("save-next"));
    expect(last.location).toBe(`/beoordelen${place}`);
    const queue = await trainer.follow(last);
    expect(queue.text).toContain("Dat was de laatste inzending in je wachtrij");
    expect(queue.text).toContain("Anna Eerst");
  });

  it("skips what the queue's filters leave out, and stays within the trainer's own cohorts", async () => {
    const { cohort, trainer, ids } = await threeWaiting();
    const [anna, bram, cas] = [at(ids, 0), at(ids, 1), at(ids, 2)];
    const gilde = await createGilde({ cohortId: cohort.id });
    for (const id of [anna, cas]) {
      const { userId } = await db.submission.findUniqueOrThrow({ where: { id }, select: { userId: true } });
      await joinGilde(gilde, userId);
    }
    const moved = await trainer.post(`/beoordelen/${anna}?gilde=${gilde.id}`, draftForm("save-next"));
    expect(moved.location).toBe(`/beoordelen/${cas}?gilde=${gilde.id}`);
    expect(moved.location).not.toContain(bram);
    // Someone else's cohort has older waiting work: it never comes up as "next".
    const other = await threeWaiting();
    const fromBram = await trainer.post(`/beoordelen/${bram}`, draftForm("save-next"));
    expect(fromBram.location).toBe(`/beoordelen/${cas}`);
    expect(other.ids.some((id) => fromBram.location?.includes(id))).toBe(false);
  });

  it("keeps the queue's place: the desk links carry the filters and page, and lead back to them", async () => {
    const { trainer, slug, ids } = await threeWaiting();
    const place = `?opdracht=${slug}&laat=nee&pagina=2`;
    const queue = await trainer.get(`/beoordelen?opdracht=${slug}&laat=nee`);
    expect(queue.html).toContain(`/beoordelen/${at(ids, 0)}?opdracht=${slug}&amp;laat=nee"`);
    const desk = await trainer.get(`/beoordelen/${at(ids, 1)}${place}`);
    expect(desk.html).toContain(`href="/beoordelen?opdracht=${slug}&amp;laat=nee&amp;pagina=2"`);
    expect(desk.text).toContain("Terug naar de wachtrij");
    const saved = await trainer.post(`/beoordelen/${at(ids, 1)}${place}`, draftForm("save"));
    expect(saved.location).toBe(`/beoordelen/${at(ids, 1)}${place}`);
  });
});

describe("graded work", () => {
  it("lists graded work of the trainer's cohorts, filtered on decision, release, trainer, cohort and assignment", async () => {
    const { cohort, trainer, slug, ids } = await threeWaiting();
    const [anna, bram, cas] = [at(ids, 0), at(ids, 1), at(ids, 2)];
    const colleague = await createUser({ role: "TRAINER", name: "Collega Trainer" });
    await db.cohortStaff.create({ data: { cohortId: cohort.id, userId: colleague.id } });
    const me = await db.user.findFirstOrThrow({
      where: { staffOf: { some: { cohortId: cohort.id } }, NOT: { id: colleague.id } },
    });
    const version = async (id: string) =>
      (await db.submissionVersion.findFirstOrThrow({ where: { submissionId: id }, select: { id: true } })).id;
    await createAssessment({ submissionId: anna, versionId: await version(anna), gradedById: me.id });
    await createAssessment({
      submissionId: bram,
      versionId: await version(bram),
      gradedById: colleague.id,
      status: "DRAFT",
      releasedAt: null,
      decision: "FAILED",
    });
    await createAssessment({
      submissionId: cas,
      versionId: await version(cas),
      gradedById: me.id,
      decision: "REVISION",
    });
    await db.submission.updateMany({ where: { id: { in: [anna] } }, data: { status: "PASSED" } });
    await db.submission.updateMany({ where: { id: { in: [cas] } }, data: { status: "RETURNED" } });

    const names = async (query: string) => {
      const page = await trainer.get(`/beoordelen/beoordeeld?groep=${cohort.id}&${query}`);
      expect(page.status).toBe(200);
      return ["Anna Eerst", "Bram Tweede", "Cas Derde"].filter((name) => page.text.includes(name));
    };
    expect(await names("")).toEqual(["Anna Eerst", "Bram Tweede", "Cas Derde"]);
    expect(await names("besluit=voldaan")).toEqual(["Anna Eerst"]);
    expect(await names("besluit=herziening")).toEqual(["Cas Derde"]);
    expect(await names("vrijgegeven=nee")).toEqual(["Bram Tweede"]);
    expect(await names("vrijgegeven=ja")).toEqual(["Anna Eerst", "Cas Derde"]);
    expect(await names(`trainer=${colleague.id}`)).toEqual(["Bram Tweede"]);
    expect(await names(`opdracht=${slug}-niet`)).toEqual([]);
    // Each line opens the desk.
    expect((await trainer.get(`/beoordelen/beoordeeld?groep=${cohort.id}`)).html).toContain(
      `href="/beoordelen/${anna}"`,
    );
    // A trainer of another cohort sees none of it.
    const stranger = await trainerOf(app, (await createCohort()).id);
    const theirs = await stranger.get("/beoordelen/beoordeeld");
    expect(theirs.text).not.toContain("Anna Eerst");
    expect(theirs.text).toContain("Hier staat nog geen beoordeeld werk");
  });
});

describe("attachments on the desk", () => {
  const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

  it("shows a trainer a handed-in PDF inline, framable by Gilde only; the participant still downloads it", async () => {
    const student = await participantIn(app, { name: "Pien Pdf" });
    const page = `/opdrachten/${assignment().slug}`;
    await student.browser.upload(page, [{ name: "kaart.pdf", bytes: PDF }]);
    await student.browser.submit(page, { intent: "hand-in", body: "Met een kaart", revision: "0" });
    const trainer = await trainerOf(app, student.cohortId);
    const submission = await db.submission.findFirstOrThrow({ where: { userId: student.user.id } });
    const file = await db.attachment.findFirstOrThrow({ where: { userId: student.user.id } });
    const desk = await trainer.get(`/beoordelen/${submission.id}`);
    expect(desk.html).toMatch(new RegExp(`<iframe[^>]*src="/bijlagen/${file.id}\\?voorbeeld"`));
    expect(desk.html).toContain(`href="/bijlagen/${file.id}"`);
    const preview = await trainer.get(`/bijlagen/${file.id}?voorbeeld`);
    expect(preview.headers.get("Content-Type")).toBe("application/pdf");
    expect(preview.headers.get("Content-Disposition")).toMatch(/^inline;/);
    expect(preview.headers.get("X-Frame-Options")).toBe("SAMEORIGIN");
    expect(preview.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'self'");
    expect(preview.headers.get("Content-Security-Policy")).not.toContain("script-src");
    const own = await student.browser.get(`/bijlagen/${file.id}?voorbeeld`);
    expect(own.headers.get("Content-Disposition")).toMatch(/^attachment;/);
    expect(own.headers.get("X-Frame-Options")).toBe("DENY");
  });
});
