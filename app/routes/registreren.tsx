import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { registerUser } from "~/auth/account.server";
import { requireAnonymous } from "~/auth/guards.server";
import { safeRedirect } from "~/auth/redirect";
import { PASSWORD_MIN } from "~/auth/password";
import { Field, FormError, Honeypot, useAfterFailedSubmit } from "~/components/field";
import { DemoMailboxNote } from "~/components/demo-mailbox-note";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { emailField, honeypot, newPasswordField, requiredText } from "~/forms/fields";
import { parseForm } from "~/forms/parse";
import { readForm } from "~/forms/read.server";
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
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const parsed = parseForm(RegisterSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  // The same answer for a new and a known address: the mail to that address says which it was.
  await registerUser({ ...parsed.data, redirectTo: safeRedirect(parsed.data.redirectTo) }, clientIp(context));
  return json({ ok: true as const, email: parsed.data.email, demoMailbox: await hasDemoMailbox() });
}

export default function Register() {
  const actionData = useActionData<typeof action>();
  const failed = actionData && !actionData.ok ? actionData : undefined;
  useAfterFailedSubmit(failed);
  const busy = useNavigation().state === "submitting";
  const errors = failed?.fieldErrors ?? {};
  const values = failed?.values ?? {};
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? values.redirectTo ?? "";
  if (actionData?.ok) {
    return (
      <div className="form">
        <h1>Kijk in je mail</h1>
        <div className="notice" role="status">
          We hebben een e-mail gestuurd naar <strong>{actionData.email}</strong>. Open de link daarin om verder te gaan;
          hij blijft 24 uur geldig.
        </div>
        <DemoMailboxNote shown={actionData.demoMailbox} />
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
      <FormError error={failed?.formError} />
      <Form method="post" noValidate>
        <Honeypot />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field name="name" label="Naam" autoComplete="name" required defaultValue={values.name} error={errors.name} />
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
          autoComplete="new-password"
          required
          hint={`Minstens ${PASSWORD_MIN} tekens. Een zin van een paar woorden is sterk en goed te onthouden.`}
          error={errors.password}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Bezig…" : "Account aanmaken"}
        </button>
      </Form>
      <p className="muted" style={{ marginTop: "1.5rem" }}>
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
