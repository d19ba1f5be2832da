// Changing your own password on /account: it asks the current one, keeps this session and ends every other one
// (a phone left somewhere is signed out), and tells the owner by mail.
import { audit } from "~/audit/audit.server";
import { hashPassword } from "~/auth/password.server";
import { forgetSessions, type SessionUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { appUrl } from "~/env.server";
import { queueMail } from "~/notifications/outbox.server";
import { nudgeOutbox } from "~/notifications/sender.server";
import { greeting, SIGNATURE } from "~/notifications/signature";
import { requireCurrentPassword } from "./current-password.server";

/** Returns how many other sessions were ended. */
export async function changeOwnPassword(
  user: SessionUser,
  sessionId: string,
  { currentPassword, newPassword, ip }: { currentPassword: string; newPassword: string; ip?: string },
  now = new Date(),
): Promise<number> {
  await requireCurrentPassword(user.id, currentPassword, now);
  const passwordHash = await hashPassword(newPassword);
  const ended = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    // A reset link mailed earlier would set the password back to something else: it no longer works.
    await tx.passwordReset.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
    const { count } = await tx.session.deleteMany({ where: { userId: user.id, id: { not: sessionId } } });
    await audit(
      tx,
      {
        action: "password.change",
        actor: user,
        subjectId: user.id,
        summary: `Wachtwoord gewijzigd op de accountpagina; ${count} andere sessie(s) beëindigd.`,
        ip,
      },
      now,
    );
    await queueMail(tx, {
      to: user.email,
      subject: "Je wachtwoord voor Gilde is gewijzigd",
      text:
        `${greeting(user.name)}\n\n` +
        `Het wachtwoord van je Gilde-account is zojuist gewijzigd. Op andere apparaten ben je uitgelogd.\n\n` +
        `Was jij dit niet? Kies dan meteen een nieuw wachtwoord via ${appUrl()}/wachtwoord-vergeten ` +
        `en laat het de beheerder weten.\n\n${SIGNATURE}`,
    });
    return count;
  });
  forgetSessions({ userId: user.id });
  nudgeOutbox();
  return ended;
}
