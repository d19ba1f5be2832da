// The weekly digest (outbox): new replies in followed threads and new cases in the member's themes, with a
// one-click unsubscribe link signed with the installation's secret (no login needed).
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { db } from "~/db.server";
import { appUrl } from "~/env.server";
import { queueMail } from "~/notifications/outbox.server";
import { greeting } from "~/notifications/signature";
import { visibleCase } from "~/consent/validity";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const SECRET_KEY = "signing.secret";

async function secret(): Promise<string> {
  const existing = await db.setting.findUnique({ where: { key: SECRET_KEY } });
  if (existing) return existing.value;
  // Two instances at once: the first insert wins, both read the same value back.
  await db.setting.createMany({
    data: [{ key: SECRET_KEY, value: randomBytes(32).toString("hex") }],
    skipDuplicates: true,
  });
  return (await db.setting.findUniqueOrThrow({ where: { key: SECRET_KEY } })).value;
}

function sign(userId: string, key: string) {
  return createHmac("sha256", key).update(`digest-unsubscribe:${userId}`).digest("base64url");
}

export async function unsubscribeUrl(userId: string) {
  return `${appUrl()}/digest/afmelden?u=${encodeURIComponent(userId)}&t=${sign(userId, await secret())}`;
}

/** Unsubscribes when the link's signature is right; false otherwise (nothing changes). */
export async function unsubscribe(userId: string, token: string) {
  const expected = Buffer.from(sign(userId, await secret()));
  const given = Buffer.from(token);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  if (!(await db.user.findUnique({ where: { id: userId }, select: { id: true } }))) return false;
  await db.digestPreference.upsert({ where: { userId }, create: { userId, weekly: false }, update: { weekly: false } });
  return true;
}

/**
 * Sends the digest to everyone whose last check is a week old and who has something new. Each member is
 * claimed first (lastSentAt moves to now), so several app instances never send the same digest twice, and a
 * member with nothing new is looked at again only a week later.
 */
export async function sendWeeklyDigests(now = new Date()) {
  const weekAgo = new Date(now.getTime() - WEEK_MS);
  const followers = await db.follow.findMany({ distinct: ["userId"], select: { userId: true } });
  const listed = await db.directoryEntry.findMany({ select: { userId: true } });
  const ids = [...new Set([...followers, ...listed].map((r) => r.userId))];
  if (ids.length === 0) return 0;
  await db.digestPreference.createMany({
    data: ids.map((userId) => ({ userId, lastSentAt: weekAgo })),
    skipDuplicates: true,
  });
  const due = await db.digestPreference.findMany({
    where: { userId: { in: ids }, weekly: true, lastSentAt: { lte: weekAgo } },
    select: { userId: true, lastSentAt: true },
  });
  let sent = 0;
  for (const { userId, lastSentAt } of due) {
    const { count } = await db.digestPreference.updateMany({
      where: { userId, lastSentAt },
      data: { lastSentAt: now },
    });
    if (count === 0) continue; // another instance took this one
    const since = lastSentAt ?? weekAgo;
    const user = await db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, name: true, email: true, directoryEntry: { select: { themes: true } } },
    });
    const replies = await db.post.findMany({
      where: {
        createdAt: { gt: since },
        hiddenAt: null,
        authorId: { not: user.id },
        thread: { follows: { some: { userId: user.id } } },
      },
      select: { thread: { select: { id: true, title: true } } },
    });
    const themes = user.directoryEntry?.themes ?? [];
    const cases = themes.length
      ? await db.practiceCase.findMany({
          where: {
            ...visibleCase(),
            publishedAt: { gt: since },
            authorId: { not: user.id },
            themes: { hasSome: themes },
          },
          select: { id: true, title: true },
        })
      : [];
    if (!replies.length && !cases.length) continue;
    const byThread = new Map<string, { title: string; n: number }>();
    for (const r of replies)
      byThread.set(r.thread.id, { title: r.thread.title, n: (byThread.get(r.thread.id)?.n ?? 0) + 1 });
    const link = await unsubscribeUrl(user.id);
    await db.$transaction((tx) =>
      queueMail(tx, {
        to: user.email,
        subject: "Deze week in de gilde-community",
        text:
          `${greeting(user.name)}\n\n` +
          (byThread.size
            ? `Nieuwe reacties in onderwerpen die je volgt:\n${[...byThread].map(([id, t]) => `- ${t.title} (${t.n}): ${appUrl()}/community/${id}`).join("\n")}\n\n`
            : "") +
          (cases.length
            ? `Nieuwe praktijkvoorbeelden in jouw thema's:\n${cases.map((c) => `- ${c.title}: ${appUrl()}/praktijk/${c.id}`).join("\n")}\n\n`
            : "") +
          `Geen wekelijkse samenvatting meer? Eén klik: ${link}\n\nGroet,\nGilde — leergang Creative Communities`,
      }),
    );
    sent++;
  }
  return sent;
}
