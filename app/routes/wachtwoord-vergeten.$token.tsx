// Choosing a new password from the mailed link: it works once, signs the owner in here and out everywhere else.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { checkResetToken, RESET_INVALID, resetPassword } from "~/auth/account.server";
import { PASSWORD_MIN } from "~/auth/password";
import { sessionCookie, userAgentOf } from "~/auth/session.server";
import { Field } from "~/components/field";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { GildeForm } from "~/components/form";
import { newPasswordField } from "~/forms/fields";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission, reply } from "~/forms/submission.server";
import { useFormReply, useGildeForm } from "~/forms/use-form";

const ResetSchema = z.object({ password: newPasswordField });
const FORM_ID = "nieuw-wachtwoord";

// The token is in the URL: never leak it to another site through the Referer header.
export const headers = () => ({ "Referrer-Policy": "no-referrer" });

export async function loader({ params }: LoaderFunctionArgs) {
  return json(
    { valid: await checkResetToken(params.token ?? ""), invalid: RESET_INVALID },
    { headers: { "Referrer-Policy": "no-referrer" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = await readSubmission(request, ResetSchema);
  return attempt(submission, async ({ password }) => {
    const result = await resetPassword(params.token ?? "", password, { userAgent: userAgentOf(request) });
    if (!result.ok) return reply(submission, { formError: RESET_INVALID });
    return redirectWithFlash("/dashboard", "Je nieuwe wachtwoord is opgeslagen.", {
      headers: { "Set-Cookie": sessionCookie(result.session.token, result.session.expiresAt) },
    });
  });
}

export default function ResetPassword() {
  const { valid, invalid } = useLoaderData<typeof loader>();
  const [form, fields] = useGildeForm(ResetSchema, { id: FORM_ID });
  const refused = useFormReply(FORM_ID)?.error?.[""]?.includes(invalid);
  if (!valid || refused) {
    return (
      <div className="form">
        <h1>Link niet meer geldig</h1>
        <div className="notice notice--error" role="alert">
          {invalid}
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
      <GildeForm form={form}>
        <Field
          meta={fields.password}
          label="Nieuw wachtwoord"
          type="password"
          autoComplete="new-password"
          required
          hint={`Minstens ${PASSWORD_MIN} tekens. Je wordt daarna overal uitgelogd, behalve hier.`}
        />
        <button type="submit" className="button">
          Wachtwoord opslaan
        </button>
      </GildeForm>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Nieuw wachtwoord — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
