// Makes the people and groups a test needs, straight in the database. Every e-mail is unique, so test files
// and tests never see each other's data.
import { hashPassword } from "~/auth/password.server";
import { createSession } from "~/auth/session.server";
import { db } from "~/db.server";

export const PASSWORD = "een-goed-wachtwoord";
let counter = 0;
let passwordHash: Promise<string> | undefined;

export function uniqueEmail(prefix = "persoon") {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter++}@voorbeeld.nl`;
}

export async function createUser({
  role = "PARTICIPANT",
  name = "Test Persoon",
  email = uniqueEmail(role.toLowerCase()),
}: { role?: "PARTICIPANT" | "TRAINER" | "ADMIN"; name?: string; email?: string } = {}) {
  passwordHash ??= hashPassword(PASSWORD);
  return db.user.create({ data: { name, email, role, passwordHash: await passwordHash } });
}

export async function createCohort(name = `Groep ${counter++}`) {
  return db.cohort.create({
    data: { name, startsOn: new Date("2027-03-01"), endsOn: new Date("2027-12-15"), priceCents: 249500, capacity: 24 },
  });
}

export async function enroll(userId: string, cohortId: string, status: "ACTIVE" | "COMPLETED" | "APPLIED" = "ACTIVE") {
  return db.enrollment.create({ data: { userId, cohortId, status } });
}

/** The cookie header of a fresh session for this user, for calling loaders and guards directly. */
export async function sessionCookieFor(userId: string, now = new Date()) {
  const { token } = await createSession(userId, now);
  return `gilde_session=${token}`;
}

/** Someone accepted into a cohort that starts on `startsOn`, who pays themselves: a seat held for a day. */
export async function acceptedApplicant({
  name = "Toegelaten Aanmelder",
  startsOn = new Date(Date.now() + 90 * 86_400_000),
} = {}) {
  const cohort = await db.cohort.update({ where: { id: (await createCohort()).id }, data: { startsOn } });
  const user = await createUser({ name });
  const enrollment = await enroll(user.id, cohort.id, "APPLIED");
  await db.enrollment.update({
    where: { id: enrollment.id },
    data: { status: "ACCEPTED", reservedUntil: new Date(Date.now() + 86_400_000) },
  });
  const intake = {
    currentWork: "x",
    organisation: "x",
    experienceYears: 3,
    experience: "x",
    wijk: "x",
    motivation: "x",
  };
  await db.intake.create({ data: { enrollmentId: enrollment.id, ...intake, payer: "SELF" } });
  return { cohort, user, enrollment };
}
