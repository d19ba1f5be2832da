// Who a verified eduID or SURFconext person is in Gilde. The key is (provider, sub), never the e-mail address: a
// known subject logs in; an unknown one with a new, verified address gets an account; an unknown one whose address
// belongs to a password account must prove that password first (never linked silently). Signed-in people link and
// unlink on /account.
import { Prisma } from "@prisma/client";
import { audit } from "~/audit/audit.server";
import { normalizeEmail, signIn } from "~/auth/account.server";
import { createSession } from "~/auth/session.server";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";
import { OIDC_PROVIDERS, type OidcErrorCode, type OidcProviderSlug } from "./oidc-provider-names";

export type VerifiedClaims = {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string;
  eppn: string | null;
  schacHomeOrganization: string | null;
};

/** A trip to the provider that ended without a login (or link); `code` picks the Dutch message. */
export class OidcFailure extends Error {
  constructor(
    readonly code: OidcErrorCode,
    readonly linking = false,
  ) {
    super(code);
  }
}

type Attempt = { id: string; userId: string | null; redirectTo: string };

const PASSWORD_WAIT_MS = 15 * 60 * 1000;

const details = (claims: VerifiedClaims, now: Date) => ({
  eppn: claims.eppn,
  schacHomeOrganization: claims.schacHomeOrganization,
  email: claims.email,
  lastLoginAt: now,
});

export async function resolveIdentity({
  attempt,
  slug,
  claims,
  clientIp,
  userAgent,
  now,
}: {
  attempt: Attempt;
  slug: OidcProviderSlug;
  claims: VerifiedClaims;
  clientIp: string;
  userAgent: string;
  now: Date;
}) {
  const provider = OIDC_PROVIDERS[slug].enumValue;
  const label = OIDC_PROVIDERS[slug].label;
  const known = await db.externalIdentity.findUnique({
    where: { provider_subject: { provider, subject: claims.subject } },
    select: { id: true, user: { select: { id: true, email: true, erasedAt: true } } },
  });
  await db.oidcLogin.update({ where: { id: attempt.id }, data: { finishedAt: now } });

  if (attempt.userId) {
    if (known && known.user.id !== attempt.userId) throw new OidcFailure("elders-gekoppeld", true);
    const user = await db.user.findUniqueOrThrow({ where: { id: attempt.userId }, select: { id: true, email: true } });
    if (known) {
      await db.externalIdentity.update({ where: { id: known.id }, data: details(claims, now) });
    } else {
      await db.externalIdentity.create({
        data: { provider, subject: claims.subject, userId: user.id, linkedAt: now, ...details(claims, now) },
      });
      await audit(
        db,
        { action: "oidc.link", actor: user, summary: `${label} gekoppeld vanaf Mijn account.`, ip: clientIp },
        now,
      );
    }
    return { kind: "linked" as const, label };
  }

  if (known) {
    if (known.user.erasedAt) throw new OidcFailure("account-op", false);
    await db.externalIdentity.update({ where: { id: known.id }, data: details(claims, now) });
    await audit(db, { action: "login", actor: known.user, summary: `Ingelogd met ${label}.`, ip: clientIp }, now);
    return signedIn(known.user.id, attempt, userAgent, now);
  }

  if (!claims.email || !claims.emailVerified) throw new OidcFailure("geen-email", false);
  const email = normalizeEmail(claims.email);
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) {
    // The address is someone's password account: wait for that password (/inloggen/koppelen).
    await db.oidcLogin.update({
      where: { id: attempt.id },
      data: {
        claims: { ...claims, provider: slug },
        finishedAt: null,
        expiresAt: new Date(now.getTime() + PASSWORD_WAIT_MS),
      },
    });
    return { kind: "needs-password" as const };
  }
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        // No password: this account logs in through the provider (or sets one via "wachtwoord vergeten").
        data: { name: claims.name || email.split("@")[0] || email, email, passwordHash: "", role: "PARTICIPANT" },
        select: { id: true, email: true },
      });
      await tx.externalIdentity.create({
        data: { provider, subject: claims.subject, userId: created.id, linkedAt: now, ...details(claims, now) },
      });
      await audit(
        tx,
        { action: "oidc.account", actor: created, summary: `Account gemaakt met ${label}.`, ip: clientIp },
        now,
      );
      await audit(tx, { action: "login", actor: created, summary: `Ingelogd met ${label}.`, ip: clientIp }, now);
      return created;
    });
    return signedIn(user.id, attempt, userAgent, now);
  } catch (error) {
    // The same person twice at once, or the address was just taken: let them start again.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new OidcFailure("verlopen", false);
    }
    throw error;
  }
}

