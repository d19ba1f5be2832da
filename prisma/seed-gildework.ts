// Demo data for gilde assignments (issue 23). In "Voorjaar 2027" module 6 (De sociale basis) is opened early, so its
// gilde assignment "Bundel signalen tot collectief werk" can be tried: De Smeden handed in their shared text
// (Fatma for all four; it waits in the trainer's queue), De Wevers are still writing theirs: Youssef and Dewi
// changed the text, Youssef and Marieke agreed to this version, Dewi has not yet and Kees has not written his part.
// Runs after the other seeds; adds nothing twice.
import { db } from "../app/db.server";
import { fromAmsterdamInput } from "../app/assignments/time";
import { countWords } from "../app/assignments/words";

const SLUG = "signalen-bundelen";
const MODULE = "de-sociale-basis";
const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

/** Lines of one paragraph joined: in Markdown here a single line break is a visible break. */
const flow = (text: string) => text.replace(/([^\n])\n(?=[^\n#])/g, "$1 ");

const SMEDEN_TEXT = flow(`## Onze afspraken over signalen

We deelden alleen patronen, nooit namen of adressen. Ieder hield een logboek naar rol en bron; na inleveren
verwijderen we de logboeken.

## Wat we zagen in vier buurten

In alle vier de buurten noemden oudere huurders dat de bank bij de bushalte weg is, en dat ze daardoor minder
naar de markt gaan. De wijkverpleegkundige in Noord zag hetzelfde: minder bezoek aan het buurthuis sinds de
zomer.

## Het patroon

Niet de bank is het vraagstuk, maar dat ouderen hun vaste rustpunten in de wijk kwijtraken. Bewoners herkenden
het meteen; twee van hen willen zelf meedenken.

## Ons voorstel

Een wandelroute met rustpunten, bedacht met de ouderen zelf, en een vast moment bij de buurtkamer om signalen
op te halen. De eerste stap: een wandeling met zes bewoners in Noord, in februari.`);

const WEVERS_TEXT = flow(`## Onze afspraken over signalen

We spraken af alleen patronen te delen. De privacy-adviseur van een van onze organisaties leest mee.

## Wat we zagen

Jonge ouders in drie van onze buurten zeggen dat ze niemand kennen bij wie ze even hun kind kunnen laten.
De jongerenwerker in de Transvaalbuurt hoort het ook van oudere broers en zussen.

## Het patroon (nog in concept)

Wij denken dat het gaat over het wegvallen van informele oppas in de buurt. Deze week leggen we het voor aan
twee moeders op het schoolplein.`);

export async function seedGildeWorkDemo(now = new Date()) {
  const cohort = await db.cohort.findFirst({ where: { name: "Voorjaar 2027" }, select: { id: true } });
  if (!cohort) return;
  const gildes = await db.gilde.findMany({
    where: { cohortId: cohort.id, name: { in: ["De Wevers", "De Smeden"] } },
    select: { id: true, name: true },
  });
  const wevers = gildes.find((g) => g.name === "De Wevers");
  const smeden = gildes.find((g) => g.name === "De Smeden");
  if (!wevers || !smeden) return;
  if (await db.gildeDraft.count({ where: { gildeId: { in: [wevers.id, smeden.id] } } })) return;
  const people = await db.user.findMany({
    where: { email: { in: [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `deelnemer${n === 1 ? "" : n}@gilde.test`) } },
    select: { id: true, email: true },
  });
  const id = (n: number) => people.find((p) => p.email === `deelnemer${n === 1 ? "" : n}@gilde.test`)!.id;
  const trainer = await db.user.findUnique({ where: { email: "trainer@gilde.test" }, select: { id: true } });
  const ago = (ms: number) => new Date(now.getTime() - ms);

  await db.$transaction(async (tx) => {
    // Module 6 opens today for this cohort; the gilde assignment is due in twelve days, its peer feedback a week later.
    const today = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
    await tx.moduleRelease.upsert({
      where: { cohortId_moduleSlug: { cohortId: cohort.id, moduleSlug: MODULE } },
      create: { cohortId: cohort.id, moduleSlug: MODULE, opensOn: today, updatedById: trainer?.id ?? null },
      update: { opensOn: today },
    });
    const day = (offset: number) => new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10);
    const schedule = {
      dueAt: fromAmsterdamInput(`${day(12)}T23:59`)!,
      peerReviewDueAt: fromAmsterdamInput(`${day(19)}T23:59`)!,
    };
    await tx.assignmentSchedule.upsert({
      where: { cohortId_assignmentSlug: { cohortId: cohort.id, assignmentSlug: SLUG } },
      create: { cohortId: cohort.id, assignmentSlug: SLUG, ...schedule, updatedById: trainer?.id ?? null },
      update: schedule,
    });

    // De Smeden: written by three of them, agreed by all, handed in by Fatma two days ago.
    const smedenDraft = await tx.gildeDraft.create({
      data: { gildeId: smeden.id, assignmentSlug: SLUG, body: SMEDEN_TEXT, revision: 3, updatedById: id(7) },
    });
    const smedenEdits = [
      { userId: id(5), revision: 1, at: ago(6 * DAY), body: SMEDEN_TEXT.slice(0, 400) },
      { userId: id(6), revision: 2, at: ago(4 * DAY), body: SMEDEN_TEXT.slice(0, 900) },
      { userId: id(7), revision: 3, at: ago(3 * DAY), body: SMEDEN_TEXT },
    ];
    await tx.gildeDraftEdit.createMany({
      data: smedenEdits.map((e) => ({ ...e, draftId: smedenDraft.id, words: countWords(e.body) })),
    });
    const smedenParts: [number, string][] = [
      [5, "Ik verzamelde de signalen in Noord en schreef de afspraken over delen."],
      [6, "Ik sprak de wijkverpleegkundige en legde het patroon voor aan twee bewoners."],
      [7, "Ik maakte de netwerkkaart van de rustpunten en schreef het voorstel."],
      [8, "Ik zocht uit waar ons voorstel terecht kan: de buurtkamer en het wijkteam."],
    ];
    await tx.gildeContribution.createMany({
      data: smedenParts.map(([n, text]) => ({ gildeId: smeden.id, assignmentSlug: SLUG, userId: id(n), text })),
    });
    await tx.submission.create({
      data: {
        userId: id(5),
        cohortId: cohort.id,
        assignmentSlug: SLUG,
        gildeId: smeden.id,
        status: "SUBMITTED",
        versions: { create: { number: 1, body: SMEDEN_TEXT, handedInAt: ago(2 * DAY) } },
      },
    });

    // De Wevers: still writing. Youssef and Marieke agreed to this version; Dewi has not yet, Kees has no part yet.
    const weversDraft = await tx.gildeDraft.create({
      data: { gildeId: wevers.id, assignmentSlug: SLUG, body: WEVERS_TEXT, revision: 2, updatedById: id(1) },
    });
    await tx.gildeDraftEdit.createMany({
      data: [
        { userId: id(2), revision: 1, at: ago(2 * DAY), body: WEVERS_TEXT.slice(0, 300) },
        { userId: id(1), revision: 2, at: ago(5 * HOUR), body: WEVERS_TEXT },
      ].map((e) => ({ ...e, draftId: weversDraft.id, words: countWords(e.body) })),
    });
    await tx.gildeContribution.createMany({
      data: [
        {
          userId: id(2),
          text: "Ik zette de afspraken op papier en verzamelde signalen bij de jongerenwerker.",
          agreed: true,
        },
        { userId: id(3), text: "Ik hield het logboek bij op de twee basisscholen.", agreed: true },
        {
          userId: id(1),
          text: "Ik schreef het patroon en spreek deze week de moeders op het schoolplein.",
          agreed: false,
        },
      ].map(({ agreed, ...c }) => ({
        ...c,
        gildeId: wevers.id,
        assignmentSlug: SLUG,
        agreedRevision: agreed ? 2 : null,
        agreedAt: agreed ? ago(3 * HOUR) : null,
      })),
    });
  });
}
