// The alumni community: threads with themes and tags, most recently active first, 30 per page. Alumni post;
// current participants read (and post when the admin opened it); others are not let in.
import { RefusedError } from "~/errors.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireUser } from "~/auth/guards.server";
import { communityAccess, createThread, listThreads } from "~/community/community.server";
import { ThreadSchema } from "~/community/forms";
import { THEMES } from "~/community/themes";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SelectField } from "~/components/field";
import { NewThreadForm, ThreadList } from "~/components/threads";
import { pageNumber } from "~/forms/fields";
import { attempt, readSubmission } from "~/forms/submission.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const access = await communityAccess(user);
  if (!access.read) throw new Response("De community is voor alumni en deelnemers van de leergang.", { status: 403 });
  const params = new URL(request.url).searchParams;
  const filter = {
    theme: params.get("thema") || undefined,
    tag: params.get("tag") || undefined,
    page: pageNumber(params),
  };
  return json({
    access,
    list: await listThreads("COMMUNITY", filter),
    filter: { thema: filter.theme ?? "", tag: filter.tag ?? "" },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = await readSubmission(request, ThreadSchema);
  const access = await communityAccess(user);
  return attempt(submission, async (input) => {
    if (!access.post) throw new RefusedError("Alleen alumni plaatsen berichten in de community.", 403);
    const thread = await createThread(user, input);
    // The new thread is the confirmation.
    return redirect(`/community/${thread.id}`);
  });
}

export default function Community() {
  const { access, list, filter } = useLoaderData<typeof loader>();
  const query = (page: number) =>
    `/community?${new URLSearchParams({ ...(filter.thema ? { thema: filter.thema } : {}), ...(filter.tag ? { tag: filter.tag } : {}), pagina: String(page) })}`;
  return (
    <>
      <h1>Community</h1>
      <p className="lead">De gilde gaat door: alumni van de leergang delen hier vragen en ervaringen uit hun wijk.</p>
      <p>
        <Link to="/praktijk">Praktijkvoorbeelden</Link> · <Link to="/community/mensen">Wie is wie</Link>
      </p>
      {!access.post ? (
        <p className="notice">Je kunt meelezen. Berichten plaatsen kan zodra je de leergang hebt afgerond.</p>
      ) : null}
      <Form method="get" className="inline-form space-bottom-md">
        <SelectField
          name="thema"
          label="Thema"
          defaultValue={filter.thema}
          emptyLabel="Alle thema's"
          options={THEMES.map((t) => ({ value: t.id, label: t.label }))}
        />
        <div className="field">
          <label htmlFor="tag">Tag</label>
          <input id="tag" name="tag" defaultValue={filter.tag} />
        </div>
        <button type="submit" className="button">
          Tonen
        </button>
      </Form>
      <ThreadList threads={list.threads} page={list.page} pages={list.pages} pageHref={query} />
      {access.post ? <NewThreadForm /> : null}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Community — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
