// One practice case; its author can withdraw it (gone everywhere at once).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { invariantResponse, requireUser } from "~/auth/guards.server";
import { caseById, withdrawCase } from "~/community/cases.server";
import { communityAccess } from "~/community/community.server";
import { THEME_LABELS } from "~/community/themes";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDate } from "~/format";
import { refusal } from "~/errors.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  invariantResponse((await communityAccess(user)).read, "Niet gevonden.", { status: 404 });
  const found = await caseById(params.caseId ?? "");
  invariantResponse(found, "Dit praktijkvoorbeeld bestaat niet (meer).", { status: 404 });
  const { author, authorId: _authorId, sourceSubmissionId: _source, ...rest } = found;
  return json({ item: { ...rest, author: author.name }, mine: author.id === user.id });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  try {
    await withdrawCase(user, params.caseId ?? "");
    return redirect("/praktijk");
  } catch (error) {
    return refusal(error);
  }
}

const PARTS = [
  ["situation", "De situatie"],
  ["residents", "Wat bewoners deden"],
  ["role", "De rol van de professional"],
  ["result", "Wat het opleverde"],
  ["learned", "Wat ik ervan leerde"],
] as const;

export default function PracticeCase() {
  const { item, mine } = useLoaderData<typeof loader>();
  return (
    <article>
      <Crumbs to="/praktijk" label="Praktijkvoorbeelden" />
      <h1>{item.title}</h1>
      <p className="muted">
        {item.municipality}
        {item.wijk ? `, ${item.wijk}` : ""} · {item.author} · {formatDate(item.publishedAt)}
      </p>
      <p>
        {item.themes.map((t) => (
          <span key={t} className="badge">
            {THEME_LABELS[t] ?? t}
          </span>
        ))}
      </p>
      {PARTS.map(([key, label]) => (
        <section key={key}>
          <h2>{label}</h2>
          <p style={{ whiteSpace: "pre-wrap" }}>{item[key]}</p>
        </section>
      ))}
      {mine ? (
        <Form
          method="post"
          onSubmit={(event) =>
            !confirm("Dit voorbeeld intrekken? Het verdwijnt direct voor iedereen.")
              ? event.preventDefault()
              : undefined
          }
        >
          <button type="submit" className="button button--secondary">
            Intrekken
          </button>
        </Form>
      ) : null}
    </article>
  );
}

export const meta: MetaFunction = () => [{ title: "Praktijkvoorbeeld — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
