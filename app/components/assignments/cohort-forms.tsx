// The trainer's forms on a cohort's assignment page: the deadlines of every assignment (nested fields
// `due.<slug>`, `peer.<slug>`, `closed.<slug>`), an extension for one participant, and confirming completion.
import { z } from "zod";
import { fromAmsterdamInput } from "~/assignments/time";
import { GildeForm } from "~/components/form";
import { Table } from "~/components/table";
import { useGildeForm } from "~/forms/use-form";

const userId = z.string();
const slug = z.string();

type Planned = { slug: string; peerReview: boolean };

const ScheduleFields = z.object({
  intent: z.literal("schedule"),
  due: z.record(z.string()).default({}),
  peer: z.record(z.string()).default({}),
  closed: z.record(z.string()).default({}),
});
type ScheduleValue = z.output<typeof ScheduleFields>;

/** The deadlines as entered: a moment per assignment (null when left empty, undefined when not a time). */
export function scheduleEntries(assignments: Planned[], form: ScheduleValue) {
  const moment = (field: "due" | "peer", slug: string) => {
    const raw = (form[field][slug] ?? "").trim();
    return raw ? (fromAmsterdamInput(raw) ?? undefined) : null;
  };
  return assignments.map((assignment) => ({
    slug: assignment.slug,
    dueAt: moment("due", assignment.slug),
    peerReviewDueAt: assignment.peerReview ? moment("peer", assignment.slug) : null,
    closed: form.closed[assignment.slug] === "on",
  }));
}

/** Each date must be a time, and peer feedback comes after handing in. */
function checkSchedule(assignments: Planned[]) {
  return (value: { intent: string }, ctx: z.RefinementCtx) => {
    if (value.intent !== "schedule") return;
    let invalid = false;
    const problem = (path: string[], message: string) => {
      invalid = true;
      ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
    };
    for (const entry of scheduleEntries(assignments, value as ScheduleValue)) {
      if (entry.dueAt === undefined) problem(["due", entry.slug], "Vul een datum en tijd in, of laat het veld leeg.");
      if (entry.peerReviewDueAt === undefined)
        problem(["peer", entry.slug], "Vul een datum en tijd in, of laat het veld leeg.");
      else if (entry.dueAt && entry.peerReviewDueAt && entry.peerReviewDueAt <= entry.dueAt)
        problem(["peer", entry.slug], "De peerfeedback-deadline moet na de inleverdeadline liggen.");
    }
    if (invalid)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: "Niet opgeslagen: verbeter de gemarkeerde velden. De vorige deadlines blijven staan.",
      });
  };
}

const ExtensionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("extension"),
    slug,
    userId,
    dueAt: z
      .string({ required_error: "Vul een geldige nieuwe deadline in (datum en tijd)." })
      .transform((value, ctx) => {
        const date = fromAmsterdamInput(value);
        if (!date)
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: "Vul een geldige nieuwe deadline in (datum en tijd)." });
        return date ?? z.NEVER;
      }),
  }),
  z.object({ intent: z.literal("remove-extension"), slug, userId }),
]);

const CompleteSchema = z.object({ intent: z.literal("complete"), userId });

/** Every form of the page, for the server: the deadlines checked against the course's assignments. */
export function cohortActionSchema(assignments: Planned[]) {
  return z
    .discriminatedUnion("intent", [ScheduleFields, ...ExtensionSchema.options, CompleteSchema])
    .superRefine(checkSchedule(assignments));
}

type Row = {
  slug: string;
  moduleOrder: number;
  title: string;
  peerReview: boolean;
  closed: boolean;
  dueInput: string;
  peerReviewDueInput: string;
};

export function ScheduleForm({ assignments }: { assignments: Row[] }) {
  const [form, fields] = useGildeForm(ScheduleFields.superRefine(checkSchedule(assignments)), {
    id: "deadlines",
    defaultValue: {
      due: Object.fromEntries(assignments.map((a) => [a.slug, a.dueInput])),
      peer: Object.fromEntries(assignments.map((a) => [a.slug, a.peerReviewDueInput])),
    },
  });
  const due = fields.due.getFieldset();
  const peer = fields.peer.getFieldset();
  return (
    <GildeForm form={form}>
      <input type="hidden" name={fields.intent.name} value="schedule" />
      <Table headers={["Opdracht", "Inleveren uiterlijk", "Peerfeedback uiterlijk", "Gesloten"]}>
        {assignments.map((a) => (
          <tr key={a.slug}>
            <td>
              {a.moduleOrder}. {a.title}
            </td>
            <DateCell meta={due[a.slug]} label={`Deadline ${a.title}`} />
            {a.peerReview ? (
              <DateCell meta={peer[a.slug]} label={`Peerfeedback-deadline ${a.title}`} />
            ) : (
              <td>
                <span className="muted">geen peerfeedback</span>
              </td>
            )}
            <td>
              <input
                type="checkbox"
                name={`${fields.closed.name}.${a.slug}`}
                aria-label={`${a.title} sluiten`}
                defaultChecked={a.closed}
              />
            </td>
          </tr>
        ))}
      </Table>
      <button type="submit" className="button space-top-md">
        Deadlines opslaan
      </button>
    </GildeForm>
  );
}

type DateMeta = { name: string; initialValue?: unknown; errors?: string[]; errorId: string; key?: string };

function DateCell({ meta, label }: { meta: DateMeta | undefined; label: string }) {
  if (!meta) return <td />;
  const error = meta.errors?.[0];
  return (
    <td className={error ? "field field--invalid" : "field"}>
      <input
        key={meta.key}
        type="datetime-local"
        name={meta.name}
        aria-label={label}
        defaultValue={typeof meta.initialValue === "string" ? meta.initialValue : ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? meta.errorId : undefined}
      />
      {error ? (
        <p className="field__error" id={meta.errorId}>
          {error}
        </p>
      ) : null}
    </td>
  );
}

export function ExtensionForm({
  slug,
  participant,
  extension,
}: {
  slug: string;
  participant: { id: string; name: string };
  extension: string | null;
}) {
  const [form, fields] = useGildeForm(ExtensionSchema, { id: `uitstel-${slug}-${participant.id}` });
  return (
    <GildeForm form={form} className="inline-form">
      <input type="hidden" name={fields.slug.name} value={slug} />
      <input type="hidden" name={fields.userId.name} value={participant.id} />
      {extension ? (
        <>
          <span>tot {extension}</span>
          <button type="submit" name={fields.intent.name} value="remove-extension" className="button button--quiet">
            Intrekken
          </button>
        </>
      ) : (
        <>
          <input
            type="datetime-local"
            name={fields.dueAt.name}
            aria-label={`Nieuwe deadline voor ${participant.name}`}
            aria-invalid={fields.dueAt.errors ? true : undefined}
            aria-describedby={fields.dueAt.errors ? fields.dueAt.errorId : undefined}
          />
          {fields.dueAt.errors ? (
            <p className="field__error" id={fields.dueAt.errorId}>
              {fields.dueAt.errors[0]}
            </p>
          ) : null}
          <button type="submit" name={fields.intent.name} value="extension" className="button button--quiet">
            Uitstel geven
          </button>
        </>
      )}
    </GildeForm>
  );
}

export function CompleteForm({ userId }: { userId: string }) {
  const [form, fields] = useGildeForm(CompleteSchema, { id: `afronden-${userId}` });
  return (
    <GildeForm form={form}>
      <input type="hidden" name={fields.userId.name} value={userId} />
      <button type="submit" name={fields.intent.name} value="complete" className="button button--quiet">
        Afronding bevestigen
      </button>
    </GildeForm>
  );
}
