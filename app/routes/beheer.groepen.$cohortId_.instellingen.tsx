// One cohort's status and settings for the admin: publish it (after the checks), close or reopen the intake, mark
// it started and finished; edit its name, dates, price, seats, place, rhythm and the terms of applying and paying,
// and what the public page adds (accreditation, what the price includes, instalments); contact days are a page below.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireRole } from "~/auth/guards.server";
import { cohortSettings, saveCatalogue, saveCohortSettings } from "~/cohorts/cohort-settings.server";
import { changeCohortStatus, cohortLifecycle } from "~/cohorts/lifecycle.server";
import { CohortSettingsAction } from "~/cohorts/settings-form";
import { CohortCatalogueForm } from "~/components/cohorts/cohort-catalogue-form";
import { CohortSettingsForm } from "~/components/cohorts/cohort-settings-form";
import { CohortStatusPanel } from "~/components/cohorts/cohort-status-panel";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { COHORT_STATUS_LABELS } from "~/format";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const cohortId = params.cohortId ?? "";
  const [settings, lifecycle] = await Promise.all([cohortSettings(cohortId), cohortLifecycle(cohortId)]);
  return json({ settings, lifecycle });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const cohortId = params.cohortId ?? "";
  await cohortSettings(cohortId); // a 404 for a cohort that does not exist
  const submission = await readSubmission(request, CohortSettingsAction);
  return attempt(submission, async (value) => {
    const here = new URL(request.url).pathname;
    if (value.intent === "status") {
      await changeCohortStatus(admin, cohortId, value.to);
      return redirectWithFlash(here, `De groep is nu ‘${COHORT_STATUS_LABELS[value.to]}’.`);
    }
    if (value.intent === "catalogue") {
      const { intent: _intent, ...catalogue } = value;
      await saveCatalogue(cohortId, catalogue);
      return redirectWithFlash(here, "Wat de leergangpagina zegt, is opgeslagen.");
    }
    const { intent: _intent, ...settings } = value;
    await saveCohortSettings(cohortId, settings);
    return redirectWithFlash(here, "Instellingen opgeslagen.");
  });
}

export default function CohortSettings() {
  const { settings, lifecycle } = useLoaderData<typeof loader>();
  return (
    <>
      <Crumbs to={`/beheer/groepen/${settings.id}`} label={settings.name} after="Status en instellingen" />
      <h1>Status en instellingen: {settings.name}</h1>
      <CohortStatusPanel cohortId={settings.id} status={lifecycle.status} next={lifecycle.next} gaps={lifecycle.gaps} />
      <CohortSettingsForm settings={settings} />
      <CohortCatalogueForm catalogue={settings.catalogue} />
      <section className="card space-top-lg" aria-labelledby="contactdagen-kop">
        <h2 id="contactdagen-kop" className="flush-top">
          Contactdagen
        </h2>
        <p>De dagen dat de groep samenkomt, met tijden en plaats of online. Ze staan op de leergangpagina.</p>
        <Link className="button button--secondary" to={`/beheer/groepen/${settings.id}/contactdagen`}>
          Contactdagen plannen
        </Link>
      </section>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Instellingen ${data?.settings.name ?? "groep"} — Beheer — Gilde` },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
