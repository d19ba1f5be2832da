// Back from the checkout. The page never decides anything: the enrollment becomes ACTIVE only from Stripe's
// verified webhook, so until that has arrived it says the payment is being processed (and looks again). Once
// active it is the confirmation: the receipt, the start and first contact day, what to prepare, what comes next.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireUser } from "~/auth/guards.server";
import { ReceiptFacts } from "~/components/enrollment/receipt-facts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { confirmationFor } from "~/enrollment/confirmation.server";
import { myApplication } from "~/enrollment/enrollment.server";
import { formatCalendarDate, formatTimeRange, formatWeekdayDate } from "~/format";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const cohortId = params.cohortId ?? "";
  const application = await myApplication(user.id, cohortId);
  const status = application?.status ?? null;
  if (status !== "ACTIVE") return json({ cohortId, status, confirmation: null });
  return json({ cohortId, status, confirmation: await confirmationFor(user.id, cohortId) });
}

export default function PaymentReturn() {
  const { cohortId, confirmation } = useLoaderData<typeof loader>();
  if (!confirmation) {
    return (
      <>
        <h1>We verwerken je betaling</h1>
        <p role="status">
          Zodra Stripe ons de betaling bevestigt, ben je ingeschreven. Dat duurt meestal een paar seconden; deze pagina
          kijkt vanzelf opnieuw. Je kunt ook later kijken bij <Link to={`/aanmelden/${cohortId}`}>je aanmelding</Link>.
        </p>
      </>
    );
  }
  const { receipt, steps, prepare, next } = confirmation;
  const day = steps.firstContactDay;
  return (
    <article className="stack">
      <div>
        <h1>Je bent ingeschreven</h1>
        <p className="lead" role="status">
          Welkom in de leergang, {steps.cohortName}. We hebben je ook een e-mail gestuurd met dit overzicht.
        </p>
      </div>
      <section aria-labelledby="bewijs" className="card">
        <h2 id="bewijs" className="flush-top">
          Betaalbewijs
        </h2>
        {receipt ? (
          <>
            <ReceiptFacts receipt={receipt} />
            <p className="flush">
              <a className="button button--secondary" href={`/account/betalingen/${receipt.id}/bewijs`} download>
                Betaalbewijs downloaden
              </a>{" "}
              Je vindt het later terug bij <Link to="/account/betalingen">je betalingen</Link>.
            </p>
          </>
        ) : (
          <p className="flush">
            Je werkgever betaalt de factuur. Zodra die betaald is, staat het betaalbewijs bij{" "}
            <Link to="/account/betalingen">je betalingen</Link>.
          </p>
        )}
      </section>
      <section aria-labelledby="wanneer">
        <h2 id="wanneer">Wanneer en waar</h2>
        <p>De leergang begint op {formatCalendarDate(steps.startsOn)}.</p>
        <p>
          {day
            ? `De eerste contactdag is op ${formatWeekdayDate(day.startsAt)}, ${formatTimeRange(day.startsAt, day.endsAt)}, ${day.place || "plaats volgt"}.`
            : "De data van de contactdagen hoor je ruim voor de start."}
        </p>
      </section>
      <section aria-labelledby="voorbereiden">
        <h2 id="voorbereiden">Wat je vast kunt doen</h2>
        <ul>
          {prepare.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="hierna">
        <h2 id="hierna">Wat er nu gebeurt</h2>
        <ul>
          {next.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p>
          <Link className="button" to="/dashboard">
            Naar je overzicht
          </Link>
        </p>
      </section>
    </article>
  );
}

// Until the webhook has arrived the page looks again every three seconds, also without JavaScript.
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.status === "ACTIVE" ? "Je bent ingeschreven — Gilde" : "Betaling — Gilde" },
  ...(data?.status === "ACTIVE" ? [] : [{ httpEquiv: "refresh", content: "3" }]),
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
