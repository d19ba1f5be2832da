// The admin's invite form: address, name (optional), trainer or beheerder, and the cohorts a trainer is invited for.
// An address with an open invitation is refused next to the field, with a button to send that invitation again.
import { useNavigation } from "@remix-run/react";
import { Field } from "~/components/field";
import { GildeForm } from "~/components/form";
import { formatDateTime } from "~/format";
import { useFormReply, useGildeForm } from "~/forms/use-form";
import { InvitationAction } from "~/invitations/schema";
import { InvitationButton } from "./pending-invitations";

const FORM_ID = "uitnodigen";

type Cohort = { id: string; name: string };
type OpenInvitation = { id: string; email: string; lastSentAt: string };

export function InviteForm({ cohorts, preselected }: { cohorts: Cohort[]; preselected: string | null }) {
  const [form, fields] = useGildeForm(InvitationAction, {
    id: FORM_ID,
    defaultValue: { role: "TRAINER", cohortIds: preselected ? [preselected] : [] },
  });
  const open = (useFormReply(FORM_ID) as { openInvitation?: OpenInvitation } | undefined)?.openInvitation;
  const busy = useNavigation().formData?.get("intent") === "invite";
  const role = fields.role.initialValue === "ADMIN" ? "ADMIN" : "TRAINER";
  const initialCohorts = fields.cohortIds.initialValue;
  const chosen = new Set(Array.isArray(initialCohorts) ? initialCohorts : initialCohorts ? [initialCohorts] : []);
  return (
    <section aria-labelledby="uitnodigen-kop" className="card space-bottom">
      <h2 id="uitnodigen-kop">Iemand uitnodigen</h2>
      {open ? (
        <div className="notice space-bottom" role="status">
          <p>
            De uitnodiging voor <strong>{open.email}</strong> is verstuurd op {formatDateTime(open.lastSentAt)} en nog
            niet aangenomen.
          </p>
          <InvitationButton invitationId={open.id} intent="resend" label={`Opnieuw sturen naar ${open.email}`} />
        </div>
      ) : null}
      <GildeForm form={form}>
        <input type="hidden" name="intent" value="invite" />
        <Field meta={fields.email} label="E-mailadres" type="email" autoComplete="off" required />
        <Field
          meta={fields.name}
          label="Naam (mag leeg)"
          autoComplete="off"
          hint="Voor de aanhef in de e-mail; diegene kan de naam zelf nog aanpassen."
        />
        <fieldset
          className={fields.role.errors ? "field field--invalid" : "field"}
          aria-describedby={fields.role.errors ? fields.role.errorId : undefined}
        >
          <legend>Uitnodigen als</legend>
          <label className="check-label check-label--block">
            <input type="radio" name={fields.role.name} value="TRAINER" defaultChecked={role === "TRAINER"} /> Trainer:
            begeleidt groepen en beoordeelt werk
          </label>
          <label className="check-label check-label--block">
            <input type="radio" name={fields.role.name} value="ADMIN" defaultChecked={role === "ADMIN"} /> Beheerder:
            regelt groepen, trainers, aanmeldingen en betalingen
          </label>
          {fields.role.errors ? (
            <p className="field__error" id={fields.role.errorId}>
              {fields.role.errors[0]}
            </p>
          ) : null}
        </fieldset>
        {cohorts.length > 0 ? (
          <fieldset
            className={fields.cohortIds.errors ? "field field--invalid" : "field"}
            aria-describedby={`${fields.cohortIds.descriptionId}${fields.cohortIds.errors ? ` ${fields.cohortIds.errorId}` : ""}`}
          >
            <legend>Trainer van de groep(en)</legend>
            <p className="field__hint" id={fields.cohortIds.descriptionId}>
              Alleen voor een trainer. Geen groep kiezen mag ook: je koppelt de trainer dan later op de pagina van de
              groep.
            </p>
            {cohorts.map((cohort) => (
              <label className="check-label check-label--block" key={cohort.id}>
                <input
                  type="checkbox"
                  name={fields.cohortIds.name}
                  value={cohort.id}
                  defaultChecked={chosen.has(cohort.id)}
                />{" "}
                {cohort.name}
              </label>
            ))}
            {fields.cohortIds.errors ? (
              <p className="field__error" id={fields.cohortIds.errorId}>
                {fields.cohortIds.errors[0]}
              </p>
            ) : null}
          </fieldset>
        ) : null}
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Bezig…" : "Uitnodiging versturen"}
        </button>
      </GildeForm>
    </section>
  );
}
