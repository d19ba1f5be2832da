// Demo mode's stand-in for Stripe Checkout (embedded demo installs only; a 404 in any other mode, before anything
// else is looked at): clearly a test, it charges nothing and sends a correctly signed webhook through the same
// handler as Stripe would, so the whole journey works offline.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { invariantResponse, requireUser } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError } from "~/components/field";
import { formatEuro } from "~/format";
import { EnrollmentError } from "~/enrollment/enrollment.server";
import { completeDemoCheckout, demoCheckout } from "~/enrollment/payments.server";
import { paymentMode } from "~/enrollment/stripe.server";
import { readForm } from "~/forms/read.server";

async function requireDemoMode() {
  if ((await paymentMode()) !== "demo") throw new Response("Deze pagina bestaat niet.", { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireDemoMode();
  const user = await requireUser(request);
  const payment = await demoCheckout(user.id, params.paymentId ?? "");
  invariantResponse(payment, "Deze testbetaling bestaat niet.", { status: 404 });
  return json({
    payment: {
      amountCents: payment.amountCents,
      status: payment.status,
      cohort: payment.enrollment.cohort.name,
      cohortId: payment.enrollment.cohortId,
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireDemoMode();
  const user = await requireUser(request);
  const paid = (await readForm(request)).get("intent") === "pay";
  try {
    const cohortId = await completeDemoCheckout(user.id, params.paymentId ?? "", paid);
    return redirect(paid ? `/aanmelden/${cohortId}/betaald` : `/aanmelden/${cohortId}`);
  } catch (error) {
    if (!(error instanceof EnrollmentError)) throw error;
    if (error.status === 404) throw new Response(error.message, { status: 404 });
    return json({ error: error.message }, { status: error.status });
  }
}

export default function DemoCheckout() {
  const { payment } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="form">
      <p className="notice notice--warm" role="note">
        <strong>Testbetaling — er wordt niets afgeschreven.</strong> Dit is de demo-installatie van Gilde.
      </p>
      <h1>Betalen: {payment.cohort}</h1>
      <p className="lead">{formatEuro(payment.amountCents)} met iDEAL of creditcard (test)</p>
      <FormError error={result?.error} />
      {payment.status === "OPEN" ? (
        <Form method="post" className="button-row">
          <button type="submit" name="intent" value="pay" className="button">
            Testbetaling afronden
          </button>
          <button type="submit" name="intent" value="cancel" className="button button--quiet">
            Annuleren
          </button>
        </Form>
      ) : (
        <p>Deze testbetaling is al afgerond.</p>
      )}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Testbetaling — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
