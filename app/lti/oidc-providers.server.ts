// The two OpenID Connect providers Gilde can log in with, eduID (anyone) and SURFconext (staff and students), each
// on only when its issuer, client id and secret are set (app/env.server.ts). Their metadata is discovered once per
// configuration and kept; a failed discovery is not kept, so the next try asks again.
import * as oidc from "openid-client";
import { appUrl, oidcSettings } from "~/env.server";
import type { OidcProviderSlug } from "./oidc-provider-names";

export type ProviderConfig = { slug: OidcProviderSlug; issuer: string; clientId: string; clientSecret: string };

/** The configured providers, in the order their buttons appear. */
export function configuredProviders(): ProviderConfig[] {
  const settings = oidcSettings();
  const pick = (slug: OidcProviderSlug, prefix: "EDUID" | "SURFCONEXT"): ProviderConfig | null => {
    const issuer = settings[`${prefix}_ISSUER`];
    const clientId = settings[`${prefix}_CLIENT_ID`];
    const clientSecret = settings[`${prefix}_CLIENT_SECRET`];
    return issuer && clientId && clientSecret ? { slug, issuer, clientId, clientSecret } : null;
  };
  return [pick("eduid", "EDUID"), pick("surfconext", "SURFCONEXT")].filter((p) => p !== null);
}

export function providerConfig(slug: string): ProviderConfig | null {
  return configuredProviders().find((provider) => provider.slug === slug) ?? null;
}

/** Where the provider sends the browser back to; registered as the redirect URI at the provider. */
export function callbackUrl(slug: OidcProviderSlug): string {
  return `${appUrl()}/inloggen/${slug}/terug`;
}

// Plain http is only ever allowed for a provider on this machine (the tests' fake provider); env.server refuses
// any other http issuer.
const isLoopback = (issuer: string) => /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/.test(issuer);

const DISCOVERY_TIMEOUT_SECONDS = 10;
const discovered = new Map<string, Promise<oidc.Configuration>>();

export function discover(provider: ProviderConfig): Promise<oidc.Configuration> {
  const key = JSON.stringify([provider.issuer, provider.clientId, provider.clientSecret]);
  let pending = discovered.get(key);
  if (!pending) {
    pending = oidc
      .discovery(
        new URL(provider.issuer),
        provider.clientId,
        { client_secret: provider.clientSecret, id_token_signed_response_alg: "RS256" },
        oidc.ClientSecretBasic(provider.clientSecret),
        {
          timeout: DISCOVERY_TIMEOUT_SECONDS,
          execute: isLoopback(provider.issuer) ? [oidc.allowInsecureRequests] : [],
        },
      )
      .catch((error: unknown) => {
        discovered.delete(key);
        throw error;
      });
    discovered.set(key, pending);
  }
  return pending;
}
