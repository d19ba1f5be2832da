// The providers' names as people read them, shared by the login page, /account and the admin's user list.
export const OIDC_PROVIDERS = {
  eduid: { label: "eduID", enumValue: "EDUID" },
  surfconext: { label: "SURFconext", enumValue: "SURFCONEXT" },
} as const;

export type OidcProviderSlug = keyof typeof OIDC_PROVIDERS;
export type OidcProviderEnum = (typeof OIDC_PROVIDERS)[OidcProviderSlug]["enumValue"];

export const isProviderSlug = (value: string): value is OidcProviderSlug => Object.hasOwn(OIDC_PROVIDERS, value);

export const slugOf = (value: OidcProviderEnum): OidcProviderSlug => (value === "EDUID" ? "eduid" : "surfconext");

/** What /inloggen says after a trip to a provider went wrong (the code travels in `?fout=`). */
const OIDC_ERRORS = {
  verlopen: "Het inloggen duurde te lang of is al gebruikt. Probeer het opnieuw.",
  geweigerd: (provider: string) =>
    `Je hebt het inloggen bij ${provider} afgebroken of geen toestemming gegeven. Je kunt het opnieuw proberen, of inloggen met je e-mailadres en wachtwoord.`,
  onbereikbaar: (provider: string) =>
    `${provider} is nu niet bereikbaar. Probeer het over een paar minuten opnieuw, of log in met je e-mailadres en wachtwoord.`,
  mislukt: (provider: string) =>
    `Het antwoord van ${provider} klopte niet, dus je bent niet ingelogd. Probeer het opnieuw; lukt het dan nog niet, log dan in met je e-mailadres en wachtwoord.`,
  "geen-email": (provider: string) =>
    `${provider} gaf geen bevestigd e-mailadres door, en dat hebben we nodig om een account voor je te maken. Bevestig je e-mailadres bij ${provider} en probeer het opnieuw, of maak een account met je e-mailadres.`,
  "elders-gekoppeld": (provider: string) =>
    `Dit ${provider}-account is al gekoppeld aan een ander Gilde-account. Log daar in en ontkoppel het eerst, of kies een ander ${provider}-account.`,
  "account-op": "Dit account is niet meer in gebruik. Neem contact op met de leergang als je denkt dat dit niet klopt.",
} as const;

export type OidcErrorCode = keyof typeof OIDC_ERRORS;

export function oidcErrorMessage(code: string | null, provider: string | null): string | null {
  if (!code || !Object.hasOwn(OIDC_ERRORS, code)) return null;
  const name = provider && isProviderSlug(provider) ? OIDC_PROVIDERS[provider].label : "de inlogdienst";
  const message = OIDC_ERRORS[code as OidcErrorCode];
  return typeof message === "function" ? message(name) : message;
}
