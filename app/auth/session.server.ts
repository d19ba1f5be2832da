// Database sessions as the Lucia guide teaches them: a random id and a random secret, only a SHA-256 hash of
// the secret stored, compared in constant time; sliding expiry; a new session at every login.
import { cookieSecure } from "~/env.server";
import { db } from "~/db.server";
import { constantTimeEqual, parseSessionToken, randomToken, sha256 } from "./tokens.server";

const SESSION_COOKIE = "gilde_session";
const DAY = 24 * 60 * 60 * 1000;
const SESSION_LIFETIME_MS = 30 * DAY;
// A session used in the second half of its life is extended to a full lifetime again.
const REFRESH_WHEN_LEFT_MS = 15 * DAY;

export type SessionUser = { id: string; name: string; email: string; role: "PARTICIPANT" | "TRAINER" | "ADMIN" };

// How often the last-seen moment of a session is written: often enough for "5 minuten geleden", rare enough that
// reading a page almost never writes.
const LAST_SEEN_EVERY_MS = 5 * 60 * 1000;

/** The browser's own description of itself, kept with the session to show as "Chrome op Android". */
export function userAgentOf(request: Request): string {
  return (request.headers.get("User-Agent") ?? "").slice(0, 512);
}

export async function createSession(userId: string, now = new Date(), userAgent = "") {
  const id = randomToken();
  const secret = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await db.session.create({
    data: { id, secretHash: sha256(secret), userId, expiresAt, createdAt: now, lastSeenAt: now, userAgent },
  });
  return { token: `${id}.${secret}`, expiresAt };
}

/**
 * Validated sessions are remembered for a few seconds, so a page with several loaders, or a reader clicking
 * through, does not ask the database every time. Ending a session (logout, reset) forgets it here at once;
 * another app instance may accept an ended session for at most SESSION_CACHE_MS.
 */
const SESSION_CACHE_MS = 10_000;
type Cached = { secretHash: string; expiresAt: Date; lastSeenAt: Date | null; user: SessionUser; until: number };
const recent = new Map<string, Cached>();

export function forgetSessions(filter: { sessionId?: string; userId?: string } = {}) {
  if (!filter.sessionId && !filter.userId) return recent.clear();
  if (filter.sessionId) recent.delete(filter.sessionId);
  if (filter.userId) for (const [id, entry] of recent) if (entry.user.id === filter.userId) recent.delete(id);
}

async function lookUpSession(id: string) {
  const cached = recent.get(id);
  if (cached && cached.until > Date.now()) return { id, ...cached };
  // The hottest query of the app (every page): one raw statement, no ORM mapping.
  const [row] = await db.$queryRaw<
    {
      id: string;
      secretHash: string;
      expiresAt: Date;
      lastSeenAt: Date | null;
      userId: string;
      name: string;
      email: string;
      role: SessionUser["role"];
    }[]
  >`
    SELECT s.id, s."secretHash", s."expiresAt", s."lastSeenAt", u.id AS "userId", u.name, u.email, u.role::text AS role
    FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${id}`;
  if (!row) return null;
  const session = {
    secretHash: row.secretHash,
    expiresAt: new Date(row.expiresAt),
    lastSeenAt: row.lastSeenAt ? new Date(row.lastSeenAt) : null,
    user: { id: row.userId, name: row.name, email: row.email, role: row.role },
  };
  if (recent.size > 10_000) recent.clear();
  recent.set(id, { ...session, until: Date.now() + SESSION_CACHE_MS });
  return { id, ...session };
}

export async function validateSessionToken(
  token: string | null | undefined,
  now = new Date(),
): Promise<{ user: SessionUser; sessionId: string; expiresAt: Date; refreshed: boolean } | null> {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const session = await lookUpSession(parsed.id);
  if (!session) return null;
  if (!constantTimeEqual(session.secretHash, sha256(parsed.secret))) return null;
  if (session.expiresAt.getTime() <= now.getTime()) {
    forgetSessions({ sessionId: session.id });
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  let expiresAt = session.expiresAt;
  let refreshed = false;
  if (expiresAt.getTime() - now.getTime() < REFRESH_WHEN_LEFT_MS) {
    expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    await db.session.update({ where: { id: session.id }, data: { expiresAt } });
    forgetSessions({ sessionId: session.id });
    refreshed = true;
  }
  await noteLastSeen(session, now);
  return { user: session.user, sessionId: session.id, expiresAt, refreshed };
}

/** Writes when the session was last used, at most once per LAST_SEEN_EVERY_MS (one small UPDATE, no ORM). */
async function noteLastSeen(session: { id: string; lastSeenAt: Date | null }, now: Date) {
  if (session.lastSeenAt && now.getTime() - session.lastSeenAt.getTime() < LAST_SEEN_EVERY_MS) return;
  const since = new Date(now.getTime() - LAST_SEEN_EVERY_MS);
  await db.$executeRaw`
    UPDATE "Session" SET "lastSeenAt" = ${now}
    WHERE id = ${session.id} AND ("lastSeenAt" IS NULL OR "lastSeenAt" <= ${since})`;
  const cached = recent.get(session.id);
  if (cached) cached.lastSeenAt = now;
}

export async function invalidateSession(token: string | null | undefined) {
  const parsed = parseSessionToken(token);
  if (!parsed) return;
  forgetSessions({ sessionId: parsed.id });
  await db.session.deleteMany({ where: { id: parsed.id } });
}

export async function invalidateUserSessions(userId: string) {
  forgetSessions({ userId });
  await db.session.deleteMany({ where: { userId } });
}

export function readSessionCookie(request: Request): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name !== SESSION_COOKIE) continue;
    // A broken percent-escape (planted by someone who can set cookies for the domain) is just a dead session.
    try {
      return decodeURIComponent(rest.join("="));
    } catch {
      return rest.join("=");
    }
  }
  return null;
}

export function sessionCookie(token: string, expiresAt: Date): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    "HttpOnly",
    "SameSite=Lax",
    "Path=/",
    `Expires=${expiresAt.toUTCString()}`,
    ...(cookieSecure() ? ["Secure"] : []),
  ].join("; ");
}

export function clearedSessionCookie(): string {
  return [
    `${SESSION_COOKIE}=`,
    "HttpOnly",
    "SameSite=Lax",
    "Path=/",
    "Max-Age=0",
    ...(cookieSecure() ? ["Secure"] : []),
  ].join("; ");
}
