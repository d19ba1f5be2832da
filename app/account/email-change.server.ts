// Changing your own e-mail address: asked on /account with the current password, confirmed through a link mailed
// to the new address (24 hours, once; only a SHA-256 of its secret is kept). The old address is told when the change
// is asked and when it is done. Nobody learns through this whether an address has an account: an address in use
// gets the same answer on screen, its owner a note that someone tried to use it, and nothing changes.
import { Prisma } from "@prisma/client";
import { audit } from "~/audit/audit.server";
import { normalizeEmail } from "~/auth/account.server";
import { forgetSessions, type SessionUser } from "~/auth/session.server";
import { RESET_PER_ACCOUNT } from "~/auth/throttle";
import { countAttempts } from "~/auth/throttle.server";
import { constantTimeEqual, randomToken, sha256 } from "~/auth/tokens.server";
import { db } from "~/db.server";
import { appUrl } from "~/env.server";
import { RefusedError } from "~/errors.server";
import { queueMail } from "~/notifications/outbox.server";
import { nudgeOutbox } from "~/notifications/sender.server";
import { greeting, SIGNATURE } from "~/notifications/signature";
import { requireCurrentPassword } from "./current-password.server";

const LIFETIME_MS = 24 * 60 * 60 * 1000;

export const EMAIL_CHANGE_INVALID =
  "Deze link om je e-mailadres te wijzigen is verlopen, al gebruikt of niet compleet. Er is niets veranderd. " +
  "Vraag op je accountpagina opnieuw een wijziging aan; je krijgt dan een nieuwe link.";

export const EMAIL_CHANGE_TAKEN =
  "Dit e-mailadres is inmiddels al in gebruik bij Gilde, dus we konden je adres niet wijzigen. Er is niets " +
  "veranderd: je logt nog in met je oude adres. Kies op je accountpagina een ander adres.";

/**
 * Asks to change the user's address to `newEmail`. Returns the address as it will be used (lower-cased, trimmed),
 * for the answer "we stuurden een link naar …", which is the same whether or not the address is free.
 */
export async function requestEmailChange(
  user: SessionUser,
  { email, currentPassword }: { email: string; currentPassword: string },
  now = new Date(),
): Promise<string> {
  const newEmail = normalizeEmail(email);
  await requireCurrentPassword(user.id, currentPassword, now);
  if (newEmail === user.email) {
    throw new RefusedError("", 400, {
      email: "Dit is al je e-mailadres. Vul het nieuwe adres in dat je wilt gebruiken.",
    });
  }
  // Mails anyone signed in can make us send to any address: a few an hour; past that nothing goes, the answer stays.
  const allowed = await countAttempts([[`email-change:${user.id}`, RESET_PER_ACCOUNT]], now);
  if (!allowed.allowed) return newEmail;

  const inUse = await db.user.findUnique({ where: { email: newEmail }, select: { name: true } });
  const id = randomToken();
  const secret = randomToken();
  await db.$transaction(async (tx) => {
    if (inUse) {
      await queueMail(tx, {
        to: newEmail,
        subject: "Iemand wilde dit adres gebruiken voor Gilde",
        text:
          `${greeting(inUse.name)}\n\n` +
          `Iemand wilde dit e-mailadres gebruiken voor een ander Gilde-account. Het hoort al bij jouw account, ` +
          `dus er is niets veranderd en dat blijft zo.\n\n` +
          `Je hoeft niets te doen. Vertrouw je het niet? Kies dan een nieuw wachtwoord via ${appUrl()}/wachtwoord-vergeten\n\n` +
          SIGNATURE,
      });
    } else {
      await tx.emailChange.create({
        data: {
          id,
          tokenHash: sha256(secret),
          userId: user.id,
          newEmail,
          createdAt: now,
          expiresAt: new Date(now.getTime() + LIFETIME_MS),
        },
      });
      await queueMail(tx, {
        to: newEmail,
        subject: "Bevestig je nieuwe e-mailadres voor Gilde",
        text:
          `${greeting(user.name)}\n\n` +
          `Je wilt dit adres voortaan gebruiken voor Gilde. Open deze link om dat te bevestigen; hij werkt één keer ` +
          `en blijft 24 uur geldig:\n\n${appUrl()}/account/e-mailadres/${id}.${secret}\n\n` +
          `Tot je de link opent, blijft je oude adres (${user.email}) in gebruik.\n\n` +
          `Heb je dit niet zelf gevraagd? Dan kun je dit bericht negeren; er verandert niets.\n\n${SIGNATURE}`,
      });
    }
    // The old address hears of it either way (so its reader cannot tell from this whether the new one is in use).
    await queueMail(tx, {
      to: user.email,
      subject: "Je vroeg om een ander e-mailadres voor Gilde",
      text:
        `${greeting(user.name)}\n\n` +
        `Op je accountpagina is gevraagd om voortaan ${newEmail} te gebruiken in plaats van dit adres. ` +
        `Er is nog niets veranderd: dat gebeurt pas als de link in de mail aan het nieuwe adres wordt geopend.\n\n` +
        `Was jij dit niet? Kies dan meteen een nieuw wachtwoord via ${appUrl()}/wachtwoord-vergeten ` +
        `en laat het de beheerder weten. Zonder de link verandert er niets.\n\n${SIGNATURE}`,
    });
  });
  nudgeOutbox();
  return newEmail;
}

