// A participant's evaluation of their gilde at one moment: themselves first, then each gildegenoot, one at a
// time; and what the gildegenoten said about them, per criterion, once at least three gave it. Never who said what.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { invariantResponse, requireRole } from "~/auth/guards.server";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { MemberRatingForm } from "~/components/peer-review/member-rating-form";
import { formatDateTime, formatNumber } from "~/format";
import type { FormReply } from "~/forms/protocol";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { MemberRatingSchema } from "~/peer-review/evaluation-forms";
import { MIN_RATERS } from "~/peer-review/evaluation-rules";
import { evaluationPage, submitMemberRating } from "~/peer-review/evaluation.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  const page = await evaluationPage(user.id, params.momentId ?? "");
  invariantResponse(page, "Deze evaluatie bestaat niet, of is niet voor jou.", { status: 404 });
  return json(page);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  const submission = await readSubmission(request, MemberRatingSchema);
  return attempt(submission, async (input) => {
    const saved = await submitMemberRating(user.id, params.momentId ?? "", input);
    return redirectWithFlash(
      new URL(request.url).pathname,
      saved.self ? "Opgeslagen. Beoordeel nu je gildegenoten." : `Je beoordeling van ${saved.name} is opgeslagen.`,
    );
  });
}

/** Whom the form is for: the one just refused (so what was typed stays), else yourself first, then the next. */
function useRatee(page: ReturnType<typeof useLoaderData<typeof loader>>) {
  const reply = useActionData() as FormReply | undefined;
  const refused = reply?.formId?.startsWith("evaluatie-") ? reply.formId.slice("evaluatie-".length) : null;
  const peer = page.peers.find((p) => p.key === refused);
  if (refused === "zelf") return { key: "zelf", name: null, refusal: null };
  if (peer) return { key: peer.key, name: peer.name, refusal: null };
  // A refusal for someone not (or no longer) on this page: its message at the top.
  const refusal = reply?.status === "error" ? (reply.error?.[""]?.join(" ") ?? null) : null;
  if (page.moment.state !== "open") return { key: null, name: null, refusal };
  if (!page.selfDone) return { key: "zelf", name: null, refusal };
  const next = page.peers.find((p) => !p.done);
  return { key: next?.key ?? null, name: next?.name ?? null, refusal };
}

export default function Evaluation() {
  const page = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  const ratee = useRatee(page);
  const left = page.peers.filter((p) => !p.done).length + (page.selfDone ? 0 : 1);
  return (
    <>
      <Crumbs to="/gilde" label="Mijn gilde" after={`Gilde ${page.gilde}`} />
      <h1>Evaluatie: {page.moment.name}</h1>
      <p className="lead">
        {page.moment.state === "open"
          ? `Hoe ging het samenwerken? Open tot ${formatDateTime(page.moment.closesAt)}.`
          : page.moment.state === "closed"
            ? "Deze evaluatie is gesloten."
            : "Deze evaluatie is nog niet open."}
      </p>
      {ratee.refusal ? (
        <p className="notice notice--error" role="alert">
          {ratee.refusal}
        </p>
      ) : null}

      <section aria-labelledby="invullen">
        <h2 id="invullen" className="visually-hidden">
          Invullen
        </h2>
        {page.moment.state === "open" ? (
          <>
            <p>{left === 0 ? "Je hebt alles ingevuld: dank je." : `Nog ${left} te doen.`}</p>
            <ul className="plain-list">
              <li>{page.selfDone ? "✓" : "○"} Jijzelf</li>
              {page.peers.map((p) => (
                <li key={p.key}>
                  {p.done ? "✓" : "○"} {p.name}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {ratee.key ? <MemberRatingForm key={ratee.key} ratee={ratee.key} name={ratee.name} busy={busy} /> : null}
      </section>

      <section aria-labelledby="over-jou" className="card card--stacked">
        <h2 id="over-jou" className="flush-top">
          Wat je gildegenoten over jou zeiden
        </h2>
        <p className="muted">
          Je ziet alleen een gemiddelde, en pas als minstens {MIN_RATERS} gildegenoten je op een punt beoordeelden. Zo
          weet niemand wie wat zei.
        </p>
        <dl>
          {page.aggregate.map((a) => (
            <div key={a.id}>
              <dt>{a.title}</dt>
              <dd>
                {a.average !== null
                  ? `gemiddeld ${formatNumber(a.average)} van 4 (${a.count} gildegenoten)`
                  : `nog niet te zien: minder dan ${MIN_RATERS} beoordelingen`}
              </dd>
            </div>
          ))}
        </dl>
        {page.comments.length ? (
          <>
            <h3>Wat ze je meegaven</h3>
            <ul>
              {page.comments.map((text, index) => (
                <li key={index}>{text}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Evaluatie — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
