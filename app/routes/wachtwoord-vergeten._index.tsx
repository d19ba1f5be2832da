import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requestPasswordReset } from "~/auth/account.server";
import { Field, FormError } from "~/components/field";
import { DemoMailboxNote } from "~/components/demo-mailbox-note";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { emailField } from "~/forms/fields";
import { parseForm } from "~/forms/parse";
import { readForm } from "~/forms/read.server";
import { hasDemoMailbox } from "~/notifications/outbox.server";
import { clientIp } from "~/load-context";

const ForgotSchema = z.object({ email: emailField });

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const parsed = parseForm(ForgotSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  await requestPasswordReset(parsed.data.email, clientIp(context));
  return json({ ok: true as const, email: parsed.data.email, demoMailbox: await hasDemoMailbox() });
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  if (actionData?.ok) {
    return (
      <div className="form">
        <h1>Kijk in je mail</h1>
        <div className="notice" role="status">
          Als <strong>{actionData.email}</strong> bij ons bekend is, hebben we een link gestuurd waarmee je een nieuw
          wachtwoord kiest. De link werkt één keer en blijft een uur geldig.
        </div>
        <DemoMailboxNote shown={actionData.demoMailbox} />
        <p>
          <Link to="/inloggen">Terug naar inloggen</Link>
        </p>
      </div>
    );
  }
  const failed = actionData && !actionData.ok ? actionData : undefined;
  return (
    <div className="form">
      <h1>Wachtwoord vergeten</h1>
      <p>Vul het e-mailadres van je account in. We sturen je een link om een nieuw wachtwoord te kiezen.</p>
      <FormError error={failed?.formError} />
      <Form method="post" noValidate>
        <Field
          name="email"
          label="E-mailadres"
          type="email"
          autoComplete="email"
          required
          defaultValue={failed?.values.email}
          error={failed?.fieldErrors.email}
        />
        <button type="submit" className="button" disabled={busy}>
          Stuur mij een link
        </button>
      </Form>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Wachtwoord vergeten — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
