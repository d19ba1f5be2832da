// Adding a contact day, or changing one (its values filled in): the date, the times in Dutch time, the place or
// "online", the topic, and which of the cohort's trainers lead it. A refusal keeps what was typed and says at the
// field what to change. The form posts to
// the page's own address (with `?dag=` while changing a day), so a refused change comes back as that same form.
import { Link } from "~/components/link";
import { ContactDayAction, PLACE_MAX, TOPIC_MAX } from "~/cohorts/contact-day-form";
import { CheckField, Field, TextArea } from "~/components/field";
import { GildeForm } from "~/components/form";
import { useGildeForm } from "~/forms/use-form";

export type ContactDayValues = {
  id?: string;
  day?: string;
  startTime: string;
  endTime: string;
  place: string;
  online?: string;
  topic?: string;
  onlineUrl?: string;
  programme?: string;
  preparation?: string;
  breakouts?: string;
  leaders?: string[];
};

type Trainer = { id: string; name: string };

export function ContactDayForm({
  cohortId,
  period,
  values,
  trainers,
  listPath = `/beheer/groepen/${cohortId}/contactdagen`,
}: {
  cohortId: string;
  period: string;
  values: ContactDayValues;
  /** The cohort's trainers, to choose who leads the day. */
  trainers: Trainer[];
  /** Where the list of days is: the admin's page or the trainer's. */
  listPath?: string;
}) {
  const editing = Boolean(values.id);
  const [form, fields] = useGildeForm(ContactDayAction, {
    id: editing ? `contactdag-${values.id}` : "contactdag-nieuw",
    defaultValue: values,
  });
  return (
    <section className="card space-top-lg" aria-labelledby="contactdag-kop">
      <h2 id="contactdag-kop" className="flush-top">
        {editing ? "Contactdag wijzigen" : "Contactdag toevoegen"}
      </h2>
      <GildeForm form={form} aria-labelledby="contactdag-kop">
        <input type="hidden" name={fields.intent.name} value="save" />
        {editing ? <input type="hidden" name={fields.id.name} value={values.id} /> : null}
        <Field meta={fields.day} label="Datum" type="date" required hint={`Tussen ${period}.`} />
        <div className="grid">
          <Field meta={fields.startTime} label="Van" type="time" required hint="Nederlandse tijd." />
          <Field meta={fields.endTime} label="Tot" type="time" required />
        </div>
        <CheckField meta={fields.online} label="Deze dag is online" />
        <Field
          meta={fields.place}
          label="Plaats"
          hint="Een adres. Laat leeg als de dag online is."
          maxLength={PLACE_MAX}
        />
        <Field
          meta={fields.topic}
          label="Onderwerp"
          maxLength={TOPIC_MAX}
          hint="Bijvoorbeeld: Leefwereld en systeemwereld."
        />
        <LeaderChoices meta={fields.leaders} trainers={trainers} />
        <Field meta={fields.onlineUrl} label="Link voor een online dag" hint="Begint met https://." maxLength={500} />
        <TextArea meta={fields.programme} label="Programma" rows={4} hint="Wat er die dag gebeurt, met tijden." />
        <Field
          meta={fields.preparation}
          label="Voorbereiding"
          hint="Modules en opdrachten die af moeten zijn: hun korte namen uit het adres, gescheiden door komma's."
        />
        <TextArea
          meta={fields.breakouts}
          label="In gildes (optioneel)"
          rows={2}
          hint="Bijvoorbeeld: Gilde Noord in zaal 2."
        />
        <div className="button-row space-top">
          <button type="submit" className="button">
            {editing ? "Wijziging opslaan" : "Contactdag toevoegen"}
          </button>
          {editing ? (
            <Link className="button button--secondary" to={listPath}>
              Niet wijzigen
            </Link>
          ) : null}
        </div>
      </GildeForm>
    </section>
  );
}

type ChoiceMeta = { name: string; errorId: string; errors?: string[]; initialValue?: unknown };

/** The cohort's trainers as checkboxes: who leads this day (shown on the agenda and in the calendar). */
function LeaderChoices({ meta, trainers }: { meta: ChoiceMeta; trainers: Trainer[] }) {
  const ticked = (id: string) =>
    Array.isArray(meta.initialValue) ? meta.initialValue.includes(id) : meta.initialValue === id;
  return (
    <fieldset
      className={meta.errors ? "field field--invalid" : "field"}
      aria-describedby={meta.errors ? meta.errorId : undefined}
    >
      <legend>Onder leiding van</legend>
      {trainers.length ? (
        trainers.map((t) => (
          <label key={t.id} className="answer-choice">
            <input type="checkbox" name={meta.name} value={t.id} defaultChecked={ticked(t.id)} /> {t.name}
          </label>
        ))
      ) : (
        <p className="muted flush-top">
          Deze groep heeft nog geen trainers. Koppel ze bij de instellingen van de groep.
        </p>
      )}
      {meta.errors ? (
        <p className="field__error" id={meta.errorId}>
          {meta.errors[0]}
        </p>
      ) : null}
    </fieldset>
  );
}
