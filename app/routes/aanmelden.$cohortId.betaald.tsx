// Back from the checkout. The page never decides anything: the enrollment becomes ACTIVE only from Stripe's
// verified webhook, so until that has arrived it says the payment is being processed (and looks again).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { myApplication } from "~/enrollment/enrollment.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const application = await myApplication(user.id, params.cohortId ?? "");
  return json({ cohortId: params.cohortId ?? "", status: application?.status ?? null });
}

export default function PaymentReturn() {
  const { cohortId, status } = useLoaderData<typeof loader>();
  const active = status === "ACTIVE";
  return (
    <>
      <h1>{active ? "Je bent ingeschreven" : "We verwerken je betaling"}</h1>
      {active ? (
        <p>
          Je betaling is binnen. Welkom in de leergang: ga naar je <Link to="/dashboard">overzicht</Link>.
        </p>
      ) : (
        <p role="status">
          Zodra Stripe ons de betaling bevestigt, ben je ingeschreven. Dat duurt meestal een paar seconden; deze pagina
          kijkt vanzelf opnieuw. Je kunt ook later kijken bij <Link to={`/aanmelden/${cohortId}`}>je aanmelding</Link>.
        </p>
      )}
    </>
  );
}

// Until the webhook has arrived the page looks again every three seconds, also without JavaScript.
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: "Betaling — Gilde" },
  ...(data?.status === "ACTIVE" ? [] : [{ httpEquiv: "refresh", content: "3" }]),
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
