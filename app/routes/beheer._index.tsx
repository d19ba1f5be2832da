import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireRole } from "~/auth/guards.server";
import { createCohort, listCohorts } from "~/cohorts/cohorts.server";
import { Field, FormError } from "~/components/field";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatCalendarDate, formatEuro } from "~/format";
import { euroAmount, isoDate, requiredText } from "~/forms/fields";
import { parseForm } from "~/forms/parse";
import { readForm } from "~/forms/read.server";

const CohortSchema = z
  .object({
    name: requiredText("een naam voor de groep", 120),
    startsOn: isoDate("de startdatum"),
    endsOn: isoDate("de einddatum"),
    price: euroAmount("de prijs"),
    capacity: z.coerce
      .number({ invalid_type_error: "Vul het aantal plaatsen in als getal." })
      .int("Vul een heel aantal plaatsen in.")
      .min(1, "Een groep heeft minstens één plaats.")
      .max(500, "Een groep heeft hoogstens 500 plaatsen."),
  })
  .refine((value) => value.endsOn > value.startsOn, {
    message: "De einddatum moet na de startdatum liggen.",
    path: ["endsOn"],
  });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  return json({ cohorts: await listCohorts() });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, "ADMIN");
  const parsed = parseForm(CohortSchema, await readForm(request));
  if (!parsed.ok) return json(parsed, { status: 400 });
  const { price, ...rest } = parsed.data;
  const cohort = await createCohort({ ...rest, priceCents: price });
  return redirect(`/beheer/groepen/${cohort.id}`);
}

export default function AdminHome() {
  const { cohorts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? {};
  return (
    <>
      <h1>Beheer: groepen</h1>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Alle groepen</caption>
          <thead>
            <tr>
              <th scope="col">Groep</th>
              <th scope="col">Periode</th>
              <th scope="col">Prijs</th>
              <th scope="col">Plaatsen</th>
              <th scope="col">Gildes</th>
            </tr>
          </thead>
          <tbody>
            {cohorts.map((cohort) => (
              <tr key={cohort.id}>
                <td>
                  <Link to={`/beheer/groepen/${cohort.id}`}>{cohort.name}</Link>
                </td>
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
          </tbody>
        </table>
      </div>
      <section className="card form--wide" style={{ marginTop: "2rem" }} aria-labelledby="nieuwe-groep">
        <h2 id="nieuwe-groep">Nieuwe groep</h2>
        <FormError error={actionData?.formError} />
        <Form method="post" noValidate>
          <Field
            name="name"
            label="Naam"
            hint="Bijvoorbeeld ‘Najaar 2027’."
            defaultValue={values.name}
            error={errors.name}
            required
          />
          <div className="grid">
            <Field
              name="startsOn"
              label="Startdatum"
              type="date"
              defaultValue={values.startsOn}
              error={errors.startsOn}
              required
            />
            <Field
              name="endsOn"
              label="Einddatum"
              type="date"
              defaultValue={values.endsOn}
              error={errors.endsOn}
              required
            />
          </div>
          <div className="grid">
            <Field
              name="price"
              label="Prijs in euro"
              inputMode="decimal"
              defaultValue={values.price}
              error={errors.price}
              required
            />
            <Field
              name="capacity"
              label="Aantal plaatsen"
              inputMode="numeric"
              defaultValue={values.capacity}
              error={errors.capacity}
              required
            />
          </div>
          <button type="submit" className="button">
            Groep aanmaken
          </button>
        </Form>
      </section>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Beheer — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
