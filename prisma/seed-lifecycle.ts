// Demo data for cohorts with a lifecycle (issue 19). The demo's cohorts get the status their dates give them
// ("Najaar 2027" stays published, as the cohort page's demo shows it); "Najaar 2028" is a concept without a trainer
// (its status page lists that as missing before publishing); and
// "Voorjaar 2028" is full, with a waiting list whose first person, Lotte (wachtlijst@gilde.test), has been offered a
// freed seat (the offer's e-mail is in the outbox, and the trainer's intake page says until when it runs).
import { db } from "../app/db.server";
import { offerFreeSeats } from "../app/enrollment/waitlist.server";

const DAY_MS = 24 * 60 * 60 * 1000;

const STATUSES = [
  { name: "Voorjaar 2027", status: "PUBLISHED" },
  { name: "Najaar 2026", status: "RUNNING" },
  { name: "Najaar 2025", status: "FINISHED" },
  { name: "Najaar 2027", status: "PUBLISHED" },
] as const;

/** The people of the full cohort "Voorjaar 2028": three in it, three waiting (the first with the offer). */
const PEOPLE = [
  { email: "fenna.deboer@gilde.test", name: "Fenna de Boer", status: "ACTIVE", days: 40 },
  { email: "ruben.kok@gilde.test", name: "Ruben Kok", status: "ACTIVE", days: 38 },
  { email: "noor.elidrissi@gilde.test", name: "Noor El Idrissi", status: "ACTIVE", days: 35 },
  { email: "wachtlijst@gilde.test", name: "Lotte Visser", status: "WAITLISTED", days: 20 },
  { email: "bram.hendriks@gilde.test", name: "Bram Hendriks", status: "WAITLISTED", days: 12 },
  { email: "esra.demir@gilde.test", name: "Esra Demir", status: "WAITLISTED", days: 6 },
] as const;

/** Accounts this file adds to the demo: the people above and the one who withdrew. */
export const LIFECYCLE_DEMO_USERS = PEOPLE.length + 1;

const intake = (wijk: string, payer: "SELF" | "EMPLOYER" = "SELF") => ({
  currentWork: "Opbouwwerker",
  organisation: "Welzijn in de Wijk",
  experienceYears: 4,
  experience: "Bewonersavonden en een buurtmoestuin opgezet, samen met de woningcorporatie.",
  wijk,
  motivation: "Ik wil bewoners meer ruimte geven om zelf te beginnen.",
  payer,
  ...(payer === "EMPLOYER"
    ? { employerName: "Welzijn in de Wijk", employerContact: "Mirjam Smit", employerEmail: "factuur@welzijn.test" }
    : {}),
});

export async function seedLifecycleDemo(passwordHash: string, now = new Date()) {
  for (const { name, status } of STATUSES) await db.cohort.updateMany({ where: { name }, data: { status } });
  // Complete but for a trainer: publishing it lists what is missing.
  await db.cohort.create({
    data: {
      name: "Najaar 2028",
      startsOn: new Date("2028-09-04T00:00:00Z"),
      endsOn: new Date("2029-06-29T00:00:00Z"),
      priceCents: 245000,
      capacity: 24,
      location: "online",
      rhythm: "Om de twee weken op maandagavond, 19.00–21.30 uur",
    },
  });
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  await db.$transaction(
    async (tx) => {
      const trainer = await tx.user.findUniqueOrThrow({ where: { email: "trainer@gilde.test" }, select: { id: true } });
      const cohort = await tx.cohort.create({
        data: {
          name: "Voorjaar 2028",
          startsOn: new Date("2028-03-06T00:00:00Z"),
          endsOn: new Date("2028-11-28T00:00:00Z"),
          priceCents: 245000,
          capacity: 4,
          location: "Zwolle, wijkcentrum De Enk",
          rhythm: "Om de twee weken op woensdag, 9.30–16.00 uur",
          status: "PUBLISHED",
          createdAt: ago(60),
        },
        select: { id: true },
      });
      await tx.cohortStaff.create({ data: { cohortId: cohort.id, userId: trainer.id } });
      // Its gilde is made already, so the admin's to-do list stays about what really waits.
      const gilde = await tx.gilde.create({
        data: { cohortId: cohort.id, name: "De Vlechters" },
        select: { id: true },
      });
      for (const [index, person] of PEOPLE.entries()) {
        const user = await tx.user.create({
          data: { email: person.email, name: person.name, role: "PARTICIPANT", passwordHash },
          select: { id: true },
        });
        const active = person.status === "ACTIVE";
        const enrollment = await tx.enrollment.create({
          data: {
            userId: user.id,
            cohortId: cohort.id,
            status: person.status,
            appliedAt: ago(person.days),
            ...(active ? { acceptedAt: ago(person.days - 5), activatedAt: ago(person.days - 7) } : {}),
          },
          select: { id: true },
        });
        if (active) await tx.gildeMember.create({ data: { gildeId: gilde.id, userId: user.id, cohortId: cohort.id } });
        await tx.intake.create({
          data: { enrollmentId: enrollment.id, ...intake("Assendorp", index === 4 ? "EMPLOYER" : "SELF") },
        });
      }
      // One of the four seats came free two days ago (someone withdrew); Lotte, the longest waiting, was offered it.
      const left = await tx.user.create({
        data: { email: "jasper.mulder@gilde.test", name: "Jasper Mulder", role: "PARTICIPANT", passwordHash },
        select: { id: true },
      });
      await tx.enrollment.create({
        data: { userId: left.id, cohortId: cohort.id, status: "WITHDRAWN", appliedAt: ago(45), endedAt: ago(2) },
      });
      await offerFreeSeats(tx, cohort.id, ago(1));
    },
    { timeout: 60_000 },
  );
}
