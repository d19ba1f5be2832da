// The admin's side of inviting staff: invite a trainer (for some cohorts, or none) or a co-admin by e-mail, list the
// open invitations, resend one (a new link; the old one stops working) and withdraw one. Every step is in the audit
// log. The link's token is mailed once and only its SHA-256 is kept.
import { Prisma } from "@prisma/client";
import { audit } from "~/audit/audit.server";
import { randomToken, sha256 } from "~/auth/tokens.server";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";
import { queueMail } from "~/notifications/outbox.server";
import { nudgeOutbox } from "~/notifications/sender.server";
import { invitationMail } from "./mail.server";
import { hasRole, roleWords, type InvitedRole } from "./words";

type Tx = Prisma.TransactionClient;
type Admin = { id: string; name: string; email: string };

export const INVITATION_DAYS = 7;
const LIFETIME_MS = INVITATION_DAYS * 24 * 60 * 60 * 1000;

export type InviteInput = { email: string; name: string; role: InvitedRole; cohortIds: string[] };

/** Open: neither accepted nor withdrawn (an expired one is still open: it can be sent again). */
const OPEN = { acceptedAt: null, withdrawnAt: null } satisfies Prisma.InvitationWhereInput;

const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** The open invitations, newest first, and what the invite form offers. */
export async function invitationsOverview() {
  const [invitations, cohorts] = await Promise.all([
    db.invitation.findMany({
      where: OPEN,
      orderBy: { lastSentAt: "desc" },
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        lastSentAt: true,
        expiresAt: true,
        sentCount: true,
        invitedBy: { select: { name: true } },
        cohorts: { select: { cohort: { select: { name: true } } }, orderBy: { cohort: { startsOn: "desc" } } },
      },
    }),
    // A trainer is invited for a cohort that has not ended yet.
    db.cohort.findMany({
      where: { endsOn: { gte: new Date(new Date().toISOString().slice(0, 10)) } },
      orderBy: { startsOn: "desc" },
      select: { id: true, name: true },
    }),
  ]);
  const accounts = await db.user.findMany({
    where: { email: { in: invitations.map((i) => i.email) }, erasedAt: null },
    select: { email: true, role: true },
  });
  const roles = new Map(accounts.map((a) => [a.email, a.role]));
  return {
    cohorts,
    invitations: invitations.map(({ cohorts: links, ...invitation }) => ({
      ...invitation,
      cohortNames: links.map((link) => link.cohort.name),
      /** The role of the account the address already has (admins may see users anyway), or null. */
      accountRole: roles.get(invitation.email) ?? null,
    })),
  };
}

export type InviteResult =
  | { status: "sent"; existingAccount: string | null }
  | { status: "already-open"; invitation: { id: string; email: string; lastSentAt: Date } };

/**
 * Invites someone. An address with an open invitation gets no second one (the caller offers to resend it). An
 * existing account gets the role added when they accept; one that already has the role and is invited for no
 * cohort would gain nothing, and is refused.
 */
