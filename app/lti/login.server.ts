// Step one of an LTI 1.3 launch, the OIDC third-party-initiated login (/lti/login): the platform names itself
// (issuer, client id), we make a state and a nonce, keep them server-side and send the browser to the platform's
// authorisation endpoint, which posts the id_token back to /lti/launch.
import { z } from "zod";
import { randomToken, sha256 } from "~/auth/tokens.server";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";
import { platformOrigins } from "./platforms.server";
import { FramedRefusal } from "./requests.server";
import { toolConfiguration } from "./tool-config";

export const STATE_LIFETIME_MS = 10 * 60 * 1000;

const LoginParams = z.object({
  iss: z.string().min(1).max(500),
  login_hint: z.string().min(1).max(2000),
  target_link_uri: z.string().min(1).max(2000),
  client_id: z.string().min(1).max(255).optional(),
  lti_message_hint: z.string().max(4000).optional(),
  lti_deployment_id: z.string().max(255).optional(),
  lti_storage_target: z.string().max(100).optional(),
});

export const PLATFORM_PENDING =
  "Deze leeromgeving heeft zich bij Gilde aangemeld, maar de beheerder van Gilde heeft de koppeling nog niet goedgekeurd. Probeer het later opnieuw; duurt het lang, vraag het dan de beheerder van je leeromgeving.";

const UNKNOWN_PLATFORM =
  "Deze leeromgeving is (nog) niet bij Gilde geregistreerd. Vraag de beheerder van Gilde om haar toe te voegen op de pagina LTI-koppelingen.";

export type LoginStart = {
  state: string;
  /** Where the browser goes next: the platform's authorisation endpoint with our request. */
  authUrl: string;
  /** The platform's own origin, to which the Platform Storage messages go. */
  platformOrigin: string;
  storageTarget: string | null;
};

export async function startLogin(
  input: Record<string, string>,
  baseUrl: string,
  signedInUserId: string | null,
  now = new Date(),
): Promise<LoginStart> {
  const parsed = LoginParams.safeParse(input);
  if (!parsed.success)
    throw new RefusedError("De leeromgeving stuurde een onvolledige startaanvraag. Probeer de link opnieuw.", 400);
  const params = parsed.data;
  // One issuer can host many tools' registrations (Canvas cloud): the client id tells them apart.
  const candidates = await db.ltiPlatform.findMany({
    where: { issuer: params.iss, ...(params.client_id ? { clientId: params.client_id } : {}) },
    select: { id: true, clientId: true, authLoginUrl: true, status: true },
    take: 2,
  });
  if (candidates.length === 0) throw new RefusedError(UNKNOWN_PLATFORM, 400);
  if (candidates.length > 1)
    throw new RefusedError(
      "Deze leeromgeving is meer dan eens geregistreerd en stuurde geen client id mee. Vraag de beheerder de registratie na te kijken.",
      400,
    );
  const platform = candidates[0]!;
  // Registered itself (/lti/register) and not approved yet: no launch gets in. Its own frame may show why.
  if (platform.status !== "ACTIVE")
    throw new FramedRefusal(
      PLATFORM_PENDING,
      403,
      await platformOrigins({ id: platform.id }, { includePending: true }),
    );
  const state = randomToken();
  const nonce = randomToken();
  await db.ltiLoginState.create({
    data: {
      stateHash: sha256(state),
      platformId: platform.id,
      nonce,
      targetLinkUri: params.target_link_uri,
      userId: signedInUserId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + STATE_LIFETIME_MS),
    },
  });
  const authUrl = new URL(platform.authLoginUrl);
  const request: Record<string, string> = {
    scope: "openid",
    response_type: "id_token",
    response_mode: "form_post",
    prompt: "none",
    client_id: platform.clientId,
    redirect_uri: toolConfiguration(baseUrl).redirectUris[0]!,
    login_hint: params.login_hint,
    state,
    nonce,
    ...(params.lti_message_hint ? { lti_message_hint: params.lti_message_hint } : {}),
  };
  for (const [key, value] of Object.entries(request)) authUrl.searchParams.set(key, value);
  return {
    state,
    authUrl: authUrl.toString(),
    platformOrigin: authUrl.origin,
    storageTarget: params.lti_storage_target ?? null,
  };
}

/** Logins that were never finished are removed by the background job. */
export async function sweepLoginStates(now = new Date()) {
  const day = 24 * 60 * 60 * 1000;
  await db.ltiLoginState.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.ltiUsedNonce.deleteMany({ where: { usedAt: { lt: new Date(now.getTime() - day) } } });
}
