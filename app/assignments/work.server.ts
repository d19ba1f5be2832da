// A participant's work on assignments: the list, drafts with conflict detection, attachments, handing in.
import { Prisma } from "@prisma/client";
import type { SessionUser } from "~/auth/guards.server";
import { formatDateTime } from "~/format";
import { canRead, courseAccessFor } from "~/content/access.server";
import { findAssignment, getCourse } from "~/content/course.server";
import { crashPoint } from "~/crash-point.server";
import { db } from "~/db.server";
import { appUrl } from "~/env.server";
import { queueMail } from "~/notifications/outbox.server";
import { reviewersGetCleanCopies, type Anonymity } from "~/peer-review/visibility";
import { storeCleanCopy } from "./clean-copy.server";
import { checkFile, MAX_FILES, sniffMediaType, zipMediaType, type FileCheck } from "./files";
import {
  assignmentStatus,
  effectiveDue,
  handInBlocked,
  isLate,
  type AssignmentStatus,
  type SubmissionState,
} from "./rules";
import {
  discardReceived,
  fileStore,
  readReceived,
  readReceivedHead,
  type ReceivedFile,
} from "~/storage/storage.server";
import { RefusedError } from "~/errors.server";
import { allocateFor } from "~/peer-review/allocation.server";
import { wijkVersionSelect } from "~/wijk/wijk.server";
import { greeting } from "~/notifications/signature";
import { gildeStandings } from "./gilde-work.server";

/** The cohort whose assignments this participant does: their active enrollment. */
async function activeCohort(user: SessionUser) {
  const access = await courseAccessFor(user);
  if (access.kind !== "participant" || !access.cohort) return null;
  return { cohortId: access.cohort.id, access };
}

async function scheduleAndExtension(cohortId: string, slug: string, userId: string) {
  const [schedule, extension] = await Promise.all([
    db.assignmentSchedule.findUnique({ where: { cohortId_assignmentSlug: { cohortId, assignmentSlug: slug } } }),
    db.extension.findUnique({ where: { cohortId_assignmentSlug_userId: { cohortId, assignmentSlug: slug, userId } } }),
  ]);
  return { schedule, extension, due: effectiveDue(schedule, extension?.dueAt ?? null) };
}

export async function assignmentList(user: SessionUser, now = new Date()) {
  const active = await activeCohort(user);
  if (!active) return null;
  const { cohortId, access } = active;
  const [schedules, extensions, submissions, drafts] = await Promise.all([
    db.assignmentSchedule.findMany({ where: { cohortId } }),
    db.extension.findMany({ where: { cohortId, userId: user.id } }),
    db.submission.findMany({
      where: { cohortId, userId: user.id },
      select: {
        assignmentSlug: true,
        status: true,
        versions: { select: { late: true, handedInAt: true }, orderBy: { number: "desc" }, take: 1 },
      },
    }),
    db.draft.findMany({ where: { cohortId, userId: user.id }, select: { assignmentSlug: true, body: true } }),
  ]);
  const gilde = await gildeStandings(user.id, cohortId);
  const rows = getCourse().modules.flatMap((module) =>
    module.assignments.map((assignment) => {
      const slug = assignment.slug;
      const schedule = schedules.find((s) => s.assignmentSlug === slug) ?? null;
      const due = effectiveDue(schedule, extensions.find((e) => e.assignmentSlug === slug)?.dueAt ?? null);
      const submission = submissions.find((s) => s.assignmentSlug === slug) ?? null;
      const gildeWork = assignment.frontmatter.work === "gilde";
      const status: AssignmentStatus = gildeWork
        ? (gilde.get(slug)?.status ?? "open")
        : assignmentStatus(submission, Boolean(drafts.find((d) => d.assignmentSlug === slug)?.body.trim()));
      return {
        slug,
        title: assignment.frontmatter.title,
        module: { slug: module.slug, title: module.frontmatter.title, order: module.frontmatter.order },
        open: canRead(access, module.slug),
        due: due?.toISOString() ?? null,
        extended: extensions.some((e) => e.assignmentSlug === slug),
        closed: schedule?.closed ?? false,
        status,
        late: gildeWork ? (gilde.get(slug)?.late ?? false) : (submission?.versions[0]?.late ?? false),
        overdue: due !== null && due < now && (status === "open" || status === "concept" || status === "herziening"),
      };
    }),
  );
  const todo = rows.filter((r) => r.open && !r.closed && ["open", "concept", "herziening"].includes(r.status));
  const next = todo.filter((r) => r.due).sort((a, b) => a.due!.localeCompare(b.due!))[0] ?? todo[0] ?? null;
  return {
    cohortId,
    cohortName: access.cohort!.name,
    rows,
    next: next ? { slug: next.slug, title: next.title, due: next.due } : null,
  };
}

