// Registered LMS platforms (/beheer/lti): one per (issuer, client id), with their deployment ids and the cohort
// launched people join. A launch for an unknown deployment of a known platform lands in a pending list here, and
// so does a platform that registered itself through LTI Dynamic Registration (/lti/register, registration.server.ts)
// until an admin approves it.
import { Prisma } from "@prisma/client";
import { audit } from "~/audit/audit.server";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";
import type { PlatformRegistration } from "./forms";

type Admin = { id: string; email: string };

export async function platformsOverview() {
  const [platforms, cohorts] = await Promise.all([
    db.ltiPlatform.findMany({
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        name: true,
        issuer: true,
        clientId: true,
        authLoginUrl: true,
        accessTokenUrl: true,
        jwksUrl: true,
        isDemo: true,
        status: true,
        productFamily: true,
        registeredDynamically: true,
        createdAt: true,
        cohort: { select: { id: true, name: true } },
        deployments: {
          orderBy: { createdAt: "asc" },
          select: { id: true, deploymentId: true, status: true, createdAt: true },
        },
        _count: { select: { identities: true } },
      },
    }),
    db.cohort.findMany({ orderBy: { startsOn: "desc" }, select: { id: true, name: true } }),
  ]);
  return { platforms, cohorts };
}

/** The chosen cohort's id, or null for none; refused next to the field when it does not exist. */
async function chosenCohort(cohortId: string | undefined): Promise<string | null> {
  if (!cohortId) return null;
  if (!(await db.cohort.findUnique({ where: { id: cohortId }, select: { id: true } })))
    throw new RefusedError("Kies een groep uit de lijst.", 400, { cohortId: "Kies een groep uit de lijst." });
  return cohortId;
}

type PlatformFields = Pick<
  PlatformRegistration,
  "name" | "issuer" | "clientId" | "authLoginUrl" | "accessTokenUrl" | "jwksUrl"
>;

/** What a platform is, however it was registered: by hand on /beheer/lti or by itself at /lti/register. */
function platformFields(input: PlatformFields): PlatformFields {
  const { name, issuer, clientId, authLoginUrl, accessTokenUrl, jwksUrl } = input;
  return { name, issuer, clientId, authLoginUrl, accessTokenUrl, jwksUrl };
}

export async function registerPlatform(admin: Admin, input: PlatformRegistration) {
  const cohortId = await chosenCohort(input.cohortId);
  const existing = await db.ltiPlatform.findUnique({
    where: { issuer_clientId: { issuer: input.issuer, clientId: input.clientId } },
    select: { id: true },
  });
  if (existing)
    throw new RefusedError("Deze leeromgeving is al geregistreerd.", 409, {
      clientId: "Deze combinatie van issuer en client id is al geregistreerd. Verwijder de oude eerst.",
    });
  return db.$transaction(async (tx) => {
    const platform = await tx.ltiPlatform.create({
      data: {
        ...platformFields(input),
        cohortId,
        deployments: { create: input.deploymentIds.map((deploymentId) => ({ deploymentId })) },
      },
      select: { id: true, name: true },
    });
    await audit(tx, {
      action: "lti.platform.register",
      actor: admin,
      subjectId: platform.id,
      summary: `Leeromgeving ${platform.name} geregistreerd (issuer ${input.issuer}, client id ${input.clientId}).`,
    });
    return platform;
  });
}

/** What a platform told about itself in LTI Dynamic Registration, and the client id it gave Gilde. */
export type SelfRegistration = {
  name: string;
  issuer: string;
  clientId: string;
  deploymentId: string | null;
  authLoginUrl: string;
  accessTokenUrl: string;
  jwksUrl: string;
  productFamily: string;
};

export type SelfRegistrationOutcome = { platform: { id: string; name: string }; known: boolean; active: boolean };

/**
 * Stores a platform that registered itself. Anyone on the internet can start a registration, so it waits for an
 * admin (PENDING: no launch gets in) unless an admin, signed in to Gilde, registered it. The same (issuer, client
 * id) again makes no second platform: at most a deployment id it did not have yet, waiting like one a launch brings.
 */
export async function storeSelfRegistration(
  input: SelfRegistration,
  approvedBy: Admin | null,
  { ip = null, now = new Date() }: { ip?: string | null; now?: Date } = {},
): Promise<SelfRegistrationOutcome> {
  const status = approvedBy ? "ACTIVE" : "PENDING";
  const known = () =>
    db.ltiPlatform.findUnique({
      where: { issuer_clientId: { issuer: input.issuer, clientId: input.clientId } },
      select: { id: true, name: true, status: true },
    });
  const again = async (platform: { id: string; name: string; status: "ACTIVE" | "PENDING" }) => {
    if (input.deploymentId)
      await db.ltiDeployment.createMany({
        data: [{ platformId: platform.id, deploymentId: input.deploymentId, status, createdAt: now }],
        skipDuplicates: true,
      });
    await audit(
      db,
      {
        action: "lti.platform.self-register",
        actor: approvedBy,
        subjectId: platform.id,
        summary: `${platform.name} meldde zich opnieuw aan (issuer ${input.issuer}, client id ${input.clientId}); er is niets dubbel gemaakt.`,
        ip,
      },
      now,
    );
    return { platform: { id: platform.id, name: platform.name }, known: true, active: platform.status === "ACTIVE" };
  };
  const existing = await known();
  if (existing) return again(existing);
  try {
    return await db.$transaction(async (tx) => {
      const platform = await tx.ltiPlatform.create({
        data: {
          ...platformFields(input),
          productFamily: input.productFamily,
          registeredDynamically: true,
          status,
          createdAt: now,
          deployments: { create: input.deploymentId ? [{ deploymentId: input.deploymentId, createdAt: now }] : [] },
        },
        select: { id: true, name: true },
      });
      await audit(
        tx,
        {
          action: "lti.platform.self-register",
          actor: approvedBy,
          subjectId: platform.id,
          summary: `${platform.name} meldde zich aan via dynamische registratie (issuer ${input.issuer}, client id ${input.clientId})${approvedBy ? ", door een beheerder: meteen actief" : "; wacht op goedkeuring"}.`,
          ip,
        },
        now,
      );
      return { platform, known: false, active: status === "ACTIVE" };
    });
  } catch (error) {
    // Two confirmations at the same moment: the other one made it.
    const raced = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && (await known());
    if (raced) return again(raced);
    throw error;
  }
}

