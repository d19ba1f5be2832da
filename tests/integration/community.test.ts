// The gilde goes on (issue 8): community access, threads and replies, XSS, gilde rooms and mentors, moderation,
// practice cases with consent and withdrawal, the opt-in directory, and the weekly digest with its signed link.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendWeeklyDigests } from "~/community/digest.server";
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
import { startTestApp, type Client, type TestApp } from "../support/http";
import { adminIn, trainerOf } from "../support/people";

let app: TestApp;
let admin: Client;
beforeAll(async () => {
  app = await startTestApp();
  admin = await adminIn(app);
});
afterAll(() => app.close());

const firstAssignment = () => getCourse().modules[0]!.assignments[0]!.slug;

async function person(status: "COMPLETED" | "ACTIVE" | null, name = "Lid Test", cohortId?: string) {
  const user = await createUser({ name });
  const cohort = cohortId ?? (await createCohort()).id;
  if (status) await enroll(user.id, cohort, status);
  const browser = await app.client().signInAs(user);
  return { user, browser, cohortId: cohort };
}

async function startThread(browser: Client, fields: Record<string, string> = {}, path = "/community") {
  const response = await browser.post(path, {
    intent: "thread",
    title: "Hoe begin je een buurtgesprek?",
    body: "Mijn ervaring in **Kanaleneiland**.",
    themes: "vertrouwen",
    tags: "buurtgesprek",
    ...fields,
  });
  expect(response.status, response.text.slice(0, 300)).toBe(302);
  return response.location!;
}

