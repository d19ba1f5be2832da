// Gilde assignments (issue 23): the gilde writes one text together. Every member edits the shared draft (a save
// from an older revision is refused with the other text back, as with a participant's own draft), each member
// writes their own contribution and says "akkoord" to a revision, and one member hands in for all once the others
// agreed, or anyone once the deadline passed. The gilde has one submission (unique per gilde and assignment).
import { Prisma } from "@prisma/client";
import type { SessionUser } from "~/auth/guards.server";
import { canRead, courseAccessFor } from "~/content/access.server";
import { findAssignment } from "~/content/course.server";
import { db } from "~/db.server";
import { appUrl } from "~/env.server";
import { RefusedError } from "~/errors.server";
import { formatDateTime, formatNumber } from "~/format";
import { queueMail } from "~/notifications/outbox.server";
import { greeting, SIGNATURE } from "~/notifications/signature";
import { allocateFor } from "~/peer-review/allocation.server";
import { assignmentStatus, handInBlocked, isLate, type AssignmentStatus } from "./rules";
import { countWords } from "./words";

/** A member's saves in a row within this time are one entry in the list of edits. */
const EDIT_STRETCH_MS = 10 * 60_000;
const MAX_CONTRIBUTION = 2_000;

/** The participant's active cohort and their gilde in it, for a gilde assignment whose module is open. */
async function membershipFor(user: SessionUser, slug: string) {
  const found = findAssignment(slug);
  if (!found || found.assignment.frontmatter.work !== "gilde" || user.role !== "PARTICIPANT") return null;
  const access = await courseAccessFor(user);
  if (access.kind !== "participant" || !access.cohort || !canRead(access, found.module.slug)) return null;
  const member = await db.gildeMember.findUnique({
    where: { cohortId_userId: { cohortId: access.cohort.id, userId: user.id } },
    select: { gilde: { select: { id: true, name: true } } },
  });
  return { found, cohortId: access.cohort.id, gilde: member?.gilde ?? null };
}

const versionSelect = {
  id: true,
  number: true,
  body: true,
  handedInAt: true,
  late: true,
} as const;

/** Everything the gilde's writing page shows a member. Null: not a gilde assignment this participant can reach. */
export async function gildeWorkOn(user: SessionUser, slug: string, now = new Date()) {
  const membership = await membershipFor(user, slug);
  if (!membership) return null;
  const { cohortId, gilde, found } = membership;
  if (!gilde) return { cohortId, gilde: null, title: found.assignment.frontmatter.title } as const;
  const [schedule, members, contributions, draft, submission] = await Promise.all([
    db.assignmentSchedule.findUnique({
      where: { cohortId_assignmentSlug: { cohortId, assignmentSlug: slug } },
      select: { dueAt: true, closed: true },
    }),
    db.gildeMember.findMany({ where: { gildeId: gilde.id }, select: { user: { select: { id: true, name: true } } } }),
    db.gildeContribution.findMany({
      where: { gildeId: gilde.id, assignmentSlug: slug },
      select: { userId: true, text: true, agreedRevision: true, agreedAt: true, user: { select: { name: true } } },
    }),
    db.gildeDraft.findUnique({
      where: { gildeId_assignmentSlug: { gildeId: gilde.id, assignmentSlug: slug } },
      select: {
        body: true,
        revision: true,
        updatedAt: true,
        updatedBy: { select: { name: true } },
        edits: {
          orderBy: { at: "desc" },
          take: 20,
          select: { id: true, at: true, words: true, revision: true, user: { select: { name: true } } },
        },
      },
    }),
    db.submission.findUnique({
      where: { gildeId_assignmentSlug: { gildeId: gilde.id, assignmentSlug: slug } },
      select: { id: true, status: true, versions: { orderBy: { number: "desc" }, select: versionSelect } },
    }),
  ]);
  const revision = draft?.revision ?? 0;
  const current = new Set(members.map((m) => m.user.id));
  const contributionOf = new Map(contributions.map((c) => [c.userId, c]));
  // Members now, then those who left but wrote a part: their part stays theirs.
  const people = [
    ...members.map((m) => ({ id: m.user.id, name: m.user.name, left: false })),
    ...contributions
      .filter((c) => !current.has(c.userId))
      .map((c) => ({ id: c.userId, name: c.user.name, left: true })),
  ].map((person) => {
    const contribution = contributionOf.get(person.id);
    return {
      name: person.name,
      left: person.left,
      me: person.id === user.id,
      contribution: contribution?.text ?? "",
      agreed: revision > 0 && contribution?.agreedRevision === revision,
    };
  });
  const due = schedule?.dueAt ?? null;
  const blocked = handInBlocked(schedule, submission);
  const deadlinePassed = due !== null && due.getTime() <= now.getTime();
  const waitingFor = people.filter((p) => !p.left && !p.me && !p.agreed).map((p) => p.name);
  return {
    cohortId,
    title: found.assignment.frontmatter.title,
    gilde,
    due,
    deadlinePassed,
    blocked,
    status: assignmentStatus(submission, Boolean(draft?.body.trim())),
    members: people.sort((a, b) => Number(a.left) - Number(b.left) || a.name.localeCompare(b.name, "nl")),
    draft: {
      body: draft?.body ?? "",
      revision,
      savedAt: draft?.updatedAt ?? null,
      savedBy: draft?.updatedBy?.name ?? null,
      edits: draft?.edits ?? [],
    },
    /** The names of members whose "akkoord" on this revision is still missing (not the viewer's own). */
    waitingFor,
    canHandIn: !blocked && Boolean(draft?.body.trim()) && (waitingFor.length === 0 || deadlinePassed),
    submissionId: submission?.id ?? null,
    versions: submission?.versions ?? [],
  };
}

