// A trainer mails a participant of their cohort from "Wie loopt vast?": through the outbox, audited, in one
// transaction. The audit log records that a message went and to whom, never what it said.
import type { Prisma } from "@prisma/client";
import type { SessionUser } from "~/auth/guards.server";
import { audit } from "~/audit/audit.server";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";
import { queueMail } from "~/notifications/outbox.server";
import { firstNameOf, greeted, nudgeDraft } from "./nudge";
import { stuckOverview } from "./overview.server";

/** An active participant of the cohort, or null. */
function activeParticipant(client: Prisma.TransactionClient, cohortId: string, userId: string) {
  return client.user.findFirst({
    where: { id: userId, enrollments: { some: { cohortId, status: "ACTIVE" } } },
    select: { id: true, name: true, email: true },
  });
}

/** What the message page shows: who it is for, why they are flagged, and the draft to start from. */
export async function nudgeScreen(trainer: SessionUser, cohortId: string, userId: string) {
  const participant = await activeParticipant(db, cohortId, userId);
  if (!participant) return null;
  const overview = await stuckOverview(cohortId, "risico");
  const row = overview.rows.find((r) => r.id === userId);
  const flags = row?.flags ?? [];
  return {
    participant: { id: participant.id, name: participant.name, firstName: firstNameOf(participant.name) },
    flags,
    draft: nudgeDraft(participant.name, trainer.name, flags),
  };
}

export async function sendNudge(trainer: SessionUser, cohortId: string, userId: string, text: string) {
  await db.$transaction(async (tx) => {
    const participant = await activeParticipant(tx, cohortId, userId);
    if (!participant) throw new RefusedError("Deze deelnemer zit niet (meer) in deze groep.", 404);
    await queueMail(tx, {
      to: participant.email,
      subject: `Een berichtje van ${trainer.name}, je trainer`,
      text: `${greeted(text, participant.name)}\n\n—\nVerstuurd via Gilde — leergang Creative Communities. Je kunt ${firstNameOf(trainer.name)} antwoorden via ${trainer.email}.`,
    });
    await audit(tx, {
      action: "participant.message",
      actor: trainer,
      subjectId: participant.id,
      summary: `${trainer.name} stuurde ${participant.name} een berichtje vanuit ‘Wie loopt vast?’.`,
    });
  });
}
