// Wie is wie: alumni who opted in (nobody else), with region, organisation, themes and whether they mentor.
// An alumnus opts in or out here.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { communityAccess } from "~/community/community.server";
import { DirectorySchema } from "~/community/forms";
import { directory, myEntry, optIn, optOut } from "~/community/people.server";
import { THEME_LABELS, THEMES } from "~/community/themes";
import { ThemeChoices } from "~/components/community/theme-choices";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, SelectField } from "~/components/field";
import { GildeForm } from "~/components/form";
import { Table } from "~/components/table";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { useGildeForm } from "~/forms/use-form";

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
  const submission = await readSubmission(request, DirectorySchema);
  return attempt(submission, async (value) => {
    const here = new URL(request.url).pathname;
    switch (value.intent) {
      case "out":
        await optOut(user);
        return redirectWithFlash(here, "Je staat niet meer in de gids.");
      case "in": {
        const { intent: _intent, ...entry } = value;
        await optIn(user, entry);
        return redirectWithFlash(here, "Je staat in de gids.");
      }
    }
  });
}

export default function Directory() {
  const { people, mine, alumnus, theme } = useLoaderData<typeof loader>();
  return (
    <>
      <Crumbs to="/community" label="Community" />
      <h1>Wie is wie</h1>
      <p className="lead">Alumni die vindbaar willen zijn. Niemand staat hier zonder het zelf te kiezen.</p>
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
      {alumnus ? <MyEntry mine={mine} /> : null}
    </>
  );
}

type Entry = ReturnType<typeof useLoaderData<typeof loader>>["mine"];

function MyEntry({ mine }: { mine: Entry }) {
  const [form, fields] = useGildeForm(DirectorySchema, {
    id: "vermelding",
    defaultValue: mine
      ? {
          region: mine.region,
          organisation: mine.organisation,
          themes: mine.themes,
          openToMentoring: mine.openToMentoring ? "on" : undefined,
        }
      : undefined,
  });
  return (
    <GildeForm form={form} aria-labelledby="mijn-vermelding" className="space-top-xl">
      <h2 id="mijn-vermelding">{mine ? "Je vermelding" : "In de gids staan"}</h2>
      <Field meta={fields.region} label="Regio" />
      <Field meta={fields.organisation} label="Organisatie" />
      <ThemeChoices meta={fields.themes} />
      <label className="check-label check-label--block">
        <input
          type="checkbox"
          name={fields.openToMentoring.name}
          defaultChecked={fields.openToMentoring.initialValue === "on"}
        />{" "}
        Ik sta open voor mentorschap van een gilde
      </label>
      <div className="button-row space-top-md">
        <button type="submit" name={fields.intent.name} value="in" className="button">
          {mine ? "Bijwerken" : "Opnemen in de gids"}
        </button>
        {mine ? (
          <button type="submit" name={fields.intent.name} value="out" className="button button--quiet">
            Uit de gids halen
          </button>
        ) : null}
      </div>
    </GildeForm>
  );
}

export const meta: MetaFunction = () => [{ title: "Wie is wie — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
