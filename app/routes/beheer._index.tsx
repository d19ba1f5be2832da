import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { requireRole } from "~/auth/guards.server";
import { createCohort, listCohorts } from "~/cohorts/cohorts.server";
import { Field } from "~/components/field";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { GildeForm } from "~/components/form";
import { Table } from "~/components/table";
import { COHORT_STATUS_LABELS, formatCalendarDate, formatEuro } from "~/format";
import { euroAmount, isoDate, requiredText, wholeNumber } from "~/forms/fields";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { useGildeForm } from "~/forms/use-form";

// The period is checked on its own (an intersection checks both halves), so a wrong end date shows even while
// another field is still empty.
const Period = z
  .object({ startsOn: isoDate("de startdatum"), endsOn: isoDate("de einddatum") })
  .refine((value) => value.endsOn > value.startsOn, {
    message: "De einddatum moet na de startdatum liggen.",
    path: ["endsOn"],
  });
const CohortSchema = z
  .object({
    name: requiredText("een naam voor de groep", 120),
    price: euroAmount("de prijs"),
    capacity: wholeNumber("het aantal plaatsen", { min: 1, max: 500, example: 24 }),
  })
  .and(Period);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  return json({ cohorts: await listCohorts() });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, "ADMIN");
  const submission = await readSubmission(request, CohortSchema);
  return attempt(submission, async ({ price, ...rest }) => {
    const cohort = await createCohort({ ...rest, priceCents: price });
    return redirectWithFlash(`/beheer/groepen/${cohort.id}`, `De groep ‘${rest.name}’ is aangemaakt.`);
  });
}

export default function AdminHome() {
  const { cohorts } = useLoaderData<typeof loader>();
  const [form, fields] = useGildeForm(CohortSchema, { id: "nieuwe-groep" });
  return (
    <>
      <h1>Beheer: groepen</h1>
      <Table caption="Alle groepen" headers={["Groep", "Status", "Periode", "Prijs", "Plaatsen", "Gildes"]}>
        {cohorts.map((cohort) => (
          <tr key={cohort.id}>
            <td>
              <Link to={`/beheer/groepen/${cohort.id}`}>{cohort.name}</Link>
            </td>
            <td>{COHORT_STATUS_LABELS[cohort.status]}</td>
            <td>
              {formatCalendarDate(cohort.startsOn)} – {formatCalendarDate(cohort.endsOn)}
            </td>
            <td>{formatEuro(cohort.priceCents)}</td>
            <td>
              {cohort._count.enrollments} / {cohort.capacity}
            </td>
            <td>{cohort._count.gildes}</td>
          </tr>
        ))}
      </Table>
      <section className="card form--wide space-top-lg" aria-labelledby="nieuwe-groep-kop">
        <h2 id="nieuwe-groep-kop">Nieuwe groep</h2>
        <GildeForm form={form}>
          <Field meta={fields.name} label="Naam" hint="Bijvoorbeeld ‘Najaar 2027’." required />
          <div className="grid">
            <Field meta={fields.startsOn} label="Startdatum" type="date" required />
            <Field meta={fields.endsOn} label="Einddatum" type="date" required />
          </div>
          <div className="grid">
            <Field meta={fields.price} label="Prijs in euro" inputMode="decimal" required />
            <Field meta={fields.capacity} label="Aantal plaatsen" inputMode="numeric" required />
          </div>
          <button type="submit" className="button">
            Groep aanmaken
          </button>
        </GildeForm>
      </section>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Beheer — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
