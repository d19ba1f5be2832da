// Moderation for the admin: reported posts (hide with a reason, or dismiss), and whether current participants
// may post in the alumni community.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import {
  dismissReport,
  hidePost,
  openReports,
  participantsMayPost,
  setParticipantsMayPost,
} from "~/community/community.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Outcome } from "~/components/field";
import { formatDateTime } from "~/format";
import { refusal } from "~/errors.server";
import { readForm } from "~/forms/read.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  return json({ reports: await openReports(), participantsMayPost: await participantsMayPost() });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const formData = await readForm(request);
  const intent = formData.get("intent");
  try {
    if (intent === "setting") {
      await setParticipantsMayPost(formData.get("participantsMayPost") === "on");
      return json({ ok: true as const, message: "Opgeslagen." });
    }
    if (intent === "dismiss") {
      await dismissReport(String(formData.get("reportId") ?? ""));
      return json({ ok: true as const, message: "Melding afgehandeld zonder te verbergen." });
    }
    await hidePost(admin, String(formData.get("postId") ?? ""), String(formData.get("reason") ?? ""));
    return json({ ok: true as const, message: "Het bericht is verborgen; de schrijver ziet de reden." });
  } catch (error) {
    return refusal(error);
  }
}

export default function Reports() {
  const { reports, participantsMayPost } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>Meldingen en community</h1>
      <Outcome
        notice={result?.ok ? result.message : undefined}
        error={result && !result.ok ? result.message : undefined}
      />
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="setting" />
        <label style={{ fontWeight: "normal" }}>
          <input type="checkbox" name="participantsMayPost" defaultChecked={participantsMayPost} /> Huidige deelnemers
          mogen ook berichten plaatsen in de community
        </label>
        <button type="submit" className="button button--secondary">
          Opslaan
        </button>
      </Form>
      <h2>Gemelde berichten ({reports.length})</h2>
      {reports.length === 0 ? <p className="muted">Geen open meldingen.</p> : null}
      {reports.map((r) => (
        <article key={r.id} className="card" style={{ marginBottom: "1rem" }}>
          <p className="muted" style={{ margin: 0 }}>
            In <Link to={`/community/${r.post.threadId}`}>{r.post.thread.title}</Link>, van {r.post.author.name} ·
            gemeld {formatDateTime(r.createdAt)}
          </p>
          <p>Reden: {r.reason}</p>
          <blockquote style={{ whiteSpace: "pre-wrap" }}>{r.post.body}</blockquote>
          <Form method="post" className="inline-form">
            <input type="hidden" name="postId" value={r.post.id} />
            <input type="hidden" name="reportId" value={r.id} />
            <div className="field">
              <label htmlFor={`reason-${r.id}`}>Reden van verbergen</label>
              <input id={`reason-${r.id}`} name="reason" />
            </div>
            <button type="submit" name="intent" value="hide" className="button">
              Verbergen
            </button>
            <button type="submit" name="intent" value="dismiss" className="button button--quiet">
              Niet verbergen
            </button>
          </Form>
        </article>
      ))}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Meldingen — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
