// A gilde's own room for the duration of the cohort: its members, their trainer and a linked alumnus mentor read
// and post here; nobody else finds it (404). Trainers link or unlink a mentor from the directory.
import { RefusedError } from "~/errors.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { invariantResponse, requireUser } from "~/auth/guards.server";
import { createThread, listThreads, roomAccess } from "~/community/community.server";
import { MentorSchema, roomActionSchema } from "~/community/forms";
import { linkMentor, mentorsOf, unlinkMentor } from "~/community/people.server";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SelectField } from "~/components/field";
import { GildeForm } from "~/components/form";
import { NewThreadForm, ThreadList } from "~/components/threads";
import { pageNumber } from "~/forms/fields";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { useGildeForm } from "~/forms/use-form";

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
  const here = new URL(request.url).pathname;
  const submission = await readSubmission(request, roomActionSchema(room));
  return attempt(submission, async (value) => {
    switch (value.intent) {
      case "mentor":
        await linkMentor(room.gilde.id, value.userId, user.id);
        return redirectWithFlash(here, "Mentor gekoppeld.");
      case "unmentor":
        await unlinkMentor(room.gilde.id, value.userId);
        return redirectWithFlash(here, "Mentor ontkoppeld.");
      case "thread": {
        if (!room.post) throw new RefusedError("De gildekamer is gesloten: de groep is afgelopen.", 403);
        const thread = await createThread(user, value, { gildeId: room.gilde.id });
        // The new thread is the confirmation.
        return redirect(`/community/${thread.id}`);
      }
    }
  });
}

export default function GildeRoom() {
  const { room, list, mentors } = useLoaderData<typeof loader>();
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
      <ThreadList threads={list.threads} page={list.page} pages={list.pages} pageHref={(p) => `?pagina=${p}`} />
      {room.post ? <NewThreadForm withThemes={false} /> : null}
      {mentors ? <Mentors mentors={mentors} /> : null}
    </>
  );
}

type RoomMentors = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["mentors"]>;

function Mentors({ mentors }: { mentors: RoomMentors }) {
  return (
    <section aria-labelledby="mentor" className="space-top-lg">
      <h2 id="mentor">Mentor</h2>
      {mentors.mentors.length === 0 ? <p className="muted">Nog geen mentor gekoppeld.</p> : null}
      {mentors.mentors.map((m) => (
        <MentorForm key={m.id} id={`ontkoppelen-${m.id}`}>
          {(fields) => (
            <>
              <span>{m.name}</span>
              <input type="hidden" name={fields.userId.name} value={m.id} />
              <button type="submit" name={fields.intent.name} value="unmentor" className="button button--quiet">
                Ontkoppelen
              </button>
            </>
          )}
        </MentorForm>
      ))}
      {mentors.available.length ? (
        <MentorForm id="koppelen">
          {(fields) => (
            <>
              <SelectField
                meta={fields.userId}
                label="Alumnus als mentor (uit de gids)"
                options={mentors.available.map((a) => ({ value: a.id, label: a.name }))}
              />
              <button type="submit" name={fields.intent.name} value="mentor" className="button button--secondary">
                Koppelen
              </button>
            </>
          )}
        </MentorForm>
      ) : (
        <p className="muted">Er staan geen alumni als beschikbare mentor in de gids.</p>
      )}
    </section>
  );
}

type MentorFields = ReturnType<typeof useGildeForm<typeof MentorSchema>>[1];

function MentorForm({ id, children }: { id: string; children: (fields: MentorFields) => ReactNode }) {
  const [form, fields] = useGildeForm(MentorSchema, { id });
  return (
    <GildeForm form={form} className="inline-form">
      {children(fields)}
    </GildeForm>
  );
}

export const meta: MetaFunction = () => [{ title: "Gildekamer — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