const attachmentSelect = {
  id: true,
  originalName: true,
  mediaType: true,
  size: true,
  cleanState: true,
  cleanProblem: true,
} as const;

/** Everything the assignment page shows the participant about their own work. */
export async function workOn(user: SessionUser, slug: string) {
  const active = await activeCohort(user);
  const found = findAssignment(slug);
  if (!active || !found || !canRead(active.access, found.module.slug)) return null;
  const { cohortId } = active;
  const [{ schedule, extension, due }, submission, draft, wijk] = await Promise.all([
    scheduleAndExtension(cohortId, slug, user.id),
    db.submission.findUnique({
      where: { userId_cohortId_assignmentSlug: { userId: user.id, cohortId, assignmentSlug: slug } },
      select: {
        status: true,
        versions: {
          orderBy: { number: "desc" },
          select: {
            id: true,
            number: true,
            body: true,
            handedInAt: true,
            late: true,
            wijkVersion: { select: { number: true, name: true } },
            attachments: { select: attachmentSelect },
          },
        },
      },
    }),
    db.draft.findUnique({
      where: { userId_cohortId_assignmentSlug: { userId: user.id, cohortId, assignmentSlug: slug } },
      select: {
        body: true,
        revision: true,
        updatedAt: true,
        attachments: { select: attachmentSelect, orderBy: { createdAt: "asc" } },
      },
    }),
    db.wijkVersion.findFirst({
      where: { wijk: { userId: user.id } },
      orderBy: { number: "desc" },
      select: wijkVersionSelect,
    }),
  ]);
  return {
    cohortId,
    due,
    extended: Boolean(extension),
    closed: schedule?.closed ?? false,
    submission,
    draft,
    wijk,
    status: assignmentStatus(submission, Boolean(draft?.body.trim())),
    blocked: handInBlocked(schedule, submission),
  };
}

const NOT_YOUR_WORK = "Deze opdracht hoort niet bij jouw groep, of is nog niet open.";
// A gilde assignment has no work of one's own: the gilde writes and hands in on its own page.
const GILDE_WORK = "Dit is een gildeopdracht: jullie schrijven en leveren samen in op de pagina van jullie gilde.";

async function requireWork(user: SessionUser, slug: string) {
  const work = await workOn(user, slug);
  if (!work) throw new RefusedError(NOT_YOUR_WORK, 404);
  if (findAssignment(slug)?.assignment.frontmatter.work === "gilde") throw new RefusedError(GILDE_WORK);
  return work;
}

export type DraftSave = { ok: true; revision: number } | { ok: false; conflict: true; body: string; revision: number };

/**
 * Saves the draft when nobody saved it in between (the client sends the revision it started from). A save
 * from an older revision, another tab for instance, is refused and gets the stored text back.
 */
export async function saveDraft(
  user: SessionUser,
  slug: string,
  body: string,
  baseRevision: number,
): Promise<DraftSave> {
  const state = await draftState(user, slug);
  const key = { userId: user.id, cohortId: state.cohortId, assignmentSlug: slug };
  if (state.revision === null) {
    if (baseRevision === 0) {
      try {
        const created = await db.draft.create({ data: { ...key, body, revision: 1 } });
        return { ok: true, revision: created.revision };
      } catch (error) {
        if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
      }
    }
  } else {
    // The one statement of every autosave, in plain SQL (as Prisma's updateMany would write it, "updatedAt" included).
    const count = await db.$executeRaw`
      UPDATE "Draft" SET body = ${body}, revision = ${baseRevision + 1}, "updatedAt" = ${new Date()}
      WHERE "userId" = ${user.id} AND "cohortId" = ${state.cohortId} AND "assignmentSlug" = ${slug}
        AND revision = ${baseRevision}`;
    if (count === 1) return { ok: true, revision: baseRevision + 1 };
  }
  const current = await db.draft.findUniqueOrThrow({ where: { userId_cohortId_assignmentSlug: key } });
  return { ok: false, conflict: true, body: current.body, revision: current.revision };
}

/**
 * What an autosave needs to know, in one query: may this participant still write here, and which revision of the
 * draft is stored. The same refusals as `requireWork`, without reading the versions, attachments and wijkprofiel
 * the writing page shows: at a deadline a whole cohort autosaves every few seconds.
 */
