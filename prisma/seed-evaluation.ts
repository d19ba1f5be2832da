// Demo data for issue 23 (second half): an open evaluation moment in Voorjaar 2027 where gilde De Wevers is under
// way. Three gildegenoten rated Dewi de Vries (deelnemer@gilde.test), so she sees the averages, and one of them far
// below the others, so the trainer sees an outlier; Dewi has not filled it in yet (her "Te doen"). A closed moment
// before it. The trainer assessed the quality of Dewi's feedback to Marieke (fine) and of one of Kees's (weak:
// "Wie loopt vast?"), and Dewi wrote what she will do with the feedback on her wijkgeschiedenis. Adds nothing twice.
import { db } from "../app/db.server";

const DAY_MS = 24 * 60 * 60 * 1000;

type Levels = { bijdrage: number; betrouwbaarheid: number; ruimte: number; wijk: number };

export async function seedEvaluationDemo(now = new Date()) {
  const spring = await db.cohort.findFirst({ where: { name: "Voorjaar 2027" }, select: { id: true } });
  if (!spring || (await db.evaluationMoment.count({ where: { cohortId: spring.id } }))) return;
  const users = await db.user.findMany({
    where: {
      email: {
        in: [
          "deelnemer@gilde.test",
          "deelnemer2@gilde.test",
          "deelnemer3@gilde.test",
          "deelnemer4@gilde.test",
          "trainer@gilde.test",
        ],
      },
    },
    select: { id: true, email: true },
  });
  const id = (email: string) => users.find((u) => u.email === email)?.id;
  const [dewi, second, marieke, kees, trainer] = [
    id("deelnemer@gilde.test"),
    id("deelnemer2@gilde.test"),
    id("deelnemer3@gilde.test"),
    id("deelnemer4@gilde.test"),
    id("trainer@gilde.test"),
  ];
  if (!dewi || !second || !marieke || !kees || !trainer) return;

  await db.evaluationMoment.create({
    data: {
      cohortId: spring.id,
      name: "Start",
      opensAt: new Date(now.getTime() - 40 * DAY_MS),
      closesAt: new Date(now.getTime() - 30 * DAY_MS),
    },
  });
  const halfway = await db.evaluationMoment.create({
    data: {
      cohortId: spring.id,
      name: "Halverwege",
      opensAt: new Date(now.getTime() - 3 * DAY_MS),
      closesAt: new Date(now.getTime() + 9 * DAY_MS),
    },
    select: { id: true },
  });
  const rate = (raterId: string, rateeId: string, levels: Levels, comment = "") => ({
    momentId: halfway.id,
    raterId,
    rateeId,
    levels,
    comment,
    createdAt: new Date(now.getTime() - 2 * DAY_MS),
  });
  await db.memberRating.createMany({
    data: [
      rate(second, second, { bijdrage: 3, betrouwbaarheid: 3, ruimte: 3, wijk: 2 }),
      rate(
        second,
        dewi,
        { bijdrage: 4, betrouwbaarheid: 3, ruimte: 4, wijk: 4 },
        "Je verhalen uit de Transvaalbuurt brengen ons gesprek steeds verder.",
      ),
      rate(marieke, marieke, { bijdrage: 3, betrouwbaarheid: 4, ruimte: 3, wijk: 3 }),
      rate(
        marieke,
        dewi,
        { bijdrage: 3, betrouwbaarheid: 4, ruimte: 4, wijk: 3 },
        "Fijn dat je iedereen aan het woord laat.",
      ),
      rate(marieke, second, { bijdrage: 3, betrouwbaarheid: 3, ruimte: 3, wijk: 3 }),
      rate(marieke, kees, { bijdrage: 2, betrouwbaarheid: 2, ruimte: 3, wijk: 3 }),
      rate(kees, kees, { bijdrage: 4, betrouwbaarheid: 4, ruimte: 4, wijk: 4 }),
      // Far below the others on "ruimte": the trainer sees it marked.
      rate(kees, dewi, { bijdrage: 3, betrouwbaarheid: 3, ruimte: 1, wijk: 3 }, "Ik kom er soms niet tussen."),
    ],
  });

  // Feedback on feedback: Dewi's review of Marieke's work, and one of Kees's.
  const dewiReview = await db.peerReview.findFirst({
    where: { cohortId: spring.id, reviewerId: dewi, status: "SUBMITTED" },
    select: { id: true },
  });
  if (dewiReview)
    await db.reviewQuality.create({
      data: {
        reviewId: dewiReview.id,
        assessorId: trainer,
        levels: { specifiek: 3, opbouwend: 3, criteria: 2, tip: 2 },
        note: "Heel concreet. Noem er de volgende keer bij welk criterium van de rubric je bedoelt.",
      },
    });
  const keesReview = await db.peerReview.findFirst({
    where: { cohortId: spring.id, reviewerId: kees, status: "SUBMITTED" },
    orderBy: { submittedAt: "asc" },
    select: { id: true },
  });
  if (keesReview)
    await db.reviewQuality.create({
      data: {
        reviewId: keesReview.id,
        assessorId: trainer,
        levels: { specifiek: 1, opbouwend: 2, criteria: 1, tip: 1 },
        note: "Wijs aan waar in de tekst het om gaat, en geef één tip die je gildegenoot morgen kan doen.",
      },
    });

  // A reflection on the feedback Dewi received on her wijkgeschiedenis.
  const history = await db.submission.findFirst({
    where: { cohortId: spring.id, userId: dewi, assignmentSlug: "wijkgeschiedenis" },
    select: { id: true, versions: { orderBy: { number: "desc" }, take: 1, select: { number: true } } },
  });
  const version = history?.versions[0]?.number;
  if (history && version !== undefined)
    await db.reflection.create({
      data: {
        submissionId: history.id,
        version,
        authorId: dewi,
        body: "Marieke mist de jongeren in mijn verhaal. Ik ga volgende week met de jongerenwerker praten en neem zijn kijk op in mijn volgende opdracht.",
      },
    });
}