async function requireGildeWork(user: SessionUser, slug: string, now = new Date()) {
  const work = await gildeWorkOn(user, slug, now);
  if (!work) throw new RefusedError("Deze opdracht hoort niet bij jouw groep, of is nog niet open.", 404);
  if (!work.gilde)
    throw new RefusedError("Je zit nog niet in een gilde. Vraag je trainer om je in een gilde te plaatsen.");
  return work;
}

export type GildeDraftSave =
  { ok: true; revision: number } | { ok: false; conflict: true; body: string; revision: number; by: string | null };

/**
 * Saves the shared text when nobody saved it since the revision the member started from. A stale save is refused
 * and gets the stored text back (with who saved it), so the member keeps their own text and chooses.
 */
export async function saveGildeDraft(
  user: SessionUser,
  slug: string,
  body: string,
  baseRevision: number,
  now = new Date(),
): Promise<GildeDraftSave> {
  const work = await requireGildeWork(user, slug, now);
  if (work.blocked) throw new RefusedError(work.blocked.replace("Je hebt", "Jullie gilde heeft"));
  const gildeId = work.gilde.id;
  const saved = await db.$transaction(async (tx) => {
    let draftId: string;
    if (baseRevision === 0) {
      try {
        const created = await tx.gildeDraft.create({
          data: { gildeId, assignmentSlug: slug, body, revision: 1, updatedById: user.id },
          select: { id: true },
        });
        draftId = created.id;
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return null;
        throw error;
      }
    } else {
      const { count } = await tx.gildeDraft.updateMany({
        where: { gildeId, assignmentSlug: slug, revision: baseRevision },
        data: { body, revision: baseRevision + 1, updatedById: user.id },
      });
      if (count === 0) return null;
      draftId = (await tx.gildeDraft.findUniqueOrThrow({
        where: { gildeId_assignmentSlug: { gildeId, assignmentSlug: slug } },
        select: { id: true },
      }))!.id;
    }
    const revision = baseRevision + 1;
    const last = await tx.gildeDraftEdit.findFirst({
      where: { draftId },
      orderBy: { at: "desc" },
      select: { id: true, userId: true, at: true },
    });
    const edit = { revision, body, words: countWords(body), at: now };
    if (last && last.userId === user.id && now.getTime() - last.at.getTime() < EDIT_STRETCH_MS)
      await tx.gildeDraftEdit.update({ where: { id: last.id }, data: edit });
    else await tx.gildeDraftEdit.create({ data: { draftId, userId: user.id, ...edit } });
    return revision;
  });
  if (saved !== null) return { ok: true, revision: saved };
  const current = await db.gildeDraft.findUnique({
    where: { gildeId_assignmentSlug: { gildeId, assignmentSlug: slug } },
    select: { body: true, revision: true, updatedBy: { select: { name: true } } },
  });
  // A save from a revision that never existed here (a stale page of another gilde, say): nothing to overwrite.
  if (!current) return { ok: false, conflict: true, body: "", revision: 0, by: null };
  return {
    ok: false,
    conflict: true,
    body: current.body,
    revision: current.revision,
    by: current.updatedBy?.name ?? null,
  };
}