async function draftState(user: SessionUser, slug: string): Promise<{ cohortId: string; revision: number | null }> {
  const active = await activeCohort(user);
  const found = findAssignment(slug);
  if (!active || !found || !canRead(active.access, found.module.slug)) throw new RefusedError(NOT_YOUR_WORK, 404);
  if (found.assignment.frontmatter.work === "gilde") throw new RefusedError(GILDE_WORK);
  const { cohortId } = active;
  const [row] = await db.$queryRaw<
    { closed: boolean | null; status: NonNullable<SubmissionState>["status"] | null; revision: number | null }[]
  >`
    SELECT
      (SELECT closed FROM "AssignmentSchedule" WHERE "cohortId" = ${cohortId} AND "assignmentSlug" = ${slug}) AS closed,
      (SELECT status::text FROM "Submission"
        WHERE "userId" = ${user.id} AND "cohortId" = ${cohortId} AND "assignmentSlug" = ${slug}) AS status,
      (SELECT revision FROM "Draft"
        WHERE "userId" = ${user.id} AND "cohortId" = ${cohortId} AND "assignmentSlug" = ${slug}) AS revision`;
  const blocked = handInBlocked(
    typeof row?.closed === "boolean" ? { closed: row.closed } : null,
    row?.status ? { status: row.status } : null,
  );
  if (blocked) throw new RefusedError(blocked);
  return { cohortId, revision: row?.revision ?? null };
}

/** Hands in the current draft: one new frozen version, with the wijkprofiel version it refers to. */
export async function handIn(user: SessionUser, slug: string, now = new Date()) {
  const work = await requireWork(user, slug);
  if (work.blocked) throw new RefusedError(work.blocked);
  if (!work.draft?.body.trim()) throw new RefusedError("Je inlevering is nog leeg. Schrijf eerst je uitwerking.");
  const found = findAssignment(slug)!;
  const late = isLate(now, work.due);
  const key = { userId: user.id, cohortId: work.cohortId, assignmentSlug: slug };
  try {
    const version = await db.$transaction(async (tx) => {
      let submission = await tx.submission.findUnique({
        where: { userId_cohortId_assignmentSlug: key },
        select: { id: true },
      });
      if (!submission) {
        // Two hand-ins at once: the second create fails on the unique key and is told it was already handed in.
        submission = await tx.submission.create({ data: { ...key, status: "SUBMITTED" }, select: { id: true } });
      } else {
        const [locked] = await tx.$queryRaw<
          { status: string }[]
        >`SELECT status::text AS status FROM "Submission" WHERE id = ${submission.id} FOR UPDATE`;
        if (locked?.status !== "RETURNED") throw new RefusedError("Je hebt deze opdracht al ingeleverd.", 409);
        await tx.submission.update({ where: { id: submission.id }, data: { status: "SUBMITTED" } });
      }
      const draft = await tx.draft.findUniqueOrThrow({
        where: { userId_cohortId_assignmentSlug: key },
        select: { id: true, body: true },
      });
      const previous = await tx.submissionVersion.count({ where: { submissionId: submission.id } });
      const wijk = await tx.wijkVersion.findFirst({
        where: { wijk: { userId: user.id } },
        orderBy: { number: "desc" },
        select: { id: true },
      });
      const created = await tx.submissionVersion.create({
        data: {
          submissionId: submission.id,
          number: previous + 1,
          body: draft.body,
          wijkVersionId: wijk?.id ?? null,
          handedInAt: now,
          late,
        },
      });
      await tx.attachment.updateMany({ where: { draftId: draft.id }, data: { draftId: null, versionId: created.id } });
      await crashPoint("hand-in");
      await queueMail(tx, {
        to: user.email,
        subject: `Ingeleverd: ${found.assignment.frontmatter.title}`,
        text:
          `${greeting(user.name)}\n\n` +
          `Je hebt ‘${found.assignment.frontmatter.title}’ ingeleverd op ${formatDateTime(now)} (versie ${created.number}` +
          `${late ? ", na de deadline" : ""}). Je trainer bekijkt je werk; je krijgt bericht als er feedback is.\n\n` +
          `Je inlevering terugzien: ${appUrl()}/opdrachten/${slug}\n\nGroet,\nGilde — leergang Creative Communities`,
      });
      return created;
    });
    // Peer review allocation runs at every hand-in: the new work gets reviewers, its author gets work to review. The
    // hand-in is saved by now: if the allocation is busy or fails, the background job does it, and the person
    // hears that their work is in, not an error.
    await allocateFor(work.cohortId, slug, now, { ifFree: true }).catch((error: unknown) =>
      console.error("Peerfeedback verdelen na inleveren mislukte; de achtergrondtaak probeert het opnieuw:", error),
    );
    return { number: version.number, late };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2002" || error.code === "P2034")) {
      throw new RefusedError("Je hebt deze opdracht al ingeleverd.", 409);
    }
    throw error;
  }
}

/** An uploaded file as received (streamed to a temporary file, see receiveFile), under the name the browser gave. */
export type IncomingFile = ReceivedFile & { name: string };

/**
 * Adds files to the draft. Each file is checked on its content; refused files are named with the reason, and then
 * none of them is added. For an anonymous assignment each file also gets its clean copy; `warnings` names the files
 * that cannot be cleaned, which reviewers will not get. The temporary files are gone afterwards, whatever happens.
 */
