import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { signIn } from "~/auth/account.server";
import { requireAnonymous } from "~/auth/guards.server";
import { ProviderButtons } from "~/components/oidc/provider-buttons";
import { safeRedirect } from "~/auth/redirect";
import { sessionCookie, userAgentOf } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field } from "~/components/field";
import { GildeForm } from "~/components/form";
import { emailField, passwordField } from "~/forms/fields";
import { attempt, readSubmission, reply } from "~/forms/submission.server";
import { useFormReply, useGildeForm } from "~/forms/use-form";
import { clientIp } from "~/load-context";
import { loginProviders } from "~/lti/oidc-login-page.server";

const LoginSchema = z.object({ email: emailField, password: passwordField, redirectTo: z.string().optional() });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return json(loginProviders(new URL(request.url).searchParams));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = await readSubmission(request, LoginSchema);
  return attempt(submission, async (login) => {
    const result = await signIn({ ...login, clientIp: clientIp(context), userAgent: userAgentOf(request) });
    if (!result.ok) return reply(submission, { formError: result.formError });
    return redirect(safeRedirect(login.redirectTo), {
      headers: { "Set-Cookie": sessionCookie(result.session.token, result.session.expiresAt) },
    });
  });
}

export default function Login() {
  const [form, fields] = useGildeForm(LoginSchema, { id: "inloggen" });
  const answered = useFormReply(form.id);
  const [searchParams] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const { providers, providerError } = useLoaderData<typeof loader>();
  return (
    <div className="form">
      <h1>Inloggen</h1>
      {searchParams.get("sessie") === "verlopen" && !answered ? (
        <p className="notice" role="status">
          Je sessie is verlopen of niet meer geldig. Log opnieuw in om verder te gaan.
        </p>
      ) : null}
      <GildeForm form={form}>
        <input
          type="hidden"
          name={fields.redirectTo.name}
          value={searchParams.get("redirectTo") ?? fields.redirectTo.initialValue ?? ""}
        />
        <Field meta={fields.email} label="E-mailadres" type="email" autoComplete="email" required />
        <Field meta={fields.password} label="Wachtwoord" type="password" autoComplete="current-password" required />
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Bezig met inloggen…" : "Inloggen"}
          </button>
          <Link to="/wachtwoord-vergeten">Wachtwoord vergeten?</Link>
        </div>
      </GildeForm>
      <ProviderButtons
        providers={providers}
        redirectTo={searchParams.get("redirectTo") ?? ""}
        error={answered ? null : providerError}
      />
      <p className="muted space-top">
        Nog geen account? <Link to="/registreren">Maak een account aan</Link>.
      </p>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Inloggen — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
