import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { checkResetToken, RESET_INVALID, resetPassword } from "~/auth/account.server";
import { PASSWORD_MIN } from "~/auth/password";
import { sessionCookie } from "~/auth/session.server";
import { Field, FormError, useAfterFailedSubmit } from "~/components/field";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { newPasswordField } from "~/forms/fields";
import { failure, parseForm } from "~/forms/parse";
import { readForm } from "~/forms/read.server";

const ResetSchema = z.object({ password: newPasswordField });

// The token is in the URL: never leak it to another site through the Referer header.
export const headers = () => ({ "Referrer-Policy": "no-referrer" });

export async function loader({ params }: LoaderFunctionArgs) {
  return json({ valid: await checkResetToken(params.token ?? "") }, { headers: { "Referrer-Policy": "no-referrer" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const parsed = parseForm(ResetSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const result = await resetPassword(params.token ?? "", parsed.data.password);
  if (!result.ok) return json(failure(formData, {}, RESET_INVALID), { status: 400 });
  return redirect("/dashboard", {
    headers: { "Set-Cookie": sessionCookie(result.session.token, result.session.expiresAt) },
  });
}

export default function ResetPassword() {
  const { valid } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  useAfterFailedSubmit(actionData);
  if (!valid || actionData?.formError === RESET_INVALID) {
    return (
      <div className="form">
        <h1>Link niet meer geldig</h1>
        <div className="notice notice--error" role="alert">
          {RESET_INVALID}
        </div>
        <Link className="button" to="/wachtwoord-vergeten">
          Nieuwe link aanvragen
        </Link>
      </div>
    );
  }
  return (
    <div className="form">
      <h1>Kies een nieuw wachtwoord</h1>
      <FormError error={actionData?.formError} />
      <Form method="post" noValidate>
        <Field
          name="password"
          label="Nieuw wachtwoord"
          type="password"
          autoComplete="new-password"
          required
          hint={`Minstens ${PASSWORD_MIN} tekens. Je wordt daarna overal uitgelogd, behalve hier.`}
          error={actionData?.fieldErrors?.password}
        />
        <button type="submit" className="button">
          Wachtwoord opslaan
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Nieuw wachtwoord — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
