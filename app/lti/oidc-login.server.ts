// Logging in with eduID or SURFconext: OpenID Connect's authorization code flow with PKCE (openid-client 6). The
// state, nonce and PKCE verifier stay on the server (OidcLogin); the browser only holds a short-lived cookie that
// names its row, and the callback can use a row once. What happens to the verified person is in oidc-accounts.
import * as oidc from "openid-client";
import { z } from "zod";
import { audit } from "~/audit/audit.server";
import { safeRedirect } from "~/auth/redirect";
import { constantTimeEqual, randomToken, sha256 } from "~/auth/tokens.server";
import { db } from "~/db.server";
import { cookieSecure } from "~/env.server";
import { OidcFailure, resolveIdentity, type VerifiedClaims } from "./oidc-accounts.server";
import { OIDC_PROVIDERS, type OidcErrorCode, type OidcProviderSlug } from "./oidc-provider-names";
import { callbackUrl, discover, providerConfig, type ProviderConfig } from "./oidc-providers.server";

const ATTEMPT_COOKIE = "gilde_oidc";
const ATTEMPT_LIFETIME_MS = 10 * 60 * 1000;
const SCOPE = "openid profile email";

function attemptCookie(value: string, maxAgeSeconds: number): string {
  return [
    `${ATTEMPT_COOKIE}=${value}`,
    "HttpOnly",
    // Lax: the provider sends the browser back with a top-level GET, which carries Lax cookies.
    "SameSite=Lax",
    "Path=/inloggen",
    `Max-Age=${maxAgeSeconds}`,
    ...(cookieSecure() ? ["Secure"] : []),
  ].join("; ");
}

export const clearedAttemptCookie = () => attemptCookie("", 0);

/**
 * Sends the browser to the provider. `userId` is set when a signed-in person links the provider from /account.
 * Returns where to go and the cookie to set.
 */
export async function startOidcLogin(
  provider: ProviderConfig,
  { redirectTo = "", userId = null, now = new Date() }: { redirectTo?: string; userId?: string | null; now?: Date },
) {
  let config: oidc.Configuration;
  try {
    config = await discover(provider);
  } catch {
    throw new OidcFailure("onbereikbaar", userId !== null);
  }
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const id = randomToken();
  const secret = randomToken();
  // Old attempts are of no use to anyone: sweep them while we are here.
  await db.oidcLogin.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } } });
  await db.oidcLogin.create({
    data: {
      id,
      secretHash: sha256(secret),
      provider: OIDC_PROVIDERS[provider.slug].enumValue,
      stateHash: sha256(state),
      codeVerifier,
      nonce,
      redirectTo: safeRedirect(redirectTo, ""),
      userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + ATTEMPT_LIFETIME_MS),
    },
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrl(provider.slug),
    scope: SCOPE,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { url: url.href, cookie: attemptCookie(`${id}.${secret}`, ATTEMPT_LIFETIME_MS / 1000) };
}

