// One practice case; its author can withdraw it (gone everywhere at once).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { invariantResponse, requireUser } from "~/auth/guards.server";
import { caseById, withdrawCase } from "~/community/cases.server";
import { communityAccess } from "~/community/community.server";
import { WithdrawSchema } from "~/community/forms";
import { THEME_LABELS } from "~/community/themes";
import { CaseConsentNotice } from "~/components/consent/case-consent-notice";
import { Crumbs } from "~/components/crumbs";
import { caseConsentSummary } from "~/consent/case-consents.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { GildeForm } from "~/components/form";
import { formatDate } from "~/format";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { useGildeForm } from "~/forms/use-form";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  invariantResponse((await communityAccess(user)).read, "Niet gevonden.", { status: 404 });
  const found = await caseById(params.caseId ?? "", user.id);
  invariantResponse(found, "Dit praktijkvoorbeeld bestaat niet (meer).", { status: 404 });
  const { author, authorId: _authorId, sourceSubmissionId: _source, awaitingConsent: _awaiting, ...rest } = found;
  const mine = author.id === user.id;
  const consent = mine ? await caseConsentSummary(found.id) : null;
  return json({ item: { ...rest, author: author.name }, mine, consent });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = await readSubmission(request, WithdrawSchema);
  return attempt(submission, async () => {
    await withdrawCase(user, params.caseId ?? "");
    return redirectWithFlash("/praktijk", "Je praktijkvoorbeeld is ingetrokken.");
  });
}

const PARTS = [
  ["situation", "De situatie"],
  ["residents", "Wat bewoners deden"],
  ["role", "De rol van de professional"],
  ["result", "Wat het opleverde"],
  ["learned", "Wat ik ervan leerde"],
] as const;

export default function PracticeCase() {
  const { item, mine, consent } = useLoaderData<typeof loader>();
  const [form] = useGildeForm(WithdrawSchema, { id: "intrekken" });
  return (
    <article>
      <Crumbs to="/praktijk" label="Praktijkvoorbeelden" />
      <h1>{item.title}</h1>
      {consent ? <CaseConsentNotice caseId={item.id} summary={consent} /> : null}
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
          <p className="pre-wrap">{item[key]}</p>
        </section>
      ))}
      {mine ? (
        <GildeForm
          form={form}
          onSubmitCapture={(event) =>
            !confirm("Dit voorbeeld intrekken? Het verdwijnt direct voor iedereen.")
              ? event.preventDefault()
              : undefined
          }
        >
          <button type="submit" className="button button--secondary">
            Intrekken
          </button>
        </GildeForm>
      ) : null}
    </article>
  );
}

export const meta: MetaFunction = () => [{ title: "Praktijkvoorbeeld — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
