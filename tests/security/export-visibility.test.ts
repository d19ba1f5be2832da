// The data export shows received peer feedback exactly as /gilde shows it (issue 16). For every feedback
// visibility rule (immediately; after the deadline, before and after it; after one's own review, before and after
// giving it) and every anonymity mode, the author's /gilde data and the ZIP from /account/gegevens/download must
// hold the same reviews, under the same reviewer labels, withhold the same texts, and name no anonymous reviewer.
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCourse } from "~/content/course.server";
import type { AssignmentFrontmatter } from "~/content/schema";
import { db } from "~/db.server";
import {
  createCohort,
  createGilde,
  createPeerReview,
  createSubmission,
  createUser,
  enroll,
  joinGilde,
} from "../support/factories";
import { startTestApp, type Client, type TestApp } from "../support/http";
import { at, entry, first } from "../support/indexed";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const MODES = ["open", "anonymous-reviewers", "double-anonymous"] as const;
const RULES = ["immediately", "after-deadline", "after-own-review"] as const;
type Mode = (typeof MODES)[number];
type Rule = (typeof RULES)[number];
type Case = { slug: string; mode: Mode; rule: Rule };

const HOUR = 60 * 60 * 1000;
const FIRST = "Rik Eerstegever"; // assigned first, has not submitted
const SECOND = "Roos Tweedegever"; // assigned second, submitted
const texts = (slug: string) => ({ answer: `ANTWOORD-ROOS-${slug}`, tip: `TIP-ROOS-${slug}` });

// The course has nine assignments with peer review: each gets one combination of anonymity and visibility. The
// course lives on globalThis, shared by this test file's process and the app it serves, so this is what the app reads.
const cases: Case[] = [];
const original = new Map<string, AssignmentFrontmatter["peerReview"]>();

let cohortId: string;
let author: { id: string; browser: Client };
let ownReviews: Map<string, string>; // slug → the review the author gives on Rik's work

beforeAll(async () => {
  const assignments = getCourse()
    .modules.flatMap((m) => m.assignments)
    .filter((a) => a.frontmatter.peerReview.enabled);
  expect(assignments.length).toBeGreaterThanOrEqual(MODES.length * RULES.length);
  MODES.forEach((mode, i) =>
    RULES.forEach((rule, j) => {
      const assignment = at(assignments, i * RULES.length + j, `an assignment for ${mode}, ${rule}`);
      original.set(assignment.slug, { ...assignment.frontmatter.peerReview });
      Object.assign(assignment.frontmatter.peerReview, { anonymity: mode, feedbackVisible: rule });
      cases.push({ slug: assignment.slug, mode, rule });
    }),
  );

  cohortId = (await createCohort()).id;
  const gilde = await createGilde({ cohortId, name: "Zichtbaarheid" });
  const people = await Promise.all(["Anna Auteur", FIRST, SECOND].map((name) => createUser({ name })));
  for (const person of people) {
    await enroll(person.id, cohortId);
    await joinGilde(gilde, person.id);
  }
  const [anna, rik, roos] = people;
  if (!anna || !rik || !roos) throw new Error("Expected Anna, Rik and Roos.");
  const browser = await app.client().signInAs(anna);
  author = { id: anna.id, browser };
  ownReviews = new Map();

  const now = Date.now();
  for (const { slug } of cases) {
    await db.assignmentSchedule.create({
      data: { cohortId, assignmentSlug: slug, peerReviewDueAt: new Date(now + 48 * HOUR) },
    });
    const work = await createSubmission({
      userId: anna.id,
      cohortId,
      assignmentSlug: slug,
      body: `Annas werk ${slug}`,
    });
    const due = new Date(now + 96 * HOUR);
    await createPeerReview({ submission: work, reviewerId: rik.id, dueAt: due, assignedAt: new Date(now - 2 * HOUR) });
    await createPeerReview({
      submission: work,
      reviewerId: roos.id,
      dueAt: due,
      assignedAt: new Date(now - HOUR),
      status: "SUBMITTED",
      submittedAt: new Date(now - HOUR / 2),
      answers: JSON.stringify({ 0: texts(slug).answer }),
      tip: texts(slug).tip,
    });
    // Rik's own work, which Anna is to review (what "after-own-review" waits for).
    const riks = await createSubmission({ userId: rik.id, cohortId, assignmentSlug: slug, body: `Riks werk ${slug}` });
    const own = await createPeerReview({
      submission: riks,
      reviewerId: anna.id,
      dueAt: due,
      assignedAt: new Date(now - HOUR),
    });
    ownReviews.set(slug, own.id);
  }
});

afterAll(() => {
  for (const assignment of getCourse().modules.flatMap((m) => m.assignments)) {
    const saved = original.get(assignment.slug);
    if (saved) Object.assign(assignment.frontmatter.peerReview, saved);
  }
});

type ScreenReview = { reviewer: string; answers: Record<string, string>; tip: string };
type ScreenSubmission = { slug: string; visibleFrom: string | null; reviews: ScreenReview[] };
type ScreenGiven = { id: string; author: string };
type ExportReview = { van: string; antwoorden: Record<string, string>; tip: string };
type ExportSubmission = {
  opdracht: string;
  peerfeedback_ontvangen: ExportReview[];
  peerfeedback_nog_niet_zichtbaar?: string | null;
};
type ExportGiven = { opdracht: string; voor: string };

