// A cohort's contact days for its trainers (the admin has the same page under /beheer): the list, a form to add one
// or to change the one chosen with `?dag=`, and a button to remove each. Every change is audited.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireCohortTrainer } from "~/auth/guards.server";
import { ContactDayAction } from "~/cohorts/contact-day-form";
import { contactDaysPage, removeContactDay, saveContactDay } from "~/cohorts/contact-days.server";
import { ContactDayForm } from "~/components/cohorts/contact-day-form";
import { ContactDayList } from "~/components/cohorts/contact-day-list";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const cohortId = params.cohortId ?? "";
  await requireCohortTrainer(request, cohortId);
  const editing = new URL(request.url).searchParams.get("dag");
  return json(await contactDaysPage(cohortId, editing));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const cohortId = params.cohortId ?? "";
  const trainer = await requireCohortTrainer(request, cohortId);
  const submission = await readSubmission(request, ContactDayAction);
  return attempt(submission, async (value) => {
    const here = `/agenda/contactdagen/${cohortId}`;
    if (value.intent === "remove") {
      await removeContactDay(trainer, cohortId, value.id);
      return redirectWithFlash(here, "De contactdag is verwijderd.");
    }
    const { intent: _intent, ...day } = value;
    await saveContactDay(trainer, cohortId, day);
    return redirectWithFlash(here, day.id ? "De contactdag is gewijzigd." : "De contactdag is toegevoegd.");
  });
}

export default function TrainerContactDays() {
  const { cohort, days, trainers, form } = useLoaderData<typeof loader>();
  const listPath = `/agenda/contactdagen/${cohort.id}`;
  return (
    <>
      <Crumbs to="/agenda" label="Agenda" />
      <h1>Contactdagen: {cohort.name}</h1>
      <p>
        De dagen dat de groep samenkomt, tussen {cohort.period}. Deelnemers zien ze op hun agenda en startpagina, in
        Nederlandse tijd.
      </p>
      <ContactDayList cohortId={cohort.id} days={days} listPath={listPath} />
      <ContactDayForm
        key={form.id || "nieuw"}
        cohortId={cohort.id}
        period={cohort.period}
        trainers={trainers}
        values={form}
        listPath={listPath}
      />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Contactdagen ${data?.cohort.name ?? "groep"} — Gilde` },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
