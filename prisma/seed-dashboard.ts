// Demo data for the start page's to-do lists (issue 18): every kind of line shows up for the demo accounts. The
// cohort's own planning lies in 2027, so what must be near is placed relative to the moment of seeding: Dewi's
// deadline in three days, work handed in last week, feedback of yesterday.
//
// Kept clear of what the journeys in tests/e2e do with the same accounts: only De Wevers' Dewi (deelnemer@) and
// Marieke (deelnemer3@) have handed in work, every piece of it has its two reviewers already, both are excused from
// more wijkgeschiedenis reviews (so no journey's hand-in is given to them), and Kees (deelnemer4@) only gave reviews.
import type { Prisma } from "@prisma/client";
import { fromAmsterdamInput } from "../app/assignments/time";
import { db } from "../app/db.server";
import type { SeedModule } from "./seed";

type DashboardDemoContext = {
  id: (email: string) => string;
  springId: string;
  autumnId: string;
  /** Module 2's section anchors, for "where Dewi stopped reading". */
  module2: { slug: string; anchors: string[] } | null;
};

const DAY_MS = 24 * 60 * 60 * 1000;

const amsterdamDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Runs after the demo's cohorts and accounts exist (seedDemo), in a transaction of its own. */
export async function seedDashboardDemo(modules: SeedModule[], now = new Date()) {
  const users = await db.user.findMany({
    where: { email: { endsWith: "@gilde.test" } },
    select: { id: true, email: true },
  });
  const ids = new Map(users.map((u) => [u.email, u.id]));
  const cohorts = await db.cohort.findMany({
    where: { name: { in: ["Voorjaar 2027", "Najaar 2025"] } },
    select: { id: true, name: true },
  });
  const cohortId = (name: string) => cohorts.find((c) => c.name === name)!.id;
  const module2 = modules[1];
  const ctx = {
    id: (email: string) => ids.get(email)!,
    springId: cohortId("Voorjaar 2027"),
    autumnId: cohortId("Najaar 2025"),
    module2: module2 ? { slug: module2.slug, anchors: module2.sections ?? [] } : null,
  };
  // Many rows on a small machine: more time than an interactive transaction's default five seconds.
  await db.$transaction((tx) => seedLines(tx, ctx, now), { timeout: 60_000 });
}

