// The invitee's side: what the link says (open, expired, used, withdrawn or unknown), and accepting it, either by
// making a new account with the invited role or, for an address that has an account, by adding the role to it (never
// taking one away: an admin invited as trainer stays admin). Either way the staff rows for the cohorts come along.
import type { Prisma } from "@prisma/client";
import { audit } from "~/audit/audit.server";
import { hashPassword } from "~/auth/password.server";
import { createSession, forgetSessions } from "~/auth/session.server";
import { sha256 } from "~/auth/tokens.server";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";
import { ROLE_LABELS } from "~/format";
import { hasRole, roleWords } from "./words";

type Tx = Prisma.TransactionClient;

export type InvitationState = "open" | "expired" | "accepted" | "withdrawn" | "unknown";

/** What the invitee reads when the link no longer works, and what to do about it. */
export const CLOSED_MESSAGES: Record<Exclude<InvitationState, "open">, { title: string; text: string }> = {
  expired: {
    title: "Deze uitnodiging is verlopen",
    text: "Een uitnodiging blijft een week geldig, en deze week is voorbij. Vraag de beheerder die je uitnodigde om je opnieuw uit te nodigen; je krijgt dan een nieuwe link.",
  },
  accepted: {
    title: "Deze uitnodiging is al gebruikt",
    text: "Met deze link is al een account gemaakt of een rol toegevoegd. Log in met je e-mailadres en wachtwoord. Weet je je wachtwoord niet meer? Vraag dan een nieuw aan.",
  },
  withdrawn: {
    title: "Deze uitnodiging is ingetrokken",
    text: "De beheerder heeft deze uitnodiging ingetrokken, dus de link werkt niet meer. Denk je dat dit niet klopt? Vraag de beheerder om een nieuwe uitnodiging.",
  },
  unknown: {
    title: "Deze link werkt niet",
    text: "De link is niet (meer) geldig. Is de uitnodiging opnieuw verstuurd? Dan werkt alleen de link uit de nieuwste e-mail. Lukt het niet, vraag de beheerder dan om een nieuwe uitnodiging.",
  },
};

const SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  expiresAt: true,
  acceptedAt: true,
  withdrawnAt: true,
  invitedBy: { select: { name: true } },
  cohorts: { select: { cohort: { select: { id: true, name: true } } }, orderBy: { cohort: { startsOn: "desc" } } },
} satisfies Prisma.InvitationSelect;

type Row = Prisma.InvitationGetPayload<{ select: typeof SELECT }>;

function stateOf(row: Row | null, now: Date): InvitationState {
  if (!row) return "unknown";
  if (row.acceptedAt) return "accepted";
  if (row.withdrawnAt) return "withdrawn";
  return row.expiresAt <= now ? "expired" : "open";
}

const wellFormed = (token: string) => /^[A-Za-z0-9_-]{20,64}$/.test(token);

/** The invitation behind a link, as the accept page shows it (no ids but the cohorts', no token). */
export async function readInvitation(token: string, now = new Date()) {
  const row = wellFormed(token)
    ? await db.invitation.findUnique({ where: { tokenHash: sha256(token) }, select: SELECT })
    : null;
  const state = stateOf(row, now);
  if (!row || state !== "open") return { state: state as Exclude<InvitationState, "open">, invitation: null };
  const account = await db.user.findUnique({ where: { email: row.email }, select: { erasedAt: true } });
  const cohorts = row.cohorts.map((c) => c.cohort);
  return {
    state: "open" as const,
    invitation: {
      email: row.email,
      name: row.name,
      role: row.role,
      what: roleWords(
        row.role,
        cohorts.map((c) => c.name),
      ),
      inviter: row.invitedBy.name,
      expiresAt: row.expiresAt,
      hasAccount: Boolean(account && !account.erasedAt),
    },
  };
}

/** Locks the invitation behind the token and refuses, in the page's words, if it cannot be accepted now. */
async function claim(tx: Tx, token: string, now: Date) {
  if (!wellFormed(token)) throw closed("unknown");
  const tokenHash = sha256(token);
  await tx.$queryRaw`SELECT 1 FROM "Invitation" WHERE "tokenHash" = ${tokenHash} FOR UPDATE`;
  const row = await tx.invitation.findUnique({ where: { tokenHash }, select: SELECT });
  const state = stateOf(row, now);
  if (!row || state !== "open") throw closed(state === "open" ? "unknown" : state);
  await tx.invitation.update({ where: { id: row.id }, data: { acceptedAt: now } });
  return row;
}

