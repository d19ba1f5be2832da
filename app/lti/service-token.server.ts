// Access tokens for the LTI services (AGS, NRPS): OAuth 2 client_credentials with a JWT client assertion signed by
// the tool's key (iss = sub = client id, aud = the platform's token URL). Kept in memory until shortly before they
// expire, per platform and set of scopes.
import { signAsTool } from "./keys.server";
import { LmsError, lmsFetch } from "./lms-fetch.server";

type Platform = { id: string; clientId: string; accessTokenUrl: string };

const MARGIN_MS = 30_000;
const cache = new Map<string, { token: string; until: number }>();

const keyOf = (platform: Platform, scopes: string[]) => `${platform.id} ${[...scopes].sort().join(" ")}`;

export async function serviceToken(platform: Platform, scopes: string[]): Promise<string> {
  const key = keyOf(platform, scopes);
  const known = cache.get(key);
  if (known && known.until > Date.now()) return known.token;
  const assertion = await signAsTool({ iss: platform.clientId, sub: platform.clientId, aud: platform.accessTokenUrl });
  const response = await lmsFetch(platform.accessTokenUrl, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: assertion,
      scope: scopes.join(" "),
    }).toString(),
  });
  if (!response.ok)
    throw new LmsError(
      `De leeromgeving gaf Gilde geen toegang (token geweigerd, HTTP ${response.status}). Controleer de client id en het token-adres.`,
    );
  const body = (await response.json().catch(() => ({}))) as { access_token?: unknown; expires_in?: unknown };
  if (typeof body.access_token !== "string")
    throw new LmsError("De leeromgeving stuurde geen bruikbaar toegangstoken terug.");
  const lifetimeS = typeof body.expires_in === "number" ? body.expires_in : 3600;
  cache.set(key, { token: body.access_token, until: Date.now() + lifetimeS * 1000 - MARGIN_MS });
  return body.access_token;
}

/** Forgets a token the platform no longer accepts (it answered 401). */
export function forgetServiceToken(platform: Platform, scopes: string[]) {
  cache.delete(keyOf(platform, scopes));
}

/** Forgets every token (the tests start each platform afresh). */
export function forgetServiceTokens() {
  cache.clear();
}
