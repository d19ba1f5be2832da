// The "Inloggen met eduID of SURFconext" section of /account: link a provider (a trip to it and back) or unlink one.
import { Form } from "@remix-run/react";
import { AccountAction } from "~/account/forms";
import { GildeForm } from "~/components/form";
import { useGildeForm } from "~/forms/use-form";

type ProviderRow = {
  slug: string;
  label: string;
  canLink: boolean;
  linked: { id: string; as: string; since: string } | null;
};

export function AccountLogins({ providers, hasPassword }: { providers: ProviderRow[]; hasPassword: boolean }) {
  return (
    <>
      <p>
        Log in met het account van je hogeschool of met eduID, zonder apart wachtwoord voor Gilde.
        {hasPassword
          ? null
          : " Je hebt nog geen wachtwoord voor Gilde: kies er een via ‘Wachtwoord vergeten?’ op de inlogpagina."}
      </p>
      <ul className="stack plain-list">
        {providers.map((provider) => (
          <li key={provider.slug} className="button-row">
            {provider.linked ? (
              <>
                <span>
                  <strong>{provider.label}</strong> is gekoppeld
                  {provider.linked.as ? ` (${provider.linked.as})` : ""} sinds {provider.linked.since}.
                </span>
                <Unlink id={provider.linked.id} label={provider.label} />
              </>
            ) : provider.canLink ? (
              <>
                <span>
                  <strong>{provider.label}</strong> is niet gekoppeld.
                </span>
                {/* A whole-page submit: the answer sends the browser on to the provider. */}
                <Form method="post" action={`/inloggen/${provider.slug}`} reloadDocument>
                  <button type="submit" className="button button--secondary">
                    Koppel {provider.label}
                  </button>
                </Form>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

function Unlink({ id, label }: { id: string; label: string }) {
  const [form, fields] = useGildeForm(AccountAction, { id: `ontkoppel-${id}` });
  return (
    <GildeForm form={form}>
      <input type="hidden" name={fields.intent.name} value="unlink-oidc" />
      <input type="hidden" name={fields.identity.name} value={id} />
      <button type="submit" className="button button--secondary">
        Ontkoppel {label}
      </button>
    </GildeForm>
  );
}
