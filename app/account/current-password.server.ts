// Asking for the current password before a change of e-mail address or password: counted per account before it
// is checked, like a login (app/auth/throttle.server.ts), so a borrowed open laptop cannot be used to guess it.
import { verifyPassword } from "~/auth/password.server";
import { ACCOUNT_AT_ADDRESS_LIMIT } from "~/auth/throttle";
import { clearAttempts, countAttempts } from "~/auth/throttle.server";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";

const WRONG = "Dit is niet je huidige wachtwoord. Probeer het opnieuw.";

const throttleKey = (userId: string) => `current-password:${userId}`;

function lockedMessage(until: Date, now: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `Te vaak een verkeerd wachtwoord. Probeer het over ${minutes} ${minutes === 1 ? "minuut" : "minuten"} opnieuw.`;
}

/** Refuses (on the field `currentPassword`) unless `password` is this user's password. */
export async function requireCurrentPassword(userId: string, password: string, now = new Date()) {
  const key = throttleKey(userId);
  const counted = await countAttempts([[key, ACCOUNT_AT_ADDRESS_LIMIT]], now);
  if (!counted.allowed) {
    throw new RefusedError("", 429, { currentPassword: lockedMessage(counted.until, now) });
  }
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true, erasedAt: true } });
  const valid = await verifyPassword(user && !user.erasedAt ? user.passwordHash : null, password);
  if (!valid) throw new RefusedError("", 400, { currentPassword: WRONG });
  await clearAttempts([key]);
}
