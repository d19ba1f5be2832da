// Gilde's own side of the registration, to copy into the LMS.
import type { ToolConfiguration as Config } from "~/lti/tool-config";

export function ToolConfiguration({ config }: { config: Config }) {
  const rows: [string, string][] = [
    ["Registratie-adres (dynamische registratie)", config.registrationUrl],
    ["Login-initiatie-adres (OIDC login)", config.loginInitiationUrl],
    ["Redirect-URI", config.redirectUris.join("\n")],
    ["Target link URI", config.targetLinkUri],
    ["Publieke sleutels (JWKS-adres)", config.jwksUrl],
    ["Deep-linking-adres", config.deepLinkingUrl],
  ];
  return (
    <section aria-labelledby="gilde-config-kop" className="card space-bottom">
      <h2 id="gilde-config-kop">Gegevens van Gilde voor je leeromgeving</h2>
      <p className="muted">
        Biedt je leeromgeving dynamische registratie (LTI Advantage), plak dan alleen het registratie-adres: de
        leeromgeving meldt zich daarna hier aan en wacht op je goedkeuring. Anders vul je de andere gegevens in bij het
        registreren van Gilde als LTI 1.3-tool. Kies handtekeningen met RS256 en de JWKS-URL (geen losse sleutel).
      </p>
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>
              <code className="break-anywhere">{value}</code>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