export async function inviteStaff(admin: Admin, input: InviteInput, now = new Date()): Promise<InviteResult> {
  const email = normalizeEmail(input.email);
  const open = await db.invitation.findFirst({ where: { email, ...OPEN }, select: { id: true, lastSentAt: true } });
  if (open) return { status: "already-open", invitation: { ...open, email } };
  const cohortIds = input.role === "TRAINER" ? [...new Set(input.cohortIds)] : [];
  const cohorts = await db.cohort.findMany({ where: { id: { in: cohortIds } }, select: { id: true, name: true } });
  if (cohorts.length !== cohortIds.length) {
    throw new RefusedError("Een van de gekozen groepen bestaat niet meer. Laad de pagina opnieuw.", 400);
  }
  const account = await db.user.findUnique({ where: { email }, select: { role: true, erasedAt: true } });
  const existing = account && !account.erasedAt ? account : null;
  if (existing && hasRole(existing.role, input.role) && cohorts.length === 0) {
    const message =
      existing.role === "ADMIN"
        ? "Dit adres hoort bij iemand die al beheerder is. Een uitnodiging voegt niets toe."
        : "Dit adres hoort bij iemand die al trainer is. Kies de groep waarvoor je hen uitnodigt, of koppel hen op de pagina van de groep.";
    throw new RefusedError("De uitnodiging is niet verstuurd: zie het e-mailadres.", 409, { email: message });
  }
  const token = randomToken();
  try {
    await db.$transaction(async (tx) => {
      const invitation = await tx.invitation.create({
        data: {
          email,
          name: input.name.trim(),
          role: input.role,
          tokenHash: sha256(token),
          invitedById: admin.id,
          createdAt: now,
          lastSentAt: now,
          expiresAt: new Date(now.getTime() + LIFETIME_MS),
          cohorts: { create: cohorts.map((cohort) => ({ cohortId: cohort.id })) },
        },
        select: { id: true, expiresAt: true },
      });
      await sendMail(tx, {
        to: email,
        name: input.name,
        inviter: admin.name,
        role: input.role,
        cohortNames: cohorts.map((c) => c.name),
        token,
        expiresAt: invitation.expiresAt,
        existingAccount: Boolean(existing),
      });
      await audit(tx, {
        action: "invitation.send",
        actor: admin,
        subjectId: invitation.id,
        summary: `${email} uitgenodigd als ${roleWords(
          input.role,
          cohorts.map((c) => c.name),
        )}.`,
      });
    });
  } catch (error) {
    // Another admin invited the same address a moment ago: the partial unique index keeps one open invitation.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const raced = await db.invitation.findFirst({
        where: { email, ...OPEN },
        select: { id: true, lastSentAt: true },
      });
      if (raced) return { status: "already-open", invitation: { ...raced, email } };
    }
    throw error;
  }
  nudgeOutbox();
  return { status: "sent", existingAccount: existing?.role ?? null };
}

/** A new link with a new week to accept it; the previous link stops working at once. */
export async function resendInvitation(admin: Admin, invitationId: string, now = new Date()) {
  const token = randomToken();
  const email = await db.$transaction(async (tx) => {
    const invitation = await openInvitation(tx, invitationId);
    const expiresAt = new Date(now.getTime() + LIFETIME_MS);
    await tx.invitation.update({
      where: { id: invitation.id },
      data: { tokenHash: sha256(token), expiresAt, lastSentAt: now, sentCount: { increment: 1 } },
    });
    const account = await tx.user.findUnique({ where: { email: invitation.email }, select: { erasedAt: true } });
    await sendMail(tx, {
      to: invitation.email,
      name: invitation.name,
      inviter: admin.name,
      role: invitation.role,
      cohortNames: invitation.cohorts.map((c) => c.cohort.name),
      token,
      expiresAt,
      existingAccount: Boolean(account && !account.erasedAt),
    });
    await audit(tx, {
      action: "invitation.resend",
      actor: admin,
      subjectId: invitation.id,
      summary: `Uitnodiging voor ${invitation.email} opnieuw verstuurd (keer ${invitation.sentCount + 1}).`,
    });
    return invitation.email;
  });
  nudgeOutbox();
  return { email };
}

/** The link then answers "ingetrokken"; the invitation leaves the list. */
export async function withdrawInvitation(admin: Admin, invitationId: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const invitation = await openInvitation(tx, invitationId);
    await tx.invitation.update({ where: { id: invitation.id }, data: { withdrawnAt: now } });
    await audit(tx, {
      action: "invitation.withdraw",
      actor: admin,
      subjectId: invitation.id,
      summary: `Uitnodiging voor ${invitation.email} ingetrokken.`,
    });
    return { email: invitation.email };
  });
}

async function openInvitation(tx: Tx, id: string) {
  // Locks the row: a resend and a withdrawal (or an accept) at the same moment happen one after the other.
  await tx.$queryRaw`SELECT 1 FROM "Invitation" WHERE id = ${id} FOR UPDATE`;
  const invitation = await tx.invitation.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      sentCount: true,
      acceptedAt: true,
      withdrawnAt: true,
      cohorts: { select: { cohort: { select: { name: true } } } },
    },
  });
  if (!invitation) throw new RefusedError("Deze uitnodiging bestaat niet meer. Laad de pagina opnieuw.", 404);
  if (invitation.acceptedAt) {
    throw new RefusedError("Deze uitnodiging is inmiddels aangenomen: er is niets meer te versturen.", 409);
  }
  if (invitation.withdrawnAt) throw new RefusedError("Deze uitnodiging is al ingetrokken.", 409);
  return invitation;
}

function sendMail(tx: Tx, mail: Parameters<typeof invitationMail>[0] & { to: string }) {
  return queueMail(tx, { to: mail.to, ...invitationMail(mail) });
}
