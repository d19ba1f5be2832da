// One thread (community or gilde room), 50 posts per page: reply, "dit hielp mij", follow, report; moderators
// hide a post with a reason (kept; the author sees why). A room's thread is 404 to anyone outside the room.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { invariantResponse, requireUser } from "~/auth/guards.server";
import { hidePost, reply, report, threadFor, toggleFollow, toggleHelped } from "~/community/community.server";
import { THEME_LABELS } from "~/community/themes";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Outcome, TextArea } from "~/components/field";
import { formatDateTime } from "~/format";
import { refusal } from "~/errors.server";
import { pageNumber } from "~/forms/fields";
import { readForm } from "~/forms/read.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = pageNumber(new URL(request.url).searchParams);
  const view = await threadFor(user, params.threadId ?? "", page);
  invariantResponse(view, "Dit onderwerp bestaat niet.", { status: 404 });
  return json(view);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const threadId = params.threadId ?? "";
  const formData = await readForm(request);
  const field = (name: string) => String(formData.get(name) ?? "");
  try {
    switch (field("intent")) {
      case "reply":
        await reply(user, threadId, field("body"));
        return json({ ok: true as const, message: "Je reactie staat erbij." });
      case "helped":
        await toggleHelped(user, field("postId"));
        return json({ ok: true as const, message: "" });
      case "follow":
        await toggleFollow(user, threadId);
        return json({ ok: true as const, message: "" });
      case "report":
        await report(user, field("postId"), field("reason"));
        return json({ ok: true as const, message: "Dank je: een moderator kijkt ernaar." });
      case "hide":
      case "unhide":
        await hidePost(user, field("postId"), field("reason"), field("intent") === "hide");
        return json({
          ok: true as const,
          message: field("intent") === "hide" ? "Het bericht is verborgen." : "Het bericht is weer zichtbaar.",
        });
      default:
        return json({ ok: false as const, message: "Onbekende actie.", body: "" }, { status: 400 });
    }
  } catch (error) {
    return refusal(error, { body: field("body") });
  }
}

export default function ThreadPage() {
  const { thread, posts, page, pages, following, may } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : undefined;
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
      <Form method="post" className="inline-form">
        <button type="submit" name="intent" value="follow" className="button button--quiet">
          {following ? "Niet meer volgen" : "Volgen"}
        </button>
      </Form>
      <Outcome notice={result?.ok && result.message ? result.message : undefined} error={failed?.message} />
      {posts.map((post) => (
        <article
          key={post.id}
          className={post.hidden ? "post post--hidden" : "post"}
          aria-label={`Bericht van ${post.author}`}
        >
          <p className="muted" style={{ margin: 0 }}>
            <strong>{post.author}</strong> · {formatDateTime(post.createdAt)}
          </p>
          {post.hidden ? (
            <p className="notice notice--warm">
              Verborgen door een moderator{post.hidden.reason ? `: ${post.hidden.reason}` : "."}
            </p>
          ) : null}
          {post.html ? (
            <div className="prose" style={{ marginTop: "0.5rem" }} dangerouslySetInnerHTML={{ __html: post.html }} />
          ) : null}
          <div className="inline-form">
            {post.mine ? (
              <span className="muted">{post.helped} keer: dit hielp mij</span>
            ) : (
              <Form method="post">
                <input type="hidden" name="postId" value={post.id} />
                <button
                  type="submit"
                  name="intent"
                  value="helped"
                  className="button button--quiet"
                  aria-pressed={post.helpedByMe}
                >
                  Dit hielp mij ({post.helped})
                </button>
              </Form>
            )}
            {!post.mine ? (
              <details>
                <summary>Melden</summary>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="postId" value={post.id} />
                  <div className="field">
                    <label htmlFor={`reason-${post.id}`}>Wat is er mis?</label>
                    <input id={`reason-${post.id}`} name="reason" required />
                  </div>
                  <button type="submit" name="intent" value="report" className="button button--quiet">
                    Melden
                  </button>
                </Form>
              </details>
            ) : null}
            {may.moderate ? (
              <details>
                <summary>{post.hidden ? "Weer tonen" : "Verbergen"}</summary>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="postId" value={post.id} />
                  {post.hidden ? null : (
                    <div className="field">
                      <label htmlFor={`hide-${post.id}`}>Reden (de schrijver ziet die)</label>
                      <input id={`hide-${post.id}`} name="reason" required />
                    </div>
                  )}
                  <button
                    type="submit"
                    name="intent"
                    value={post.hidden ? "unhide" : "hide"}
                    className="button button--quiet"
                  >
                    {post.hidden ? "Weer tonen" : "Verbergen"}
                  </button>
                </Form>
              </details>
            ) : null}
          </div>
        </article>
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
      {may.post ? (
        <Form method="post" aria-labelledby="reageren" key={posts.length}>
          <h2 id="reageren">Reageren</h2>
          <input type="hidden" name="intent" value="reply" />
          <TextArea name="body" label="Je reactie (Markdown)" rows={5} defaultValue={failed?.body ?? ""} />
          <button type="submit" className="button">
            Plaatsen
          </button>
        </Form>
      ) : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.thread.title ?? "Onderwerp"} — Gilde` },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
