// Who is asking. Every loader and action starts here; helpers throw Responses.
import { redirect } from "@remix-run/node";
import { db } from "~/db.server";
import {
  clearedSessionCookie,
  readSessionCookie,
  sessionCookie,
  validateSessionToken,
  type SessionUser,
} from "./session.server";

export type { SessionUser };
export type Role = SessionUser["role"];

const cache = new WeakMap<Request, Promise<SessionUser | null>>();

/**
 * The signed-in user, or null. A refreshed or dead session cookie is written back through
 * `sessionHeaders(request)`, which root's loader adds to every page.
 */
export function getUser(request: Request): Promise<SessionUser | null> {
  let pending = cache.get(request);
  if (!pending) {
    pending = (async () => {
      const token = readSessionCookie(request);
      if (!token) return null;
      const result = await validateSessionToken(token);
      if (!result) {
        deadSessions.add(request);
        cookieUpdates.set(request, clearedSessionCookie());
        return null;
      }
      if (result.refreshed) cookieUpdates.set(request, sessionCookie(token, result.expiresAt));
      sessionIds.set(request, result.sessionId);
      return result.user;
    })();
    cache.set(request, pending);
  }
  return pending;
}

const cookieUpdates = new WeakMap<Request, string>();
const sessionIds = new WeakMap<Request, string>();
// Requests that came with a session cookie that is expired, ended or tampered with.
const deadSessions = new WeakSet<Request>();

export function sessionHeaders(request: Request): HeadersInit {
  const cookie = cookieUpdates.get(request);
  return cookie ? { "Set-Cookie": cookie } : {};
}

function loginRedirect(request: Request) {
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` });
  if (deadSessions.has(request)) params.set("sessie", "verlopen");
  return redirect(`/inloggen?${params}`, { headers: sessionHeaders(request) });
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) throw loginRedirect(request);
  return user;
}

/** The signed-in user and the session this request came with ("dit apparaat" in the list of sessions). */
export async function requireSession(request: Request): Promise<{ user: SessionUser; sessionId: string }> {
  const user = await requireUser(request);
  const sessionId = sessionIds.get(request);
  if (!sessionId) throw loginRedirect(request);
  return { user, sessionId };
}

export async function requireAnonymous(request: Request) {
  if (await getUser(request)) throw redirect("/dashboard");
}

export async function requireRole(request: Request, ...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) {
    throw new Response("Je hebt geen toegang tot deze pagina.", { status: 403, statusText: "Forbidden" });
  }
  return user;
}

const notFound = () => new Response("Niet gevonden", { status: 404, statusText: "Not Found" });

/** A trainer of this cohort, or an admin. Others get 404: a cohort's existence is not theirs to learn. */
export async function requireCohortTrainer(request: Request, cohortId: string): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.role === "ADMIN") {
    const cohort = await db.cohort.findUnique({ where: { id: cohortId }, select: { id: true } });
    if (!cohort) throw notFound();
    return user;
  }
  if (user.role !== "TRAINER") throw notFound();
  const staff = await db.cohortStaff.findUnique({
    where: { cohortId_userId: { cohortId, userId: user.id } },
    select: { userId: true },
  });
  if (!staff) throw notFound();
  return user;
}

/** A participant with an active or completed enrollment in this cohort (or its staff, or an admin). */
export async function requireCohortMember(request: Request, cohortId: string): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.role !== "PARTICIPANT") return requireCohortTrainer(request, cohortId);
  const enrollment = await db.enrollment.findUnique({
    where: { userId_cohortId: { userId: user.id, cohortId } },
    select: { status: true },
  });
  if (!enrollment || !["ACTIVE", "COMPLETED"].includes(enrollment.status)) throw notFound();
  return user;
}

export function invariantResponse(
  condition: unknown,
  message: string,
  init: ResponseInit = { status: 400 },
): asserts condition {
  if (!condition) throw new Response(message, init);
}
