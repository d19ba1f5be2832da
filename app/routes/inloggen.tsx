import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { signIn } from "~/auth/account.server";
import { requireAnonymous } from "~/auth/guards.server";
import { safeRedirect } from "~/auth/redirect";
import { sessionCookie } from "~/auth/session.server";
import { Field, FormError, useAfterFailedSubmit } from "~/components/field";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { emailField, passwordField } from "~/forms/fields";
import { failure, parseForm } from "~/forms/parse";
import { clientIp } from "~/load-context";
import { readForm } from "~/forms/read.server";

const LoginSchema = z.object({ email: emailField, password: passwordField, redirectTo: z.string().optional() });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const parsed = parseForm(LoginSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const result = await signIn({ ...parsed.data, clientIp: clientIp(context) });
  if (!result.ok) return json(failure(formData, {}, result.formError), { status: 400 });
  return redirect(safeRedirect(parsed.data.redirectTo), {
    headers: { "Set-Cookie": sessionCookie(result.session.token, result.session.expiresAt) },
  });
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  useAfterFailedSubmit(actionData);
  const [searchParams] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const errors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? {};
  return (
    <div className="form">
      <h1>Inloggen</h1>
      {searchParams.get("sessie") === "verlopen" && !actionData ? (
        <p className="notice" role="status">
          Je sessie is verlopen of niet meer geldig. Log opnieuw in om verder te gaan.
        </p>
      ) : null}
      <FormError error={actionData?.formError} />
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? values.redirectTo ?? ""} />
        <Field
          name="email"
          label="E-mailadres"
          type="email"
          autoComplete="email"
          required
          defaultValue={values.email}
          error={errors.email}
        />
        <Field
          name="password"
          label="Wachtwoord"
          type="password"
          autoComplete="current-password"
          required
          error={errors.password}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Bezig met inloggen…" : "Inloggen"}
          </button>
          <Link to="/wachtwoord-vergeten">Wachtwoord vergeten?</Link>
        </div>
      </Form>
      <p className="muted" style={{ marginTop: "1.5rem" }}>
        Nog geen account? <Link to="/registreren">Maak een account aan</Link>.
      </p>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Inloggen — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
