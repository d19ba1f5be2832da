// "Mijn aanmelding": where an applicant's applications stand and what happens next, for someone who does not (yet)
// follow the course: applied, accepted and paying, on the waiting list, or turned down.
import { db } from "~/db.server";
import { formatDate, formatDateTime } from "~/format";

export type ApplicationView = {
  cohortId: string;
  cohortName: string;
  startsOn: string;
  status: string;
  /** Where it stands, in one sentence. */
  stands: string;
  /** What happens next, step by step. */
  next: string[];
  /** The one thing to do now, if any. */
  action: { label: string; href: string } | null;
  message: string | null;
};

export async function myApplications(userId: string): Promise<ApplicationView[]> {
  const enrollments = await db.enrollment.findMany({
    where: { userId, status: { notIn: ["ACTIVE", "COMPLETED"] } },
    orderBy: { appliedAt: "desc" },
    select: {
      status: true,
      reservedUntil: true,
      offerExpiresAt: true,
      decisionMessage: true,
      cohort: { select: { id: true, name: true, startsOn: true } },
      intake: { select: { payer: true } },
      payments: { where: { status: "OPEN" }, select: { kind: true }, take: 1 },
    },
  });
  return enrollments.map((e) => {
    const base = {
      cohortId: e.cohort.id,
      cohortName: e.cohort.name,
      startsOn: e.cohort.startsOn.toISOString(),
      status: e.status,
      message: e.decisionMessage?.trim() || null,
    };
    const page = `/aanmelden/${e.cohort.id}`;
    switch (e.status) {
      case "APPLIED":
        return {
          ...base,
          stands: "Je aanmelding is binnen. De trainers lezen je intake.",
          next: [
            "De trainers van de groep lezen wat je over je werk en je wijk schreef.",
            "Je krijgt per e-mail bericht of je bent toegelaten.",
            "Ben je toegelaten, dan houden we een plek voor je vast tot er betaald is.",
          ],
          action: { label: "Bekijk je aanmelding", href: page },
        };
      case "ACCEPTED": {
        const employer = e.intake?.payer === "EMPLOYER" || e.payments[0]?.kind === "INVOICE";
        const until = e.reservedUntil ? ` Je plek is vastgehouden tot ${formatDate(e.reservedUntil)}.` : "";
        return {
          ...base,
          stands: `Je bent toegelaten.${until}`,
          next: employer
            ? [
                "Je werkgever krijgt een factuur van ons.",
                "Zodra die betaald is, ben je ingeschreven en zie je hier je modules, opdrachten en gilde.",
              ]
            : [
                "Betaal je deelname; dat kan met iDEAL of een creditcard.",
                "Zodra de betaling binnen is, ben je ingeschreven en zie je hier je modules, opdrachten en gilde.",
              ],
          action: employer ? { label: "Bekijk je aanmelding", href: page } : { label: "Naar betalen", href: page },
        };
      }
      case "WAITLISTED":
        if (e.offerExpiresAt)
          return {
            ...base,
            stands: `Er is een plek vrij voor je: we houden hem vast tot ${formatDateTime(e.offerExpiresAt)}.`,
            next: [
              "Zeg ja of nee op de pagina van je aanmelding.",
              "Zeg je ja, dan ben je toegelaten en betaal je (of je werkgever krijgt de factuur).",
              "Zeg je niets, dan gaat de plek daarna naar de volgende op de wachtlijst.",
            ],
            action: { label: "Ja of nee zeggen", href: page },
          };
        return {
          ...base,
          stands: "De groep is vol: je staat op de wachtlijst.",
          next: [
            "Komt er een plek vrij, dan hoor je het per e-mail.",
            "Je kunt je ook aanmelden voor een latere groep.",
          ],
          action: { label: "Bekijk je aanmelding", href: page },
        };
      case "REJECTED":
        return {
          ...base,
          stands: "Je bent voor deze groep niet toegelaten.",
          next: ["Lees hieronder waarom.", "Je kunt je aanmelden voor een andere groep."],
          action: { label: "Bekijk de komende groepen", href: "/leergang" },
        };
      default:
        return {
          ...base,
          stands: "Je hebt je aanmelding ingetrokken.",
          next: ["Wil je toch meedoen? Meld je opnieuw aan voor een komende groep."],
          action: { label: "Bekijk de komende groepen", href: "/leergang" },
        };
    }
  });
}