/** A member's own part, in their words. Kept when they leave the gilde. */
export async function saveContribution(user: SessionUser, slug: string, text: string) {
  const work = await requireGildeWork(user, slug);
  if (work.blocked) throw new RefusedError(work.blocked.replace("Je hebt", "Jullie gilde heeft"));
  if (text.length > MAX_CONTRIBUTION)
    throw new RefusedError(`Je bijdrage is langer dan ${formatNumber(MAX_CONTRIBUTION)} tekens.`, 400, {
      contribution: "Houd je bijdrage kort: een paar zinnen over wat jij hebt gedaan.",
    });
  const key = { gildeId: work.gilde.id, assignmentSlug: slug, userId: user.id };
  await db.gildeContribution.upsert({
    where: { gildeId_assignmentSlug_userId: key },
    create: { ...key, text },
    update: { text },
  });
}

/** "Akkoord": this member agrees to hand in the shared text as it is at `revision`. */
export async function agreeToHandIn(user: SessionUser, slug: string, revision: number, now = new Date()) {
  const work = await requireGildeWork(user, slug, now);
  if (work.blocked) throw new RefusedError(work.blocked.replace("Je hebt", "Jullie gilde heeft"));
  if (!work.draft.body.trim()) throw new RefusedError("Er is nog geen gezamenlijke tekst om akkoord mee te gaan.");
  if (revision !== work.draft.revision)
    throw new RefusedError(
      "De gezamenlijke tekst is veranderd sinds je de pagina opende. Lees de nieuwe versie en geef dan opnieuw akkoord.",
      409,
    );
  if (!work.members.find((m) => m.me)?.contribution.trim())
    throw new RefusedError("Schrijf eerst in een paar zinnen wat jouw bijdrage was.", 400, {
      contribution: "Schrijf eerst in een paar zinnen wat jouw bijdrage was.",
    });
  const key = { gildeId: work.gilde.id, assignmentSlug: slug, userId: user.id };
  await db.gildeContribution.update({
    where: { gildeId_assignmentSlug_userId: key },
    data: { agreedRevision: revision, agreedAt: now },
  });
}

const ALREADY = "Jullie gilde heeft deze opdracht al ingeleverd.";

/**
 * Hands in the shared text for the whole gilde: one new frozen version. Allowed once every other member agreed to
 * this revision, or for anyone once the deadline passed. Two members at once: the unique key (gilde, assignment) or
 * the row lock lets one through; the other is told it is already in.
 */
