// Where a cohort is in its life, what publishing still needs (a list, next to the button), and the steps the
// admin may take from here. A refused step shows its message at the top of these buttons.
import { Link } from "~/components/link";
import { GildeForm } from "~/components/form";
import { TRANSITION_LABELS, type CohortStatus } from "~/cohorts/lifecycle";
import { CohortSettingsAction } from "~/cohorts/settings-form";
import { COHORT_STATUS_LABELS } from "~/format";
import { useGildeForm } from "~/forms/use-form";

const EXPLAINED: Record<CohortStatus, string> = {
  CONCEPT: "Alleen beheerders zien deze groep. Na het publiceren staat hij op de leergangpagina en is de intake open.",
  PUBLISHED: "De groep staat op de leergangpagina en mensen kunnen zich aanmelden.",
  INTAKE_CLOSED:
    "De groep staat op de leergangpagina, maar nieuwe aanmeldingen kunnen niet meer. Wie op de wachtlijst staat, " +
    "krijgt een vrijgekomen plek nog aangeboden.",
  RUNNING: "De groep is begonnen. Aanmelden kan niet meer.",
  FINISHED: "De groep is afgerond.",
};

export function CohortStatusPanel({
  cohortId,
  status,
  next,
  gaps,
}: {
  cohortId: string;
  status: CohortStatus;
  next: CohortStatus[];
  gaps: string[];
}) {
  const [form, fields] = useGildeForm(CohortSettingsAction, { id: "status" });
  const canPublish = next.includes("PUBLISHED");
  return (
    <section className="card" aria-labelledby="status-kop">
      <h2 id="status-kop" className="flush-top">
        Status: {COHORT_STATUS_LABELS[status]}
      </h2>
      <p>{EXPLAINED[status]}</p>
      {canPublish && gaps.length ? (
        <div className="notice notice--warm" id="nog-nodig">
          <p className="flush-top">Om te publiceren is nog nodig:</p>
          <ul>
            {gaps.map((gap) => (
              <li key={gap}>{gap}</li>
            ))}
          </ul>
          <p className="flush">
            Plaats, ritme, data en prijs vul je hieronder in; een trainer koppel je op de{" "}
            <Link to={`/beheer/groepen/${cohortId}`}>pagina van de groep</Link>.
          </p>
        </div>
      ) : null}
      {canPublish && !gaps.length ? <p>Alles wat nodig is om te publiceren, staat klaar.</p> : null}
      {next.length ? (
        <GildeForm form={form} aria-labelledby="status-kop">
          <input type="hidden" name={fields.intent.name} value="status" />
          <div className="button-row">
            {next.map((to, index) => (
              <button
                key={to}
                type="submit"
                name={fields.to.name}
                value={to}
                className={index === 0 ? "button" : "button button--secondary"}
                aria-describedby={to === "PUBLISHED" && gaps.length ? "nog-nodig" : undefined}
              >
                {TRANSITION_LABELS[to]}
              </button>
            ))}
          </div>
        </GildeForm>
      ) : null}
    </section>
  );
}
