// One cohort's contact days for the admin: the list (date, times, place or online, topic), a form to add one or to
// change the one chosen with `?dag=`, and a button to remove each. Every change is audited; the public cohort page
// shows the days at once.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { ContactDayAction } from "~/cohorts/contact-day-form";
import { contactDaysPage, removeContactDay, saveContactDay } from "~/cohorts/contact-days.server";
import { ContactDayForm } from "~/components/cohorts/contact-day-form";
import { ContactDayList } from "~/components/cohorts/contact-day-list";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const editing = new URL(request.url).searchParams.get("dag");
  return json(await contactDaysPage(params.cohortId ?? "", editing));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const cohortId = params.cohortId ?? "";
  await contactDaysPage(cohortId, null); // a 404 for a cohort that does not exist
  const submission = await readSubmission(request, ContactDayAction);
  return attempt(submission, async (value) => {
    const here = `/beheer/groepen/${cohortId}/contactdagen`;
    if (value.intent === "remove") {
      await removeContactDay(admin, cohortId, value.id);
      return redirectWithFlash(here, "De contactdag is verwijderd.");
    }
    const { intent: _intent, ...day } = value;
    await saveContactDay(admin, cohortId, day);
    return redirectWithFlash(here, day.id ? "De contactdag is gewijzigd." : "De contactdag is toegevoegd.");
  });
}

export default function ContactDays() {
  const { cohort, days, trainers, form } = useLoaderData<typeof loader>();
  return (
    <>
      <Crumbs to={`/beheer/groepen/${cohort.id}/instellingen`} label={`${cohort.name}: status en instellingen`} />
      <h1>Contactdagen: {cohort.name}</h1>
      <p>
        De dagen dat de groep samenkomt, tussen {cohort.period}. Ze staan op de leergangpagina van de groep, in
        Nederlandse tijd.
      </p>
      <ContactDayList cohortId={cohort.id} days={days} />
      <ContactDayForm
        key={form.id || "nieuw"}
        cohortId={cohort.id}
        period={cohort.period}
        values={form}
        trainers={trainers}
      />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Contactdagen ${data?.cohort.name ?? "groep"} — Beheer — Gilde` },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
