// One thread (community or gilde room), 50 posts per page: reply, "dit hielp mij", follow, report; moderators
// hide a post with a reason (kept; the author sees why). A room's thread is 404 to anyone outside the room.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { invariantResponse, requireUser } from "~/auth/guards.server";
import { markSeen } from "~/dashboard/seen.server";
import {
  hidePost,
  reply,
  report,
  threadAccess,
  threadFor,
  toggleFollow,
  toggleHelped,
} from "~/community/community.server";
import { FollowSchema, ReplySchema, threadActionSchema } from "~/community/forms";
import { THEME_LABELS } from "~/community/themes";
import { ThreadPost } from "~/components/community/thread-post";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TextArea } from "~/components/field";
import { GildeForm } from "~/components/form";
import { pageNumber } from "~/forms/fields";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { useGildeForm } from "~/forms/use-form";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = pageNumber(new URL(request.url).searchParams);
  const view = await threadFor(user, params.threadId ?? "", page);
  invariantResponse(view, "Dit onderwerp bestaat niet.", { status: 404 });
  // New replies shown here are no longer news on the start page.
  await markSeen(user.id, `draad:${params.threadId}`);
  return json(view);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const threadId = params.threadId ?? "";
  const may = await threadAccess(user, threadId);
  invariantResponse(may, "Dit onderwerp bestaat niet.", { status: 404 });
  const url = new URL(request.url);
  const here = `${url.pathname}${url.search}`;
  const submission = await readSubmission(request, threadActionSchema(may));
  return attempt(submission, async (value) => {
    switch (value.intent) {
      case "reply":
        await reply(user, threadId, value.body);
        return redirectWithFlash(here, "Je reactie staat erbij.");
      case "helped":
        await toggleHelped(user, value.postId);
        return redirect(here);
      case "follow":
        await toggleFollow(user, threadId);
        return redirect(here);
      case "report":
        await report(user, value.postId, value.reason);
        return redirectWithFlash(here, "Dank je: een moderator kijkt ernaar.");
      case "hide":
      case "unhide":
        await hidePost(user, value.postId, value.reason, value.intent === "hide");
        return redirectWithFlash(
          here,
          value.intent === "hide" ? "Het bericht is verborgen." : "Het bericht is weer zichtbaar.",
        );
    }
  });
}

export default function ThreadPage() {
  const { thread, posts, page, pages, following, may } = useLoaderData<typeof loader>();
  const [followForm, followFields] = useGildeForm(FollowSchema, { id: "volgen" });
  return (
    <>
      {thread.kind === "GILDE" ? (
        <Crumbs to={`/gildes/${thread.gildeId}`} label="Gildekamer" />
      ) : (
        <Crumbs to="/community" label="Community" />
      )}
      <h1>{thread.title}</h1>
      <p>
        {thread.themes.map((t) => (
          <span key={t} className="badge">
            {THEME_LABELS[t] ?? t}
          </span>
        ))}{" "}
        {thread.tags.map((t) => (
          <span key={t} className="badge badge--quiet">
            #{t}
          </span>
        ))}
      </p>
      <GildeForm form={followForm} className="inline-form">
        <button type="submit" name={followFields.intent.name} value="follow" className="button button--quiet">
          {following ? "Niet meer volgen" : "Volgen"}
        </button>
      </GildeForm>
      {posts.map((post) => (
        <ThreadPost key={post.id} post={post} moderate={may.moderate} />
      ))}
      {pages > 1 ? (
        <nav aria-label="Pagina's" className="button-row">
          {page > 1 ? <Link to={`?pagina=${page - 1}`}>Vorige</Link> : null}
          <span>
            Pagina {page} van {pages}
          </span>
          {page < pages ? <Link to={`?pagina=${page + 1}`}>Volgende</Link> : null}
        </nav>
      ) : null}
      {/* A new key after each reply empties the form. */}
      {may.post ? <ReplyForm key={posts.length} /> : null}
    </>
  );
}

function ReplyForm() {
  const [form, fields] = useGildeForm(ReplySchema, { id: "reageren" });
  return (
    <GildeForm form={form} aria-labelledby="reageren-kop">
      <h2 id="reageren-kop">Reageren</h2>
      <input type="hidden" name={fields.intent.name} value="reply" />
      <TextArea meta={fields.body} label="Je reactie (Markdown)" rows={5} />
      <button type="submit" className="button">
        Plaatsen
      </button>
    </GildeForm>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.thread.title ?? "Onderwerp"} — Gilde` },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
