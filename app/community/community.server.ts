// The gilde goes on (issue 8): the alumni community and each gilde's room. Threads with Markdown posts, themes
// and tags, "dit hielp mij", following, reports and hiding (kept, with a reason the author sees). Who may read
// and post is decided here; a room is invisible (404) to anyone outside it.
import type { SessionUser } from "~/auth/guards.server";
import { renderMarkdown } from "~/markdown/markdown";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";
import { isTheme, parseTags } from "./themes";

const THREADS_PER_PAGE = 30;
const POSTS_PER_PAGE = 50;
const PARTICIPANTS_MAY_POST = "community.participants-may-post";

export async function participantsMayPost() {
  return (await db.setting.findUnique({ where: { key: PARTICIPANTS_MAY_POST } }))?.value === "true";
}

export async function setParticipantsMayPost(on: boolean) {
  await db.setting.upsert({
    where: { key: PARTICIPANTS_MAY_POST },
    create: { key: PARTICIPANTS_MAY_POST, value: String(on) },
    update: { value: String(on) },
  });
}

export type CommunityAccess = { read: boolean; post: boolean; moderate: boolean; alumnus: boolean };

/** Alumni read and post; current participants read (and post when the admin opened it); staff read, post, admins moderate. */
export async function communityAccess(user: SessionUser): Promise<CommunityAccess> {
  if (user.role === "ADMIN") return { read: true, post: true, moderate: true, alumnus: false };
  if (user.role === "TRAINER") return { read: true, post: true, moderate: false, alumnus: false };
  const enrollments = await db.enrollment.findMany({
    where: { userId: user.id, status: { in: ["ACTIVE", "COMPLETED"] } },
    select: { status: true },
  });
  const alumnus = enrollments.some((e) => e.status === "COMPLETED");
  if (alumnus) return { read: true, post: true, moderate: false, alumnus: true };
  if (enrollments.length) return { read: true, post: await participantsMayPost(), moderate: false, alumnus: false };
  return { read: false, post: false, moderate: false, alumnus: false };
}

/** Who may be in a gilde's room: its members, the cohort's trainers, linked mentors, admins. Null: not you (404). */
export async function roomAccess(user: SessionUser, gildeId: string) {
  const gilde = await db.gilde.findUnique({
    where: { id: gildeId },
    select: { id: true, name: true, cohortId: true, cohort: { select: { name: true, endsOn: true } } },
  });
  if (!gilde) return null;
  let role: "member" | "trainer" | "mentor" | "admin" | null = null;
  if (user.role === "ADMIN") role = "admin";
  else if (user.role === "TRAINER")
    role = (await db.cohortStaff.findUnique({
      where: { cohortId_userId: { cohortId: gilde.cohortId, userId: user.id } },
    }))
      ? "trainer"
      : null;
  else if (
    await db.gildeMember.findFirst({
      where: {
        gildeId,
        userId: user.id,
        user: { enrollments: { some: { cohortId: gilde.cohortId, status: { in: ["ACTIVE", "COMPLETED"] } } } },
      },
    })
  )
    role = "member";
  else if (await db.gildeMentor.findUnique({ where: { gildeId_userId: { gildeId, userId: user.id } } }))
    role = "mentor";
  if (!role) return null;
  // The room is for the duration of the cohort: afterwards it stays readable.
  const open = new Date(gilde.cohort.endsOn.getTime() + 24 * 60 * 60 * 1000) > new Date();
  return { gilde, role, post: open, moderate: role === "admin" || role === "trainer" };
}

export type ThreadFilter = { theme?: string; tag?: string; page?: number };

/** Threads of the community (or of one room), most recently active first. */
export async function listThreads(kind: "COMMUNITY" | "GILDE", filter: ThreadFilter, gildeId?: string) {
  const page = Math.max(1, filter.page ?? 1);
  const where = {
    kind,
    ...(gildeId ? { gildeId } : {}),
    ...(filter.theme ? { themes: { has: filter.theme } } : {}),
    ...(filter.tag ? { tags: { has: filter.tag.toLowerCase() } } : {}),
  };
  const [threads, total] = await Promise.all([
    db.thread.findMany({
      where,
      orderBy: { lastPostAt: "desc" },
      skip: (page - 1) * THREADS_PER_PAGE,
      take: THREADS_PER_PAGE,
      select: {
        id: true,
        title: true,
        themes: true,
        tags: true,
        replyCount: true,
        lastPostAt: true,
        author: { select: { name: true } },
      },
    }),
    db.thread.count({ where }),
  ]);
  return {
    threads: threads.map(({ author, ...t }) => ({ ...t, author: author.name })),
    page,
    pages: Math.max(1, Math.ceil(total / THREADS_PER_PAGE)),
    total,
  };
}

export type ThreadInput = { title: string; body: string; themes: string[]; tags: string };

