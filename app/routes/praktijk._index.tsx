// The practice library: cases from alumni's wijken, searchable in Dutch and filterable by theme and municipality.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireUser } from "~/auth/guards.server";
import { listCases } from "~/community/cases.server";
import { communityAccess } from "~/community/community.server";
import { THEME_LABELS, THEMES } from "~/community/themes";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SelectField } from "~/components/field";
import { formatDate } from "~/format";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const access = await communityAccess(user);
  if (!access.read)
    throw new Response("De praktijkvoorbeelden zijn voor alumni en deelnemers van de leergang.", { status: 403 });
  const params = new URL(request.url).searchParams;
  const filter = { q: params.get("q") ?? "", thema: params.get("thema") ?? "", gemeente: params.get("gemeente") ?? "" };
  const result = await listCases({
    q: filter.q || undefined,
    theme: filter.thema || undefined,
    municipality: filter.gemeente || undefined,
  });
  return json({ ...result, filter, canPublish: access.alumnus });
}

export default function Library() {
  const { cases, municipalities, filter, canPublish } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Praktijkvoorbeelden</h1>
      <p className="lead">Wat alumni in hun eigen wijk deden, met bewoners, en wat ze ervan leerden.</p>
      {canPublish ? (
        <p>
          <Link className="button" to="/praktijk/nieuw">
            Een voorbeeld publiceren
          </Link>
        </p>
      ) : null}
      <Form method="get" className="inline-form space-bottom-md" role="search">
        <div className="field">
          <label htmlFor="q">Zoeken</label>
          <input id="q" name="q" type="search" defaultValue={filter.q} />
        </div>
        <SelectField
          name="thema"
          label="Thema"
          defaultValue={filter.thema}
          emptyLabel="Alle thema's"
          options={THEMES.map((t) => ({ value: t.id, label: t.label }))}
        />
        <SelectField
          name="gemeente"
          label="Gemeente"
          defaultValue={filter.gemeente}
          emptyLabel="Alle gemeenten"
          options={municipalities.map((m) => ({ value: m, label: m }))}
        />
        <button type="submit" className="button">
          Zoeken
        </button>
      </Form>
      {cases.length === 0 ? (
        <p className="muted">{filter.q ? `Niets gevonden voor ‘${filter.q}’.` : "Nog geen praktijkvoorbeelden."}</p>
      ) : null}
      <ul className="plain-list thread-list">
        {cases.map((c) => (
          <li key={c.id} className="card">
            <h2 className="flush heading-card">
              <Link to={`/praktijk/${c.id}`}>{c.title}</Link>
            </h2>
            <p className="muted space-y-2xs">
              {c.municipality}
              {c.wijk ? `, ${c.wijk}` : ""} · {c.author} · {formatDate(c.publishedAt)}
            </p>
            <p className="flush">{c.excerpt}</p>
            <p className="flush space-top-2xs">
              {c.themes.map((t) => (
                <span key={t} className="badge">
                  {THEME_LABELS[t] ?? t}
                </span>
              ))}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Praktijkvoorbeelden — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
