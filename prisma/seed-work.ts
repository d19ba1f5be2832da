// Demo data for the assignment page (issue 18): Dewi de Vries (deelnemer@gilde.test) has one assignment graded and
// released with feedback per criterion, one returned for revision, one draft in progress and one not started
// (wijkgeschiedenis, which the end-to-end tests hand in). Only for assignments the seeded course has, and never
// over work that is already there.
import type { Prisma } from "@prisma/client";

type Tx = Prisma.TransactionClient;

const day = (iso: string) => new Date(`${iso}T10:00:00Z`);

const GRADED_TEXT = `## Eén vraagstuk: de speeltuin aan de Kastanjelaan

Sinds de gemeente de speeltuin aan de Kastanjelaan in 2025 afsloot, zoeken ouders in de buurt een plek waar hun kinderen veilig kunnen spelen. Ik volgde dit vraagstuk drie maanden, vanuit de bewoners en vanuit de instellingen.

### Leefwereld

In gesprekken met zes ouders op het schoolplein hoorde ik vooral zorgen over verkeer en over het gevoel dat niemand luistert. Een moeder zei: **"We hebben het al drie keer gemeld, en er gebeurt niets."**

### Systeemwereld

De gemeente ziet een onderhoudsprobleem en een budget dat pas in 2028 vrijkomt. De woningcorporatie wijst naar de gemeente.

### De naad

Bewoners spreken in verhalen, instellingen in meldingen en begrotingsjaren. Daartussen valt het vraagstuk weg.`;

const RETURNED_TEXT = `## Mijn buurt: de Rivierenwijk

De Rivierenwijk is een buurt van ongeveer 1.400 woningen tussen het spoor en de Vaartsche Rijn. Ik sprak met de buurtconciërge en twee bewoners.

- Het buurthuis is de plek waar mensen elkaar tegenkomen.
- Veel nieuwe bewoners kennen hun buren niet.

Mijn gesprek over vertrouwen ging over de vraag wie je belt als er iets is.`;

const DRAFT_TEXT = `## Tip 3: begin bij wat er al is

Ik koos deze tip omdat ik in mijn wijk vaak zie dat we als professionals met een plan binnenkomen, terwijl bewoners al lang iets doen. In de Kastanjelaan organiseert een groep ouders elke woensdag een speelmiddag op het plein.

Wat ik deed: ik ging drie woensdagen meedoen, zonder plan. `;

