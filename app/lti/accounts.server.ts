// Who a launched person is in Gilde: matched by (platform, sub), never by e-mail address alone. The first launch
// makes an account (without a password; "wachtwoord vergeten" gives one) unless the address already has one, and
// the LMS roles give a place in the platform's linked cohort: Instructor → trainer, Learner → participant.
import type { Prisma } from "@prisma/client";
import { normalizeEmail } from "~/auth/account.server";
import { db } from "~/db.server";
import { activate } from "~/enrollment/enrollment.server";
import { RefusedError } from "~/errors.server";
import { displayName, launchRole, LTI_CLAIM, type LaunchClaims } from "./claims";

type Tx = Prisma.TransactionClient;
type Platform = { id: string; name: string; cohortId: string | null };

const EMAIL_TAKEN =
  "Er bestaat al een Gilde-account met het e-mailadres dat je leeromgeving meestuurt. Gilde koppelt accounts niet op e-mailadres alleen: log eerst in bij Gilde met je wachtwoord en start daarna opnieuw vanuit de cursus, of vraag de beheerder om hulp.";

/** Who the LMS says someone is: from a launch's id_token or a roster (NRPS) entry. */
export type LmsPerson = Pick<LaunchClaims, "sub" | "email" | "name" | "given_name" | "family_name"> & {
  roles: string[];
};

/** The launched person's account, made or found, with their place in the linked cohort brought up to date. */
export async function accountForLaunch(
  platform: Platform,
  claims: LaunchClaims,
  signedInUserId: string | null,
  now: Date,
) {
  return accountForPerson(platform, { ...claims, roles: claims[LTI_CLAIM.roles] }, signedInUserId, now);
}

/** The same for anyone the LMS names (a launch, or the roster): found by (platform, sub), else made. */
export async function accountForPerson(
  platform: Platform,
  claims: LmsPerson,
  signedInUserId: string | null,
  now: Date,
) {
  return db.$transaction(async (tx) => {
    const identity = await tx.ltiIdentity.findUnique({
      where: { platformId_sub: { platformId: platform.id, sub: claims.sub } },
      select: { id: true, userId: true },
    });
    let userId: string;
    let created = false;
    let identityId: string;
    if (identity) {
      userId = identity.userId;
      identityId = identity.id;
      await tx.ltiIdentity.update({ where: { id: identity.id }, data: { lastLaunchAt: now } });
    } else {
      // Someone already signed in to Gilde in this browser (who proved their password) links their account.
      userId = signedInUserId ?? (await newAccount(tx, claims, now));
      created = !signedInUserId;
      const made = await tx.ltiIdentity.create({
        data: { platformId: platform.id, sub: claims.sub, userId, createdAt: now, lastLaunchAt: now },
        select: { id: true },
      });
      identityId = made.id;
    }
    const role = launchRole(claims.roles);
    if (platform.cohortId) await placeInCohort(tx, userId, platform.cohortId, role, now);
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, email: true, erasedAt: true },
    });
    if (user.erasedAt)
      throw new RefusedError("Dit account is verwijderd op verzoek. Neem contact op met de beheerder.", 403);
    return { user, created, role, identityId };
  });
}

async function newAccount(tx: Tx, claims: LmsPerson, now: Date): Promise<string> {
  const email = claims.email ? normalizeEmail(claims.email) : "";
  if (!email || !email.includes("@"))
    throw new RefusedError(
      "Je leeromgeving stuurde geen e-mailadres mee, en dat heeft Gilde nodig voor een nieuw account. Vraag de beheerder van de leeromgeving om het e-mailadres te delen met Gilde.",
      400,
    );
  if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw new RefusedError(EMAIL_TAKEN, 409);
  const user = await tx.user.create({
    data: { name: displayName(claims), email, passwordHash: "", role: "PARTICIPANT", createdAt: now },
    select: { id: true },
  });
  return user.id;
}

async function placeInCohort(tx: Tx, userId: string, cohortId: string, role: ReturnType<typeof launchRole>, now: Date) {
  if (role === "trainer") {
    await tx.cohortStaff.upsert({
      where: { cohortId_userId: { cohortId, userId } },
      create: { cohortId, userId, createdAt: now },
      update: {},
    });
    // A role is added, never taken away: an admin stays admin.
    await tx.user.updateMany({ where: { id: userId, role: "PARTICIPANT" }, data: { role: "TRAINER" } });
    return;
  }
  if (role !== "participant") return;
  const enrollment = await tx.enrollment.upsert({
    where: { userId_cohortId: { userId, cohortId } },
    create: { userId, cohortId, status: "ACCEPTED", appliedAt: now, acceptedAt: now },
    update: {},
    select: { id: true, status: true },
  });
  // The institution enrolled them in its course: that is their admission. Completed or withdrawn stays so.
  if (["APPLIED", "ACCEPTED", "WAITLISTED"].includes(enrollment.status)) await activate(tx, enrollment.id, now);
}