export async function addAttachments(
  user: SessionUser,
  slug: string,
  files: IncomingFile[],
): Promise<{ warnings: string[] }> {
  try {
    return await storeAttachments(user, slug, files);
  } finally {
    await Promise.all(files.map((file) => discardReceived(file)));
  }
}

async function storeAttachments(user: SessionUser, slug: string, files: IncomingFile[]) {
  const work = await requireWork(user, slug);
  if (work.blocked) throw new RefusedError(work.blocked);
  const existing = work.draft?.attachments.length ?? 0;
  if (files.length === 0) throw new RefusedError("Kies eerst een of meer bestanden.");
  if (existing + files.length > MAX_FILES)
    throw new RefusedError(`Je kunt hoogstens ${MAX_FILES} bestanden toevoegen; er zijn er al ${existing}.`);
  // Judged by their first bytes; only a ZIP (a .docx or .odt, perhaps) is read whole, one at a time, for its entries.
  const checks: { file: IncomingFile; check: FileCheck }[] = [];
  for (const file of files) {
    const head = await readReceivedHead(file, 16);
    const zipType = sniffMediaType(head) === "application/zip" ? zipMediaType(await readReceived(file)) : null;
    checks.push({ file, check: checkFile(file.name, head, file.size, zipType) });
  }
  const refused = checks.flatMap(({ check }) => (check.ok ? [] : [check.error]));
  if (refused.length) throw new RefusedError(refused.join(" "));
  const peerReview = findAssignment(slug)!.assignment.frontmatter.peerReview;
  const anonymous = peerReview.enabled && reviewersGetCleanCopies(peerReview.anonymity as Anonymity);
  const key = { userId: user.id, cohortId: work.cohortId, assignmentSlug: slug };
  // Bytes first, then all rows in one transaction: a crash in between leaves unreferenced files (swept at start,
  // see sweepOrphanFiles), never a row without its file or half of a multi-file upload.
  const rows: Prisma.AttachmentCreateManyInput[] = [];
  const warnings: string[] = [];
  for (const { file, check } of checks) {
    if (!check.ok) continue;
    const clean = anonymous ? await storeCleanCopy(check.mediaType, await readReceived(file)) : null;
    if (clean?.cleanState === "UNCLEANABLE") {
      warnings.push(
        `Let op: ${check.name} gaat niet naar je feedbackgevers, want we kunnen de eigenschappen die je naam kunnen bevatten er niet uit halen: ${clean.cleanProblem} ` +
          "Je trainer krijgt het wel. Moeten je feedbackgevers het zien, bewaar het dan als PDF en voeg het opnieuw toe.",
      );
    }
    const { key: storageKey, sha256 } = await fileStore().adopt(file);
    rows.push({
      userId: user.id,
      originalName: check.name,
      mediaType: check.mediaType,
      size: file.size,
      sha256,
      storageKey,
      ...clean,
    });
  }
  await crashPoint("upload");
  await db.$transaction(async (tx) => {
    const draft = await tx.draft.upsert({
      where: { userId_cohortId_assignmentSlug: key },
      create: { ...key },
      update: {},
      select: { id: true },
    });
    await tx.attachment.createMany({ data: rows.map((row) => ({ ...row, draftId: draft.id })) });
  });
  return { warnings };
}

export async function removeAttachment(user: SessionUser, slug: string, attachmentId: string) {
  const work = await requireWork(user, slug);
  if (work.blocked) throw new RefusedError(work.blocked);
  const attachment = await db.attachment.findFirst({
    where: { id: attachmentId, userId: user.id, draftId: { not: null }, versionId: null },
  });
  if (!attachment) throw new RefusedError("Dit bestand bestaat niet (meer).", 404);
  await db.attachment.delete({ where: { id: attachment.id } });
  await fileStore().remove(attachment.storageKey);
  if (attachment.cleanStorageKey) await fileStore().remove(attachment.cleanStorageKey);
}

/** An attachment its owner, or a trainer or admin of the cohort, may download. Anyone else: null. */
export async function attachmentForDownload(user: SessionUser, id: string) {
  const attachment = await db.attachment.findUnique({
    where: { id },
    select: {
      userId: true,
      originalName: true,
      mediaType: true,
      storageKey: true,
      version: { select: { submission: { select: { cohortId: true } } } },
    },
  });
  if (!attachment) return null;
  if (attachment.userId !== user.id) {
    const cohortId = attachment.version?.submission.cohortId;
    if (!cohortId || user.role === "PARTICIPANT") return null;
    if (user.role === "TRAINER") {
      const staff = await db.cohortStaff.findUnique({ where: { cohortId_userId: { cohortId, userId: user.id } } });
      if (!staff) return null;
    }
  }
  return { ...attachment, bytes: await fileStore().read(attachment.storageKey) };
}
