// A gilde's own room for the duration of the cohort: its members, their trainer and a linked alumnus mentor read
// and post here; nobody else finds it (404). Trainers link or unlink a mentor from the directory.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { invariantResponse, requireUser } from "~/auth/guards.server";
import {
  CommunityError,
  createThread,
  listThreads,
  roomAccess,
  threadInputFrom,
  threadValues,
} from "~/community/community.server";
import { linkMentor, mentorsOf, unlinkMentor } from "~/community/people.server";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Outcome, SelectField } from "~/components/field";
import { NewThreadForm, ThreadList } from "~/components/threads";
import { refusal } from "~/errors.server";
import { pageNumber } from "~/forms/fields";
import { readForm } from "~/forms/read.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const room = await roomAccess(user, params.gildeId ?? "");
  invariantResponse(room, "Deze gildekamer bestaat niet.", { status: 404 });
  const page = pageNumber(new URL(request.url).searchParams);
  const [list, mentors] = await Promise.all([
    listThreads("GILDE", { page }, room.gilde.id),
    room.moderate ? mentorsOf(room.gilde.id) : null,
  ]);
  return json({
    room: {
      id: room.gilde.id,
      name: room.gilde.name,
      cohort: room.gilde.cohort.name,
      role: room.role,
      post: room.post,
    },
    list,
    mentors,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const room = await roomAccess(user, params.gildeId ?? "");
  invariantResponse(room, "Deze gildekamer bestaat niet.", { status: 404 });
  const formData = await readForm(request);
  const intent = formData.get("intent");
  try {
    if (intent === "mentor" || intent === "unmentor") {
      if (room.role !== "trainer" && room.role !== "admin")
        throw new CommunityError("Alleen de trainer koppelt een mentor.", 403);
      const mentorId = String(formData.get("userId") ?? "");
      if (intent === "mentor") await linkMentor(room.gilde.id, mentorId, user.id);
      else await unlinkMentor(room.gilde.id, mentorId);
      return json({
        ok: true as const,
        message: intent === "mentor" ? "Mentor gekoppeld." : "Mentor ontkoppeld.",
        errors: {},
        values: {},
      });
    }
    if (!room.post) throw new CommunityError("De gildekamer is gesloten: de groep is afgelopen.", 403);
    const thread = await createThread(user, threadInputFrom(formData), { gildeId: room.gilde.id });
    return redirect(`/community/${thread.id}`);
  } catch (error) {
    return refusal(error, {
      errors: error instanceof CommunityError ? error.errors : {},
      values: threadValues(formData),
    });
  }
}

export default function GildeRoom() {
  const { room, list, mentors } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : undefined;
  return (
    <>
      <Crumbs
        to={room.role === "member" ? "/gilde" : "/dashboard"}
        label={room.role === "member" ? "Mijn gilde" : "Overzicht"}
        after={room.cohort}
      />
      <h1>Gildekamer {room.name}</h1>
      <p className="lead">
        Alleen de gilde, haar trainer{mentors?.mentors.length || room.role === "mentor" ? " en haar mentor" : ""} lezen
        hier mee.
      </p>
      <Outcome
        notice={result?.ok ? result.message : undefined}
        error={failed && !Object.keys(failed.errors).length ? failed.message : undefined}
      />
      <ThreadList threads={list.threads} page={list.page} pages={list.pages} pageHref={(p) => `?pagina=${p}`} />
      {room.post ? (
        <NewThreadForm
          values={failed?.values ?? {}}
          errors={failed?.errors ?? {}}
          formError={failed && Object.keys(failed.errors).length ? failed.message : undefined}
          withThemes={false}
        />
      ) : null}
      {mentors ? (
        <section aria-labelledby="mentor" style={{ marginTop: "2rem" }}>
          <h2 id="mentor">Mentor</h2>
          {mentors.mentors.length === 0 ? <p className="muted">Nog geen mentor gekoppeld.</p> : null}
          {mentors.mentors.map((m) => (
            <Form key={m.id} method="post" className="inline-form">
              <span>{m.name}</span>
              <input type="hidden" name="userId" value={m.id} />
              <button type="submit" name="intent" value="unmentor" className="button button--quiet">
                Ontkoppelen
              </button>
            </Form>
          ))}
          {mentors.available.length ? (
            <Form method="post" className="inline-form">
              <SelectField
                name="userId"
                label="Alumnus als mentor (uit de gids)"
                options={mentors.available.map((a) => ({ value: a.id, label: a.name }))}
              />
              <button type="submit" name="intent" value="mentor" className="button button--secondary">
                Koppelen
              </button>
            </Form>
          ) : (
            <p className="muted">Er staan geen alumni als beschikbare mentor in de gids.</p>
          )}
        </section>
      ) : null}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Gildekamer — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
