// Counting attempts atomically: one INSERT … ON CONFLICT DO UPDATE … RETURNING per key takes the row lock, so
// requests that arrive together are counted one after another, and only those within the limit go on to have
// their password checked.
import { db } from "~/db.server";
import { oneRow } from "~/db/rows";
import { lockDuration, type ThrottleLimit } from "./throttle";

export type AttemptOutcome = { allowed: true } | { allowed: false; until: Date };

type Row = { failures: number; lockedUntil: Date | null; locks: number };

/** Counts one attempt on `key`; refuses it while the key is locked or once it is past the limit (which locks it). */
async function countAttempt(key: string, limit: ThrottleLimit, now = new Date()): Promise<AttemptOutcome> {
  const windowOpen = new Date(now.getTime() - limit.windowMs);
  const rows = await db.$queryRaw<Row[]>`
    INSERT INTO "LoginThrottle" AS t ("key", "failures", "windowStart", "lockedUntil", "locks")
    VALUES (${key}, 1, ${now}, NULL, 0)
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN t."lockedUntil" > ${now} THEN t."failures"
                        WHEN t."windowStart" <= ${windowOpen} THEN 1
                        ELSE t."failures" + 1 END,
      "windowStart" = CASE WHEN t."lockedUntil" > ${now} THEN t."windowStart"
                           WHEN t."windowStart" <= ${windowOpen} THEN ${now}
                           ELSE t."windowStart" END
    RETURNING "failures", "lockedUntil", "locks"`;
  const row = oneRow(rows, "the LoginThrottle upsert");
  if (row.lockedUntil && row.lockedUntil > now) return { allowed: false, until: row.lockedUntil };
  if (row.failures <= limit.maxAttempts) return { allowed: true };
  // Past the limit: lock the key (once, however many requests get here together) and start counting afresh.
  const until = new Date(now.getTime() + lockDuration(limit, row.locks));
  const [locked] = await db.$queryRaw<{ lockedUntil: Date }[]>`
    UPDATE "LoginThrottle" SET "lockedUntil" = ${until}, "locks" = "locks" + 1, "failures" = 0, "windowStart" = ${now}
    WHERE "key" = ${key} AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})
    RETURNING "lockedUntil"`;
  if (locked) return { allowed: false, until: locked.lockedUntil };
  const current = await db.loginThrottle.findUnique({ where: { key }, select: { lockedUntil: true } });
  return { allowed: false, until: current?.lockedUntil ?? until };
}

/** Counts an attempt on each key in turn and stops at the first refusal, so a locked key spends nothing else. */
export async function countAttempts(keys: [string, ThrottleLimit][], now = new Date()): Promise<AttemptOutcome> {
  for (const [key, limit] of keys) {
    const outcome = await countAttempt(key, limit, now);
    if (!outcome.allowed) return outcome;
  }
  return { allowed: true };
}

/** Takes back one counted attempt (a sign-in that succeeded is no guess). */
export async function uncountAttempt(key: string) {
  await db.$executeRaw`UPDATE "LoginThrottle" SET "failures" = GREATEST("failures" - 1, 0) WHERE "key" = ${key}`;
}

export async function clearAttempts(keys: string[], prefix?: string) {
  await db.loginThrottle.deleteMany({
    where: { OR: [{ key: { in: keys } }, ...(prefix ? [{ key: { startsWith: prefix } }] : [])] },
  });
}
