// The link from the registration mail: it makes the account once and signs its owner in. Opening the link shows a
// button (mail scanners that fetch links make nothing); pressing it makes the account.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { checkRegistrationToken, confirmRegistration, REGISTRATION_INVALID } from "~/auth/account.server";
import { safeRedirect } from "~/auth/redirect";
import { sessionCookie, userAgentOf } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { GildeForm } from "~/components/form";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission, reply } from "~/forms/submission.server";
import { useFormReply, useGildeForm } from "~/forms/use-form";

/** The button sends nothing but itself: the token in the URL says who. */
const ConfirmSchema = z.object({});
const FORM_ID = "bevestigen";

// The token is in the URL: never leak it to another site through the Referer header.
export const headers = () => ({ "Referrer-Policy": "no-referrer" });

export async function loader({ params }: LoaderFunctionArgs) {
  const pending = await checkRegistrationToken(params.token ?? "");
  return json({ pending, invalid: pending ? null : REGISTRATION_INVALID });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = await readSubmission(request, ConfirmSchema);
  return attempt(submission, async () => {
    const result = await confirmRegistration(params.token ?? "", { userAgent: userAgentOf(request) });
    if (!result.ok) return reply(submission, { formError: REGISTRATION_INVALID });
    return redirectWithFlash(safeRedirect(result.redirectTo), "Welkom bij Gilde: je account is gemaakt.", {
      headers: { "Set-Cookie": sessionCookie(result.session.token, result.session.expiresAt) },
    });
  });
}

export default function ConfirmRegistration() {
  const { pending, invalid } = useLoaderData<typeof loader>();
  const [form] = useGildeForm(ConfirmSchema, { id: FORM_ID });
  const busy = useNavigation().state === "submitting";
  const refused = useFormReply(FORM_ID)?.error?.[""]?.[0] ?? invalid;
  if (!pending || refused) {
    return (
      <div className="form">
        <h1>Link niet meer geldig</h1>
        <div className="notice notice--error" role="alert">
          {refused}
        </div>
        <p>
          Heb je je account al gemaakt? <Link to="/inloggen">Log dan in</Link>.
        </p>
        <Link className="button" to="/registreren">
          Opnieuw een account aanmaken
        </Link>
      </div>
    );
  }
  return (
    <div className="form">
      <h1>Welkom, {pending.name}</h1>
      <p>
        Je maakt een Gilde-account voor <strong>{pending.email}</strong>. Daarna kun je je aanmelden voor de leergang.
      </p>
      <GildeForm form={form}>
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Bezig…" : "Account maken en inloggen"}
        </button>
      </GildeForm>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Account bevestigen — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
