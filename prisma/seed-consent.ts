// Demo data for wijk feedback and the consent register (issue 24). Dewi de Vries (deelnemer@gilde.test) asked the
// wijk about her latest handed-in work: Ans answered (with consent; her withdrawal link is in the demo mailbox),
// Joke answered and later withdrew her consent (hidden everywhere, "ingetrokken" in the register), and a meeting
// link for the bewonersavond is still open (its QR code on Dewi's page). The alumnus's practice case about the
// buurtkamer waits for Karin's consent; Joop's is recorded on paper. Runs after the other seeds; adds nothing twice.
import crypto from "node:crypto";
import { randomToken, sha256 } from "../app/auth/tokens.server";
import { meetingToken } from "../app/consent/requests.server";
import { withdrawalMail } from "../app/consent/mail.server";
import { addMonths, FEEDBACK_QUESTIONS, PURPOSE_WORDS } from "../app/consent/questions";
import { db } from "../app/db.server";
import { queueMail } from "../app/notifications/outbox.server";
import { fileStore } from "../app/storage/storage.server";

const DAY = 86_400_000;
// A one-pixel PNG: the "scan" of Joop's signed form.
const PAPER = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

const EXCERPT =
  "Op de bewonersavond in het buurthuis vertelden oudere bewoners hoe de wijk veranderde sinds de jaren zeventig. " +
  "**Wat me opviel:** iedereen noemde het pleintje bij de bakker als de plek waar je elkaar vroeger tegenkwam.";

const q = (key: keyof typeof FEEDBACK_QUESTIONS) => FEEDBACK_QUESTIONS[key];

