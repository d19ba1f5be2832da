// The link from the mail to a new e-mail address: opening it shows the address and a button (mail scanners that
// fetch links change nothing); pressing it changes the address, once. A link that is expired, used, tampered with,
// or for an address taken meanwhile gets a Dutch page, and nothing changes.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { checkEmailChangeToken, confirmEmailChange, EMAIL_CHANGE_INVALID } from "~/account/email-change.server";
import { getUser } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { GildeForm } from "~/components/form";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission, reply } from "~/forms/submission.server";
import { useFormReply, useGildeForm } from "~/forms/use-form";

/** The button sends nothing but itself: the token in the URL says whose address changes. */
const ConfirmSchema = z.object({});
const FORM_ID = "e-mailadres-bevestigen";

// The token is in the URL: never leak it to another site through the Referer header.
export const headers = () => ({ "Referrer-Policy": "no-referrer" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [change, user] = await Promise.all([checkEmailChangeToken(params.token ?? ""), getUser(request)]);
  return json({ newEmail: change?.newEmail ?? null, invalid: change ? null : EMAIL_CHANGE_INVALID, signedIn: !!user });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = await readSubmission(request, ConfirmSchema);
  return attempt(submission, async () => {
    const result = await confirmEmailChange(params.token ?? "");
    if (!result.ok) return reply(submission, { formError: result.message });
    const signedIn = !!(await getUser(request));
    return redirectWithFlash(
      signedIn ? "/account" : "/inloggen",
      `Je e-mailadres is gewijzigd. Je logt voortaan in met ${result.newEmail}.`,
    );
  });
}

export default function ConfirmEmailChange() {
  const { newEmail, invalid, signedIn } = useLoaderData<typeof loader>();
  const [form] = useGildeForm(ConfirmSchema, { id: FORM_ID });
  const busy = useNavigation().state === "submitting";
  const refused = useFormReply(FORM_ID)?.error?.[""]?.[0] ?? invalid;
  if (!newEmail || refused) {
    return (
      <div className="form">
        <h1>Deze link werkt niet meer</h1>
        <div className="notice notice--error" role="alert">
          {refused}
        </div>
        <Link className="button" to={signedIn ? "/account#e-mailadres" : "/inloggen?redirectTo=%2Faccount"}>
          {signedIn ? "Naar je account" : "Inloggen"}
        </Link>
      </div>
    );
  }
  return (
    <div className="form">
      <h1>Bevestig je nieuwe e-mailadres</h1>
      <p>
        Je Gilde-account gaat voortaan <strong>{newEmail}</strong> gebruiken, om in te loggen en voor alle berichten.
      </p>
      <GildeForm form={form}>
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Bezig…" : "Ja, gebruik dit adres"}
        </button>
      </GildeForm>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Nieuw e-mailadres bevestigen — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
