// The list of your own sessions on /account, and ending them. The page never receives a session's id (half of
// its cookie): each row carries a handle derived from it, good only for ending that session by its owner.
import { audit } from "~/audit/audit.server";
import { forgetSessions, type SessionUser } from "~/auth/session.server";
import { sha256 } from "~/auth/tokens.server";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";
import { describeUserAgent, lastSeenLabel } from "./devices";

const handleOf = (sessionId: string) => sha256(`session-handle:${sessionId}`).slice(0, 32);

export type SessionRow = {
  handle: string;
  device: string;
  lastSeen: string;
  current: boolean;
};

/** This device first, then the others by when they were last used. */
export async function mySessions(userId: string, currentSessionId: string, now = new Date()): Promise<SessionRow[]> {
  const sessions = await db.session.findMany({
    where: { userId, expiresAt: { gt: now } },
    select: { id: true, userAgent: true, createdAt: true, lastSeenAt: true },
  });
  return sessions
    .map((session) => ({ ...session, seen: session.lastSeenAt ?? session.createdAt }))
    .sort((a, b) => Number(b.id === currentSessionId) - Number(a.id === currentSessionId) || +b.seen - +a.seen)
    .map((session) => ({
      handle: handleOf(session.id),
      device: describeUserAgent(session.userAgent),
      lastSeen: session.id === currentSessionId ? "nu" : lastSeenLabel(session.seen, now),
      current: session.id === currentSessionId,
    }));
}

const GONE = "Deze sessie bestaat niet meer; misschien is ze al beëindigd. De lijst hieronder is bijgewerkt.";

/** Ends one of the user's other sessions at once (also in this instance's cache of validated sessions). */
export async function endSession(user: SessionUser, currentSessionId: string, handle: string, ip?: string) {
  const sessions = await db.session.findMany({ where: { userId: user.id }, select: { id: true, userAgent: true } });
  const session = sessions.find((s) => handleOf(s.id) === handle);
  if (!session) throw new RefusedError(GONE, 409);
  if (session.id === currentSessionId) {
    throw new RefusedError("Dit is het apparaat dat je nu gebruikt. Wil je hier stoppen? Kies dan ‘Uitloggen’.");
  }
  await db.session.deleteMany({ where: { id: session.id, userId: user.id } });
  forgetSessions({ sessionId: session.id });
  const device = describeUserAgent(session.userAgent);
  await audit(db, {
    action: "session.end",
    actor: user,
    subjectId: user.id,
    summary: `Sessie beëindigd: ${device}.`,
    ip,
  });
  return device;
}

/** Ends every session of the user except this one; returns how many. */
export async function endOtherSessions(user: SessionUser, currentSessionId: string, ip?: string) {
  const { count } = await db.session.deleteMany({ where: { userId: user.id, id: { not: currentSessionId } } });
  forgetSessions({ userId: user.id });
  await audit(db, {
    action: "session.end",
    actor: user,
    subjectId: user.id,
    summary: `Alle andere sessies beëindigd (${count}).`,
    ip,
  });
  return count;
}
