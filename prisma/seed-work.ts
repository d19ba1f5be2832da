// Demo data for the assignment page (issue 18), on top of the start page's (seed-dashboard.ts): Dewi de Vries
// (deelnemer@gilde.test) sees her graded wijkgeschiedenis and her returned leefwereld-systeemwereld with the level
// and the trainer's words per rubric criterion, a draft in progress on buurt-verkennen and tip-in-de-praktijk not
// started. Runs after that seed in its own transaction; fills in only what is there and missing, never over it.
import { db } from "../app/db.server";

const GRADED: Record<string, { levels: Record<string, number>; feedback: Record<string, string> }> = {
  wijkgeschiedenis: {
    levels: {
      "tijdlijn-en-bronnen": 3,
      "stemmen-uit-de-wijk": 4,
      "verbinding-met-de-module": 2,
      "zeggenschap-van-bewoners": 3,
      "lessen-voor-eigen-praktijk": 2,
    },
    feedback: {
      "tijdlijn-en-bronnen": "Een heldere tijdlijn; de bronnen uit het gemeentearchief maken hem stevig.",
      "stemmen-uit-de-wijk": "Mevrouw Haddou komt echt tot leven: je laat haar eigen woorden staan.",
      "verbinding-met-de-module": "De link met de opbouwwerkperiode mag explicieter.",
      "zeggenschap-van-bewoners": "Goed dat je laat zien wie er mocht meebeslissen, en wie niet.",
      "lessen-voor-eigen-praktijk": "Je lessen zijn nog algemeen. Wat doe jij morgen anders?",
    },
  },
  "leefwereld-systeemwereld": {
    levels: {
      "perspectief-bewoners": 3,
      "perspectief-instellingen": 1,
      "analyse-van-de-naad": 2,
      "eigen-handelen": 2,
    },
    feedback: {
      "perspectief-bewoners": "Je laat de ouders zelf aan het woord; dat maakt het vraagstuk voelbaar.",
      "perspectief-instellingen": "Hier spreek je over de gemeente, niet met haar. Zoek één gesprek.",
      "analyse-van-de-naad": "‘Verhalen tegenover meldingen’: een scherpe typering, werk hem uit.",
      "eigen-handelen": "Je voorstel is nog voorzichtig; wat ga jij de komende maand concreet doen?",
    },
  },
};

const DRAFT = {
  slug: "buurt-verkennen",
  body: `## Mijn buurt: de Transvaalbuurt

De Transvaalbuurt is een buurt van ongeveer 1.400 woningen tussen het spoor en de Vaartsche Rijn. Ik sprak met de buurtconciërge en twee bewoners.

- Het buurthuis is de plek waar mensen elkaar tegenkomen.
- Veel nieuwe bewoners kennen hun buren niet.

Mijn gesprek over vertrouwen ging over de vraag wie je belt als er iets is.`,
};

export async function seedParticipantWork(assignments: string[]) {
  const dewi = await db.user.findUnique({ where: { email: "deelnemer@gilde.test" }, select: { id: true } });
  const cohort = await db.cohort.findFirst({ where: { name: "Voorjaar 2027" }, select: { id: true } });
  if (!dewi || !cohort) return;
  await db.$transaction(async (tx) => {
    for (const [slug, graded] of Object.entries(GRADED)) {
      if (!assignments.includes(slug)) continue;
      const released = await tx.assessment.findFirst({
        where: { status: "RELEASED", submission: { userId: dewi.id, cohortId: cohort.id, assignmentSlug: slug } },
        select: { id: true, levels: true },
      });
      const empty = released && Object.keys((released.levels ?? {}) as object).length === 0;
      if (empty) await tx.assessment.update({ where: { id: released.id }, data: graded });
    }
    if (!assignments.includes(DRAFT.slug)) return;
    const key = { userId: dewi.id, cohortId: cohort.id, assignmentSlug: DRAFT.slug };
    const [submission, draft] = await Promise.all([
      tx.submission.findUnique({ where: { userId_cohortId_assignmentSlug: key }, select: { id: true } }),
      tx.draft.findUnique({ where: { userId_cohortId_assignmentSlug: key }, select: { id: true } }),
    ]);
    if (!submission && !draft) await tx.draft.create({ data: { ...key, body: DRAFT.body, revision: 3 } });
  });
}