function readAttemptCookie(request: Request): { id: string; secret: string } | null {
  const raw = (request.headers.get("Cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${ATTEMPT_COOKIE}=`))
    ?.slice(ATTEMPT_COOKIE.length + 1);
  const match = raw ? /^([A-Za-z0-9_-]{20,64})\.([A-Za-z0-9_-]{20,64})$/.exec(raw) : null;
  return match?.[1] && match[2] ? { id: match[1], secret: match[2] } : null;
}

/** The attempt this browser's cookie names, if its secret matches and it has not expired. */
export async function attemptOf(request: Request, now = new Date()) {
  const token = readAttemptCookie(request);
  if (!token) return null;
  const attempt = await db.oidcLogin.findUnique({
    where: { id: token.id },
    select: {
      id: true,
      secretHash: true,
      provider: true,
      stateHash: true,
      codeVerifier: true,
      nonce: true,
      redirectTo: true,
      userId: true,
      expiresAt: true,
      returnedAt: true,
      claims: true,
      finishedAt: true,
    },
  });
  if (!attempt || attempt.expiresAt <= now) return null;
  if (!constantTimeEqual(attempt.secretHash, sha256(token.secret))) return null;
  return attempt;
}

const Claims = z.object({
  sub: z.string().min(1).max(255),
  email: z.string().max(320).optional(),
  email_verified: z.union([z.boolean(), z.enum(["true", "false"])]).optional(),
  name: z.string().max(300).optional(),
  given_name: z.string().max(200).optional(),
  family_name: z.string().max(200).optional(),
  eduperson_principal_name: z.string().max(320).optional(),
  schac_home_organization: z.string().max(255).optional(),
});

function failureCode(error: unknown): OidcErrorCode {
  if (error instanceof oidc.AuthorizationResponseError) {
    return error.error === "access_denied" ? "geweigerd" : "mislukt";
  }
  // fetch failed, a refused connection or a time-out: the provider is not there.
  const cause = error instanceof Error ? error.cause : undefined;
  if (error instanceof TypeError || (error instanceof Error && /abort|timeout/i.test(error.name)))
    return "onbereikbaar";
  if (cause instanceof TypeError || (cause instanceof Error && /abort|timeout/i.test(cause.name)))
    return "onbereikbaar";
  return "mislukt";
}

/**
 * The provider sent the browser back. Checks the attempt (cookie, state, single use), exchanges the code with
 * PKCE, validates the ID token (issuer, audience, nonce, expiry: openid-client) and reads the userinfo, then hands
 * the verified person to `resolveIdentity`.
 */
export async function finishOidcLogin(
  request: Request,
  slug: OidcProviderSlug,
  { clientIp = "", userAgent = "", now = new Date() }: { clientIp?: string; userAgent?: string; now?: Date } = {},
) {
  const provider = providerConfig(slug);
  if (!provider) throw new OidcFailure("verlopen");
  const attempt = await attemptOf(request, now);
  const url = new URL(request.url);
  const state = url.searchParams.get("state") ?? "";
  if (!attempt || attempt.provider !== OIDC_PROVIDERS[slug].enumValue || attempt.returnedAt) {
    throw new OidcFailure("verlopen", Boolean(attempt?.userId));
  }
  const linking = attempt.userId !== null;
  // Claimed before anything else: a replayed callback finds the row used.
  const { count } = await db.oidcLogin.updateMany({
    where: { id: attempt.id, returnedAt: null },
    data: { returnedAt: now },
  });
  if (count === 0 || !constantTimeEqual(attempt.stateHash, sha256(state))) throw new OidcFailure("verlopen", linking);

  let claims: VerifiedClaims;
  try {
    const config = await discover(provider);
    // The redirect URI the provider knows, with the parameters it sent: behind a proxy request.url may differ.
    const current = new URL(callbackUrl(slug));
    current.search = url.search;
    const tokens = await oidc.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedNonce: attempt.nonce,
      expectedState: state,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) throw new OidcFailure("mislukt", linking);
    const userInfo = tokens.access_token ? await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub) : {};
    const parsed = Claims.parse({ ...idToken, ...userInfo, sub: idToken.sub });
    claims = {
      subject: parsed.sub,
      email: parsed.email?.trim().toLowerCase() || null,
      emailVerified: parsed.email_verified === true || parsed.email_verified === "true",
      name: (parsed.name ?? [parsed.given_name, parsed.family_name].filter(Boolean).join(" ")).trim().slice(0, 120),
      eppn: parsed.eduperson_principal_name ?? null,
      schacHomeOrganization: parsed.schac_home_organization ?? null,
    };
  } catch (error) {
    const code = error instanceof OidcFailure ? error.code : failureCode(error);
    await audit(db, {
      action: "oidc.failed",
      actor: null,
      subjectId: attempt.userId,
      summary: `${OIDC_PROVIDERS[slug].label}: ${code}${error instanceof Error && !(error instanceof OidcFailure) ? ` (${error.message.slice(0, 200)})` : ""}`,
      ip: clientIp,
    });
    throw new OidcFailure(code, linking);
  }
  return resolveIdentity({ attempt, slug, claims, clientIp, userAgent, now });
}
