// Registered LMS platforms (/beheer/lti): one per (issuer, client id), with their deployment ids and the cohort
// launched people join. A launch for an unknown deployment of a known platform lands in a pending list here.
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

export async function registerPlatform(admin: Admin, input: PlatformRegistration) {
  const cohortId = input.cohortId ? input.cohortId : null;
  if (cohortId && !(await db.cohort.findUnique({ where: { id: cohortId }, select: { id: true } })))
    throw new RefusedError("Kies een groep uit de lijst.", 400, { cohortId: "Kies een groep uit de lijst." });
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
        name: input.name,
        issuer: input.issuer,
        clientId: input.clientId,
        authLoginUrl: input.authLoginUrl,
        accessTokenUrl: input.accessTokenUrl,
        jwksUrl: input.jwksUrl,
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

/** The origins of every registered platform (for pages an LMS may frame whatever the session). */
export async function platformOrigins(where: { id?: string } = {}): Promise<string[]> {
  const platforms = await db.ltiPlatform.findMany({ where, select: { issuer: true, authLoginUrl: true } });
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
