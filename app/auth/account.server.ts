// Register, sign in, and reset a password. Each returns field errors in Dutch instead of throwing.
import { Prisma } from "@prisma/client";
import { audit } from "~/audit/audit.server";
import { db } from "~/db.server";
import { appUrl } from "~/env.server";
import { queueMail } from "~/notifications/outbox.server";
import { hashPassword, verifyPassword } from "./password.server";
import { createSession, forgetSessions, invalidateUserSessions } from "./session.server";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, afterFailure, lockMessage, lockedUntil, type ThrottleLimit } from "./throttle";
import { constantTimeEqual, randomToken, sha256 } from "./tokens.server";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const DUPLICATE_EMAIL = "Er is al een account met dit e-mailadres. Log in, of vraag een nieuw wachtwoord aan.";

export async function registerUser(input: { name: string; email: string; password: string }) {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: { name: input.name.trim(), email, passwordHash, role: "PARTICIPANT" },
      select: { id: true },
    });
    return { ok: true as const, userId: user.id, session: await createSession(user.id) };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false as const, fieldErrors: { email: DUPLICATE_EMAIL } };
    }
    throw error;
  }
}

export const WRONG_CREDENTIALS = "Dit e-mailadres en wachtwoord horen niet bij elkaar. Controleer ze en probeer het opnieuw.";

async function throttleState(key: string) {
  return db.loginThrottle.findUnique({ where: { key }, select: { failures: true, windowStart: true, lockedUntil: true } });
}

async function recordFailure(key: string, limit: ThrottleLimit, now: Date) {
  const next = afterFailure(await throttleState(key), now, limit);
  await db.loginThrottle.upsert({ where: { key }, create: { key, ...next }, update: next });
}

export async function signIn(input: { email: string; password: string; clientIp: string }, now = new Date()) {
  const email = normalizeEmail(input.email);
  const accountKey = `email:${email}`;
  const addressKey = `ip:${input.clientIp}`;
  const [accountState, addressState] = await Promise.all([throttleState(accountKey), throttleState(addressKey)]);
  const locked = lockedUntil(accountState, now) ?? lockedUntil(addressState, now);
  if (locked) return { ok: false as const, formError: lockMessage(locked, now) };

  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, passwordHash: true, erasedAt: true } });
  const valid = await verifyPassword(user && !user.erasedAt ? user.passwordHash : null, input.password);
  if (!user || !valid) {
    await recordFailure(accountKey, ACCOUNT_LIMIT, now);
    await recordFailure(addressKey, ADDRESS_LIMIT, now);
    await audit(db, { action: "login.failed", actorEmail: email, subjectId: user?.id, summary: user ? "Onjuist wachtwoord." : "Onbekend e-mailadres.", ip: input.clientIp }, now);
    return { ok: false as const, formError: WRONG_CREDENTIALS };
  }
  await db.loginThrottle.deleteMany({ where: { key: accountKey } });
  await audit(db, { action: "login", actor: user, summary: "Ingelogd met wachtwoord.", ip: input.clientIp }, now);
  return { ok: true as const, userId: user.id, session: await createSession(user.id, now) };
}

export const RESET_LIFETIME_MS = 60 * 60 * 1000;

/** Always looks the same to the visitor, whether or not the address is known. */
export async function requestPasswordReset(emailInput: string, now = new Date()) {
  const email = normalizeEmail(emailInput);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true } });
  if (!user) return;
  const id = randomToken();
  const secret = randomToken();
  const token = `${id}.${secret}`;
  await db.$transaction(async (tx) => {
    await tx.passwordReset.create({
      data: { id, tokenHash: sha256(secret), userId: user.id, createdAt: now, expiresAt: new Date(now.getTime() + RESET_LIFETIME_MS) },
    });
    await queueMail(tx, {
      to: user.email,
      subject: "Nieuw wachtwoord voor Gilde",
      text:
        `Hallo ${user.name},\n\n` +
        `Iemand (hopelijk jij) vroeg een nieuw wachtwoord aan voor je Gilde-account. ` +
        `Kies een nieuw wachtwoord via deze link; hij werkt één keer en blijft een uur geldig:\n\n` +
        `${appUrl()}/wachtwoord-vergeten/${token}\n\n` +
        `Heb je dit niet zelf gevraagd? Dan kun je dit bericht negeren; je wachtwoord blijft zoals het is.\n\n` +
        `Groet,\nGilde — leergang Creative Communities`,
    });
  });
}

export const RESET_INVALID =
  "Deze link om je wachtwoord te herstellen is verlopen of al gebruikt. Vraag hieronder een nieuwe link aan.";

async function findUsableReset(token: string, now: Date) {
  const [id, secret] = token.split(".");
  if (!id || !secret) return null;
  const reset = await db.passwordReset.findUnique({
    where: { id },
    select: { id: true, tokenHash: true, userId: true, expiresAt: true, usedAt: true },
  });
  if (!reset || reset.usedAt || reset.expiresAt <= now) return null;
  if (!constantTimeEqual(reset.tokenHash, sha256(secret))) return null;
  return reset;
}

export async function checkResetToken(token: string, now = new Date()) {
  return (await findUsableReset(token, now)) !== null;
}

/** Sets the new password, uses up the link, and ends every session of the account. */
export async function resetPassword(token: string, password: string, now = new Date()) {
  const reset = await findUsableReset(token, now);
  if (!reset) return { ok: false as const };
  const passwordHash = await hashPassword(password);
  const claimed = await db.$transaction(async (tx) => {
    // Claim the token atomically so two submissions cannot both use it.
    const { count } = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null }, data: { usedAt: now } });
    if (count === 0) return false;
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } });
    await tx.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: now } });
    await tx.session.deleteMany({ where: { userId: reset.userId } });
    return true;
  });
  if (!claimed) return { ok: false as const };
  forgetSessions({ userId: reset.userId });
  return { ok: true as const, userId: reset.userId, session: await createSession(reset.userId, now) };
}

export async function changePassword(userId: string, password: string) {
  const passwordHash = await hashPassword(password);
  await db.user.update({ where: { id: userId }, data: { passwordHash } });
  await invalidateUserSessions(userId);
  return createSession(userId);
}
