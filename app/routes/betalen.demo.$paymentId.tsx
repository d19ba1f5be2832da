// Demo mode's stand-in for Stripe Checkout (embedded demo installs only; a 404 in any other mode, before anything
// else is looked at): clearly a test, it charges nothing and sends a correctly signed webhook through the same
// handler as Stripe would, so the whole journey works offline.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { invariantResponse, requireUser } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { GildeForm } from "~/components/form";
import { formatEuro } from "~/format";
import { completeDemoCheckout, demoCheckout } from "~/enrollment/payments.server";
import { paymentMode } from "~/enrollment/stripe.server";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { useGildeForm } from "~/forms/use-form";

const DemoCheckoutAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("pay") }),
  z.object({ intent: z.literal("cancel") }),
]);

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
  const submission = await readSubmission(request, DemoCheckoutAction);
  return attempt(submission, async ({ intent }) => {
    const cohortId = await completeDemoCheckout(user.id, params.paymentId ?? "", intent === "pay");
    // The page it leads to says where the payment stands.
    if (intent === "pay") return redirect(`/aanmelden/${cohortId}/betaald`);
    return redirectWithFlash(`/aanmelden/${cohortId}`, "De testbetaling is geannuleerd; je kunt opnieuw betalen.");
  });
}

export default function DemoCheckout() {
  const { payment } = useLoaderData<typeof loader>();
  const [form, fields] = useGildeForm(DemoCheckoutAction, { id: "testbetaling" });
  return (
    <div className="form">
      <p className="notice notice--warm" role="note">
        <strong>Testbetaling — er wordt niets afgeschreven.</strong> Dit is de demo-installatie van Gilde.
      </p>
      <h1>Betalen: {payment.cohort}</h1>
      <p className="lead">{formatEuro(payment.amountCents)} met iDEAL of creditcard (test)</p>
      {payment.status === "OPEN" ? (
        <GildeForm form={form} className="button-row">
          <button type="submit" name={fields.intent.name} value="pay" className="button">
            Testbetaling afronden
          </button>
          <button type="submit" name={fields.intent.name} value="cancel" className="button button--quiet">
            Annuleren
          </button>
        </GildeForm>
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