export async function seedConsentDemo(now = new Date()) {
  const dewi = await db.user.findUnique({ where: { email: "deelnemer@gilde.test" }, select: { id: true, name: true } });
  const alumnus = await db.user.findUnique({
    where: { email: "alumnus@gilde.test" },
    select: { id: true, name: true },
  });
  if (!dewi || !alumnus) return;
  if (await db.feedbackRequest.count({ where: { userId: dewi.id } })) return;
  const submission = await db.submission.findFirst({
    where: { userId: dewi.id, versions: { some: {} } },
    orderBy: { updatedAt: "desc" },
    select: { cohortId: true, assignmentSlug: true },
  });
  if (!submission) return;
  const work = { userId: dewi.id, cohortId: submission.cohortId, assignmentSlug: submission.assignmentSlug };
  const shown = (purpose: keyof typeof PURPOSE_WORDS, until: Date) =>
    `Toestemming ${PURPOSE_WORDS[purpose]}.\n\nGetoond deel van het werk:\n${EXCERPT}\n\nPeriode: tot ${until.toISOString().slice(0, 10)}`;

  // Ans answered by e-mail, with consent for the assessment and the gilde; shared with the gilde.
  const ansToken = randomToken();
  const ansUntil = addMonths(now, 12);
  const ansAsked = new Date(now.getTime() - 6 * DAY);
  await db.feedbackRequest.create({
    data: {
      ...work,
      tokenHash: sha256(randomToken()),
      email: "ans.bakker@voorbeeld.nl",
      name: "Ans",
      questions: ["betekenis", "anders"],
      excerpt: EXCERPT,
      responseCount: 1,
      createdAt: ansAsked,
      expiresAt: new Date(ansAsked.getTime() + 30 * DAY),
      responses: {
        create: {
          authorName: "Ans",
          email: "ans.bakker@voorbeeld.nl",
          sharedWithGilde: true,
          createdAt: new Date(now.getTime() - 4 * DAY),
          answers: [
            {
              question: q("betekenis"),
              answer: "Dat iemand eindelijk opschrijft hoe het was. Mijn buurvrouw wil nu ook haar verhaal vertellen.",
            },
            { question: q("anders"), answer: "Vraag ook de jongeren bij het pleintje, die zijn er nu elke avond." },
          ],
          consents: {
            create: (["ASSESSMENT", "COMMUNITY"] as const).map((purpose) => ({
              collectedById: dewi.id,
              cohortId: work.cohortId,
              personName: "Ans",
              purpose,
              method: "FORM" as const,
              shown: shown(purpose, ansUntil),
              givenAt: new Date(now.getTime() - 4 * DAY),
              expiresAt: ansUntil,
              withdrawalTokenHash: sha256(ansToken),
            })),
          },
        },
      },
    },
  });
  await db.$transaction((tx) =>
    queueMail(tx, {
      to: "ans.bakker@voorbeeld.nl",
      ...withdrawalMail({
        name: "Ans",
        participant: dewi.name,
        purposes: ["ASSESSMENT", "COMMUNITY"],
        expiresAt: ansUntil,
        token: ansToken,
      }),
    }),
  );

  // Joke answered at the meeting link, then withdrew: hidden everywhere, "ingetrokken" in the register.
  const meetingId = crypto.randomUUID();
  await db.feedbackRequest.create({
    data: {
      id: meetingId,
      ...work,
      tokenHash: sha256(await meetingToken(meetingId)),
      questions: ["betekenis", "samen"],
      excerpt: EXCERPT,
      maxResponses: 15,
      responseCount: 1,
      createdAt: new Date(now.getTime() - 2 * DAY),
      expiresAt: new Date(now.getTime() + 28 * DAY),
      responses: {
        create: {
          authorName: "Joke",
          createdAt: new Date(now.getTime() - 2 * DAY),
          answers: [
            { question: q("betekenis"), answer: "Gezellig, maar ik wil liever niet dat mijn woorden ergens staan." },
            { question: q("samen"), answer: "Een koffieochtend." },
          ],
          consents: {
            create: {
              collectedById: dewi.id,
              cohortId: work.cohortId,
              personName: "Joke",
              purpose: "ASSESSMENT",
              method: "FORM",
              shown: shown("ASSESSMENT", addMonths(now, 3)),
              givenAt: new Date(now.getTime() - 2 * DAY),
              expiresAt: addMonths(now, 3),
              withdrawnAt: new Date(now.getTime() - DAY),
              endNoticeAt: new Date(now.getTime() - DAY),
              withdrawalTokenHash: sha256(randomToken()),
            },
          },
        },
      },
    },
  });

  // The alumnus's case waits for Karin's consent; Joop signed on paper.
  const cohort = await db.enrollment.findFirst({
    where: { userId: alumnus.id, status: "COMPLETED" },
    select: { cohortId: true },
  });
  const paper = await fileStore().put(PAPER);
  await db.practiceCase.create({
    data: {
      authorId: alumnus.id,
      title: "Een buurtkamer in de oude bibliotheek",
      situation:
        "De bibliotheek in de wijk sloot. Karin en Joop, twee buren, wilden de ruimte openhouden voor iedereen.",
      residents: "Bewoners maakten een rooster, schilderden de ruimte en openden elke dinsdag en zaterdag de deur.",
      role: "Ik hielp met de huurafspraak met de gemeente en zocht een kleine subsidie voor koffie en verf.",
      result: "Zestig bewoners komen er nu elke week; de buurtkamer draait zonder mij.",
      learned: "Het eigenaarschap ligt bij bewoners als ik een stap terug doe op het goede moment.",
      municipality: "Utrecht",
      wijk: "Rivierenwijk",
      themes: ["bewonersambities"],
      consentAt: now,
      awaitingConsent: true,
      subjects: {
        create: [
          { name: "Karin" },
          {
            name: "Joop",
            consents: {
              create: {
                collectedById: alumnus.id,
                cohortId: cohort?.cohortId ?? null,
                personName: "Joop",
                purpose: "LIBRARY",
                method: "PAPER",
                shown: `Toestemming ${PURPOSE_WORDS.LIBRARY}, op papier vastgelegd door ${alumnus.name}.`,
                givenAt: new Date(now.getTime() - DAY),
                expiresAt: addMonths(now, 24),
                withdrawalTokenHash: sha256(randomToken()),
                paperStorageKey: paper.key,
                paperName: "toestemming-joop.png",
                paperMediaType: "image/png",
              },
            },
          },
        ],
      },
    },
  });
}
