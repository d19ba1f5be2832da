// Register, sign in, and reset a password. Each returns field errors in Dutch instead of throwing.
import { audit } from "~/audit/audit.server";
import { db } from "~/db.server";
import { appUrl } from "~/env.server";
import { queueMail } from "~/notifications/outbox.server";
import { SIGNATURE, greeting } from "~/notifications/signature";
import { nudgeOutbox } from "~/notifications/sender.server";
import { hashPassword, verifyPassword } from "./password.server";
import { createSession, forgetSessions, invalidateUserSessions } from "./session.server";
import {
  ACCOUNT_AT_ADDRESS_LIMIT,
  ACCOUNT_LIMIT,
  ADDRESS_LIMIT,
  lockMessage,
  RESET_PER_ACCOUNT,
  RESET_PER_CLIENT,
  throttleKeys,
} from "./throttle";
import { clearAttempts, countAttempts, uncountAttempt } from "./throttle.server";
import { constantTimeEqual, randomToken, sha256 } from "./tokens.server";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const REGISTRATION_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * Asks for an account. The answer never tells whether the address already has one: a new address gets a link that
 * makes the account, a known one a note that it has an account already (with the ways in). Either way one mail goes
 * to the address itself, and only whoever reads that mailbox learns anything.
 */
export async function registerUser(
  input: { name: string; email: string; password: string; redirectTo: string },
  clientIp: string,
  now = new Date(),
) {
  const email = normalizeEmail(input.email);
  // As many mails per address and per client as password resets; past that nothing is sent, and the answer is the same.
  const allowed = await countAttempts(
    [
      [throttleKeys.registerClient(clientIp), RESET_PER_CLIENT],
      [throttleKeys.registerAccount(email), RESET_PER_ACCOUNT],
    ],
    now,
  );
  if (!allowed.allowed) {
    await hashPassword(input.password);
    return;
  }
  const [existing, passwordHash] = await Promise.all([
    db.user.findUnique({ where: { email }, select: { name: true } }),
    hashPassword(input.password),
  ]);
  if (existing) {
    await queueMail(db, {
      to: email,
      subject: "Je hebt al een account bij Gilde",
      text:
        `${greeting(existing.name)}\n\n` +
        `Iemand (hopelijk jij) wilde een nieuw Gilde-account maken met dit e-mailadres. Je hebt er al een, dus er is niets veranderd.\n\n` +
        `Log in via ${appUrl()}/inloggen\n` +
        `Weet je je wachtwoord niet meer? Vraag een nieuw aan via ${appUrl()}/wachtwoord-vergeten\n\n` +
        `Was jij dit niet? Dan kun je dit bericht negeren.\n\n${SIGNATURE}`,
    });
    nudgeOutbox();
    return;
  }
  const id = randomToken();
  const secret = randomToken();
  await db.$transaction(async (tx) => {
    await tx.pendingRegistration.create({
      data: {
        id,
        tokenHash: sha256(secret),
        name: input.name.trim(),
        email,
        passwordHash,
        redirectTo: input.redirectTo,
        createdAt: now,
        expiresAt: new Date(now.getTime() + REGISTRATION_LIFETIME_MS),
      },
    });
    await queueMail(tx, {
      to: email,
      subject: "Bevestig je account bij Gilde",
      text:
        `${greeting(input.name.trim())}\n\n` +
        `Welkom bij Gilde, het leerplatform van de leergang Creative Communities. Open deze link om je account te maken; ` +
        `hij werkt één keer en blijft 24 uur geldig:\n\n${appUrl()}/registreren/bevestigen/${id}.${secret}\n\n` +
        `Heb je je niet zelf aangemeld? Dan kun je dit bericht negeren; er wordt dan geen account gemaakt.\n\n${SIGNATURE}`,
    });
  });
  nudgeOutbox();
}

export const REGISTRATION_INVALID =
  "Deze link om je account te maken is verlopen of al gebruikt. Maak hieronder opnieuw een account aan; je krijgt een nieuwe link.";

async function findUsableRegistration(token: string, now: Date) {
  const [id, secret] = token.split(".");
  if (!id || !secret) return null;
  const pending = await db.pendingRegistration.findUnique({
    where: { id },
    select: {
      id: true,
      tokenHash: true,
      name: true,
      email: true,
      passwordHash: true,
      redirectTo: true,
      expiresAt: true,
      usedAt: true,
    },
  });
  if (!pending || pending.usedAt || pending.expiresAt <= now) return null;
  if (!constantTimeEqual(pending.tokenHash, sha256(secret))) return null;
  return pending;
}

export async function checkRegistrationToken(token: string, now = new Date()) {
  const pending = await findUsableRegistration(token, now);
  return pending ? { name: pending.name, email: pending.email } : null;
}

/** Makes the account from the mailed link (once), and signs its owner in. */
export async function confirmRegistration(
  token: string,
  { userAgent = "", now = new Date() }: { userAgent?: string; now?: Date } = {},
) {
  const pending = await findUsableRegistration(token, now);
  if (!pending) return { ok: false as const };
  const userId = await db.$transaction(async (tx) => {
    const { count } = await tx.pendingRegistration.updateMany({
      where: { id: pending.id, usedAt: null },
      data: { usedAt: now },
    });
    if (count === 0) return null;
    // Two links for one address (asked twice): the first one opened makes the account.
    if (await tx.user.findUnique({ where: { email: pending.email }, select: { id: true } })) return null;
    const user = await tx.user.create({
      data: { name: pending.name, email: pending.email, passwordHash: pending.passwordHash, role: "PARTICIPANT" },
      select: { id: true },
    });
    await tx.pendingRegistration.updateMany({ where: { email: pending.email, usedAt: null }, data: { usedAt: now } });
    return user.id;
  });
  if (!userId) return { ok: false as const };
  return {
    ok: true as const,
    userId,
    redirectTo: pending.redirectTo,
    session: await createSession(userId, now, userAgent),
  };
}

