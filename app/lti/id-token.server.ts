// Checks an id_token from a platform: signature against the platform's JWKS, iss, aud/azp, exp and iat with 60 s
// of clock skew, a maximum age, and the LTI claims. Every refusal is a Dutch sentence; the technical reason is
// logged for whoever looks into it.
import { errors, jwtVerify } from "jose";
import { RefusedError } from "~/errors.server";
import { claimProblem, LaunchClaims } from "./claims";
import { platformKeys } from "./platform-keys.server";

const CLOCK_SKEW_S = 60;
/** A launch's id_token is used within seconds; an older one is a replay or a stuck browser. */
const MAX_TOKEN_AGE_S = 10 * 60;

type Platform = { issuer: string; clientId: string; jwksUrl: string };

const REFUSED =
  "De gegevens van de leeromgeving konden niet worden gecontroleerd. Start Gilde opnieuw vanuit de cursus.";

export async function verifyIdToken(idToken: string, platform: Platform, now = new Date()): Promise<LaunchClaims> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(idToken, platformKeys(platform.jwksUrl), {
      issuer: platform.issuer,
      audience: platform.clientId,
      algorithms: ["RS256"],
      clockTolerance: CLOCK_SKEW_S,
      maxTokenAge: MAX_TOKEN_AGE_S,
      requiredClaims: ["exp", "iat", "sub", "nonce"],
      currentDate: now,
    }));
  } catch (error) {
    console.warn(`LTI id_token geweigerd: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof errors.JWTExpired)
      throw new RefusedError(
        "Deze start vanuit de leeromgeving is verlopen. Start Gilde opnieuw vanuit de cursus.",
        401,
      );
    throw new RefusedError(REFUSED, 401);
  }
  const parsed = LaunchClaims.safeParse(payload);
  if (!parsed.success) throw new RefusedError(claimProblem(parsed.error), 400);
  const claims = parsed.data;
  // With several audiences the token must say it was meant for us (azp); a single one must be ours (checked above).
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if ((audiences.length > 1 || claims.azp !== undefined) && claims.azp !== platform.clientId) {
    console.warn("LTI id_token geweigerd: azp is niet onze client id");
    throw new RefusedError(REFUSED, 401);
  }
  return claims;
}
