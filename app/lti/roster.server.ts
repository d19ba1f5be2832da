// Names and Role Provisioning Services: the trainer of a linked cohort fetches the roster of the LMS course (every
// page, following `Link: <…>; rel="next"`). Everyone on it gets their account by (platform, sub) through the same
// code a launch uses (Learner → participant, Instructor → trainer); whoever is no longer on it, or is Inactive,
// is marked "niet meer in de leeromgeving" and keeps everything in Gilde.
import { audit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";
import { accountForPerson, type LmsPerson } from "./accounts.server";
import { launchRole } from "./claims";
import { LmsError, lmsFetch, refusedBy } from "./lms-fetch.server";
import { LTI_SCOPE, nextPage } from "./services";
import { serviceToken } from "./service-token.server";

const MEMBERSHIPS = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
/** A course of a few thousand people at most; a platform that pages forever is stopped here. */
const MAX_PAGES = 100;

type Member = {
  user_id?: unknown;
  status?: unknown;
  name?: unknown;
  given_name?: unknown;
  family_name?: unknown;
  email?: unknown;
  roles?: unknown;
};

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);

/** The LMS courses a cohort's platforms know, with who is in them (for the trainer's roster page). */
export async function cohortRosters(cohortId: string) {
  const cohort = await db.cohort.findUniqueOrThrow({ where: { id: cohortId }, select: { id: true, name: true } });
  const contexts = await db.ltiContext.findMany({
    where: { platform: { cohortId } },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      title: true,
      membershipsUrl: true,
      rosterSyncedAt: true,
      platform: { select: { name: true } },
      members: {
        select: {
          id: true,
          role: true,
          inLms: true,
          identity: { select: { user: { select: { name: true, email: true } } } },
        },
      },
    },
  });
  const courses = contexts.map((context) => ({
    id: context.id,
    title: context.title || "Cursus zonder naam",
    platform: context.platform.name,
    canSync: context.membershipsUrl !== null,
    syncedAt: context.rosterSyncedAt,
    members: context.members
      .map((m) => ({ id: m.id, role: m.role, inLms: m.inLms, ...m.identity.user }))
      .sort((a, b) => Number(b.inLms) - Number(a.inLms) || a.name.localeCompare(b.name, "nl")),
  }));
  return { cohort, courses };
}

async function fetchRoster(url: string, platform: { id: string; clientId: string; accessTokenUrl: string }) {
  const token = await serviceToken(platform, [LTI_SCOPE.roster]);
  const members: Member[] = [];
  let next: string | null = url;
  for (let page = 0; next && page < MAX_PAGES; page++) {
    const response = await lmsFetch(next, { headers: { Authorization: `Bearer ${token}`, Accept: MEMBERSHIPS } });
    if (!response.ok) throw refusedBy("de deelnemerslijst", response);
    const body = (await response.json().catch(() => null)) as { members?: Member[] } | null;
    if (!body || !Array.isArray(body.members))
      throw new LmsError("De deelnemerslijst van de leeromgeving is onleesbaar.");
    members.push(...body.members);
    next = nextPage(response.headers.get("Link"));
  }
  return members;
}

type RosterOutcome = { added: number; present: number; left: number; skipped: string[] };

/** Fetches the roster of one LMS course of the cohort and brings Gilde up to date. */
export async function syncRoster(trainer: SessionUser, cohortId: string, contextId: string, now = new Date()) {
  const context = await db.ltiContext.findFirst({
    where: { id: contextId, platform: { cohortId } },
    select: {
      id: true,
      title: true,
      membershipsUrl: true,
      platform: { select: { id: true, name: true, clientId: true, accessTokenUrl: true, cohortId: true } },
    },
  });
  if (!context) throw new RefusedError("Deze cursus hoort niet (meer) bij deze groep.", 404);
  if (!context.membershipsUrl)
    throw new RefusedError(
      "De leeromgeving heeft voor deze cursus geen deelnemerslijst gedeeld. Start Gilde één keer vanuit de cursus als docent en probeer het opnieuw.",
    );
  let members: Member[];
  try {
    members = await fetchRoster(context.membershipsUrl, context.platform);
  } catch (error) {
    if (error instanceof LmsError) throw new RefusedError(`Ophalen lukte niet: ${error.message}`, 502);
    throw error;
  }
  const outcome: RosterOutcome = { added: 0, present: 0, left: 0, skipped: [] };
  const onRoster = new Set<string>();
  for (const member of members) {
    const sub = text(member.user_id);
    if (!sub || text(member.status) === "Inactive" || text(member.status) === "Deleted") continue;
    const person: LmsPerson = {
      sub,
      name: text(member.name),
      given_name: text(member.given_name),
      family_name: text(member.family_name),
      email: text(member.email),
      roles: Array.isArray(member.roles) ? member.roles.filter((r): r is string => typeof r === "string") : [],
    };
    try {
      const { identityId, created } = await accountForPerson(context.platform, person, null, now);
      onRoster.add(identityId);
      const role = launchRole(person.roles);
      await db.ltiContextMember.upsert({
        where: { contextId_identityId: { contextId: context.id, identityId } },
        create: { contextId: context.id, identityId, role, seenAt: now },
        update: { role, inLms: true, seenAt: now },
      });
      if (created) outcome.added++;
      else outcome.present++;
    } catch (error) {
      if (!(error instanceof RefusedError)) throw error;
      outcome.skipped.push(person.name ?? person.email ?? sub);
    }
  }
  const left = await db.ltiContextMember.updateMany({
    where: { contextId: context.id, inLms: true, identityId: { notIn: [...onRoster] } },
    data: { inLms: false },
  });
  outcome.left = left.count;
  await db.ltiContext.update({ where: { id: context.id }, data: { rosterSyncedAt: now } });
  await audit(db, {
    action: "lti.roster.sync",
    actor: trainer,
    subjectId: cohortId,
    summary: `Deelnemerslijst van ${context.title || "de cursus"} (${context.platform.name}) opgehaald: ${outcome.added} nieuw, ${outcome.present} al bekend, ${outcome.left} niet meer in de leeromgeving${outcome.skipped.length ? `, ${outcome.skipped.length} niet toegevoegd` : ""}.`,
  });
  return outcome;
}