/**
 * The admin approves a platform that registered itself and chooses the cohort launched people join; for an
 * approved platform, the same changes only the cohort.
 */
export async function approvePlatform(admin: Admin, input: { platformId: string; cohortId?: string }) {
  const cohortId = await chosenCohort(input.cohortId);
  const platform = await db.ltiPlatform.findUnique({
    where: { id: input.platformId },
    select: { id: true, name: true, status: true },
  });
  if (!platform) throw new RefusedError("Deze leeromgeving bestaat niet (meer).", 404);
  await db.$transaction(async (tx) => {
    await tx.ltiPlatform.update({ where: { id: platform.id }, data: { status: "ACTIVE", cohortId } });
    await audit(tx, {
      action: platform.status === "PENDING" ? "lti.platform.approve" : "lti.platform.cohort",
      actor: admin,
      subjectId: platform.id,
      summary: `Leeromgeving ${platform.name} ${platform.status === "PENDING" ? "goedgekeurd" : "aan een andere groep gekoppeld"}${cohortId ? "" : " (geen groep: alleen accounts)"}.`,
    });
  });
  return { ...platform, wasPending: platform.status === "PENDING" };
}

/** The admin refuses a platform that registered itself: it is removed, as if it never came. */
export async function refusePlatform(admin: Admin, platformId: string) {
  const platform = await db.ltiPlatform.findUnique({
    where: { id: platformId },
    select: { id: true, name: true, issuer: true, status: true },
  });
  if (!platform) throw new RefusedError("Deze leeromgeving bestaat niet (meer).", 404);
  if (platform.status !== "PENDING")
    throw new RefusedError("Deze leeromgeving is al goedgekeurd; verwijder haar als ze weg moet.", 409);
  await db.$transaction(async (tx) => {
    await tx.ltiPlatform.delete({ where: { id: platform.id } });
    await audit(tx, {
      action: "lti.platform.refuse",
      actor: admin,
      subjectId: platform.id,
      summary: `Aanmelding van leeromgeving ${platform.name} (${platform.issuer}) geweigerd.`,
    });
  });
  return platform;
}

export async function acceptDeployment(admin: Admin, deploymentId: string) {
  const deployment = await db.ltiDeployment.findUnique({
    where: { id: deploymentId },
    select: { id: true, deploymentId: true, status: true, platform: { select: { id: true, name: true } } },
  });
  if (!deployment) throw new RefusedError("Deze deployment bestaat niet (meer).", 404);
  await db.ltiDeployment.update({ where: { id: deployment.id }, data: { status: "ACTIVE" } });
  await audit(db, {
    action: "lti.deployment.accept",
    actor: admin,
    subjectId: deployment.platform.id,
    summary: `Deployment ${deployment.deploymentId} van ${deployment.platform.name} toegelaten.`,
  });
  return deployment;
}

export async function removeDeployment(admin: Admin, deploymentId: string) {
  const deployment = await db.ltiDeployment.findUnique({
    where: { id: deploymentId },
    select: { id: true, deploymentId: true, platform: { select: { id: true, name: true } } },
  });
  if (!deployment) throw new RefusedError("Deze deployment bestaat niet (meer).", 404);
  await db.ltiDeployment.delete({ where: { id: deployment.id } });
  await audit(db, {
    action: "lti.deployment.remove",
    actor: admin,
    subjectId: deployment.platform.id,
    summary: `Deployment ${deployment.deploymentId} van ${deployment.platform.name} verwijderd.`,
  });
  return deployment;
}

export async function removePlatform(admin: Admin, platformId: string) {
  const platform = await db.ltiPlatform.findUnique({ where: { id: platformId }, select: { id: true, name: true } });
  if (!platform) throw new RefusedError("Deze leeromgeving bestaat niet (meer).", 404);
  await db.ltiPlatform.delete({ where: { id: platform.id } });
  await audit(db, {
    action: "lti.platform.remove",
    actor: admin,
    subjectId: platform.id,
    summary: `Leeromgeving ${platform.name} verwijderd; wie via deze omgeving binnenkwam, houdt het Gilde-account.`,
  });
  return platform;
}

/**
 * The origins of every approved platform (for pages an LMS may frame whatever the session), or of one platform.
 * A platform waiting for approval frames nothing of Gilde's, except the refusal of its own launch.
 */
export async function platformOrigins(
  where: { id?: string } = {},
  { includePending = false }: { includePending?: boolean } = {},
): Promise<string[]> {
  const platforms = await db.ltiPlatform.findMany({
    where: { ...where, ...(includePending ? {} : { status: "ACTIVE" }) },
    select: { issuer: true, authLoginUrl: true },
  });
  const origins = new Set<string>();
  for (const platform of platforms)
    for (const url of [platform.issuer, platform.authLoginUrl]) {
      try {
        origins.add(new URL(url).origin);
      } catch {
        // Registered through the form, so always a URL; an odd row adds nothing.
      }
    }
  return [...origins];
}
