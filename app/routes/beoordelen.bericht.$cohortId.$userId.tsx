// "Stuur een berichtje" from "Wie loopt vast?": a short message to one participant, prefilled with warm words
// from their flags, which the trainer edits; mailed through the outbox and recorded in the audit log.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { invariantResponse, requireCohortTrainer } from "~/auth/guards.server";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TextArea } from "~/components/field";
import { GildeForm } from "~/components/form";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { useGildeForm } from "~/forms/use-form";
import { nudgeScreen, sendNudge } from "~/grading/nudge.server";
import deskStyles from "~/styles/grading-desk.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: deskStyles }];

const MessageSchema = z.object({
  text: z
    .string({ required_error: "Schrijf een berichtje; het veld is nog leeg." })
    .trim()
    .min(1, "Schrijf een berichtje; het veld is nog leeg.")
    .max(5000, "Houd het kort: hoogstens 5000 tekens."),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const cohortId = params.cohortId ?? "";
  const trainer = await requireCohortTrainer(request, cohortId);
  const screen = await nudgeScreen(trainer, cohortId, params.userId ?? "");
  invariantResponse(screen, "Deze deelnemer zit niet in deze groep.", { status: 404 });
  return json({ ...screen, cohortId });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const cohortId = params.cohortId ?? "";
  const trainer = await requireCohortTrainer(request, cohortId);
  const submission = await readSubmission(request, MessageSchema);
  return attempt(submission, async ({ text }) => {
    const screen = await nudgeScreen(trainer, cohortId, params.userId ?? "");
    invariantResponse(screen, "Deze deelnemer zit niet in deze groep.", { status: 404 });
    await sendNudge(trainer, cohortId, screen.participant.id, text);
    return redirectWithFlash(
      `/beoordelen/overzicht?groep=${cohortId}`,
      `Je berichtje aan ${screen.participant.firstName} is verstuurd.`,
    );
  });
}

export default function MessageParticipant() {
  const { participant, flags, draft, cohortId } = useLoaderData<typeof loader>();
  const [form, fields] = useGildeForm(MessageSchema, { id: "berichtje", defaultValue: { text: draft } });
  return (
    <>
      <Crumbs to={`/beoordelen/overzicht?groep=${cohortId}`} label="Wie loopt vast?" />
      <h1>Stuur {participant.firstName} een berichtje</h1>
      {flags.length ? (
        <ul className="stuck-details">
          {flags.map((flag) => (
            <li key={flag.kind}>{flag.detail}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">Bij {participant.firstName} zien we nu geen signalen.</p>
      )}
      <GildeForm form={form} className="stuck-message">
        <TextArea
          meta={fields.text}
          label={`Je berichtje aan ${participant.name}`}
          hint={`Pas de tekst gerust aan. ${participant.firstName} krijgt hem per e-mail, met jouw e-mailadres om op te antwoorden.`}
          rows={9}
        />
        <button type="submit" className="button">
          Versturen
        </button>
      </GildeForm>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Berichtje sturen — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
