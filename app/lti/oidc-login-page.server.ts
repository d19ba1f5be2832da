// What /inloggen and /account show about eduID and SURFconext: a button per configured provider, and the message of a trip
// that went wrong (`?fout=<code>&via=<provider>`, set by the callback).
import { db } from "~/db.server";
import { formatDate } from "~/format";
import { identitiesOf } from "./oidc-accounts.server";
import { OIDC_PROVIDERS, oidcErrorMessage, slugOf } from "./oidc-provider-names";
import { configuredProviders } from "./oidc-providers.server";

const HINTS = {
  eduid: "Een eigen account voor het hoger onderwijs, voor iedereen. Nog geen eduID? Die maak je gratis aan.",
  surfconext: "Voor medewerkers en studenten: log in met het account van je hogeschool of universiteit.",
} as const;

export function loginProviders(searchParams: URLSearchParams) {
  return {
    providers: configuredProviders().map(({ slug }) => ({
      slug,
      label: OIDC_PROVIDERS[slug].label,
      hint: HINTS[slug],
    })),
    providerError: oidcErrorMessage(searchParams.get("fout"), searchParams.get("via")),
  };
}

/** The "Inloggen met eduID of SURFconext" section of /account: every configured or linked provider. */
export async function accountLogins(userId: string) {
  const [linked, user] = await Promise.all([
    identitiesOf(userId),
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } }),
  ]);
  const slugs = new Set([...configuredProviders().map((p) => p.slug), ...linked.map((row) => slugOf(row.provider))]);
  const configured = new Set(configuredProviders().map((p) => p.slug));
  return {
    hasPassword: user.passwordHash !== "",
    providers: (["eduid", "surfconext"] as const)
      .filter((slug) => slugs.has(slug))
      .map((slug) => {
        const identity = linked.find((row) => slugOf(row.provider) === slug);
        return {
          slug,
          label: OIDC_PROVIDERS[slug].label,
          canLink: configured.has(slug),
          linked: identity
            ? {
                id: identity.id,
                as: identity.eppn ?? identity.email ?? "",
                since: formatDate(identity.linkedAt),
              }
            : null,
        };
      }),
  };
}