describe("the alumni community", () => {
  it("lets alumni post, current participants read (and post once the admin opens it), and keeps others out", async () => {
    const alumnus = await person("COMPLETED", "Anouk Alumnus");
    const participant = await person("ACTIVE");
    const outsider = await person(null);
    const url = await startThread(alumnus.browser);
    expect((await outsider.browser.get("/community")).status).toBe(403);
    expect((await outsider.browser.get(url)).status).toBe(404);
    const reading = await participant.browser.get("/community");
    expect(reading.text).toContain("Hoe begin je een buurtgesprek?");
    expect(reading.text).toContain("Je kunt meelezen");
    const refused = await participant.browser.submit(url, { intent: "reply", body: "Mag ik meedoen?" });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain("Alleen alumni");
    await admin.post("/beheer/meldingen", { intent: "setting", participantsMayPost: "on" });
    expect((await participant.browser.submit(url, { intent: "reply", body: "Mag ik meedoen?" })).text).toContain(
      "Je reactie staat erbij",
    );
    await admin.post("/beheer/meldingen", { intent: "setting" });

    const post = await db.post.findFirstOrThrow({
      where: { thread: { id: url.split("/").pop() } },
      orderBy: { createdAt: "asc" },
    });
    await participant.browser.submit(url, { intent: "report", postId: post.id, reason: "Klopt dit wel?" });
    const report = await db.report.findFirstOrThrow({ where: { postId: post.id } });
    expect((await admin.get("/beheer/meldingen")).text).toContain("Klopt dit wel?");
    const dismissed = await admin.submit("/beheer/meldingen", { intent: "dismiss", reportId: report.id });
    expect(dismissed.text).toContain("Melding afgehandeld zonder te verbergen");
    expect(dismissed.text).not.toContain("Klopt dit wel?");
    expect((await admin.get("/beheer/meldingen")).text).not.toContain("zonder te verbergen");
    expect((await admin.post("/beheer/meldingen", { intent: "dismiss", reportId: report.id })).text).toContain(
      "al afgehandeld",
    );
    expect((await db.post.findUniqueOrThrow({ where: { id: post.id } })).hiddenAt).toBeNull();
  });

  it("validates threads, keeps what was typed, filters on theme and tag, and counts 'dit hielp mij'", async () => {
    const alumnus = await person("COMPLETED", "Bas Alumnus");
    const other = await person("COMPLETED", "Cor Alumnus");
    const bad = await alumnus.browser.post("/community", {
      intent: "thread",
      title: "Hi",
      body: "Tekst die blijft staan",
      themes: "onbekend",
      tags: "goed, <b>fout</b>",
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("minstens drie tekens");
    expect(bad.text).toContain("Kies thema's uit de lijst");
    expect(bad.text).toContain("kan geen tag zijn");
    expect(bad.html).toContain("Tekst die blijft staan");
    const url = await startThread(alumnus.browser, {
      title: "Jongeren en de sportkooi",
      themes: "jongeren",
      tags: "sport, openbare ruimte",
    });
    expect((await other.browser.get("/community?thema=jongeren")).text).toContain("Jongeren en de sportkooi");
    expect((await other.browser.get("/community?thema=gemeente")).text).not.toContain("Jongeren en de sportkooi");
    expect((await other.browser.get("/community?tag=sport")).text).toContain("Jongeren en de sportkooi");
    const post = await db.post.findFirstOrThrow({ where: { thread: { title: "Jongeren en de sportkooi" } } });
    await other.browser.submit(url, { intent: "helped", postId: post.id });
    expect((await other.browser.get(url)).text).toContain("Dit hielp mij (1)");
    await other.browser.submit(url, { intent: "helped", postId: post.id });
    expect((await other.browser.get(url)).text).toContain("Dit hielp mij (0)");
    expect((await alumnus.browser.submit(url, { intent: "helped", postId: post.id })).status).toBe(400);
  });

  it("pages a long thread in order, names each author, and shows each reader whether they follow it", async () => {
    const alumnus = await person("COMPLETED", "Anna Opener");
    const other = await person("COMPLETED", "Bert Beantwoorder");
    const url = await startThread(alumnus.browser, { title: "Een lang gesprek over de buurttuin" });
    const threadId = url.split("/").pop()!;
    const opened = await db.post.findFirstOrThrow({ where: { threadId } });
    // 50 replies after the opening post, one second apart, every other one by Bert: 51 posts, two pages.
    await db.post.createMany({
      data: Array.from({ length: 50 }, (_, i) => ({
        threadId,
        authorId: i % 2 ? alumnus.user.id : other.user.id,
        body: `Antwoord nummer ${i + 1}.`,
        createdAt: new Date(opened.createdAt.getTime() + (i + 1) * 1000),
      })),
    });
    const first = await other.browser.get(url);
    expect(first.text).toContain("Pagina 1 van 2");
    const numbers = [...first.text.matchAll(/Antwoord nummer (\d+)\./g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: 49 }, (_, i) => i + 1));
    expect(first.text).toContain("Bert Beantwoorder");
    expect(first.text).toContain("Anna Opener");
    expect(first.text).not.toContain("Niet meer volgen");
    const second = await other.browser.get(`${url}?pagina=2`);
    expect(second.text).toContain("Pagina 2 van 2");
    expect([...second.text.matchAll(/Antwoord nummer (\d+)\./g)].map((m) => Number(m[1]))).toEqual([50]);

    await other.browser.submit(url, { intent: "follow" });
    expect((await other.browser.get(url)).text).toContain("Niet meer volgen");
    // Who starts a thread follows it; unfollowing is the reader's own.
    await alumnus.browser.submit(url, { intent: "follow" });
    expect((await alumnus.browser.get(url)).text).not.toContain("Niet meer volgen");
    expect((await other.browser.get(url)).text).toContain("Niet meer volgen");
  });

  it("renders titles, bodies and tags safely for an admin: no script, handlers, javascript: links or tracking images", async () => {
    const alumnus = await person("COMPLETED");
    const url = await startThread(alumnus.browser, {
      title: `<script>alert("titel")</script> Veilig?`,
      body: `<img src=x onerror=alert(1)> [klik](javascript:alert(2)) ![pixel](https://tracker.example/p.gif) <script>alert(3)</script>`,
      tags: "xss-test",
    });
    await alumnus.browser.submit(url, {
      intent: "reply",
      body: `<svg onload=alert(4)></svg> [data](data:text/html,<script>alert(5)</script>)`,
    });
    for (const page of [await admin.get(url), await admin.get("/community?tag=xss-test")]) {
      expect(page.html).not.toMatch(/<script>alert/);
      expect(page.html).not.toMatch(/<img[^>]*onerror/i);
      expect(page.html).not.toMatch(/<svg/i);
      expect(page.html).not.toContain('href="javascript:');
      expect(page.html).not.toContain('href="data:');
      expect(page.html).not.toMatch(/<img[^>]*tracker\.example/);
      expect(page.text).toContain(`<script>alert("titel")</script> Veilig?`);
    }
  });
});

describe("gilde rooms and mentors", () => {
  it("keeps a room to its gilde, trainer and mentor; the mentor sees no grades or submissions", async () => {
    const cohort = await createCohort();
    await db.cohort.update({ where: { id: cohort.id }, data: { endsOn: new Date(Date.now() + 90 * 86_400_000) } });
    const gilde = await createGilde({ cohortId: cohort.id, name: "De Wevers" });
    const otherGilde = await createGilde({ cohortId: cohort.id, name: "De Smeden" });
    const member = await person("ACTIVE", "Mila Member", cohort.id);
    const outsider = await person("ACTIVE", "Olaf Outsider", cohort.id);
    await joinGilde(gilde, member.user.id);
    await joinGilde(otherGilde, outsider.user.id);
    const room = `/gildes/${gilde.id}`;
    const url = await startThread(member.browser, { title: "Wie gaat er mee naar de buurtmarkt?" }, room);
    expect((await member.browser.get(room)).text).toContain("Wie gaat er mee naar de buurtmarkt?");
    expect((await member.browser.get("/gilde")).html).toContain(room);
    for (const path of [room, url]) expect((await outsider.browser.get(path)).status).toBe(404);
    const alumnus = await person("COMPLETED", "Meta Mentor");
    expect((await alumnus.browser.get(url)).status).toBe(404);
    expect((await admin.get("/community")).text).not.toContain("Wie gaat er mee naar de buurtmarkt?");

    const trainer = await trainerOf(app, cohort.id);
    expect((await trainer.submit(room, { intent: "mentor", userId: alumnus.user.id })).text).toContain(
      "Kies een alumnus die in de gids staat",
    );
    await alumnus.browser.post("/community/mensen", {
      intent: "in",
      region: "Utrecht",
      organisation: "Buurtteam",
      themes: "vertrouwen",
      openToMentoring: "on",
    });
    expect((await trainer.submit(room, { intent: "mentor", userId: alumnus.user.id })).text).toContain(
      "Mentor gekoppeld",
    );
    expect((await alumnus.browser.submit(url, { intent: "reply", body: "Ik kom ook, als mentor." })).text).toContain(
      "Je reactie staat erbij",
    );
    expect((await member.browser.get(url)).text).toContain("Ik kom ook, als mentor.");
    const submission = await createSubmission({
      userId: member.user.id,
      cohortId: cohort.id,
      assignmentSlug: firstAssignment(),
    });
    expect((await alumnus.browser.get(`/beoordelen/${submission.id}`)).status).toBe(403);
    expect((await alumnus.browser.get(`/wijk/${member.user.id}`)).status).not.toBe(200);
    expect((await alumnus.browser.get(`/opdrachten/groep/${cohort.id}`)).status).not.toBe(200);
  });

  it("lets a member report, and the room's trainer hide a post with a reason the author sees; the post is kept", async () => {
    const cohort = await createCohort();
    await db.cohort.update({ where: { id: cohort.id }, data: { endsOn: new Date(Date.now() + 90 * 86_400_000) } });
    const gilde = await createGilde({ cohortId: cohort.id, name: "De Kuipers" });
    const author = await person("ACTIVE", "Ruud Ruwe", cohort.id);
    const reader = await person("ACTIVE", "Lies Lezer", cohort.id);
    for (const p of [author, reader]) await joinGilde(gilde, p.user.id);
    const url = await startThread(
      author.browser,
      { title: "Lastige buurman", body: "Die buurman is een idioot." },
      `/gildes/${gilde.id}`,
    );
    const post = await db.post.findFirstOrThrow({ where: { thread: { title: "Lastige buurman" } } });
    expect(
      (await reader.browser.submit(url, { intent: "report", postId: post.id, reason: "Kwetsend" })).text,
    ).toContain("een moderator kijkt ernaar");
    expect((await reader.browser.submit(url, { intent: "hide", postId: post.id, reason: "x" })).status).toBe(403);
    const trainer = await trainerOf(app, cohort.id);
    expect((await trainer.submit(url, { intent: "hide", postId: post.id, reason: "" })).text).toContain(
      "Schrijf waarom",
    );
    expect(
      (await trainer.submit(url, { intent: "hide", postId: post.id, reason: "Wees respectvol over bewoners." })).text,
    ).toContain("verborgen");
    const readerView = await reader.browser.get(url);
    expect(readerView.text).not.toContain("Die buurman is een idioot.");
    expect(readerView.text).toContain("Verborgen door een moderator");
    const authorView = await author.browser.get(url);
    expect(authorView.text).toContain("Die buurman is een idioot.");
    expect(authorView.text).toContain("Wees respectvol over bewoners.");
    expect(await db.post.count({ where: { id: post.id } })).toBe(1);
    expect((await db.report.findFirstOrThrow({ where: { postId: post.id } })).resolvedAt).not.toBeNull();
  });
});

describe("practice cases", () => {
  const CASE = {
    title: "Een moestuin op het pleintje",
    situation: "Op het plein bij de flat stond niets. Fatima de Groot vroeg of er iets kon groeien.",
    residents: "Bewoners legden samen een moestuin aan en verdeelden de bakken.",
    role: "Ik bracht de bewoner in contact met de woningcorporatie.",
    result: "Twintig bewoners tuinieren nu wekelijks.",
    learned: "Wachten tot de vraag van bewoners zelf komt.",
    municipality: "Utrecht",
    wijk: "Overvecht",
    themes: "bewonersambities",
  };

  it("publishes only with consent, strips marked names, is found in Dutch, and disappears everywhere when withdrawn", async () => {
    const alumnus = await person("COMPLETED", "Hanna Huisman");
    const participant = await person("ACTIVE");
    const noConsent = await alumnus.browser.post("/praktijk/nieuw", { ...CASE, namesToStrip: "Fatima de Groot" });
    expect(noConsent.status).toBe(400);
    expect(noConsent.text).toContain("uitdrukkelijke toestemming");
    expect(noConsent.html).toContain("Twintig bewoners tuinieren nu wekelijks.");
    expect(await db.practiceCase.count({ where: { authorId: alumnus.user.id } })).toBe(0);
    const published = await alumnus.browser.post("/praktijk/nieuw", {
      ...CASE,
      namesToStrip: "Fatima de Groot",
      consent: "on",
    });
    expect(published.status).toBe(302);
    const page = await participant.browser.get(published.location!);
    expect(page.text).toContain("[naam] vroeg of er iets kon groeien");
    expect(page.text).not.toContain("Fatima");
    expect((await participant.browser.get("/praktijk?q=bewoner tuinieren")).text).toContain(
      "Een moestuin op het pleintje",
    );
    expect((await participant.browser.get("/praktijk?q=sportkooi")).text).not.toContain("Een moestuin op het pleintje");
    expect((await participant.browser.get("/praktijk?gemeente=Utrecht&thema=bewonersambities")).text).toContain(
      "Een moestuin op het pleintje",
    );
    expect((await participant.browser.get("/praktijk?gemeente=Utrecht&thema=jongeren")).text).not.toContain(
      "Een moestuin op het pleintje",
    );
    expect((await participant.browser.post("/praktijk/nieuw", { ...CASE, consent: "on" })).status).toBe(403);
    expect((await participant.browser.post(published.location!, {})).status).toBe(404);

    expect((await alumnus.browser.post(published.location!, {})).location).toBe("/praktijk");
    expect((await participant.browser.get(published.location!)).status).toBe(404);
    expect((await participant.browser.get("/praktijk?q=moestuin")).text).not.toContain("Een moestuin op het pleintje");
    expect((await participant.browser.get("/praktijk")).text).not.toContain("Een moestuin op het pleintje");
  });

  it("starts from the alumnus's own released assignment, never from someone else's", async () => {
    const alumnus = await person("COMPLETED", "Iris Ingezet");
    const submission = await createSubmission({
      userId: alumnus.user.id,
      cohortId: alumnus.cohortId,
      assignmentSlug: firstAssignment(),
      status: "PASSED",
      body: "Mijn wijkgeschiedenis van Overvecht.",
    });
    await createAssessment({
      submissionId: submission.id,
      versionId: submission.version.id,
      gradedById: alumnus.user.id,
    });
    const form = await alumnus.browser.get(`/praktijk/nieuw?van=${submission.id}`);
    expect(form.html).toContain("Mijn wijkgeschiedenis van Overvecht.");
    const someoneElse = await person("COMPLETED");
    const refused = await someoneElse.browser.post("/praktijk/nieuw", {
      ...CASE,
      consent: "on",
      sourceSubmissionId: submission.id,
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("eigen beoordeelde opdracht");
  });
});

describe("directory and digest", () => {
  it("lists only alumni who opted in, and lets them leave", async () => {
    const shy = await person("COMPLETED", "Sien Stil");
    const open = await person("COMPLETED", "Olga Open");
    await open.browser.post("/community/mensen", {
      intent: "in",
      region: "Rotterdam",
      organisation: "Wijkteam Zuid",
      themes: "jongeren",
      openToMentoring: "on",
    });
    const participant = await person("ACTIVE");
    let page = await participant.browser.get("/community/mensen");
    expect(page.text).toContain("Olga Open");
    expect(page.text).not.toContain("Sien Stil");
    expect((await shy.browser.get("/community/mensen")).text).toContain("In de gids staan");
    expect(
      (await participant.browser.post("/community/mensen", { intent: "in", region: "x", organisation: "y" })).status,
    ).toBe(403);
    await open.browser.post("/community/mensen", { intent: "out" });
    page = await participant.browser.get("/community/mensen");
    expect(page.text).not.toContain("Olga Open");
  });

  it("sends a weekly digest of followed threads and new cases, with a signed one-click unsubscribe", async () => {
    const follower = await person("COMPLETED", "Frits Volger");
    const writer = await person("COMPLETED", "Wendy Schrijver");
    await follower.browser.post("/community/mensen", {
      intent: "in",
      region: "Utrecht",
      organisation: "Buurtteam",
      themes: "sociale-basis",
    });
    const url = await startThread(follower.browser, { title: "Digest-onderwerp" });
    await writer.browser.submit(url, { intent: "reply", body: "Een nieuw antwoord." });
    await writer.browser.post("/praktijk/nieuw", {
      title: "Digest-voorbeeld",
      situation: "s",
      residents: "r",
      role: "r",
      result: "r",
      learned: "l",
      municipality: "Utrecht",
      wijk: "",
      themes: "sociale-basis",
      consent: "on",
    });
    await Promise.all([sendWeeklyDigests(), sendWeeklyDigests()]); // two instances at once: one digest
    expect(
      await db.outboxMessage.count({ where: { to: follower.user.email, subject: "Deze week in de gilde-community" } }),
    ).toBe(1);
    const mail = await db.outboxMessage.findFirstOrThrow({
      where: { to: follower.user.email, subject: "Deze week in de gilde-community" },
    });
    expect(mail.text).toContain("Digest-onderwerp (1)");
    expect(mail.text).toContain("Digest-voorbeeld");
    const link = mail.text.match(/https?:\/\/\S+\/digest\/afmelden\?\S+/)![0];
    const path = new URL(link).pathname + new URL(link).search;
    expect((await app.client().get(path.replace(/t=[^&]+/, "t=vervalst"))).status).toBe(400);
    expect((await db.digestPreference.findUniqueOrThrow({ where: { userId: follower.user.id } })).weekly).toBe(true);
    expect((await app.client().get(path)).text).toContain("Afgemeld");
    await db.digestPreference.update({
      where: { userId: follower.user.id },
      data: { lastSentAt: new Date(Date.now() - 8 * 86_400_000) },
    });
    await writer.browser.submit(url, { intent: "reply", body: "Nog een antwoord." });
    await sendWeeklyDigests();
    expect(
      await db.outboxMessage.count({ where: { to: follower.user.email, subject: "Deze week in de gilde-community" } }),
    ).toBe(1);
  });
});
