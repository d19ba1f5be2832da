// Moderation for the admin: reported posts (hide with a reason, or dismiss), and whether current participants
// may post in the alumni community.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { requireRole } from "~/auth/guards.server";
import {
  dismissReport,
  hidePost,
  openReports,
  participantsMayPost,
  setParticipantsMayPost,
} from "~/community/community.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field } from "~/components/field";
import { GildeForm } from "~/components/form";
import { formatDateTime } from "~/format";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { useGildeForm } from "~/forms/use-form";

const SettingSchema = z.object({ intent: z.literal("setting"), participantsMayPost: z.boolean().default(false) });
const ReportSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("hide"),
    reportId: z.string(),
    postId: z.string(),
    reason: z
      .string({ required_error: "Geef een reden." })
      .trim()
      .max(500, "Houd de reden kort: hoogstens 500 tekens."),
  }),
  z.object({
    intent: z.literal("dismiss"),
    reportId: z.string(),
    postId: z.string().optional(),
    reason: z.string().optional(),
  }),
]);
const ActionSchema = z.union([SettingSchema, ReportSchema]);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  return json({ reports: await openReports(), participantsMayPost: await participantsMayPost() });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const submission = await readSubmission(request, ActionSchema);
  return attempt(submission, async (value) => {
    const here = new URL(request.url).pathname;
    switch (value.intent) {
      case "setting":
        await setParticipantsMayPost(value.participantsMayPost);
        return redirectWithFlash(here, "Opgeslagen.");
      case "dismiss":
        await dismissReport(value.reportId);
        return redirectWithFlash(here, "Melding afgehandeld zonder te verbergen.");
      case "hide":
        await hidePost(admin, value.postId, value.reason);
        return redirectWithFlash(here, "Het bericht is verborgen; de schrijver ziet de reden.");
    }
  });
}

export default function Reports() {
  const { reports, participantsMayPost } = useLoaderData<typeof loader>();
  const [form, fields] = useGildeForm(SettingSchema, { id: "instelling" });
  return (
    <>
      <h1>Meldingen en community</h1>
      <GildeForm form={form} className="inline-form">
        <input type="hidden" name={fields.intent.name} value="setting" />
        <label className="check-label">
          <input type="checkbox" name={fields.participantsMayPost.name} defaultChecked={participantsMayPost} /> Huidige
          deelnemers mogen ook berichten plaatsen in de community
        </label>
        <button type="submit" className="button button--secondary">
          Opslaan
        </button>
      </GildeForm>
      <h2>Gemelde berichten ({reports.length})</h2>
      {reports.length === 0 ? <p className="muted">Geen open meldingen.</p> : null}
      {reports.map((report) => (
        <Report key={report.id} report={report} />
      ))}
    </>
  );
}

type OpenReport = ReturnType<typeof useLoaderData<typeof loader>>["reports"][number];

function Report({ report }: { report: OpenReport }) {
  const [form, fields] = useGildeForm(ReportSchema, { id: `melding-${report.id}` });
  return (
    <article className="card card--stacked">
      <p className="muted flush">
        In <Link to={`/community/${report.post.threadId}`}>{report.post.thread.title}</Link>, van{" "}
        {report.post.author.name} · gemeld {formatDateTime(report.createdAt)}
      </p>
      <p>Reden: {report.reason}</p>
      <blockquote className="pre-wrap">{report.post.body}</blockquote>
      <GildeForm form={form} className="inline-form">
        <input type="hidden" name={fields.postId.name} value={report.post.id} />
        <input type="hidden" name={fields.reportId.name} value={report.id} />
        <Field meta={fields.reason} label="Reden van verbergen" />
        <button type="submit" name={fields.intent.name} value="hide" className="button">
          Verbergen
        </button>
        <button type="submit" name={fields.intent.name} value="dismiss" className="button button--quiet">
          Niet verbergen
        </button>
      </GildeForm>
    </article>
  );
}

export const meta: MetaFunction = () => [{ title: "Meldingen — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
