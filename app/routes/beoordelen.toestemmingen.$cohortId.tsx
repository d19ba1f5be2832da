// The consent register of one cohort, for its trainers (and admins): given, expiring, withdrawn (issue 24).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireCohortTrainer } from "~/auth/guards.server";
import { ConsentOverview } from "~/components/consent/consent-overview";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { cohortConsents } from "~/consent/consents.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const cohortId = params.cohortId ?? "";
  await requireCohortTrainer(request, cohortId);
  return json(await cohortConsents(cohortId));
}

export default function CohortConsents() {
  const { cohort, rows, counts } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="muted flush">
        <Link to="/beoordelen">← Beoordelen</Link>
      </p>
      <h1>Toestemmingen in {cohort.name}</h1>
      <p className="lead">
        Wie de deelnemers feedback gaf of in een praktijkvoorbeeld voorkomt, gaf toestemming voor een doel en een
        periode. Is die ingetrokken of verlopen, dan is wat eronder viel nergens meer te zien.
      </p>
      <ConsentOverview rows={rows} counts={counts} />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Toestemmingen — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