function checkThread(input: ThreadInput) {
  const errors: Record<string, string> = {};
  const title = input.title.trim();
  if (title.length < 3) errors.title = "Geef je onderwerp een titel van minstens drie tekens.";
  if (title.length > 150) errors.title = "Een titel is hoogstens 150 tekens.";
  if (!input.body.trim()) errors.body = "Schrijf je bericht.";
  if (input.body.length > 20_000) errors.body = "Een bericht is hoogstens 20.000 tekens.";
  if (input.themes.some((t) => !isTheme(t))) errors.themes = "Kies thema's uit de lijst.";
  const tags = parseTags(input.tags);
  if (tags.error) errors.tags = tags.error;
  if (Object.keys(errors).length)
    throw new RefusedError("Nog niet geplaatst: verbeter wat hieronder staat.", 400, errors);
  return { title, body: input.body, themes: [...new Set(input.themes)], tags: tags.tags };
}

export async function createThread(user: SessionUser, input: ThreadInput, room?: { gildeId: string }) {
  const data = checkThread(input);
  return db.$transaction(async (tx) => {
    const thread = await tx.thread.create({
      data: {
        kind: room ? "GILDE" : "COMMUNITY",
        gildeId: room?.gildeId ?? null,
        authorId: user.id,
        title: data.title,
        themes: data.themes,
        tags: data.tags,
      },
    });
    await tx.post.create({ data: { threadId: thread.id, authorId: user.id, body: data.body } });
    await tx.follow.create({ data: { threadId: thread.id, userId: user.id } });
    return thread;
  });
}

/** A thread with one page of posts as this reader may see them. Null when it does not exist for them. */
type ThreadRow = {
  id: string;
  kind: "COMMUNITY" | "GILDE";
  gildeId: string | null;
  title: string;
  themes: string[];
  tags: string[];
  createdAt: Date;
  author: string;
  total: number;
  following: boolean;
};

type PostRow = {
  id: string;
  body: string;
  createdAt: Date;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  authorId: string;
  author: string;
  helped: number;
  helpedByMe: boolean;
};

/**
 * A thread as its reader sees it, one page of posts. Two raw queries (the thread with its post count and whether
 * the reader follows it; then the page of posts with their authors and reactions): through Prisma this was
 * seven, each compiled anew, and the community's busiest page spent a third of its CPU there (README, "Speed").
 */
export async function threadFor(user: SessionUser, threadId: string, page = 1) {
  const [thread] = await db.$queryRaw<ThreadRow[]>`
    SELECT t.id, t.kind::text AS kind, t."gildeId", t.title, t.themes, t.tags, t."createdAt", u.name AS author,
           (SELECT count(*)::int FROM "Post" p WHERE p."threadId" = t.id) AS total,
           EXISTS (SELECT 1 FROM "Follow" f WHERE f."threadId" = t.id AND f."userId" = ${user.id}) AS following
    FROM "Thread" t JOIN "User" u ON u.id = t."authorId"
    WHERE t.id = ${threadId}`;
  if (!thread) return null;
  const access = await accessTo(user, thread);
  if (!access) return null;
  const moderate = access.moderate;
  const current = Math.max(1, page);
  const posts = await db.$queryRaw<PostRow[]>`
    SELECT p.id, p.body, p."createdAt", p."hiddenAt", p."hiddenReason", p."authorId", u.name AS author,
           (SELECT count(*)::int FROM "Reaction" r WHERE r."postId" = p.id) AS helped,
           EXISTS (SELECT 1 FROM "Reaction" r WHERE r."postId" = p.id AND r."userId" = ${user.id}) AS "helpedByMe"
    FROM "Post" p JOIN "User" u ON u.id = p."authorId"
    WHERE p."threadId" = ${threadId}
    ORDER BY p."createdAt" ASC, p.id ASC
    LIMIT ${POSTS_PER_PAGE} OFFSET ${(current - 1) * POSTS_PER_PAGE}`;
  return {
    thread: {
      id: thread.id,
      kind: thread.kind,
      gildeId: thread.gildeId,
      title: thread.title,
      themes: thread.themes,
      tags: thread.tags,
      author: thread.author,
      createdAt: thread.createdAt,
    },
    posts: posts.map((p) => {
      const mine = p.authorId === user.id;
      const visible = !p.hiddenAt || mine || moderate;
      return {
        id: p.id,
        author: p.author,
        mine,
        createdAt: p.createdAt,
        html: visible ? renderMarkdown(p.body) : null,
        hidden: p.hiddenAt ? { reason: (mine || moderate ? p.hiddenReason : null) ?? null } : null,
        helped: p.helped,
        helpedByMe: p.helpedByMe,
      };
    }),
    page: current,
    pages: Math.max(1, Math.ceil(thread.total / POSTS_PER_PAGE)),
    following: thread.following,
    may: { post: access.post, moderate },
  };
}

async function accessTo(user: SessionUser, thread: { kind: string; gildeId: string | null }) {
  const access = thread.kind === "GILDE" ? await roomAccess(user, thread.gildeId ?? "") : await communityAccess(user);
  if (!access || ("read" in access && !access.read)) return null;
  return { post: access.post, moderate: access.moderate };
}

