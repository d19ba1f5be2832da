// Demo data for the cohort page and the confirmation after paying (issue 19): trainer profiles, contact days for
// Voorjaar 2027 and the running Najaar 2026 (Najaar 2027 has none yet, so the page shows that case too),
// accreditation as an example the admin fills in, instalments for Najaar 2027, and a paid payment for Dewi
// (deelnemer@) whose receipt she can download again under /account/betalingen.
import { fromAmsterdamInput } from "../app/assignments/time";
import { db } from "../app/db.server";

const BIOS: Record<string, string> = {
  "trainer@gilde.test":
    "Community werker sinds 2009 in Utrecht-Overvecht en Kanaleneiland. Begeleidt bewonersinitiatieven en traint professionals in werken vanuit de leefwereld.",
  "trainer2@gilde.test":
    "Opbouwwerker en onderzoeker. Werkte tien jaar in de Rotterdamse wijkteams en schrijft over informele zorg en de sociale basis.",
  "hanneke.hofstra@gilde.test":
    "Wijkcoach bij een woningcorporatie in Amersfoort. Weet hoe je met huurders, gemeente en zorg één wijkaanpak maakt.",
};

/** Contact days on the given Amsterdam dates, 9.30–16.00; the ones listed in `online` meet online. */
function contactDays(cohortId: string, place: string, days: { on: string; topic: string; online?: boolean }[]) {
  return days.map((d) => ({
    cohortId,
    startsAt: fromAmsterdamInput(`${d.on}T09:30`)!,
    endsAt: fromAmsterdamInput(`${d.on}T16:00`)!,
    place: d.online ? "" : place,
    online: d.online ?? false,
    topic: d.topic,
  }));
}

export async function seedCohortPageDemo() {
  const cohorts = await db.cohort.findMany({ select: { id: true, name: true, location: true } });
  const cohort = (name: string) => cohorts.find((c) => c.name === name);
  const spring = cohort("Voorjaar 2027");
  const running = cohort("Najaar 2026");
  const next = cohort("Najaar 2027");
  await db.$transaction(async (tx) => {
    for (const [email, bio] of Object.entries(BIOS)) await tx.user.updateMany({ where: { email }, data: { bio } });
    if (spring) {
      await tx.cohort.update({
        where: { id: spring.id },
        data: {
          accreditationRegister: "Registerplein",
          accreditationPoints: 20,
          refundAfterStartPercent: 25,
          priceIncludes:
            "Alle modules en hun teksten, vijf contactdagen met lunch in Utrecht (één online), begeleiding en beoordeling door je trainers, je gilde en het bewijs van afronding.",
        },
      });
      await tx.contactDay.createMany({
        data: contactDays(spring.id, spring.location, [
          { on: "2027-03-02", topic: "Kennismaking met je gilde en je wijk" },
          { on: "2027-04-13", topic: "Leefwereld en systeemwereld" },
          { on: "2027-06-01", topic: "Vertrouwen en de buurt afbakenen", online: true },
          { on: "2027-09-14", topic: "De sociale basis en de netwerkkaart" },
          { on: "2027-11-23", topic: "Je wijkportfolio presenteren" },
        ]),
      });
      const dewi = await tx.enrollment.findFirst({
        where: { cohortId: spring.id, user: { email: "deelnemer@gilde.test" } },
        select: { id: true },
      });
      if (dewi) {
        await tx.payment.create({
          data: {
            enrollmentId: dewi.id,
            kind: "CHECKOUT",
            status: "PAID",
            amountCents: 245000,
            paidAt: new Date("2027-01-12T10:14:00Z"),
            checkoutSessionId: "cs_demo_seed_dewi",
            paymentIntentId: "pi_demo_seed_dewi",
          },
        });
      }
    }
    if (running) {
      await tx.contactDay.createMany({
        data: contactDays(running.id, running.location, [
          { on: "2026-09-10", topic: "Kennismaking met je gilde en je wijk" },
          { on: "2026-11-19", topic: "Vertrouwen als fundament" },
          { on: "2027-02-04", topic: "Bewonersambities", online: true },
        ]),
      });
    }
    if (next) await tx.cohort.update({ where: { id: next.id }, data: { instalments: 3 } });
  });
}
