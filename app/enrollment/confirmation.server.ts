// After paying: what the participant needs to know next — the start, the first contact day, the first module,
// their gilde, what to prepare — shown on /aanmelden/:cohortId/betaald and sent by e-mail with the receipt.
import type { Prisma } from "@prisma/client";
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import { appUrl } from "~/env.server";
import { formatCalendarDate, formatDate, formatEuro, formatTimeRange, formatWeekdayDate } from "~/format";
import { SIGNATURE, greeting } from "~/notifications/signature";
import { myReceipts, type Receipt } from "./receipt.server";

type Client = Prisma.TransactionClient | typeof db;

/** What to do before the start, in three plain lines. */
const PREPARE = [
  "Kies de buurt waarin je gaat oefenen en vertel je leidinggevende of opdrachtgever dat je daar opdrachten uitvoert.",
  "Zet de contactdagen in je agenda en reserveer daarnaast zo'n vijf uur per week, het liefst op vaste momenten.",
  "Lees bij de start de inleiding van module 1 en neem een schrift mee naar de eerste contactdag.",
];

export type NextSteps = Awaited<ReturnType<typeof nextSteps>>;

/** The start, the first contact day, the first module's opening and the gilde (null when not placed yet). */
export async function nextSteps(client: Client, userId: string, cohortId: string) {
  const cohort = await client.cohort.findUniqueOrThrow({
    where: { id: cohortId },
    select: {
      id: true,
      name: true,
      startsOn: true,
      location: true,
      // A newcomer's first contact day is the next one: a running cohort has had others already.
      contactDays: {
        where: { startsAt: { gte: new Date() } },
        orderBy: { startsAt: "asc" },
        take: 1,
        select: { startsAt: true, endsAt: true, place: true, online: true, topic: true },
      },
      gildeMembers: { where: { userId }, select: { gilde: { select: { name: true } } } },
    },
  });
  const first = getCourse().modules[0];
  const release = first
    ? await client.moduleRelease.findUnique({
        where: { cohortId_moduleSlug: { cohortId, moduleSlug: first.slug } },
        select: { opensOn: true },
      })
    : null;
  const opensOn = release && release.opensOn > cohort.startsOn ? release.opensOn : cohort.startsOn;
  const day = cohort.contactDays[0];
  return {
    cohortId: cohort.id,
    cohortName: cohort.name,
    startsOn: cohort.startsOn,
    firstContactDay: day ? { ...day, place: day.online ? "online" : day.place || cohort.location } : null,
    firstModule: first ? { title: first.frontmatter.title, opensOn } : null,
    gilde: cohort.gildeMembers[0]?.gilde.name ?? null,
  };
}

/** What happens next, in sentences (the page and the mail say the same). */
function whatHappensNext(steps: NextSteps): string[] {
  return [
    steps.gilde
      ? `Je zit in gilde ${steps.gilde}: de vakgenoten met wie je feedback uitwisselt.`
      : "Je trainer deelt je in bij een gilde, een kleine groep vakgenoten met wie je feedback uitwisselt. Je krijgt bericht zodra dat is gebeurd.",
    steps.firstModule
      ? `Module 1, ${steps.firstModule.title}, gaat open op ${formatCalendarDate(steps.firstModule.opensOn)}. Je vindt hem op je overzicht.`
      : "De modules verschijnen op je overzicht zodra ze opengaan.",
  ];
}

const contactDayLine = (d: NonNullable<NextSteps["firstContactDay"]>) =>
  `${formatWeekdayDate(d.startsAt)}, ${formatTimeRange(d.startsAt, d.endsAt)}, ${d.place || "plaats volgt"}`;

/** The e-mail sent when a payment makes the enrollment active. */
export function confirmationMail(name: string, receipt: Receipt, steps: NextSteps) {
  const lines = [
    greeting(name),
    "",
    `Je betaling is binnen: welkom in de leergang Creative Communities, ${steps.cohortName}.`,
    "",
    "Betaalbewijs",
    `- Bedrag: ${formatEuro(receipt.amountCents)}, waarvan btw (21%): ${formatEuro(receipt.vatCents)}`,
    `- Datum: ${receipt.paidAt ? formatDate(receipt.paidAt) : "–"}`,
    `- Kenmerk: ${receipt.reference}`,
    `- Betaald door: ${receipt.paidBy}`,
    `- Opnieuw downloaden: ${appUrl()}/account/betalingen`,
    "",
    `De leergang begint op ${formatCalendarDate(steps.startsOn)}.`,
    steps.firstContactDay
      ? `De eerste contactdag: ${contactDayLine(steps.firstContactDay)}.`
      : "De data van de contactdagen hoor je ruim voor de start.",
    "",
    "Wat je vast kunt doen",
    ...PREPARE.map((line) => `- ${line}`),
    "",
    "Wat er nu gebeurt",
    ...whatHappensNext(steps).map((line) => `- ${line}`),
    "",
    `Je overzicht: ${appUrl()}/dashboard`,
    "",
    SIGNATURE,
  ];
  return {
    subject: `Welkom in de leergang (${steps.cohortName}): je betaling is binnen`,
    text: lines.join("\n"),
  };
}

/** The confirmation page of an active participant: the cohort's receipt (null while an employer's invoice is open). */
export async function confirmationFor(userId: string, cohortId: string) {
  const [receipts, steps] = await Promise.all([myReceipts(userId), nextSteps(db, userId, cohortId)]);
  return {
    receipt: receipts.find((r) => r.cohortId === cohortId) ?? null,
    steps,
    prepare: PREPARE,
    next: whatHappensNext(steps),
  };
}
