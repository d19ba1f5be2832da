// Creating an account: name, e-mail address and password, then a link by mail makes the account (the same answer
// for a new and a known address). After sending, the page says to look in the mail (`?verstuurd`).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { registerUser } from "~/auth/account.server";
import { requireAnonymous } from "~/auth/guards.server";
import { safeRedirect } from "~/auth/redirect";
import { PASSWORD_MIN } from "~/auth/password";
import { Field, Honeypot } from "~/components/field";
import { DemoMailboxNote } from "~/components/demo-mailbox-note";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { GildeForm } from "~/components/form";
import { emailField, honeypot, newPasswordField, requiredText } from "~/forms/fields";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { useGildeForm } from "~/forms/use-form";
import { hasDemoMailbox } from "~/notifications/outbox.server";
import { clientIp } from "~/load-context";

const RegisterSchema = z.object({
  name: requiredText("je naam", 120),
  email: emailField,
  password: newPasswordField,
  website: honeypot,
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const sent = new URL(request.url).searchParams.has("verstuurd");
  return json({ sent, demoMailbox: sent && (await hasDemoMailbox()) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = await readSubmission(request, RegisterSchema);
  return attempt(submission, async (value) => {
    // The same answer for a new and a known address: the mail to that address says which it was.
    await registerUser({ ...value, redirectTo: safeRedirect(value.redirectTo) }, clientIp(context));
    return redirectWithFlash(
      "/registreren?verstuurd",
      `We hebben een e-mail gestuurd naar ${value.email}. Open de link daarin om verder te gaan; hij blijft 24 uur geldig.`,
    );
  });
}

export default function Register() {
  const { sent, demoMailbox } = useLoaderData<typeof loader>();
  const [form, fields] = useGildeForm(RegisterSchema, { id: "registreren" });
  const busy = useNavigation().state === "submitting";
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? fields.redirectTo.initialValue ?? "";
  if (sent) {
    return (
      <div className="form">
        <h1>Kijk in je mail</h1>
        <p>Open de link in de e-mail die we je stuurden om verder te gaan; hij blijft 24 uur geldig.</p>
        <DemoMailboxNote shown={demoMailbox} />
        <p className="muted">
          Geen mail gekregen? Kijk ook bij je ongewenste berichten, of{" "}
          <Link to="/registreren">probeer het opnieuw</Link> met het juiste adres.
        </p>
      </div>
    );
  }
  return (
    <div className="form">
      <h1>Account aanmaken</h1>
      <p className="muted">
        Met een account kun je je aanmelden voor de leergang en, als je bent toegelaten, de modules volgen.
      </p>
      <GildeForm form={form}>
        <Honeypot />
        <input type="hidden" name={fields.redirectTo.name} value={redirectTo} />
        <Field meta={fields.name} label="Naam" autoComplete="name" required />
        <Field meta={fields.email} label="E-mailadres" type="email" autoComplete="email" required />
        <Field
          meta={fields.password}
          label="Wachtwoord"
          type="password"
          autoComplete="new-password"
          required
          hint={`Minstens ${PASSWORD_MIN} tekens. Een zin van een paar woorden is sterk en goed te onthouden.`}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Bezig…" : "Account aanmaken"}
        </button>
      </GildeForm>
      <p className="muted space-top">
        Heb je al een account?{" "}
        <Link to={redirectTo ? `/inloggen?redirectTo=${encodeURIComponent(redirectTo)}` : "/inloggen"}>Log in</Link>.
      </p>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Account aanmaken — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
