// The trainer's attendance list, made for a phone: one card per participant with four buttons (one tap saves), a
// reason for an absence, the earlier marks with who and when, and for a missed day the vervangende opdracht.
import { ATTENDANCE_LABELS, ATTENDANCE_STATUSES, AttendanceAction, type AttendanceStatusValue } from "~/calendar/forms";
import { CheckField, Field, TextArea } from "~/components/field";
import { GildeForm } from "~/components/form";
import { useGildeForm } from "~/forms/use-form";

export type AttendanceRow = {
  id: string;
  name: string;
  answer: string | null;
  answerReason: string;
  status: AttendanceStatusValue | null;
  reason: string;
  replacementTask: string;
  replacementDone: boolean;
  history: string[];
};

export function AttendanceList({ rows, open }: { rows: AttendanceRow[]; open: boolean }) {
  return (
    <ul className="plain-list stack" aria-label="Deelnemers">
      {rows.map((row) => (
        <li key={row.id} id={`deelnemer-${row.id}`} className="card">
          <h2 className="flush-top">{row.name}</h2>
          {row.answer ? <p className="muted">{row.answer}</p> : null}
          <p>
            Nu: <strong>{row.status ? ATTENDANCE_LABELS[row.status] : "nog niet opgenomen"}</strong>
            {row.reason ? ` (${row.reason})` : ""}
          </p>
          {open ? <MarkForm row={row} /> : null}
          {row.status === "ABSENT" || row.status === "EXCUSED" ? <ReplacementForm row={row} /> : null}
          {row.history.length > 1 ? (
            <details>
              <summary>Eerder ingevuld ({row.history.length})</summary>
              <ul>
                {row.history.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function MarkForm({ row }: { row: AttendanceRow }) {
  const [form, fields] = useGildeForm(AttendanceAction, {
    id: `aanwezig-${row.id}`,
    defaultValue: { reason: row.reason || row.answerReason },
  });
  return (
    <GildeForm form={form}>
      <input type="hidden" name={fields.intent.name} value="mark" />
      <input type="hidden" name={fields.participant.name} value={row.id} />
      <Field meta={fields.reason} label="Reden (bij afwezig of afgemeld)" maxLength={300} />
      <div className="button-row attendance-buttons" role="group" aria-label={`Aanwezigheid van ${row.name}`}>
        {ATTENDANCE_STATUSES.map((status) => (
          <button
            key={status}
            type="submit"
            name={fields.status.name}
            value={status}
            aria-pressed={row.status === status}
            className={row.status === status ? "button" : "button button--secondary"}
          >
            {ATTENDANCE_LABELS[status]}
            <span className="visually-hidden">: {row.name}</span>
          </button>
        ))}
      </div>
    </GildeForm>
  );
}

function ReplacementForm({ row }: { row: AttendanceRow }) {
  const [form, fields] = useGildeForm(AttendanceAction, {
    id: `vervangend-${row.id}`,
    defaultValue: { task: row.replacementTask, done: row.replacementDone ? "on" : "" },
  });
  return (
    <details open={Boolean(row.replacementTask)}>
      <summary>Vervangende opdracht{row.replacementDone ? " (gedaan: telt als aanwezig)" : ""}</summary>
      <GildeForm form={form}>
        <input type="hidden" name={fields.intent.name} value="replacement" />
        <input type="hidden" name={fields.participant.name} value={row.id} />
        <TextArea meta={fields.task} label="Wat doet deze deelnemer in plaats van de dag?" rows={3} />
        <CheckField meta={fields.done} label="Gedaan: de dag telt mee voor de aanwezigheid" />
        <button type="submit" className="button button--secondary">
          Vervangende opdracht opslaan
        </button>
      </GildeForm>
    </details>
  );
}
