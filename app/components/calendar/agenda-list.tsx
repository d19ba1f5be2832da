// The agenda as a list of cards, soonest first: contact days (when, where, programme, what to prepare, who leads it,
// the answer form or who answered what; the programme folded) between deadlines and peer-review deadlines. Each has its .ics download.
import { Link } from "~/components/link";
import type { AgendaKind } from "~/calendar/events";
import { RespondForm } from "./respond-form";

type Day = {
  id: string;
  place: string;
  onlineUrl: string;
  programme: string;
  breakouts: string;
  preparation: { slug: string; title: string; href: string }[];
  leaders: string[];
  open: boolean;
  takesAttendance: boolean;
  answer: { coming: boolean; reason: string } | null;
  answers: { coming: number; notComing: number; silent: number } | null;
};

export type AgendaItem = {
  anchor: string;
  kind: AgendaKind;
  title: string;
  cohortName: string;
  when: string;
  ics: string;
  href: string | null;
  day: Day | null;
};

const KIND_LABELS: Record<AgendaKind, string> = {
  "contact-day": "Contactdag",
  deadline: "Deadline",
  "peer-review": "Peerfeedback",
};

export function AgendaList({ items, trainer }: { items: AgendaItem[]; trainer: boolean }) {
  if (!items.length) return <p className="muted">Er staat nog niets op je agenda.</p>;
  return (
    <ol className="plain-list stack" aria-label="Agenda">
      {items.map((item) => (
        <li key={item.anchor} id={item.anchor} className="card">
          <p className="flush-top">
            <span className={item.kind === "contact-day" ? "badge badge--warm" : "badge"}>
              {KIND_LABELS[item.kind]}
            </span>{" "}
            <strong>{item.when}</strong>
          </p>
          <h2>{item.href && item.kind !== "contact-day" ? <Link to={item.href}>{item.title}</Link> : item.title}</h2>
          {trainer ? <p className="muted">{item.cohortName}</p> : null}
          {item.day ? <ContactDayDetails day={item.day} trainer={trainer} /> : null}
          <p>
            <a href={item.ics} download>
              In je eigen agenda zetten<span className="visually-hidden">: {item.title}</span> (.ics)
            </a>
          </p>
        </li>
      ))}
    </ol>
  );
}

function ContactDayDetails({ day, trainer }: { day: Day; trainer: boolean }) {
  return (
    <>
      <p>
        {day.onlineUrl ? (
          <>
            Online: <a href={day.onlineUrl}>{day.onlineUrl}</a>
          </>
        ) : (
          day.place
        )}
      </p>
      {day.leaders.length ? <p>Onder leiding van {day.leaders.join(" en ")}.</p> : null}
      {day.programme || day.breakouts ? (
        <details className="agenda-programme">
          <summary>{day.programme ? "Programma van de dag" : "Indeling in gildes"}</summary>
          {day.programme ? <p className="preserve-lines">{day.programme}</p> : null}
          {day.breakouts ? <p className="preserve-lines">In gildes: {day.breakouts}</p> : null}
        </details>
      ) : null}
      {day.preparation.length ? (
        <>
          <p className="flush-bottom">Ter voorbereiding:</p>
          <ul>
            {day.preparation.map((p) => (
              <li key={p.slug}>
                <Link to={p.href}>{p.title}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {trainer ? <TrainerPart day={day} /> : <ParticipantPart day={day} />}
    </>
  );
}

function TrainerPart({ day }: { day: Day }) {
  return (
    <>
      {day.answers ? (
        <p>
          Antwoorden: {day.answers.coming} {day.answers.coming === 1 ? "komt" : "komen"}, {day.answers.notComing}{" "}
          {day.answers.notComing === 1 ? "kan" : "kunnen"} niet
          {day.answers.silent ? `, ${day.answers.silent} nog niets gezegd` : ""}.
        </p>
      ) : null}
      <p className="button-row">
        {day.takesAttendance ? (
          <Link className="button" to={`/agenda/aanwezigheid/${day.id}`}>
            Aanwezigheid opnemen
          </Link>
        ) : (
          <Link className="button button--secondary" to={`/agenda/aanwezigheid/${day.id}`}>
            Wie komt er?
          </Link>
        )}
      </p>
    </>
  );
}

function ParticipantPart({ day }: { day: Day }) {
  if (!day.open)
    return day.answer ? (
      <p className="muted">Je antwoord: {day.answer.coming ? "ik kom" : `ik kan niet (${day.answer.reason})`}.</p>
    ) : null;
  return (
    <>
      {day.answer ? (
        <p>
          Je antwoord: <strong>{day.answer.coming ? "ik kom" : "ik kan niet"}</strong>
          {day.answer.coming ? "" : ` (${day.answer.reason})`}. Je kunt het veranderen tot de dag begint.
        </p>
      ) : null}
      <RespondForm dayId={day.id} answer={day.answer} />
    </>
  );
}