/** What this reader may do in a thread (post, moderate); null when the thread does not exist for them. */
export async function threadAccess(user: SessionUser, threadId: string) {
  const thread = await db.thread.findUnique({ where: { id: threadId }, select: { kind: true, gildeId: true } });
  return thread ? accessTo(user, thread) : null;
}

async function requirePostAccess(user: SessionUser, threadId: string) {
  const view = await threadFor(user, threadId);
  if (!view) throw new RefusedError("Dit onderwerp bestaat niet.", 404);
  return view;
}

export async function reply(user: SessionUser, threadId: string, body: string) {
  const view = await requirePostAccess(user, threadId);
  if (!view.may.post)
    throw new RefusedError(
      view.thread.kind === "GILDE"
        ? "De gildekamer is gesloten: de groep is afgelopen."
        : "Alleen alumni plaatsen berichten in de community.",
      403,
    );
  if (!body.trim()) throw new RefusedError("Schrijf eerst je reactie.", 400, { body: "Schrijf eerst je reactie." });
  if (body.length > 20_000)
    throw new RefusedError("Een reactie is hoogstens 20.000 tekens.", 400, { body: "Hoogstens 20.000 tekens." });
  const now = new Date();
  await db.$transaction([
    db.post.create({ data: { threadId, authorId: user.id, body, createdAt: now } }),
    db.thread.update({ where: { id: threadId }, data: { replyCount: { increment: 1 }, lastPostAt: now } }),
    db.follow.upsert({
      where: { threadId_userId: { threadId, userId: user.id } },
      create: { threadId, userId: user.id },
      update: {},
    }),
  ]);
}

async function postIn(user: SessionUser, postId: string) {
  const post = await db.post.findUnique({
    where: { id: postId },
    select: { id: true, threadId: true, authorId: true },
  });
  if (!post) throw new RefusedError("Dit bericht bestaat niet.", 404);
  const view = await requirePostAccess(user, post.threadId);
  return { post, view };
}

/** "Dit hielp mij": on, or off again. Not on your own post. */
export async function toggleHelped(user: SessionUser, postId: string) {
  const { post } = await postIn(user, postId);
  if (post.authorId === user.id) throw new RefusedError("Je eigen bericht kun je niet zo waarderen.", 400);
  const key = { postId_userId: { postId, userId: user.id } };
  if (await db.reaction.findUnique({ where: key })) await db.reaction.delete({ where: key });
  else await db.reaction.create({ data: { postId, userId: user.id } });
}

export async function toggleFollow(user: SessionUser, threadId: string) {
  await requirePostAccess(user, threadId);
  const key = { threadId_userId: { threadId, userId: user.id } };
  if (await db.follow.findUnique({ where: key })) await db.follow.delete({ where: key });
  else await db.follow.create({ data: { threadId, userId: user.id } });
}

export async function report(user: SessionUser, postId: string, reason: string) {
  await postIn(user, postId);
  if (!reason.trim())
    throw new RefusedError("Schrijf kort wat er mis is met dit bericht.", 400, {
      reason: "Schrijf kort wat er mis is.",
    });
  await db.report.upsert({
    where: { postId_reporterId: { postId, reporterId: user.id } },
    create: { postId, reporterId: user.id, reason: reason.trim().slice(0, 1000) },
    update: { reason: reason.trim().slice(0, 1000), resolvedAt: null },
  });
}

/** Hides a post (kept, with the reason the author sees); only moderators of where it was posted. */
export async function hidePost(user: SessionUser, postId: string, reason: string, hide = true) {
  const { view } = await postIn(user, postId);
  if (!view.may.moderate) throw new RefusedError("Alleen een moderator kan berichten verbergen.", 403);
  if (hide && !reason.trim())
    throw new RefusedError("Schrijf waarom je dit bericht verbergt: de schrijver ziet het.", 400, {
      reason: "Geef een reden.",
    });
  await db.$transaction([
    db.post.update({
      where: { id: postId },
      data: hide
        ? { hiddenAt: new Date(), hiddenReason: reason.trim().slice(0, 500), hiddenById: user.id }
        : { hiddenAt: null, hiddenReason: null, hiddenById: null },
    }),
    db.report.updateMany({ where: { postId, resolvedAt: null }, data: { resolvedAt: new Date() } }),
  ]);
}

/** The admin looked at a report and leaves the post as it is. */
export async function dismissReport(reportId: string) {
  const { count } = await db.report.updateMany({
    where: { id: reportId, resolvedAt: null },
    data: { resolvedAt: new Date() },
  });
  if (count === 0) throw new RefusedError("Deze melding is al afgehandeld.", 409);
}

/** Open reports for the admin. */
export async function openReports() {
  return db.report.findMany({
    where: { resolvedAt: null },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      reason: true,
      createdAt: true,
      post: {
        select: {
          id: true,
          body: true,
          threadId: true,
          hiddenAt: true,
          author: { select: { name: true } },
          thread: { select: { title: true } },
        },
      },
    },
  });
}