async function signedIn(userId: string, attempt: Attempt, userAgent: string, now: Date) {
  return {
    kind: "signed-in" as const,
    redirectTo: attempt.redirectTo || "/dashboard",
    session: await createSession(userId, now, userAgent),
  };
}

/** The claims waiting for a password, for the linking page. */
export function waitingClaims(attempt: { claims: Prisma.JsonValue; finishedAt: Date | null; returnedAt: Date | null }) {
  if (!attempt.claims || attempt.finishedAt || !attempt.returnedAt) return null;
  const claims = attempt.claims as VerifiedClaims & { provider: OidcProviderSlug };
  if (!claims.email || !Object.hasOwn(OIDC_PROVIDERS, claims.provider)) return null;
  return claims;
}

/**
 * The person proved the password of the account with the provider's address: link and sign in. The password is
 * checked by `signIn`, so it is throttled and audited like any login.
 */
export async function linkWithPassword(
  attempt: {
    id: string;
    redirectTo: string;
    claims: Prisma.JsonValue;
    finishedAt: Date | null;
    returnedAt: Date | null;
  },
  password: string,
  { clientIp, userAgent = "", now = new Date() }: { clientIp: string; userAgent?: string; now?: Date },
) {
  const claims = waitingClaims(attempt);
  if (!claims?.email) throw new RefusedError("Het koppelen duurde te lang. Begin opnieuw bij Inloggen.", 410);
  const result = await signIn({ email: claims.email, password, clientIp, userAgent }, now);
  if (!result.ok) throw new RefusedError("", 400, { password: result.formError });
  const { count } = await db.oidcLogin.updateMany({
    where: { id: attempt.id, finishedAt: null },
    data: { finishedAt: now, claims: Prisma.DbNull },
  });
  if (count === 0) throw new RefusedError("Het koppelen duurde te lang. Begin opnieuw bij Inloggen.", 410);
  const provider = OIDC_PROVIDERS[claims.provider].enumValue;
  const user = await db.user.findUniqueOrThrow({ where: { id: result.userId }, select: { id: true, email: true } });
  await db.externalIdentity.upsert({
    where: { provider_subject: { provider, subject: claims.subject } },
    create: { provider, subject: claims.subject, userId: user.id, linkedAt: now, ...details(claims, now) },
    update: {},
  });
  await audit(
    db,
    {
      action: "oidc.link",
      actor: user,
      summary: `${OIDC_PROVIDERS[claims.provider].label} gekoppeld na het wachtwoord.`,
      ip: clientIp,
    },
    now,
  );
  return { session: result.session, redirectTo: attempt.redirectTo || "/dashboard" };
}

export const LAST_WAY_IN =
  "Dit is nu je enige manier om in te loggen. Kies eerst een wachtwoord via ‘Wachtwoord vergeten?’ op de inlogpagina; daarna kun je dit ontkoppelen.";

/** Unlinks one of your own provider accounts. Someone else's is "not found". */
export async function unlinkIdentity(user: { id: string; email: string }, identityId: string, ip: string) {
  const identity = await db.externalIdentity.findFirst({
    where: { id: identityId, userId: user.id },
    select: { id: true, provider: true, user: { select: { passwordHash: true } } },
  });
  if (!identity) throw new RefusedError("Deze koppeling bestaat niet (meer).", 404);
  const others = await db.externalIdentity.count({ where: { userId: user.id, id: { not: identity.id } } });
  if (!identity.user.passwordHash && others === 0) throw new RefusedError(LAST_WAY_IN, 409);
  await db.externalIdentity.delete({ where: { id: identity.id } });
  const label = identity.provider === "EDUID" ? "eduID" : "SURFconext";
  await audit(db, { action: "oidc.unlink", actor: user, summary: `${label} ontkoppeld.`, ip });
  return label;
}

const IDENTITY_SELECT = {
  id: true,
  provider: true,
  eppn: true,
  schacHomeOrganization: true,
  email: true,
  linkedAt: true,
  lastLoginAt: true,
} as const;

export function identitiesOf(userId: string) {
  return db.externalIdentity.findMany({ where: { userId }, select: IDENTITY_SELECT, orderBy: { linkedAt: "asc" } });
}

/** For the admin's user list: each user's linked provider accounts. */
export async function identitiesByUser(userIds: string[]) {
  const rows = await db.externalIdentity.findMany({
    where: { userId: { in: userIds } },
    select: { ...IDENTITY_SELECT, userId: true },
    orderBy: { linkedAt: "asc" },
  });
  const byUser: Record<string, typeof rows> = {};
  for (const row of rows) (byUser[row.userId] ??= []).push(row);
  return byUser;
}
