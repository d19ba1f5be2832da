// Linking eduID or SURFconext to an existing password account: the provider's address belongs to an account here,
// so its owner proves the password before the two are linked. Never linked silently.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { sessionCookie, userAgentOf } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field } from "~/components/field";
import { GildeForm } from "~/components/form";
import { passwordField } from "~/forms/fields";
import { attempt, readSubmission } from "~/forms/submission.server";
import { useGildeForm } from "~/forms/use-form";
import { clientIp } from "~/load-context";
import { linkWithPassword, waitingClaims } from "~/lti/oidc-accounts.server";
import { attemptOf, clearedAttemptCookie } from "~/lti/oidc-login.server";
import { OIDC_PROVIDERS } from "~/lti/oidc-provider-names";

const LinkSchema = z.object({ password: passwordField });

async function waiting(request: Request) {
  const found = await attemptOf(request);
  const claims = found ? waitingClaims(found) : null;
  if (!found || !claims) {
    throw redirect("/inloggen?fout=verlopen", { headers: { "Set-Cookie": clearedAttemptCookie() } });
  }
  return { found, claims };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { claims } = await waiting(request);
  return json({ provider: OIDC_PROVIDERS[claims.provider].label, email: claims.email });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { found } = await waiting(request);
  const submission = await readSubmission(request, LinkSchema);
  return attempt(submission, async ({ password }) => {
    const linked = await linkWithPassword(found, password, {
      clientIp: clientIp(context),
      userAgent: userAgentOf(request),
    });
    const headers = new Headers({ "Set-Cookie": clearedAttemptCookie() });
    headers.append("Set-Cookie", sessionCookie(linked.session.token, linked.session.expiresAt));
    return redirect(linked.redirectTo, { headers });
  });
}

export default function LinkAccount() {
  const { provider, email } = useLoaderData<typeof loader>();
  const [form, fields] = useGildeForm(LinkSchema, { id: "koppelen" });
  const busy = useNavigation().state === "submitting";
  return (
    <div className="form">
      <h1>Koppel {provider} aan je account</h1>
      <p>
        Je bent bij {provider} bekend als <strong>{email}</strong>. Er is bij Gilde al een account met dat e-mailadres.
        Vul het wachtwoord van dat account in; dan koppelen we {provider} eraan en kun je voortaan op beide manieren
        inloggen.
      </p>
      <GildeForm form={form}>
        <Field
          meta={fields.password}
          label="Wachtwoord van je Gilde-account"
          type="password"
          autoComplete="current-password"
          required
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Bezig met koppelen…" : "Koppelen en inloggen"}
          </button>
          <Link to="/wachtwoord-vergeten">Wachtwoord vergeten?</Link>
        </div>
      </GildeForm>
      <p className="muted space-top">
        Wil je niet koppelen? <Link to="/inloggen">Terug naar inloggen</Link>; er verandert dan niets.
      </p>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Account koppelen — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
