// Wie is wie: alumni who opted in (nobody else), with region, organisation, themes and whether they mentor.
// An alumnus opts in or out here.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { communityAccess, CommunityError } from "~/community/community.server";
import { directory, myEntry, optIn, optOut } from "~/community/people.server";
import { THEME_LABELS, THEMES } from "~/community/themes";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError, Outcome, SelectField } from "~/components/field";
import { Table } from "~/components/table";
import { refusal } from "~/errors.server";
import { readForm } from "~/forms/read.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const access = await communityAccess(user);
  if (!access.read) throw new Response("De gids is voor alumni en deelnemers van de leergang.", { status: 403 });
  const theme = new URL(request.url).searchParams.get("thema") || undefined;
  return json({
    people: await directory({ theme }),
    mine: access.alumnus ? await myEntry(user.id) : null,
    alumnus: access.alumnus,
    theme: theme ?? "",
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readForm(request);
  try {
    if (formData.get("intent") === "out") {
      await optOut(user);
      return json({ ok: true as const, message: "Je staat niet meer in de gids." });
    }
    await optIn(user, {
      region: String(formData.get("region") ?? ""),
      organisation: String(formData.get("organisation") ?? ""),
      themes: formData.getAll("themes").map(String),
      openToMentoring: formData.get("openToMentoring") === "on",
    });
    return json({ ok: true as const, message: "Je staat in de gids." });
  } catch (error) {
    return refusal(error, { errors: error instanceof CommunityError ? error.errors : {} });
  }
}

export default function Directory() {
  const { people, mine, alumnus, theme } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result && !result.ok ? result.errors : {};
  return (
    <>
      <Crumbs to="/community" label="Community" />
      <h1>Wie is wie</h1>
      <p className="lead">Alumni die vindbaar willen zijn. Niemand staat hier zonder het zelf te kiezen.</p>
      <Outcome
        notice={result?.ok ? result.message : undefined}
        error={result && !result.ok && !Object.keys(errors).length ? result.message : undefined}
      />
      <Form method="get" className="inline-form">
        <SelectField
          name="thema"
          label="Thema"
          defaultValue={theme}
          emptyLabel="Alle thema's"
          options={THEMES.map((t) => ({ value: t.id, label: t.label }))}
        />
        <button type="submit" className="button">
          Tonen
        </button>
      </Form>
      {people.length === 0 ? <p className="muted">Nog niemand in de gids.</p> : null}
      {people.length ? (
        <Table headers={["Naam", "Regio", "Organisatie", "Thema's", "Mentor"]}>
          {people.map((p) => (
            <tr key={p.userId}>
              <td>{p.name}</td>
              <td>{p.region}</td>
              <td>{p.organisation}</td>
              <td>{p.themes.map((t) => THEME_LABELS[t] ?? t).join(", ")}</td>
              <td>{p.openToMentoring ? "beschikbaar" : "–"}</td>
            </tr>
          ))}
        </Table>
      ) : null}
      {alumnus ? (
        <Form method="post" aria-labelledby="mijn-vermelding" style={{ marginTop: "2rem" }}>
          <h2 id="mijn-vermelding">{mine ? "Je vermelding" : "In de gids staan"}</h2>
          <FormError error={Object.keys(errors).length && result && !result.ok ? result.message : undefined} />
          <Field name="region" label="Regio" defaultValue={mine?.region} error={errors.region} />
          <Field
            name="organisation"
            label="Organisatie"
            defaultValue={mine?.organisation}
            error={errors.organisation}
          />
          <fieldset className="field">
            <legend>Thema's</legend>
            {THEMES.map((t) => (
              <label key={t.id} style={{ fontWeight: "normal", marginRight: "1rem" }}>
                <input type="checkbox" name="themes" value={t.id} defaultChecked={mine?.themes.includes(t.id)} />{" "}
                {t.label}
              </label>
            ))}
          </fieldset>
          <label style={{ fontWeight: "normal", display: "block" }}>
            <input type="checkbox" name="openToMentoring" defaultChecked={mine?.openToMentoring} /> Ik sta open voor
            mentorschap van een gilde
          </label>
          <div className="button-row" style={{ marginTop: "1rem" }}>
            <button type="submit" name="intent" value="in" className="button">
              {mine ? "Bijwerken" : "Opnemen in de gids"}
            </button>
            {mine ? (
              <button type="submit" name="intent" value="out" className="button button--quiet">
                Uit de gids halen
              </button>
            ) : null}
          </div>
        </Form>
      ) : null}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Wie is wie — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
