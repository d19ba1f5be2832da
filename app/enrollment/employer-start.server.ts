// "Werkgever akkoord: laat starten". Employers often pay an invoice weeks after the start; once the employer has
// agreed, the admin lets the participant begin. The invoice stays OPEN: it is still owed, and shows among the
// overdue invoices when its due date passes; when it is paid the webhook marks it paid as usual.
import { audit } from "~/audit/audit.server";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";
import { activate, lockCohort } from "./enrollment.server";

export async function startOnEmployerAgreement(
  actor: { id: string; email: string },
  cohortId: string,
  enrollmentId: string,
  now = new Date(),
) {
  await db.$transaction(async (tx) => {
    await lockCohort(tx, cohortId);
    const enrollment = await tx.enrollment.findFirst({
      where: { id: enrollmentId, cohortId },
      select: {
        status: true,
        intake: { select: { payer: true, employerName: true } },
        user: { select: { name: true } },
        payments: { where: { kind: "INVOICE", status: "OPEN" }, select: { id: true } },
      },
    });
    if (!enrollment) throw new RefusedError("Deze aanmelding bestaat niet in deze groep.", 404);
    if (enrollment.intake?.payer !== "EMPLOYER")
      throw new RefusedError(
        "Deze deelnemer betaalt zelf: laten starten op akkoord kan alleen als de werkgever betaalt.",
        409,
      );
    if (enrollment.status !== "ACCEPTED")
      throw new RefusedError("Alleen een toegelaten deelnemer die nog niet is gestart, kan op akkoord beginnen.", 409);
    if (enrollment.payments.length === 0)
      throw new RefusedError("Er staat nog geen factuur open voor deze werkgever: verstuur eerst de factuur.", 409);
    await activate(tx, enrollmentId, now);
    await audit(
      tx,
      {
        action: "enrollment.employer-start",
        actor,
        subjectId: enrollmentId,
        summary: `${enrollment.user.name} gestart op akkoord van ${enrollment.intake.employerName ?? "de werkgever"}; de factuur staat nog open.`,
      },
      now,
    );
  });
}
