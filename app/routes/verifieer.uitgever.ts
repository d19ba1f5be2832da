// The issuer profile at its stable URL (every credential's issuer id): name, URL, e-mail and every signing key
// as a Multikey, also the ones retired by a rotation, so older credentials keep verifying.
import { issuerProfile } from "~/credentials/issuer.server";

export async function loader() {
  return new Response(JSON.stringify(await issuerProfile(), null, 2), {
    headers: { "Content-Type": "application/ld+json; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