export async function seedParticipantWork(
  tx: Tx,
  {
    cohortId,
    userId,
    trainerId,
    reviewerIds,
    assignments,
  }: {
    cohortId: string;
    userId: string;
    trainerId: string;
    /** Two other participants who gave peer feedback on the work handed in. */
    reviewerIds: [string, string];
    assignments: string[];
  },
) {
  const has = (slug: string) => assignments.includes(slug);
  const exists = async (slug: string) =>
    Boolean(
      (await tx.submission.findUnique({
        where: { userId_cohortId_assignmentSlug: { userId, cohortId, assignmentSlug: slug } },
        select: { id: true },
      })) ??
      (await tx.draft.findUnique({
        where: { userId_cohortId_assignmentSlug: { userId, cohortId, assignmentSlug: slug } },
        select: { id: true },
      })),
    );

  async function handedIn(slug: string, status: "PASSED" | "RETURNED", body: string, handedInAt: Date) {
    const submission = await tx.submission.create({
      data: { userId, cohortId, assignmentSlug: slug, status },
      select: { id: true },
    });
    const version = await tx.submissionVersion.create({
      data: { submissionId: submission.id, number: 1, body, handedInAt },
      select: { id: true },
    });
    // Handing in keeps the draft (with the text handed in), so a revision starts from it.
    await tx.draft.create({ data: { userId, cohortId, assignmentSlug: slug, body, revision: 1 } });
    // Its peer feedback was given, so peer review gives this work no new reviewers (nor the demo's journeys tasks).
    for (const [index, reviewerId] of reviewerIds.entries())
      await tx.peerReview.create({
        data: {
          cohortId,
          assignmentSlug: slug,
          submissionId: submission.id,
          reviewerId,
          status: "SUBMITTED",
          crossGilde: index === 1,
          answers: { "0": "Je laat goed zien wat bewoners zelf zeggen." },
          tip:
            index === 0 ? "Vraag ook iemand van de gemeente om een reactie." : "Een kaartje van de buurt zou helpen.",
          dueAt: new Date(handedInAt.getTime() + 7 * 24 * 3_600_000),
          submittedAt: new Date(handedInAt.getTime() + 3 * 24 * 3_600_000),
        },
      });
    return { submissionId: submission.id, versionId: version.id };
  }

  if (has("leefwereld-systeemwereld") && !(await exists("leefwereld-systeemwereld"))) {
    const work = await handedIn("leefwereld-systeemwereld", "PASSED", GRADED_TEXT, day("2026-11-10"));
    await tx.assessment.create({
      data: {
        ...work,
        number: 1,
        decision: "PASSED",
        status: "RELEASED",
        releasedAt: day("2026-11-20"),
        gradedById: trainerId,
        levels: {
          "perspectief-bewoners": 3,
          "perspectief-instellingen": 2,
          "analyse-van-de-naad": 3,
          "eigen-handelen": 2,
        },
        feedback: {
          "perspectief-bewoners":
            "Je laat de ouders zelf aan het woord; het citaat van de moeder maakt het vraagstuk voelbaar.",
          "perspectief-instellingen":
            "Je noemt gemeente en corporatie, maar sprak je iemand van de gemeente zelf? Dat zou het sterker maken.",
          "analyse-van-de-naad": "‘Verhalen tegenover meldingen’: een scherpe typering van de naad.",
          "eigen-handelen": "Je voorstel is nog voorzichtig. Wat ga jij de komende maand concreet doen?",
        },
        overall:
          "Een helder verslag dat de leefwereld van ouders **echt** laat zien. Werk in je volgende opdracht je eigen rol verder uit.",
      },
    });
  }

  if (has("buurt-verkennen") && !(await exists("buurt-verkennen"))) {
    const work = await handedIn("buurt-verkennen", "RETURNED", RETURNED_TEXT, day("2026-11-15"));
    await tx.assessment.create({
      data: {
        ...work,
        number: 1,
        decision: "REVISION",
        status: "RELEASED",
        releasedAt: day("2026-11-25"),
        gradedById: trainerId,
        levels: {
          "geschiedenis-en-afbakening": 2,
          "verbinders-en-netwerken": 1,
          "ideeen-problemen-kansen": 2,
          "gesprek-over-vertrouwen": 1,
          zorgvuldigheid: 2,
        },
        feedback: {
          "geschiedenis-en-afbakening": "Goede afbakening; vertel iets meer over hoe de wijk is ontstaan.",
          "verbinders-en-netwerken": "Wie zijn de verbinders? Je noemt de conciërge, maar nog niet wie zij kent.",
          "ideeen-problemen-kansen": "Twee punten is wat weinig; wat zeggen de nieuwe bewoners zelf?",
          "gesprek-over-vertrouwen": "Beschrijf het gesprek zelf: wat zei je, wat zei de ander, wat deed het?",
          zorgvuldigheid: "Netjes: je noemt geen namen.",
        },
        overall: "Een goed begin, maar nog te kort om de buurt echt te leren kennen.",
        revisionNote:
          "Werk de verbinders en het gesprek over vertrouwen uit (samen ongeveer 500 woorden erbij) en lever opnieuw in.",
      },
    });
  }

  if (has("tip-in-de-praktijk") && !(await exists("tip-in-de-praktijk")))
    await tx.draft.create({
      data: { userId, cohortId, assignmentSlug: "tip-in-de-praktijk", body: DRAFT_TEXT, revision: 3 },
    });
}
