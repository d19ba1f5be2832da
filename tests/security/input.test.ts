// Stored cross-site scripting: participants and alumni put script, event-handler and tag-breaking payloads in every
// free-text field a trainer or admin later reads (name, wijkprofiel, submission, peer feedback, intake, community,
// practice cases, reports); and Markdown fields get javascript:/data:/vbscript: links, raw HTML and remote
// images. The page the trainer or admin opens must show the text, escaped, and never contain live markup.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import {
  createCohort,
  createGilde,
  createPeerReview,
  createUser,
  enroll,
  joinGilde,
  uniqueEmail,
} from "../support/factories";
import { startTestApp, type Client, type Page, type TestApp } from "../support/http";
import { adminIn, trainerOf, registerThroughMail } from "../support/people";
import { first } from "../support/indexed";

let app: TestApp;
let admin: Client;
beforeAll(async () => {
  app = await startTestApp();
  admin = await adminIn(app);
});
afterAll(() => app.close());

const SCRIPT = "<script>alert(1)</script>";
const IMG = "<img src=x onerror=alert(1)>";
const SVG = `"><svg onload=alert(1)>`;
/** All three in one string, for fields long enough to hold it. */
const XSS = `${SCRIPT}${IMG}${SVG}`;

const assignment = () => first(first(getCourse().modules).assignments);

