// The consent register per cohort for the admin (issue 24): choose a cohort, see given, expiring and withdrawn.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { ConsentOverview } from "~/components/consent/consent-overview";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SelectField } from "~/components/field";
import { adminConsentRegister } from "~/consent/consents.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  return json(await adminConsentRegister(new URL(request.url).searchParams.get("groep")));
}

export default function AdminConsents() {
  const { cohorts, cohort, register } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Toestemmingen</h1>
      <p className="lead">
        Het register van toestemmingen per groep: van bewoners en partners die feedback gaven, en van mensen in
        praktijkvoorbeelden.
      </p>
      {cohorts.length ? (
        <Form method="get" className="inline-form space-bottom">
          <SelectField
            name="groep"
            label="Groep"
            defaultValue={cohort?.id}
            options={cohorts.map((c) => ({ value: c.id, label: c.name }))}
          />
          <button type="submit" className="button button--secondary">
            Tonen
          </button>
        </Form>
      ) : null}
      {cohort && register ? (
        <>
          <h2>{cohort.name}</h2>
          <ConsentOverview rows={register.rows} counts={register.counts} />
        </>
      ) : (
        <p className="muted">Er zijn nog geen groepen.</p>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Toestemmingen — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