function closed(state: Exclude<InvitationState, "open">) {
  return new RefusedError(CLOSED_MESSAGES[state].text, 410);
}

async function addStaff(tx: Tx, userId: string, row: Row) {
  await tx.cohortStaff.createMany({
    data: row.cohorts.map(({ cohort }) => ({ cohortId: cohort.id, userId })),
    skipDuplicates: true,
  });
}

/** Where someone lands after accepting: in (the first of) their cohorts, else where their role starts. */
function landingFor(role: string, row: Row): string {
  const first = row.cohorts[0]?.cohort;
  if (first) return `/opdrachten/groep/${first.id}`;
  return role === "ADMIN" ? "/beheer" : "/dashboard";
}

function welcome(name: string, row: Row): string {
  const first = name.trim().split(/\s+/)[0] ?? "";
  const what = roleWords(
    row.role,
    row.cohorts.map((c) => c.cohort.name),
  );
  return `Welkom bij Gilde${first ? `, ${first}` : ""}. Je bent nu ${what}.`;
}

const ACCOUNT_EXISTS =
  "Er is al een Gilde-account met dit e-mailadres. Log in met dat account; daarna kun je de uitnodiging aannemen.";

/** A new account with the invited role, signed in. */
export async function acceptWithNewAccount(
  token: string,
  input: { name: string; password: string; userAgent?: string },
  now = new Date(),
) {
  const passwordHash = await hashPassword(input.password);
  const name = input.name.trim();
  const accepted = await db.$transaction(async (tx) => {
    const row = await claim(tx, token, now);
    if (await tx.user.findUnique({ where: { email: row.email }, select: { id: true } })) {
      throw new RefusedError(ACCOUNT_EXISTS, 409);
    }
    const user = await tx.user.create({
      data: { name, email: row.email, passwordHash, role: row.role },
      select: { id: true, email: true },
    });
    await addStaff(tx, user.id, row);
    await audit(
      tx,
      {
        action: "invitation.accept",
        actor: user,
        subjectId: row.id,
        summary: `${name} (${row.email}) nam de uitnodiging aan en is nu ${roleWords(
          row.role,
          row.cohorts.map((c) => c.cohort.name),
        )}.`,
      },
      now,
    );
    return { userId: user.id, row };
  });
  return {
    session: await createSession(accepted.userId, now, input.userAgent),
    landing: landingFor(accepted.row.role, accepted.row),
    message: welcome(name, accepted.row),
  };
}

/** The signed-in owner of the invited address takes the role (if it is more than theirs) and the cohorts. */
export async function acceptForAccount(
  token: string,
  user: { id: string; name: string; email: string; role: string },
  now = new Date(),
) {
  const result = await db.$transaction(async (tx) => {
    const row = await claim(tx, token, now);
    if (row.email !== user.email) {
      throw new RefusedError(
        `Deze uitnodiging is voor ${row.email}, en je bent ingelogd als ${user.email}. Log uit en log in met het uitgenodigde adres.`,
        403,
      );
    }
    const role = hasRole(user.role, row.role) ? user.role : row.role;
    if (role !== user.role) await tx.user.update({ where: { id: user.id }, data: { role: row.role } });
    await addStaff(tx, user.id, row);
    const change = role !== user.role ? ` (van ${ROLE_LABELS[user.role]} naar ${ROLE_LABELS[role]})` : "";
    await audit(
      tx,
      {
        action: "invitation.accept",
        actor: user,
        subjectId: row.id,
        summary: `${user.name} (${user.email}) nam de uitnodiging aan als ${roleWords(
          row.role,
          row.cohorts.map((c) => c.cohort.name),
        )}${change}.`,
      },
      now,
    );
    return { role, row };
  });
  // The new role counts from this request on (sessions remember the role for a few seconds).
  forgetSessions({ userId: user.id });
  return { landing: landingFor(result.role, result.row), message: welcome(user.name, result.row) };
}
