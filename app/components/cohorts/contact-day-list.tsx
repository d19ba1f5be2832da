// A cohort's contact days for the admin: date, times, place or online, topic and leaders, each with a link to change it and
// a button to remove it. Cards on a phone (Table).
import { Link } from "~/components/link";
import { ContactDayAction } from "~/cohorts/contact-day-form";
import { GildeForm } from "~/components/form";
import { Table } from "~/components/table";
import { useGildeForm } from "~/forms/use-form";

export type ContactDayRow = { id: string; date: string; times: string; where: string; topic: string; leaders: string };

export function ContactDayList({
  cohortId,
  days,
  listPath = `/beheer/groepen/${cohortId}/contactdagen`,
}: {
  cohortId: string;
  days: ContactDayRow[];
  listPath?: string;
}) {
  if (!days.length)
    return <p>Er zijn nog geen contactdagen gepland. De leergangpagina zegt dan dat de data nog volgen.</p>;
  return (
    <Table headers={["Datum", "Tijd", "Waar", "Onderwerp", "Leiding", ""]} caption="Geplande contactdagen">
      {days.map((day) => (
        <tr key={day.id}>
          <td>{day.date}</td>
          <td>{day.times}</td>
          <td>{day.where}</td>
          <td>{day.topic || <span className="muted">geen onderwerp</span>}</td>
          <td>{day.leaders || <span className="muted">nog niemand</span>}</td>
          <td>
            <div className="button-row">
              <Link className="button button--secondary" to={`${listPath}?dag=${day.id}#contactdag-kop`}>
                Wijzigen<span className="visually-hidden"> {day.date}</span>
              </Link>
              <RemoveContactDay day={day} />
            </div>
          </td>
        </tr>
      ))}
    </Table>
  );
}

function RemoveContactDay({ day }: { day: ContactDayRow }) {
  const [form, fields] = useGildeForm(ContactDayAction, { id: `verwijder-${day.id}` });
  return (
    <GildeForm form={form}>
      <input type="hidden" name={fields.intent.name} value="remove" />
      <input type="hidden" name={fields.id.name} value={day.id} />
      <button type="submit" className="button button--secondary">
        Verwijderen<span className="visually-hidden"> {day.date}</span>
      </button>
    </GildeForm>
  );
}
