// Asking for a link to choose a new password. The answer is the same whether the address is known or not; after
// sending, the page says to look in the mail (`?verstuurd`).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { requestPasswordReset } from "~/auth/account.server";
import { Field } from "~/components/field";
import { DemoMailboxNote } from "~/components/demo-mailbox-note";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { GildeForm } from "~/components/form";
import { emailField } from "~/forms/fields";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { useGildeForm } from "~/forms/use-form";
import { hasDemoMailbox } from "~/notifications/outbox.server";
import { clientIp } from "~/load-context";

const ForgotSchema = z.object({ email: emailField });

export async function loader({ request }: LoaderFunctionArgs) {
  const sent = new URL(request.url).searchParams.has("verstuurd");
  return json({ sent, demoMailbox: sent && (await hasDemoMailbox()) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = await readSubmission(request, ForgotSchema);
  return attempt(submission, async ({ email }) => {
    await requestPasswordReset(email, clientIp(context));
    return redirectWithFlash(
      "/wachtwoord-vergeten?verstuurd",
      `Als ${email} bij ons bekend is, hebben we een link gestuurd waarmee je een nieuw wachtwoord kiest.`,
    );
  });
}

export default function ForgotPassword() {
  const { sent, demoMailbox } = useLoaderData<typeof loader>();
  const [form, fields] = useGildeForm(ForgotSchema, { id: "wachtwoord-vergeten" });
  const busy = useNavigation().state === "submitting";
  if (sent) {
    return (
      <div className="form">
        <h1>Kijk in je mail</h1>
        <p>De link in de e-mail werkt één keer en blijft een uur geldig.</p>
        <DemoMailboxNote shown={demoMailbox} />
        <p>
          <Link to="/inloggen">Terug naar inloggen</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="form">
      <h1>Wachtwoord vergeten</h1>
      <p>Vul het e-mailadres van je account in. We sturen je een link om een nieuw wachtwoord te kiezen.</p>
      <GildeForm form={form}>
        <Field meta={fields.email} label="E-mailadres" type="email" autoComplete="email" required />
        <button type="submit" className="button" disabled={busy}>
          Stuur mij een link
        </button>
      </GildeForm>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Wachtwoord vergeten — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
