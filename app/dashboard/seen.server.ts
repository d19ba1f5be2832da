// When someone last opened a place where news arrives, so the start page can tell new from seen (issue 18).
import { db } from "~/db.server";

/** Places: "gilde" (feedback received), "opdracht:<slug>" (released assessments), "draad:<threadId>" (a thread). */
export type Place = "gilde" | `opdracht:${string}` | `draad:${string}`;

/** Notes that this person opened the place now. A page calls it in its loader, after its own checks. */
export async function markSeen(userId: string, place: Place, now = new Date()) {
  // On every visit of a thread or a room: one raw statement instead of Prisma's compiled upsert.
  await db.$executeRaw`
    INSERT INTO "Seen" ("userId", place, "seenAt") VALUES (${userId}, ${place}, ${now})
    ON CONFLICT ("userId", place) DO UPDATE SET "seenAt" = EXCLUDED."seenAt"`;
}

/** When each place was last opened, for one person. */
export async function seenAt(userId: string): Promise<Map<string, Date>> {
  const rows = await db.seen.findMany({ where: { userId }, select: { place: true, seenAt: true } });
  return new Map(rows.map((r) => [r.place, r.seenAt]));
}

/** Whether something that happened at `at` is news to someone who last looked at `seen` (never: news). */
export function isNew(at: Date | null | undefined, seen: Date | undefined): boolean {
  return Boolean(at && (!seen || at.getTime() > seen.getTime()));
}