export async function handInForGilde(user: SessionUser, slug: string, now = new Date()) {
  const work = await requireGildeWork(user, slug, now);
  if (work.blocked) throw new RefusedError(work.blocked.replace("Je hebt", "Jullie gilde heeft"), 409);
  if (!work.draft.body.trim())
    throw new RefusedError("De gezamenlijke tekst is nog leeg. Schrijf eerst jullie uitwerking.");
  if (!work.members.find((m) => m.me)?.contribution.trim())
    throw new RefusedError("Schrijf eerst in een paar zinnen wat jouw bijdrage was.");
  if (!work.canHandIn)
    throw new RefusedError(
      `Nog niet iedereen is akkoord met deze versie: we wachten op ${work.waitingFor.join(", ")}. ` +
        "Na de deadline kan iedereen inleveren.",
    );
  const found = findAssignment(slug)!;
  const title = found.assignment.frontmatter.title;
  const gildeId = work.gilde.id;
  const late = isLate(now, work.due);
  try {
    const version = await db.$transaction(async (tx) => {
      let submission = await tx.submission.findUnique({
        where: { gildeId_assignmentSlug: { gildeId, assignmentSlug: slug } },
        select: { id: true },
      });
      if (!submission) {
        submission = await tx.submission.create({
          data: { userId: user.id, cohortId: work.cohortId, assignmentSlug: slug, gildeId, status: "SUBMITTED" },
          select: { id: true },
        });
      } else {
        const [locked] = await tx.$queryRaw<
          { status: string }[]
        >`SELECT status::text AS status FROM "Submission" WHERE id = ${submission.id} FOR UPDATE`;
        if (locked?.status !== "RETURNED") throw new RefusedError(ALREADY, 409);
        await tx.submission.update({ where: { id: submission.id }, data: { status: "SUBMITTED" } });
      }
      const draft = await tx.gildeDraft.findUniqueOrThrow({
        where: { gildeId_assignmentSlug: { gildeId, assignmentSlug: slug } },
        select: { body: true, revision: true },
      });
      // The text handed in is the one agreed to: a save in between makes the others' "akkoord" stale.
      if (draft.revision !== work.draft.revision && !work.deadlinePassed)
        throw new RefusedError(
          "De gezamenlijke tekst is net nog veranderd. Laat iedereen de nieuwe versie lezen en akkoord geven.",
          409,
        );
      const previous = await tx.submissionVersion.count({ where: { submissionId: submission.id } });
      const created = await tx.submissionVersion.create({
        data: { submissionId: submission.id, number: previous + 1, body: draft.body, handedInAt: now, late },
      });
      // A new version needs a new "akkoord" next time.
      await tx.gildeContribution.updateMany({
        where: { gildeId, assignmentSlug: slug },
        data: { agreedRevision: null, agreedAt: null },
      });
      const members = await tx.gildeMember.findMany({
        where: { gildeId },
        select: { user: { select: { name: true, email: true } } },
      });
      for (const member of members) {
        await queueMail(tx, {
          to: member.user.email,
          subject: `Ingeleverd namens ${work.gilde.name}: ${title}`,
          text:
            `${greeting(member.user.name)}\n\n` +
            `${user.name} heeft ‘${title}’ ingeleverd namens jullie gilde ${work.gilde.name}, op ${formatDateTime(now)} ` +
            `(versie ${created.number}${late ? ", na de deadline" : ""}). Jullie trainer bekijkt het werk.\n\n` +
            `Het werk terugzien: ${appUrl()}/opdrachten/${slug}/gilde\n\n${SIGNATURE}`,
        });
      }
      return created;
    });
    await allocateFor(work.cohortId, slug, now, { ifFree: true }).catch((error: unknown) =>
      console.error("Peerfeedback verdelen na inleveren mislukte; de achtergrondtaak probeert het opnieuw:", error),
    );
    return { number: version.number, late };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2002" || error.code === "P2034"))
      throw new RefusedError(ALREADY, 409);
    throw error;
  }
}

/**
 * For the participant's list of assignments: per gilde assignment, where their gilde stands (the gilde's one
 * submission, or its shared text), instead of their own (empty) work.
 */
export async function gildeStandings(userId: string, cohortId: string) {
  const member = await db.gildeMember.findUnique({
    where: { cohortId_userId: { cohortId, userId } },
    select: {
      gilde: {
        select: {
          submissions: {
            select: {
              assignmentSlug: true,
              status: true,
              versions: { select: { late: true }, orderBy: { number: "desc" }, take: 1 },
            },
          },
          gildeDrafts: { select: { assignmentSlug: true, body: true } },
        },
      },
    },
  });
  const standings = new Map<string, { status: AssignmentStatus; late: boolean }>();
  if (!member) return standings;
  const { submissions, gildeDrafts } = member.gilde;
  for (const slug of new Set([...submissions, ...gildeDrafts].map((row) => row.assignmentSlug))) {
    const submission = submissions.find((s) => s.assignmentSlug === slug) ?? null;
    const draft = gildeDrafts.find((d) => d.assignmentSlug === slug);
    standings.set(slug, {
      status: assignmentStatus(submission, Boolean(draft?.body.trim())),
      late: submission?.versions[0]?.late ?? false,
    });
  }
  return standings;
}