const WRONG_CREDENTIALS = "Dit e-mailadres en wachtwoord horen niet bij elkaar. Controleer ze en probeer het opnieuw.";

export async function signIn(
  input: { email: string; password: string; clientIp: string; userAgent?: string },
  now = new Date(),
) {
  const email = normalizeEmail(input.email);
  const keys = {
    address: throttleKeys.address(input.clientIp),
    accountAtAddress: throttleKeys.accountAtAddress(email, input.clientIp),
    account: throttleKeys.account(email),
  };
  // Counted before the password is checked: parallel guesses cannot outrun the limit.
  const attempt = await countAttempts(
    [
      [keys.address, ADDRESS_LIMIT],
      [keys.accountAtAddress, ACCOUNT_AT_ADDRESS_LIMIT],
      [keys.account, ACCOUNT_LIMIT],
    ],
    now,
  );
  if (!attempt.allowed) return { ok: false as const, formError: lockMessage(attempt.until, now) };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, passwordHash: true, erasedAt: true },
  });
  const valid = await verifyPassword(user && !user.erasedAt ? user.passwordHash : null, input.password);
  if (!user || !valid) {
    await audit(
      db,
      {
        action: "login.failed",
        actorEmail: email,
        subjectId: user?.id,
        summary: user ? "Onjuist wachtwoord." : "Onbekend e-mailadres.",
        ip: input.clientIp,
      },
      now,
    );
    return { ok: false as const, formError: WRONG_CREDENTIALS };
  }
  await clearAttempts([keys.accountAtAddress, keys.account]);
  await uncountAttempt(keys.address);
  await audit(db, { action: "login", actor: user, summary: "Ingelogd met wachtwoord.", ip: input.clientIp }, now);
  return { ok: true as const, userId: user.id, session: await createSession(user.id, now, input.userAgent) };
}

const RESET_LIFETIME_MS = 60 * 60 * 1000;

/** Every reset request takes at least this long, so the answer's timing does not tell known from unknown. */
export const RESET_ANSWER_MS = 400;

/**
 * Always looks the same to the visitor, whether or not the address is known, in what it says and in how long it
 * takes. Limited per address and per client, so nobody can flood a mailbox through us; past the limit nothing is
 * sent and the answer stays the same.
 */
export async function requestPasswordReset(emailInput: string, clientIp: string, now = new Date()) {
  const started = Date.now();
  try {
    const email = normalizeEmail(emailInput);
    const allowed = await countAttempts(
      [
        [throttleKeys.resetClient(clientIp), RESET_PER_CLIENT],
        [throttleKeys.resetAccount(email), RESET_PER_ACCOUNT],
      ],
      now,
    );
    if (allowed.allowed) await sendResetLink(email, now);
  } finally {
    const rest = RESET_ANSWER_MS - (Date.now() - started);
    if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
  }
}

async function sendResetLink(email: string, now: Date) {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, erasedAt: true },
  });
  if (!user || user.erasedAt) return;
  const id = randomToken();
  const secret = randomToken();
  const token = `${id}.${secret}`;
  await db.$transaction(async (tx) => {
    await tx.passwordReset.create({
      data: {
        id,
        tokenHash: sha256(secret),
        userId: user.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + RESET_LIFETIME_MS),
      },
    });
    await queueMail(tx, {
      to: user.email,
      subject: "Nieuw wachtwoord voor Gilde",
      text:
        `${greeting(user.name)}\n\n` +
        `Iemand (hopelijk jij) vroeg een nieuw wachtwoord aan voor je Gilde-account. ` +
        `Kies een nieuw wachtwoord via deze link; hij werkt één keer en blijft een uur geldig:\n\n` +
        `${appUrl()}/wachtwoord-vergeten/${token}\n\n` +
        `Heb je dit niet zelf gevraagd? Dan kun je dit bericht negeren; je wachtwoord blijft zoals het is.\n\n` +
        `Groet,\nGilde — leergang Creative Communities`,
    });
  });
  nudgeOutbox();
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
export async function resetPassword(
  token: string,
  password: string,
  { userAgent = "", now = new Date() }: { userAgent?: string; now?: Date } = {},
) {
  const reset = await findUsableReset(token, now);
  if (!reset) return { ok: false as const };
  const passwordHash = await hashPassword(password);
  const claimed = await db.$transaction(async (tx) => {
    // Claim the token atomically so two submissions cannot both use it.
    const { count } = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null },
      data: { usedAt: now },
    });
    if (count === 0) return false;
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } });
    await tx.passwordReset.updateMany({ where: { userId: reset.userId, usedAt: null }, data: { usedAt: now } });
    await tx.session.deleteMany({ where: { userId: reset.userId } });
    return true;
  });
  if (!claimed) return { ok: false as const };
  forgetSessions({ userId: reset.userId });
  // Whoever can read the mailbox is the owner: a lock someone else caused on this account is lifted.
  const { email } = await db.user.findUniqueOrThrow({ where: { id: reset.userId }, select: { email: true } });
  await clearAttempts([throttleKeys.account(email)], throttleKeys.accountAtAddress(email, ""));
  return { ok: true as const, userId: reset.userId, session: await createSession(reset.userId, now, userAgent) };
}

export async function changePassword(userId: string, password: string) {
  const passwordHash = await hashPassword(password);
  await db.user.update({ where: { id: userId }, data: { passwordHash } });
  await invalidateUserSessions(userId);
  return createSession(userId);
}
