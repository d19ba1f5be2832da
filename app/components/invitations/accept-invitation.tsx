// The accept page's parts: the invitation (who, as what, until when) with what this visitor can do with it, and the
// page for a link that no longer works.
import { useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { PASSWORD_MIN } from "~/auth/password";
import { Field } from "~/components/field";
import { GildeForm } from "~/components/form";
import { formatDateTime } from "~/format";
import { useGildeForm } from "~/forms/use-form";
import { AcceptAction } from "~/invitations/schema";

type Invitation = {
  email: string;
  name: string;
  what: string;
  inviter: string;
  expiresAt: string;
  hasAccount: boolean;
};
type Person = { name: string; email: string };

export function AcceptInvitation({
  invitation,
  signedInAs,
  loginPath,
}: {
  invitation: Invitation;
  signedInAs: Person | null;
  loginPath: string;
}) {
  const someoneElse = signedInAs && signedInAs.email !== invitation.email;
  return (
    <div className="form">
      <h1>Je bent uitgenodigd</h1>
      <p>
        {invitation.inviter} nodigt <strong>{invitation.email}</strong> uit als <strong>{invitation.what}</strong> bij
        Gilde.
      </p>
      <p className="muted">Deze uitnodiging is geldig tot {formatDateTime(invitation.expiresAt)}.</p>
      {someoneElse ? (
        <div className="notice" role="status">
          Je bent nu ingelogd als {signedInAs.email}. Deze uitnodiging is voor {invitation.email}: log uit (bovenaan de
          pagina) en open de link uit de e-mail opnieuw.
        </div>
      ) : signedInAs ? (
        <TakeRole name={signedInAs.name} />
      ) : invitation.hasAccount ? (
        <>
          <p>
            Er is al een Gilde-account met dit adres. Log in met je wachtwoord; daarna kom je hier terug en neem je de
            uitnodiging aan.
          </p>
          <Link className="button" to={loginPath}>
            Inloggen
          </Link>
          <p className="muted space-top">
            Weet je je wachtwoord niet meer? <Link to="/wachtwoord-vergeten">Vraag een nieuw aan</Link>.
          </p>
        </>
      ) : (
        <NewAccount name={invitation.name} />
      )}
    </div>
  );
}

function NewAccount({ name }: { name: string }) {
  const [form, fields] = useGildeForm(AcceptAction, { id: "uitnodiging-account", defaultValue: { name } });
  const busy = useNavigation().state === "submitting";
  return (
    <GildeForm form={form}>
      <input type="hidden" name="intent" value="create" />
      <p>Kies hoe je naam in Gilde staat en een wachtwoord; daarna ben je meteen binnen.</p>
      <Field meta={fields.name} label="Naam" autoComplete="name" required />
      <Field
        meta={fields.password}
        label="Wachtwoord"
        type="password"
        autoComplete="new-password"
        required
        hint={`Minstens ${PASSWORD_MIN} tekens. Een zin van een paar woorden is sterk en goed te onthouden.`}
      />
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Bezig…" : "Account maken en beginnen"}
      </button>
    </GildeForm>
  );
}

function TakeRole({ name }: { name: string }) {
  const [form] = useGildeForm(AcceptAction, { id: "uitnodiging-aannemen" });
  const busy = useNavigation().state === "submitting";
  return (
    <GildeForm form={form}>
      <input type="hidden" name="intent" value="accept" />
      <p>
        Je bent ingelogd als {name}. Neem de uitnodiging aan om de nieuwe rol en groepen aan je account toe te voegen.
      </p>
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Bezig…" : "Uitnodiging aannemen"}
      </button>
    </GildeForm>
  );
}

export function ClosedInvitation({
  closed,
  signedIn,
}: {
  closed: { state: string; title: string; text: string } | null;
  signedIn: boolean;
}) {
  return (
    <div className="form">
      <h1>{closed?.title ?? "Deze link werkt niet"}</h1>
      <div className="notice notice--error" role="alert">
        {closed?.state === "accepted" && signedIn
          ? "Deze uitnodiging is al aangenomen: je rol en je groepen staan in je account. Je kunt gewoon verder."
          : closed?.text}
      </div>
      {closed?.state === "accepted" && !signedIn ? (
        <p>
          <Link className="button" to="/inloggen">
            Inloggen
          </Link>{" "}
          <Link to="/wachtwoord-vergeten">Wachtwoord vergeten?</Link>
        </p>
      ) : (
        <p>
          <Link to={signedIn ? "/dashboard" : "/"}>{signedIn ? "Naar je overzicht" : "Naar de voorpagina"}</Link>
        </p>
      )}
    </div>
  );
}
