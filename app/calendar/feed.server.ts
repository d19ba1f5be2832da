// The personal calendar feed: a webcal:// address with a secret of its own. Only its SHA-256 is kept, so the address
// is shown once, when made; renewing replaces it (the old one stops at once), stopping removes it. A wrong or revoked
// token, an erased account or a participant no longer in a cohort: 404, nothing said about why.
import type { SessionUser } from "~/auth/guards.server";
import { audit } from "~/audit/audit.server";
import { randomToken, sha256 } from "~/auth/tokens.server";
import { db } from "~/db.server";
import { appUrl } from "~/env.server";
import { agendaCohorts, agendaEvents } from "./agenda.server";
import { icsCalendar } from "./ics";

/** The subscription address for a token: webcal:// so a calendar app offers to subscribe. */
function feedUrl(token: string) {
  return `${appUrl().replace(/^https?:\/\//, "webcal://")}/agenda/feed/${token}.ics`;
}

export async function feedStatus(userId: string) {
  const feed = await db.calendarFeed.findUnique({ where: { userId }, select: { createdAt: true } });
  return feed ? { since: feed.createdAt.toISOString() } : null;
}

/** Makes a new address (replacing an old one) and returns it: the only moment it is known. */
export async function renewFeed(user: SessionUser) {
  const token = randomToken();
  await db.$transaction(async (tx) => {
    await tx.calendarFeed.upsert({
      where: { userId: user.id },
      create: { userId: user.id, tokenHash: sha256(token) },
      update: { tokenHash: sha256(token), createdAt: new Date() },
    });
    await audit(tx, {
      action: "calendar-feed.create",
      actor: user,
      subjectId: user.id,
      summary: `${user.name} maakte een agenda-abonnement.`,
    });
  });
  return feedUrl(token);
}

export async function revokeFeed(user: SessionUser) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.calendarFeed.deleteMany({ where: { userId: user.id } });
    if (count)
      await audit(tx, {
        action: "calendar-feed.revoke",
        actor: user,
        subjectId: user.id,
        summary: `${user.name} stopte het agenda-abonnement.`,
      });
  });
}

const notFound = () => new Response("Niet gevonden", { status: 404, statusText: "Not Found" });

/** The feed's text for a token from the address ("<token>.ics"), or a 404 Response thrown. */
export async function feedCalendar(file: string, now = new Date()) {
  const token = /^([A-Za-z0-9_-]{20,64})\.ics$/.exec(file)?.[1];
  if (!token) throw notFound();
  const feed = await db.calendarFeed.findUnique({
    where: { tokenHash: sha256(token) },
    select: { user: { select: { id: true, name: true, email: true, role: true, erasedAt: true } } },
  });
  if (!feed || feed.user.erasedAt) throw notFound();
  const { erasedAt: _erased, ...user } = feed.user;
  const cohorts = await agendaCohorts(user);
  if (!cohorts.length) throw notFound();
  const events = await agendaEvents(user, now);
  return icsCalendar(`Gilde: ${cohorts.map((c) => c.name).join(", ")}`, events, now);
}

/** One event of the signed-in person's agenda as a calendar file, or null when it is not theirs. */
export async function singleEventCalendar(user: SessionUser, file: string, now = new Date()) {
  const name = /^([A-Za-z0-9_-]{1,200})\.ics$/.exec(file)?.[1];
  if (!name) return null;
  const event = (await agendaEvents(user, now)).find((e) => e.uid.split("@")[0] === name);
  return event ? icsCalendar(event.title, [event], now) : null;
}