async function seedLines(tx: Prisma.TransactionClient, ctx: DashboardDemoContext, now: Date) {
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const dewi = ctx.id("deelnemer@gilde.test");
  const marieke = ctx.id("deelnemer3@gilde.test");
  const kees = ctx.id("deelnemer4@gilde.test");
  const tom = ctx.id("trainer@gilde.test");
  const sophie = ctx.id("trainer2@gilde.test");
  const spring = ctx.springId;

  // A second trainer of Voorjaar 2027, who asks Tom to read along with a "niet voldaan".
  await tx.cohortStaff.create({ data: { cohortId: spring, userId: sophie } });
  await tx.cohort.update({ where: { id: spring }, data: { secondReaderForFail: true } });

  // Dewi: a personal deadline in three days for "Buurt verkennen" (not handed in yet).
  const dueDay = amsterdamDay.format(new Date(now.getTime() + 3 * DAY_MS));
  await tx.extension.create({
    data: {
      cohortId: spring,
      assignmentSlug: "buurt-verkennen",
      userId: dewi,
      dueAt: fromAmsterdamInput(`${dueDay}T23:59`)!,
      grantedById: tom,
    },
  });

  const handIn = async (
    userId: string,
    slug: string,
    status: "SUBMITTED" | "RETURNED" | "PASSED",
    at: Date,
    body: string,
  ) => {
    const submission = await tx.submission.create({
      data: { userId, cohortId: spring, assignmentSlug: slug, status, createdAt: at, updatedAt: at },
      select: { id: true },
    });
    const version = await tx.submissionVersion.create({
      data: { submissionId: submission.id, number: 1, body, handedInAt: at },
      select: { id: true },
    });
    return { ...submission, versionId: version.id, slug };
  };
  const review = (
    work: { id: string; slug: string },
    reviewerId: string,
    assignedAt: Date,
    submittedAt: Date | null,
    words: [string, string],
  ) =>
    tx.peerReview.create({
      data: {
        cohortId: spring,
        assignmentSlug: work.slug,
        submissionId: work.id,
        reviewerId,
        status: submittedAt ? "SUBMITTED" : "OPEN",
        assignedAt,
        dueAt: new Date(Math.max(assignedAt.getTime() + 5 * DAY_MS, now.getTime() + 4 * DAY_MS)),
        submittedAt,
        answers: submittedAt ? { "0": words[0], "1": words[1] } : {},
        tip: submittedAt ? words[1] : "",
        revision: submittedAt ? 1 : 0,
      },
    });

  const dewiHistory = await handIn(
    dewi,
    "wijkgeschiedenis",
    "PASSED",
    ago(12),
    "## De Transvaalbuurt\n\nDe buurt werd rond 1900 gebouwd voor arbeiders van de spoorwerkplaats. Mevrouw Haddou " +
      "woont er sinds 1978 en vertelde over de wasserette die het eerste buurtcentrum was.",
  );
  const dewiWorlds = await handIn(
    dewi,
    "leefwereld-systeemwereld",
    "RETURNED",
    ago(9),
    "Bij de herinrichting van het plein sprak de gemeente over ‘participatie’; bewoners over hun bankje in de zon.",
  );
  const mariekeHistory = await handIn(
    marieke,
    "wijkgeschiedenis",
    "SUBMITTED",
    ago(6),
    "De Schilderswijk in drie generaties: wat de oudste bewoners zich herinneren van de sanering.",
  );
  const mariekeWorlds = await handIn(
    marieke,
    "leefwereld-systeemwereld",
    "SUBMITTED",
    ago(4),
    "Het buurtbudget: wie mocht meebeslissen, en wie hoorde er pas achteraf van?",
  );

  // Dewi's released grade (yesterday) and the work returned to her for revision, with Tom's summary.
  await tx.assessment.create({
    data: {
      submissionId: dewiHistory.id,
      versionId: dewiHistory.versionId,
      number: 1,
      decision: "PASSED",
      status: "RELEASED",
      releasedAt: ago(1),
      gradedById: tom,
      overall:
        "Mooi hoe je mevrouw Haddou zelf aan het woord laat. De wasserette als eerste buurtcentrum: sterk beeld.",
    },
  });
  await tx.assessment.create({
    data: {
      submissionId: dewiWorlds.id,
      versionId: dewiWorlds.versionId,
      number: 1,
      decision: "REVISION",
      status: "RELEASED",
      releasedAt: ago(2),
      gradedById: tom,
      overall: "Je leefwereld-kant is rijk; de systeemwereld blijft nog een stem zonder gezicht.",
      revisionNote:
        "Laat ook iemand van de gemeente aan het woord: wat moest zij van haar organisatie? Eén gesprek is genoeg.",
    },
  });
  // Sophie's "niet voldaan" draft on Marieke's work waits for a second reader: Tom.
  await tx.assessment.create({
    data: {
      submissionId: mariekeHistory.id,
      versionId: mariekeHistory.versionId,
      number: 1,
      decision: "FAILED",
      status: "DRAFT",
      gradedById: sophie,
      overall: "De bronnen ontbreken: wie vertelde wat? Zo kan ik de geschiedenis niet naast de wijk leggen.",
      updatedAt: ago(1),
    },
  });

  // Every piece of work has its two reviewers. Dewi got two reactions on her wijkgeschiedenis (she gave her own, so
  // she may read them) and still owes Marieke one on "Leefwereld en systeemwereld".
  await review(dewiHistory, marieke, ago(11), ago(2), [
    "Dat de wasserette het eerste buurtcentrum was, wist ik niet: dat verraste me het meest.",
    "Vraag mevrouw Haddou of ze foto's heeft van de wasserette.",
  ]);
  await review(dewiHistory, kees, ago(11), ago(3), [
    "Het stuk over de spoorwerkplaats maakt de buurt levend.",
    "Zoek in het stadsarchief naar de bouwtekeningen.",
  ]);
  await review(mariekeHistory, dewi, ago(5), ago(5), [
    "De drie generaties geven het verhaal een mooie lijn.",
    "Noem ook waar de gesprekken plaatsvonden.",
  ]);
  await review(mariekeHistory, kees, ago(5), ago(4), [
    "De sanering zie ik nu door de ogen van bewoners.",
    "Een kaartje van de wijk erbij zou helpen.",
  ]);
  await review(dewiWorlds, marieke, ago(8), ago(4), [
    "Bewoners krijgen een eerlijke plek; de gemeente minder.",
    "Spreek de wijkregisseur eens.",
  ]);
  await review(dewiWorlds, kees, ago(8), ago(3), [
    "Het bankje in de zon blijft hangen.",
    "Zet de twee woorden voor hetzelfde plein naast elkaar.",
  ]);
  await review(mariekeWorlds, dewi, ago(1), null, ["", ""]);
  await review(mariekeWorlds, kees, ago(3), ago(1), [
    "Helder wie er wel en niet aan tafel zat.",
    "Vraag ook een jongere uit de buurt.",
  ]);

  // Both gave their part on the wijkgeschiedenis; Tom excused them from more, so new hand-ins (the other gilde's)
  // are reviewed within their own gilde first, as in a cohort that just started.
  await tx.peerReviewExcuse.createMany({
    data: [dewi, marieke].map((userId) => ({
      cohortId: spring,
      assignmentSlug: "wijkgeschiedenis",
      userId,
      excusedById: tom,
      reason: "Heeft haar peerfeedback op deze opdracht al gegeven; geen extra.",
    })),
  });

  // Dewi stopped reading halfway through module 2.
  if (ctx.module2) {
    for (const [index, anchor] of ctx.module2.anchors.slice(0, 2).entries()) {
      await tx.sectionRead.create({
        data: { userId: dewi, moduleSlug: ctx.module2.slug, sectionId: anchor, readAt: ago(2 - index * 0.5) },
      });
    }
  }

  // Joost has not done anything for over three weeks: "Wie loopt vast?" flags him.
  await tx.enrollment.update({
    where: { userId_cohortId: { userId: ctx.id("deelnemer6@gilde.test"), cohortId: spring } },
    data: { activatedAt: ago(23) },
  });

  // Ada applied two days ago (trainers have an intake waiting; Ada sees "Mijn aanmelding").
  const ada = await tx.enrollment.create({
    data: { userId: ctx.id("aanmelder@gilde.test"), cohortId: spring, status: "APPLIED", appliedAt: ago(2) },
    select: { id: true },
  });
  await tx.intake.create({
    data: {
      enrollmentId: ada.id,
      currentWork: "Opbouwwerker",
      organisation: "Welzijn Lombok",
      experienceYears: 4,
      experience: "Vier jaar met bewonersgroepen in Lombok, vooral rond de speeltuin en het buurtfeest.",
      wijk: "Lombok, Utrecht",
      motivation: "Ik wil beter leren luisteren naar wat bewoners zelf willen, in plaats van projecten te bedenken.",
      payer: "SELF",
    },
  });

  // For the admin: an employer invoice past its date, an erasure request, a mail that failed, a cohort not set up.
  const hanna = { id: ctx.id("hanna.degroot@gilde.test") };
  const hannaEnrollment = await tx.enrollment.create({
    data: { userId: hanna.id, cohortId: spring, status: "ACCEPTED", appliedAt: ago(45), acceptedAt: ago(38) },
    select: { id: true },
  });
  await tx.intake.create({
    data: {
      enrollmentId: hannaEnrollment.id,
      currentWork: "Buurtconsulent",
      organisation: "Gemeente Amersfoort",
      experienceYears: 7,
      experience: "Zeven jaar buurtconsulent in Kruiskamp.",
      wijk: "Kruiskamp, Amersfoort",
      motivation: "Mijn gemeente wil wijkgericht werken; ik wil weten hoe je dat met bewoners doet.",
      payer: "EMPLOYER",
      employerName: "Gemeente Amersfoort",
      employerContact: "Karin Smit",
      employerEmail: "opleidingen@amersfoort.example",
    },
  });
  await tx.payment.create({
    data: { enrollmentId: hannaEnrollment.id, kind: "INVOICE", amountCents: 245000, dueAt: ago(6), createdAt: ago(36) },
  });
  await tx.outboxMessage.create({
    data: {
      to: "opleidingen@amersfoort.example",
      subject: "Herinnering: factuur voor de leergang Creative Communities",
      text: "Beste Karin Smit,\n\nDe factuur voor de deelname van Hanna de Groot aan Voorjaar 2027 staat nog open.",
      html: "",
      createdAt: ago(2),
      attempts: 4,
      nextAttemptAt: new Date(now.getTime() + 60 * 60 * 1000),
      lastError: "550 5.1.1 Mailbox unavailable",
    },
  });
  const wim = { id: ctx.id("wim.vermeulen@gilde.test") };
  await tx.enrollment.create({
    data: { userId: wim.id, cohortId: spring, status: "WITHDRAWN", appliedAt: ago(60), endedAt: ago(10) },
  });
  await tx.privacyRequest.create({
    data: {
      userId: wim.id,
      kind: "ERASURE",
      reason: "Ik doe niet meer mee en wil dat mijn gegevens worden verwijderd.",
      requestedAt: ago(3),
    },
  });
  await tx.cohort.create({
    data: {
      name: "Najaar 2027",
      startsOn: new Date("2027-09-06T00:00:00Z"),
      endsOn: new Date("2028-06-30T00:00:00Z"),
      priceCents: 245000,
      capacity: 24,
      location: "Rotterdam, wijkcentrum De Larik",
      rhythm: "Om de twee weken op donderdag, 9.30–16.00 uur",
      createdAt: ago(5),
    },
  });

  // For Anouk (alumnus@): replies in the thread she started, and two new practice cases of another alumnus.
  const mehmet = { id: ctx.id("mehmet.kaya@gilde.test") };
  await tx.enrollment.create({
    data: { userId: mehmet.id, cohortId: ctx.autumnId, status: "COMPLETED", completedAt: new Date("2026-06-30") },
  });
  const anouk = ctx.id("alumnus@gilde.test");
  const thread = await tx.thread.create({
    data: {
      kind: "COMMUNITY",
      authorId: anouk,
      title: "Hoe houd je bewoners betrokken na de eerste bijeenkomst?",
      themes: ["vertrouwen"],
      tags: ["bewonersavond"],
      replyCount: 2,
      createdAt: ago(10),
      lastPostAt: ago(1),
    },
    select: { id: true },
  });
  await tx.post.createMany({
    data: [
      {
        threadId: thread.id,
        authorId: anouk,
        createdAt: ago(10),
        body: "Na een volle eerste avond komt er de tweede keer de helft. Wat doen jullie daartegen?",
      },
      {
        threadId: thread.id,
        authorId: mehmet.id,
        createdAt: ago(2),
        body: "Wij geven iedereen op de eerste avond een klus mee, hoe klein ook. Wie iets te doen heeft, komt terug.",
      },
      {
        threadId: thread.id,
        authorId: tom,
        createdAt: ago(1),
        body: "Mooi voorbeeld. In module 3 heet dat ‘kleine beloftes nakomen’: het vertrouwen groeit met elke klus.",
      },
    ],
  });
  const caseOf = (
    title: string,
    days: number,
    fields: Omit<Prisma.PracticeCaseUncheckedCreateInput, "authorId" | "title" | "consentAt" | "publishedAt">,
  ) =>
    tx.practiceCase.create({
      data: { authorId: mehmet.id, title, consentAt: ago(days), publishedAt: ago(days), ...fields },
    });
  await caseOf("Het bankje als vergaderplek", 3, {
    situation: "Op het plein in Feijenoord zaten elke middag dezelfde ouderen op één bankje.",
    residents: "Vijf oudere bewoners en later hun kleinkinderen.",
    role: "Ik ging er elke dinsdag bij zitten, zonder agenda.",
    result: "Na twee maanden kwam daar het plan voor een schaduwdoek vandaan, dat de bewoners zelf regelden.",
    learned: "De plek waar mensen al samenkomen is beter dan een zaal die je zelf huurt.",
    municipality: "Rotterdam",
    wijk: "Feijenoord",
    themes: ["vertrouwen", "bewonersambities"],
  });
  await caseOf("Jongeren achter de microfoon", 8, {
    situation: "Jongeren in Tarwewijk voelden zich niet gehoord bij de plannen voor hun sportveld.",
    residents: "Een groep van acht jongeren tussen 14 en 19.",
    role: "Ik regelde een microfoon en een avond in het buurthuis; zij maakten het programma.",
    result: "De wethouder kwam luisteren en het veld kreeg de verlichting die de jongeren vroegen.",
    learned: "Geef het podium weg, niet alleen het woord.",
    municipality: "Rotterdam",
    wijk: "Tarwewijk",
    themes: ["jongeren", "gemeente"],
  });
}
