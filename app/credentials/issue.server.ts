// Issuing, revoking and re-issuing the credential of a completion. Signing happens before the write; the write
// claims the completion's one "current" slot (a unique column), so two confirmations at once still give one
// credential. A revocation is never undone: a re-issue makes a new credential instead.
import crypto from "node:crypto";
import { Prisma } from "@prisma/client";
import { audit } from "~/audit/audit.server";
import { sha256 } from "~/auth/tokens.server";
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import { appUrl } from "~/env.server";
import { RefusedError } from "~/errors.server";
import { STATUS_LIST_LENGTH } from "./bitstring";
import { buildCredential, type CredentialFacts } from "./build";
import { issuerId, issuerSettings, signingKey, statusListUrl } from "./issuer.server";
import { signCredential } from "./proof.server";

type Actor = { id: string; email: string };

const currentKey = (cohortId: string, userId: string) => `${cohortId}:${userId}`;

async function completionFacts(cohortId: string, userId: string) {
  const enrollment = await db.enrollment.findUnique({
    where: { userId_cohortId: { userId, cohortId } },
    select: {
      status: true,
      completedAt: true,
      user: { select: { name: true, email: true } },
      cohort: { select: { name: true, startsOn: true } },
    },
  });
  if (!enrollment || enrollment.status !== "COMPLETED" || !enrollment.completedAt)
    throw new RefusedError("Een certificaat komt er pas als de trainer je afronding heeft bevestigd.", 409);
  return { ...enrollment, completedAt: enrollment.completedAt };
}

function courseFacts(): CredentialFacts["course"] {
  const { modules, leergang } = getCourse();
  const course = leergang.frontmatter;
  return {
    title: course.title,
    level: course.level,
    ec: course.ec,
    hours: course.hours,
    achievementUrl: `${appUrl()}/leergang/opbouw`,
    goals: modules.flatMap((m) =>
      m.frontmatter.learningGoals.map((g) => ({
        module: m.frontmatter.title,
        text: g.text,
        url: `${appUrl()}/modules/${m.slug}`,
      })),
    ),
  };
}

async function signedFor(cohortId: string, userId: string, now: Date) {
  // Completion first: before it there is nothing to sign.
  const facts = await completionFacts(cohortId, userId);
  const [issuer, { keyId, pair }] = await Promise.all([issuerSettings(), signingKey()]);
  const id = crypto.randomUUID();
  const salt = crypto.randomBytes(16).toString("hex");
  const statusIndex = crypto.randomInt(STATUS_LIST_LENGTH);
  const credential = buildCredential({
    id,
    issuedAt: now,
    issuer: { id: issuerId(), ...issuer },
    recipient: { name: facts.user.name, emailHash: sha256(facts.user.email + salt), salt },
    cohort: { name: facts.cohort.name, startsOn: facts.cohort.startsOn, completedAt: facts.completedAt },
    course: courseFacts(),
    status: { listUrl: statusListUrl(), index: statusIndex },
  });
  const document = await signCredential(credential, pair);
  return {
    id,
    userId,
    cohortId,
    keyId,
    statusIndex,
    document: document as unknown as Prisma.InputJsonValue,
    recipientName: facts.user.name,
    issuedAt: now,
    currentFor: currentKey(cohortId, userId),
  };
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

async function currentCredential(cohortId: string, userId: string) {
  return db.credential.findUnique({ where: { currentFor: currentKey(cohortId, userId) }, select: { id: true } });
}

/**
 * The completion's current credential, issued now if there is none. `replacing`: the credential a re-issue
 * revokes in the same transaction.
 */
async function issue(
  cohortId: string,
  userId: string,
  { now = new Date(), replacing }: { now?: Date; replacing?: { id: string; reason: string; actor: Actor } } = {},
): Promise<{ id: string; issued: boolean }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    if (!replacing) {
      const existing = await currentCredential(cohortId, userId);
      if (existing) return { id: existing.id, issued: false };
    }
    const data = await signedFor(cohortId, userId, now);
    try {
      await db.$transaction(async (tx) => {
        if (replacing) {
          const revoked = await tx.credential.updateMany({
            where: { id: replacing.id, revokedAt: null },
            data: {
              revokedAt: now,
              revokedReason: replacing.reason,
              revokedById: replacing.actor.id,
              currentFor: null,
            },
          });
          if (revoked.count !== 1) throw new RefusedError("Dit certificaat is intussen al vervangen.", 409);
        }
        await tx.credential.create({ data, select: { id: true } });
      });
      return { id: data.id, issued: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Someone else issued meanwhile (their credential is the current one), or the random status index was taken.
      const existing = await currentCredential(cohortId, userId);
      if (existing && !replacing) return { id: existing.id, issued: false };
    }
  }
  throw new Error("Could not issue a credential after five attempts");
}

/** Called when the trainer confirms completion: exactly one current credential for it, however often called. */
export function issueCredential(cohortId: string, userId: string, now = new Date()) {
  return issue(cohortId, userId, { now });
}

/** Completions of this person without any credential yet (e.g. completed before credentials existed) get one. */
export async function ensureCredentials(userId: string) {
  const completed = await db.enrollment.findMany({
    where: { userId, status: "COMPLETED", completedAt: { not: null } },
    select: {
      cohortId: true,
      cohort: { select: { credentials: { where: { userId }, select: { id: true }, take: 1 } } },
    },
  });
  for (const e of completed) if (e.cohort.credentials.length === 0) await issueCredential(e.cohortId, userId);
}

export async function revokeCredential(credentialId: string, reason: string, actor: Actor, now = new Date()) {
  await db.$transaction(async (tx) => {
    const revoked = await tx.credential.updateMany({
      where: { id: credentialId, revokedAt: null },
      data: { revokedAt: now, revokedReason: reason, revokedById: actor.id, currentFor: null },
    });
    if (revoked.count !== 1) throw new RefusedError("Dit certificaat bestaat niet of is al ingetrokken.", 409);
    await audit(tx, {
      action: "credential.revoke",
      actor,
      subjectId: credentialId,
      summary: `Certificaat ${credentialId} ingetrokken: ${reason}`,
    });
  });
}

/**
 * A new credential for the same completion: after a name change (the participant asks; the old one is revoked
 * as replaced) or after a revocation (the admin decides).
 */
export async function reissueCredential(credentialId: string, actor: Actor, now = new Date()) {
  const old = await db.credential.findUnique({
    where: { id: credentialId },
    select: { cohortId: true, userId: true, revokedAt: true, currentFor: true },
  });
  if (!old) throw new RefusedError("Dit certificaat bestaat niet.", 404);
  if (old.revokedAt) {
    const current = await currentCredential(old.cohortId, old.userId);
    if (current) throw new RefusedError("Er is al een nieuwer, geldig certificaat voor deze afronding.", 409);
  }
  const fresh = await issue(old.cohortId, old.userId, {
    now,
    replacing: old.revokedAt ? undefined : { id: credentialId, reason: "Vervangen door een nieuw certificaat.", actor },
  });
  await audit(db, {
    action: "credential.reissue",
    actor,
    subjectId: fresh.id,
    summary: `Nieuw certificaat ${fresh.id} uitgegeven in plaats van ${credentialId}`,
  });
  return fresh;
}
