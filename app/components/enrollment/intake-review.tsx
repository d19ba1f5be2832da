// One intake waiting for a decision: what the applicant wrote, and the form to accept or reject with a message.
import type { SerializeFrom } from "@remix-run/node";
import { TextArea } from "~/components/field";
import { GildeForm } from "~/components/form";
import type { intakesOf } from "~/enrollment/enrollment.server";
import { IntakesAction } from "~/enrollment/forms";
import { formatDateTime } from "~/format";
import { useGildeForm } from "~/forms/use-form";

export type CohortEnrollment = SerializeFrom<typeof intakesOf>["enrollments"][number];

export function IntakeReview({ enrollment: e }: { enrollment: CohortEnrollment }) {
  const [form, fields] = useGildeForm(IntakesAction, { id: `besluit-${e.id}` });
  return (
    <article className="card card--stacked" aria-labelledby={`intake-${e.id}`}>
      <h3 id={`intake-${e.id}`} className="flush-top">
        {e.user.name} <span className="muted">({e.user.email})</span>{" "}
        {e.status === "WAITLISTED" ? <span className="badge">wachtlijst</span> : null}
      </h3>
      {e.status === "WAITLISTED" && e.offerExpiresAt ? (
        <p className="notice notice--warm">
          Er is een vrijgekomen plek aangeboden; het aanbod loopt tot {formatDateTime(e.offerExpiresAt)}.
        </p>
      ) : null}
      {e.intake ? (
        <dl className="facts">
          <dt>Werk</dt>
          <dd>
            {e.intake.currentWork}, {e.intake.organisation}
          </dd>
          <dt>Ervaring</dt>
          <dd>
            {e.intake.experienceYears} jaar. {e.intake.experience}
          </dd>
          <dt>Wijk</dt>
          <dd>{e.intake.wijk}</dd>
          <dt>Motivatie</dt>
          <dd>{e.intake.motivation}</dd>
          <dt>Betaalt</dt>
          <dd>
            {e.intake.payer === "EMPLOYER"
              ? `Werkgever: ${e.intake.employerName}, t.a.v. ${e.intake.employerContact} (${e.intake.employerEmail})${e.intake.poNumber ? `, PO ${e.intake.poNumber}` : ""}`
              : "Zelf"}
          </dd>
        </dl>
      ) : null}
      <GildeForm form={form}>
        <input type="hidden" name={fields.enrollmentId.name} value={e.id} />
        <TextArea meta={fields.message} label="Bericht aan de aanmelder" rows={2} maxLength={2000} />
        <div className="button-row">
          <button type="submit" name={fields.intent.name} value="accept" className="button">
            Toelaten
          </button>
          <button type="submit" name={fields.intent.name} value="reject" className="button button--secondary">
            Afwijzen
          </button>
        </div>
      </GildeForm>
    </article>
  );
}