/** Markup in the page that would run or load something the text put there. Empty when the page is inert. */
function liveMarkup(html: string): string[] {
  const found: string[] = [];
  if (html.includes("<script>alert(")) found.push("<script>alert(");
  for (const [tag] of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
    const outsideValues = tag.replace(/"[^"]*"/g, '""');
    if (/\son[a-z]+\s*=/i.test(outsideValues)) found.push(tag);
    if (/^<(svg|iframe|object|embed|math|base)\b/i.test(tag)) found.push(tag);
    if (/^<img\b/i.test(tag) && !/\ssrc="\/(?![/\\])/.test(tag)) found.push(tag);
  }
  return found.concat(unsafeUrls(html));
}

/** href/src/action values that are not http(s), mailto, a path on this site or an anchor (after decoding entities). */
function unsafeUrls(html: string): string[] {
  const decode = (value: string) =>
    value
      .replace(/&#x([0-9a-f]+);?/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#(\d+);?/g, (_, dec) => String.fromCodePoint(Number(dec)))
      .replace(/&colon;/gi, ":")
      .replace(/&tab;|&newline;/gi, "")
      .replace(/&amp;/g, "&")
      // Browsers ignore these inside a scheme.
      .replace(/[\u0000-\u0020\u007f]/g, "");
  return [...html.matchAll(/\s(href|src|action|formaction|srcset|poster)="([^"]*)"/gi)]
    .map(([, , value = ""]) => decode(value))
    .filter((url) => !/^(https?:\/\/|mailto:|\/(?![/\\])|#|\?|$)/i.test(url));
}

/** The trainer's or admin's view: it renders, shows the payload as text, and has no live markup. */
function expectInert(page: Page, label: string, ...shownAsText: string[]) {
  expect(page.status, label).toBe(200);
  expect(liveMarkup(page.html), label).toEqual([]);
  for (const text of shownAsText) expect(page.text, `${label}: ${text}`).toContain(text);
}

async function participantIn(cohortId: string, name = "Deelnemer Xss") {
  const user = await createUser({ name });
  await enroll(user.id, cohortId);
  const browser = await app.client().signInAs(user);
  return { user, browser };
}

async function alumnusBrowser(name = "Alumnus Xss") {
  const user = await createUser({ name });
  await enroll(user.id, (await createCohort()).id, "COMPLETED");
  const browser = await app.client().signInAs(user);
  return { user, browser };
}

describe("the checks themselves", () => {
  it("recognise live markup and unsafe links, and pass escaped text", () => {
    expect(liveMarkup(`<p>${SCRIPT}</p>`)).not.toEqual([]);
    expect(liveMarkup(`<p><img src="x" onerror="alert(1)"></p>`)).not.toEqual([]);
    expect(liveMarkup(`<div><svg onload=alert(1)></div>`)).not.toEqual([]);
    expect(liveMarkup(`<a href="javascript:alert(1)">x</a>`)).not.toEqual([]);
    expect(liveMarkup(`<a href="&#106;avascript:alert(1)">x</a>`)).not.toEqual([]);
    expect(liveMarkup(`<a href=" java&#x09;script:alert(1)">x</a>`)).not.toEqual([]);
    expect(liveMarkup(`<a href="data:text/html,x">x</a>`)).not.toEqual([]);
    expect(liveMarkup(`<img src="https://tracker.example/p.gif">`)).not.toEqual([]);
    expect(
      liveMarkup(
        `<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><input value="&lt;img src=x onerror=alert(1)&gt;&quot;&gt;">`,
      ),
    ).toEqual([]);
    expect(
      liveMarkup(
        `<a href="https://voorbeeld.nl" rel="nofollow">x</a><a href="/gilde">y</a><img src="/bijlagen/1" alt="">`,
      ),
    ).toEqual([]);
  });
});

describe("stored XSS in what trainers and admins read", () => {
  it("a participant's name from registration, on the admin's user list and the trainer's intake page", async () => {
    const email = uniqueEmail("xss-naam");
    const browser = app.client();
    expect(
      (await registerThroughMail(browser, { name: `Xander ${XSS}`, email, password: "een-goed-lang-wachtwoord" }))
        .confirmed?.status,
    ).toBe(302);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.name).toBe(`Xander ${XSS}`); // stored as typed: escaping is the page's job
    expectInert(await admin.get(`/beheer/gebruikers?q=${encodeURIComponent(email)}`), "gebruikers", `Xander ${XSS}`);
    expectInert(await browser.get("/dashboard"), "eigen dashboard", "Xander");

    const cohort = await createCohort();
    await db.cohort.update({
      where: { id: cohort.id },
      data: { startsOn: new Date("2099-03-01"), endsOn: new Date("2099-12-01") },
    });
    const intake = {
      intent: "apply",
      currentWork: "Werk",
      organisation: "Org",
      experienceYears: "2",
      experience: "Ervaring",
      wijk: "Wijk",
      motivation: "Motivatie",
      payer: "SELF",
    };
    expect((await browser.submit(`/aanmelden/${cohort.id}`, intake)).text).toContain("je aanmelding is binnen");
    expectInert(
      await (await trainerOf(app, cohort.id)).get(`/beoordelen/aanmeldingen/${cohort.id}`),
      "aanmeldingen",
      `Xander ${XSS}`,
    );
  });

  it("every wijkprofiel field, on the trainer's view of the participant's wijk", async () => {
    const cohort = await createCohort();
    const { user, browser } = await participantIn(cohort.id);
    const fields = {
      name: `Wijk ${XSS}`,
      municipality: `Gemeente ${IMG}`,
      role: `Rol ${XSS}`,
      connectors: `Verbinders ${XSS}`,
      networks: `Netwerken ${XSS}`,
      ambitions: `Ambities ${XSS}`,
      problems: `Problemen ${XSS}`,
      chances: `Kansen ${XSS}`,
    };
    expect((await browser.submit("/wijk", fields)).text).toContain("Opgeslagen als versie 1.");
    const trainer = await trainerOf(app, cohort.id);
    expectInert(await trainer.get(`/wijk/${user.id}`), "wijk", ...Object.values(fields));
    expectInert(await browser.get("/wijk"), "eigen wijk", `Wijk ${XSS}`);
  });

  it("submission text, also in the trainer's 'what changed' view between two versions", async () => {
    const cohort = await createCohort();
    const { user, browser } = await participantIn(cohort.id);
    const slug = assignment().slug;
    expect(
      (
        await browser.submit(`/opdrachten/${slug}`, {
          intent: "hand-in",
          body: `Eerste versie\n\n${XSS}`,
          revision: "0",
        })
      ).text,
    ).toContain("Ingeleverd");
    const submission = await db.submission.findFirstOrThrow({ where: { userId: user.id } });
    const trainer = await trainerOf(app, cohort.id);
    expectInert(await trainer.get(`/beoordelen/${submission.id}`), "inzending", SCRIPT, IMG, SVG);

    await db.submission.update({ where: { id: submission.id }, data: { status: "RETURNED" } });
    // A revision asks for a reflection on the feedback first (issue 23); this one is already written.
    await db.reflection.create({ data: { submissionId: submission.id, version: 1, body: "Ik pas de kaart aan." } });
    const second = `Tweede versie ${IMG}\n\n${SVG} en ${SCRIPT}`;
    expect(
      (await browser.submit(`/opdrachten/${slug}`, { intent: "hand-in", body: second, revision: "1" })).text,
    ).toContain("Ingeleverd (versie 2)");
    const screen = await trainer.get(`/beoordelen/${submission.id}`);
    expectInert(screen, "versies", "Wat is veranderd ten opzichte van versie 1", SCRIPT, IMG);
    expect(screen.html).toMatch(/<ins>[^<]*&lt;img/);
    expectInert(await browser.get(`/opdrachten/${slug}`), "eigen inzending", SCRIPT);
  });

  it("peer feedback, on the trainer's matrix and grading screen", async () => {
    const cohort = await createCohort();
    const author = await participantIn(cohort.id, "Auteur Xss");
    const reviewer = await participantIn(cohort.id, "Reviewer Xss");
    const slug = assignment().slug;
    await author.browser.submit(`/opdrachten/${slug}`, { intent: "hand-in", body: "Gewoon werk", revision: "0" });
    const submission = await db.submission.findFirstOrThrow({ where: { userId: author.user.id } });
    const review = await createPeerReview({ submission, reviewerId: reviewer.user.id });
    const form: Record<string, string> = { tip: `Tip ${XSS}`, revision: "0", intent: "submit" };
    assignment().frontmatter.peerReview.guidingQuestions.forEach(
      (_, i) => (form[`answers.${i}`] = `Antwoord ${i} ${XSS}`),
    );
    expect((await reviewer.browser.submit(`/gilde/feedback/${review.id}`, form)).text).toContain("Ingediend");

    const trainer = await trainerOf(app, cohort.id);
    expectInert(
      await trainer.get(`/beoordelen/peerfeedback/${cohort.id}?opdracht=${slug}`),
      "matrix",
      `Antwoord 0 ${XSS}`,
      `Tip ${XSS}`,
    );
    expectInert(await trainer.get(`/beoordelen/${submission.id}`), "beoordelen", `Antwoord 0 ${XSS}`, `Tip ${XSS}`);
  });

  it("every intake answer, also the employer's details, on the intake page", async () => {
    const cohort = await createCohort();
    await db.cohort.update({
      where: { id: cohort.id },
      data: { startsOn: new Date("2099-03-01"), endsOn: new Date("2099-12-01") },
    });
    const applicant = await createUser({ name: "Aanmelder Xss" });
    const browser = await app.client().signInAs(applicant);
    const intake = {
      intent: "apply",
      currentWork: `Werk ${XSS}`,
      organisation: `Org ${XSS}`,
      experienceYears: "5",
      experience: `Ervaring ${XSS}`,
      wijk: `Wijk ${XSS}`,
      motivation: `Motivatie ${XSS}`,
      payer: "EMPLOYER",
      employerName: `Werkgever ${XSS}`,
      employerContact: `Contact ${XSS}`,
      employerEmail: "facturen@werkgever.example",
      poNumber: `PO ${IMG}`,
      employerAddress: `Adres ${XSS}`,
    };
    expect((await browser.submit(`/aanmelden/${cohort.id}`, intake)).text).toContain("je aanmelding is binnen");
    const trainer = await trainerOf(app, cohort.id);
    expectInert(
      await trainer.get(`/beoordelen/aanmeldingen/${cohort.id}`),
      "intake",
      `Werk ${XSS}`,
      `Ervaring ${XSS}`,
      `Motivatie ${XSS}`,
      `Werkgever ${XSS}`,
      `PO ${IMG}`,
    );
    expectInert(await browser.get(`/aanmelden/${cohort.id}`), "eigen aanmelding");
  });

  it("community thread titles, posts and report reasons, for the admin and in a gilde room for its trainer", async () => {
    const alumnus = await alumnusBrowser(`Alumnus ${SVG}`);
    const created = await alumnus.browser.post("/community", {
      intent: "thread",
      title: `Titel ${XSS}`,
      body: `Bericht ${XSS}`,
      themes: "vertrouwen",
      tags: "",
    });
    expect(created.status).toBe(302);
    await alumnus.browser.post(created.location!, { intent: "reply", body: `Reactie ${XSS}` });
    const post = await db.post.findFirstOrThrow({
      where: { threadId: created.location!.split("/").pop() },
      orderBy: { createdAt: "asc" },
    });
    const reader = await alumnusBrowser();
    await reader.browser.post(created.location!, { intent: "report", postId: post.id, reason: `Reden ${XSS}` });
    expectInert(await admin.get(created.location!), "onderwerp", `Titel ${XSS}`, `Bericht ${XSS}`, `Reactie ${XSS}`);
    expectInert(await admin.get("/community"), "lijst", `Titel ${XSS}`);
    expectInert(
      await admin.get("/beheer/meldingen"),
      "meldingen",
      `Reden ${XSS}`,
      `Titel ${XSS}`,
      `Bericht ${XSS}`,
      `Alumnus ${SVG}`,
    );

    const cohort = await createCohort();
    await db.cohort.update({ where: { id: cohort.id }, data: { endsOn: new Date(Date.now() + 90 * 86_400_000) } });
    const gilde = await createGilde({ cohortId: cohort.id, name: "De Schrijvers" });
    const member = await participantIn(cohort.id);
    await joinGilde(gilde, member.user.id);
    const roomThread = await member.browser.post(`/gildes/${gilde.id}`, {
      intent: "thread",
      title: `Kamer ${XSS}`,
      body: `Kamerbericht ${XSS}`,
      tags: "",
    });
    expect(roomThread.status).toBe(302);
    const trainer = await trainerOf(app, cohort.id);
    expectInert(await trainer.get(`/gildes/${gilde.id}`), "gildekamer", `Kamer ${XSS}`);
    expectInert(await trainer.get(roomThread.location!), "kameronderwerp", `Kamerbericht ${XSS}`);
  });

  it("every part of a practice case, on its page and in the list and search", async () => {
    const alumnus = await alumnusBrowser();
    const fields = {
      title: `Voorbeeld ${XSS}`,
      situation: `Situatie ${XSS}`,
      residents: `Bewoners ${XSS}`,
      role: `Rol ${XSS}`,
      result: `Resultaat ${XSS}`,
      learned: `Geleerd ${XSS}`,
      municipality: `Utrecht ${IMG}`,
      wijk: `Overvecht ${XSS}`,
      consent: "on",
    };
    const published = await alumnus.browser.post("/praktijk/nieuw", fields);
    expect(published.status).toBe(302);
    expectInert(
      await admin.get(published.location!),
      "praktijkvoorbeeld",
      `Voorbeeld ${XSS}`,
      `Situatie ${XSS}`,
      `Geleerd ${XSS}`,
      `Overvecht ${XSS}`,
    );
    expectInert(await admin.get("/praktijk"), "lijst", `Voorbeeld ${XSS}`);
    expectInert(await admin.get(`/praktijk?q=situatie`), "zoeken", `Voorbeeld ${XSS}`);
  });
});

describe("Markdown: links, raw HTML and images", () => {
  const MARKDOWN = [
    "[klik1](javascript:alert(1))",
    "[klik2](JaVaScRiPt:alert(2))",
    "[klik3](&#106;avascript:alert(3))",
    "[klik4](java&#x09;script:alert(4))",
    "[klik5](data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==)",
    "[klik6](vbscript:msgbox(6))",
    "[klik7][ref]",
    "<javascript:alert(8)>",
    '<a href="javascript:alert(9)">rauw</a>',
    '<iframe src="https://evil.example/"></iframe>',
    '<div onmouseover="alert(10)">zweven</div>',
    "![pixel](https://tracker.example/p.gif)",
    "![lokaal](/bijlagen/voorbeeld)",
    "[goede link](https://voorbeeld.nl/pagina)",
    "",
    "[ref]: javascript:alert(7)",
  ].join("\n\n");

  /** What every view of MARKDOWN must show: no live link or tag, the remote image as a plain link, the good link live. */
  function expectSafeMarkdown(page: Page, label: string) {
    expectInert(page, label, '<a href="javascript:alert(9)">rauw</a>', "<iframe", "klik1");
    expect(page.html, label).not.toMatch(/href="[^"]*(javascript|vbscript|data):/i);
    expect(page.html, label).toMatch(
      /<a href="https:\/\/tracker\.example\/p\.gif" rel="nofollow noopener noreferrer">pixel<\/a>/,
    );
    expect(page.html, label).not.toMatch(/<img[^>]*tracker\.example/);
    expect(page.html, label).toMatch(/<img src="\/bijlagen\/voorbeeld" alt="lokaal">/);
    expect(page.html, label).toMatch(
      /<a href="https:\/\/voorbeeld\.nl\/pagina" rel="nofollow noopener noreferrer">goede link<\/a>/,
    );
  }

  it("in a submission, for the trainer, the participant and a peer reviewer", async () => {
    const cohort = await createCohort();
    const author = await participantIn(cohort.id, "Schrijver Markdown");
    const reviewer = await participantIn(cohort.id, "Lezer Markdown");
    const slug = assignment().slug;
    expect(
      (await author.browser.submit(`/opdrachten/${slug}`, { intent: "hand-in", body: MARKDOWN, revision: "0" })).text,
    ).toContain("Ingeleverd");
    const submission = await db.submission.findFirstOrThrow({ where: { userId: author.user.id } });
    const review = await createPeerReview({ submission, reviewerId: reviewer.user.id });
    const trainer = await trainerOf(app, cohort.id);
    expectSafeMarkdown(await trainer.get(`/beoordelen/${submission.id}`), "trainer");
    expectSafeMarkdown(await author.browser.get(`/opdrachten/${slug}`), "schrijver");
    expectSafeMarkdown(await reviewer.browser.get(`/gilde/feedback/${review.id}`), "reviewer");
  });

  it("in community posts and replies, for the admin", async () => {
    const alumnus = await alumnusBrowser();
    const created = await alumnus.browser.post("/community", {
      intent: "thread",
      title: "Markdown-proef",
      body: MARKDOWN,
      themes: "vertrouwen",
      tags: "",
    });
    expect(created.status).toBe(302);
    await alumnus.browser.post(created.location!, { intent: "reply", body: `Nog eens:\n\n${MARKDOWN}` });
    const page = await admin.get(created.location!);
    expectSafeMarkdown(page, "community");
    expect(page.html.match(/rel="nofollow noopener noreferrer">goede link<\/a>/g)).toHaveLength(2);
  });
});
