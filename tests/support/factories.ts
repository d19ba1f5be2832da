// Makes the people, groups and work a test needs, straight in the database. Every e-mail is unique, so test
// files and tests never see each other's data. Defaults are the ordinary case; a test names only what it is about.
import type { Prisma } from "@prisma/client";
import { hashPassword } from "~/auth/password.server";
import { createSession } from "~/auth/session.server";
import { db } from "~/db.server";

export const PASSWORD = "een-goed-wachtwoord";
const WEEK = 7 * 24 * 60 * 60 * 1000;
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
    // Published, as every cohort was before issue 19 gave them a lifecycle; the lifecycle tests start from CONCEPT.
    data: {
      name,
      startsOn: new Date("2027-03-01"),
      endsOn: new Date("2027-12-15"),
      priceCents: 249500,
      capacity: 24,
      status: "PUBLISHED",
    },
  });
}

export async function enroll(userId: string, cohortId: string, status: "ACTIVE" | "COMPLETED" | "APPLIED" = "ACTIVE") {
  return db.enrollment.create({ data: { userId, cohortId, status } });
}

/** A gilde of the cohort with these people as its members. */
export async function createGilde({
  cohortId,
  name = `Gilde ${counter++}`,
  members = [],
}: {
  cohortId: string;
  name?: string;
  members?: { id: string }[];
}) {
  const gilde = await db.gilde.create({ data: { cohortId, name } });
  for (const member of members) await joinGilde(gilde, member.id);
  return gilde;
}

/** A learning environment (LMS) registered by hand at `origin`, approved, and linked to `cohortId` when given. */
export function createLtiPlatform({
  name,
  origin,
  clientId,
  cohortId = null,
}: {
  name: string;
  origin: string;
  clientId: string;
  cohortId?: string | null;
}) {
  return db.ltiPlatform.create({
    data: {
      name,
      issuer: origin,
      clientId,
      authLoginUrl: `${origin}/auth`,
      accessTokenUrl: `${origin}/token`,
      jwksUrl: `${origin}/jwks`,
      cohortId,
    },
  });
}

/** Places someone in a gilde (one gilde per person per cohort, as the database insists). */
export function joinGilde(gilde: { id: string; cohortId: string }, userId: string) {
  return db.gildeMember.create({ data: { gildeId: gilde.id, userId, cohortId: gilde.cohortId } });
}

/** Handed-in work: a submission with its first version (text `body`), returned with that version. */
export async function createSubmission({
  body = "Ingeleverd werk",
  ...data
}: Omit<Prisma.SubmissionUncheckedCreateInput, "versions"> & { body?: string }) {
  const submission = await db.submission.create({
    data: { ...data, versions: { create: { number: 1, body } } },
    include: { versions: true },
  });
  return { ...submission, version: submission.versions[0]! };
}

/** A trainer's assessment of a version; by default released as passed (‘voldaan’). */
export function createAssessment(data: Omit<Prisma.AssessmentUncheckedCreateInput, "number"> & { number?: number }) {
  return db.assessment.create({
    data: { number: 1, status: "RELEASED", decision: "PASSED", releasedAt: new Date(), ...data },
  });
}

/** A peer review of `submission` by `reviewerId`, open and due in a week unless told otherwise. */
export function createPeerReview({
  submission,
  ...data
}: {
  submission: { id: string; cohortId: string; assignmentSlug: string };
} & Omit<Prisma.PeerReviewUncheckedCreateInput, "submissionId" | "cohortId" | "assignmentSlug" | "dueAt"> & {
    dueAt?: Date;
  }) {
  return db.peerReview.create({
    data: {
      cohortId: submission.cohortId,
      assignmentSlug: submission.assignmentSlug,
      submissionId: submission.id,
      dueAt: new Date(Date.now() + WEEK),
      ...data,
    },
  });
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
