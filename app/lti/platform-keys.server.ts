// The platforms' public keys (their JWKS), fetched when first needed and kept for ten minutes. A token signed with
// a key we do not know yet (the platform rotated its keys) makes us fetch the JWKS again, once per launch.
import { createLocalJWKSet, errors, type JWSHeaderParameters, type JSONWebKeySet } from "jose";

const KEEP_MS = 10 * 60 * 1000;
const FETCH_TIMEOUT_MS = 5000;

type Entry = { keys: ReturnType<typeof createLocalJWKSet>; until: number };
const cache = new Map<string, Entry>();

async function fetchJwks(url: string): Promise<Entry> {
  const response = await fetch(url, {
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    headers: { Accept: "application/json" },
  });
  if (!response.ok) throw new Error(`JWKS ${url}: HTTP ${response.status}`);
  const entry = { keys: createLocalJWKSet((await response.json()) as JSONWebKeySet), until: Date.now() + KEEP_MS };
  cache.set(url, entry);
  return entry;
}

/** A key resolver for jose's jwtVerify, for the platform's JWKS at `url`. */
export function platformKeys(url: string) {
  return async (header: JWSHeaderParameters) => {
    const known = cache.get(url);
    const entry = known && known.until > Date.now() ? known : await fetchJwks(url);
    try {
      return await entry.keys(header);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey) || entry !== known) throw error;
      return (await fetchJwks(url)).keys(header);
    }
  };
}

/** Forgets every fetched JWKS (the tests start each platform afresh). */
export function forgetPlatformKeys() {
  cache.clear();
}