/** What /gilde gives the author's browser: the loader's data and the page itself. */
async function screen() {
  const data = await author.browser.get("/gilde?_data=routes%2Fgilde._index");
  expect(data.status).toBe(200);
  const page = await author.browser.get("/gilde");
  expect(page.status).toBe(200);
  const { received, toGive } = JSON.parse(data.html) as { received: ScreenSubmission[]; toGive: ScreenGiven[] };
  return { received, toGive, html: page.html };
}

/** The ZIP from /account/gegevens/download, unpacked. */
async function exported() {
  const response = await fetch(new URL("/account/gegevens/download", app.baseUrl), {
    method: "POST",
    headers: {
      Cookie: [...author.browser.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      Origin: app.baseUrl,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: "",
  });
  expect(response.status).toBe(200);
  const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
  const json = (name: string) => JSON.parse(strFromU8(entry(files, name))) as unknown;
  return {
    submissions: json("inzendingen.json") as ExportSubmission[],
    given: json("peerfeedback-gegeven.json") as ExportGiven[],
    everything: Object.values(files)
      .map((bytes) => strFromU8(bytes))
      .join("\n"),
  };
}

/** Compares screen and export for every case; `visible` says which rules let the feedback be read in this phase. */
async function compare(visible: Record<Rule, boolean>) {
  const [shown, zip] = await Promise.all([screen(), exported()]);
  for (const { slug, mode, rule } of cases) {
    const label = `${mode}/${rule}`;
    const onScreen = shown.received.find((s) => s.slug === slug);
    const inZip = zip.submissions.find((s) => s.opdracht === slug);
    expect(onScreen, label).toBeDefined();
    expect(inZip, label).toBeDefined();
    const screenReviews = onScreen!.reviews.map((r) => ({ van: r.reviewer, antwoord: r.answers[0], tip: r.tip }));
    const zipReviews = inZip!.peerfeedback_ontvangen.map((r) => ({
      van: r.van,
      antwoord: r.antwoorden[0],
      tip: r.tip,
    }));
    // The same reviews, under the same labels, with the same texts.
    expect(zipReviews, label).toEqual(screenReviews);
    expect(inZip!.peerfeedback_nog_niet_zichtbaar ?? null, label).toBe(onScreen!.visibleFrom);

    // And they are what the rule asks for: Roos's review (the second assigned) or nothing yet.
    const { answer, tip } = texts(slug);
    if (visible[rule]) {
      const expectedLabel = mode === "open" ? SECOND : "Feedbackgever 2";
      expect(screenReviews, label).toEqual([{ van: expectedLabel, antwoord: answer, tip }]);
      expect(onScreen!.visibleFrom, label).toBeNull();
    } else {
      expect(screenReviews, label).toEqual([]);
      expect(onScreen!.visibleFrom, label).toMatch(/^Je leest de feedback/);
      for (const text of [answer, tip]) {
        expect(zip.everything, `${label}: export lekt ${text}`).not.toContain(text);
        expect(shown.html, `${label}: /gilde lekt ${text}`).not.toContain(text);
      }
    }
    if (mode !== "open") {
      for (const name of [FIRST, SECOND]) {
        expect(JSON.stringify(onScreen), `${label}: /gilde noemt ${name}`).not.toContain(name);
        expect(JSON.stringify(inZip), `${label}: export noemt ${name}`).not.toContain(name);
      }
    }

    // The review Anna gives: the export names Rik's work as /gilde does (not at all when double anonymous).
    const givenOnScreen = shown.toGive.find((r) => r.id === ownReviews.get(slug));
    const givenInZip = zip.given.filter((r) => r.opdracht === slug);
    expect(givenInZip, label).toHaveLength(1);
    expect(first(givenInZip).voor, label).toBe(givenOnScreen?.author);
    if (mode === "double-anonymous") expect(JSON.stringify(givenInZip), label).not.toContain(FIRST);
  }
}

/** Puts the world in one phase: the peer-review deadline passed or not, Anna's own reviews given or not. */
async function phase({ deadlinePassed, ownGiven }: { deadlinePassed: boolean; ownGiven: boolean }) {
  await db.assignmentSchedule.updateMany({
    where: { cohortId },
    data: { peerReviewDueAt: new Date(Date.now() + (deadlinePassed ? -1 : 48) * HOUR) },
  });
  const ids = [...ownReviews.values()];
  await db.peerReview.updateMany({
    where: { id: { in: ids } },
    data: ownGiven
      ? { status: "SUBMITTED", submittedAt: new Date(), answers: JSON.stringify({ 0: "Annas antwoord" }) }
      : { status: "OPEN", submittedAt: null },
  });
}

describe("the data export and /gilde agree on received peer feedback", () => {
  it("before the deadline and before the author's own review: only 'immediately' can be read, in both", async () => {
    await phase({ deadlinePassed: false, ownGiven: false });
    await compare({ immediately: true, "after-deadline": false, "after-own-review": false });
  });

  it("after the author gave their own review, before the deadline: 'after-own-review' opens too, 'after-deadline' still waits", async () => {
    await phase({ deadlinePassed: false, ownGiven: true });
    await compare({ immediately: true, "after-deadline": false, "after-own-review": true });
  });

  it("after the deadline, own review not given: 'after-deadline' opens, 'after-own-review' still waits", async () => {
    await phase({ deadlinePassed: true, ownGiven: false });
    await compare({ immediately: true, "after-deadline": true, "after-own-review": false });
  });

  it("after the deadline and the author's own review: everything can be read, in both", async () => {
    await phase({ deadlinePassed: true, ownGiven: true });
    await compare({ immediately: true, "after-deadline": true, "after-own-review": true });
  });
});