async function findUsableChange(token: string, now: Date) {
  const [id, secret] = token.split(".");
  if (!id || !secret) return null;
  const change = await db.emailChange.findUnique({
    where: { id },
    select: {
      id: true,
      tokenHash: true,
      newEmail: true,
      expiresAt: true,
      usedAt: true,
      user: { select: { id: true, name: true, email: true, erasedAt: true } },
    },
  });
  if (!change || change.usedAt || change.expiresAt <= now || change.user.erasedAt) return null;
  if (!constantTimeEqual(change.tokenHash, sha256(secret))) return null;
  return change;
}

/** What the link page shows before the button is pressed: the new address, or null when the link is no good. */
export async function checkEmailChangeToken(token: string, now = new Date()) {
  const change = await findUsableChange(token, now);
  return change ? { newEmail: change.newEmail } : null;
}

export type EmailChangeOutcome = { ok: true; newEmail: string } | { ok: false; message: string };

/** Changes the address (once per link), tells the old address, and ends nothing: the owner stays signed in. */
export async function confirmEmailChange(token: string, now = new Date()): Promise<EmailChangeOutcome> {
  const change = await findUsableChange(token, now);
  if (!change) return { ok: false, message: EMAIL_CHANGE_INVALID };
  const { user, newEmail } = change;
  let outcome: EmailChangeOutcome;
  try {
    outcome = await db.$transaction(async (tx): Promise<EmailChangeOutcome> => {
      const { count } = await tx.emailChange.updateMany({
        where: { id: change.id, usedAt: null },
        data: { usedAt: now },
      });
      if (count === 0) return { ok: false, message: EMAIL_CHANGE_INVALID };
      if (await tx.user.findUnique({ where: { email: newEmail }, select: { id: true } })) {
        return { ok: false, message: EMAIL_CHANGE_TAKEN };
      }
      await tx.user.update({ where: { id: user.id }, data: { email: newEmail } });
      // Other links of this account, for the address or a password, were mailed for the old situation.
      await tx.emailChange.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
      await tx.passwordReset.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
      await audit(
        tx,
        {
          action: "email.change",
          actor: { id: user.id, email: newEmail },
          subjectId: user.id,
          summary: `E-mailadres gewijzigd van ${user.email} naar ${newEmail}.`,
        },
        now,
      );
      await queueMail(tx, {
        to: user.email,
        subject: "Je e-mailadres voor Gilde is gewijzigd",
        text:
          `${greeting(user.name)}\n\n` +
          `Je Gilde-account gebruikt vanaf nu ${newEmail}. Op dit adres krijg je geen berichten van Gilde meer.\n\n` +
          `Was jij dit niet? Neem dan meteen contact op met de beheerder van de leergang, en antwoord niet op ` +
          `berichten die om je wachtwoord vragen.\n\n${SIGNATURE}`,
      });
      return { ok: true, newEmail };
    });
  } catch (error) {
    // Taken by someone else between the check and the update: the unique index says so.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, message: EMAIL_CHANGE_TAKEN };
    }
    throw error;
  }
  if (outcome.ok) {
    forgetSessions({ userId: user.id });
    nudgeOutbox();
  }
  return outcome;
}
