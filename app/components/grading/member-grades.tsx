// On the grading desk for a gilde's work (issue 23): who is in the gilde, what each wrote as their own part, and
// per member a decision that differs from the gilde's, with the reason the member will read.
import { z } from "zod";
import { SelectField, TextArea } from "~/components/field";
import { GildeForm } from "~/components/form";
import { useGildeForm } from "~/forms/use-form";
import { DECISION_LABELS, type Decision } from "~/grading/rubric";

export const MemberGradeSchema = z.object({
  intent: z.literal("member-grade"),
  userId: z.string().min(1),
  /** "" : the same as the gilde. */
  decision: z.enum(["voldaan", "niet-voldaan", "herziening"]).optional(),
  reason: z.string().trim().max(2_000, "Houd de reden kort.").default(""),
});

type Member = {
  id: string;
  name: string;
  left: boolean;
  contribution: string;
  grade: { decision: Decision; reason: string } | null;
};

export function MemberGrades({
  gilde,
  busy,
}: {
  gilde: { name: string; handedInBy: string; members: Member[] };
  busy: boolean;
}) {
  return (
    <section aria-labelledby="per-gildelid" className="space-top">
      <h2 id="per-gildelid">Per gildelid</h2>
      <p className="muted">
        Je beoordeelt het werk van gilde {gilde.name} één keer; iedereen krijgt die uitkomst. Verschillen de bijdragen
        sterk, geef een gildelid dan een eigen uitkomst, met de reden erbij: het gildelid leest die.
      </p>
      {gilde.members.map((member) => (
        <MemberGrade key={member.id} member={member} busy={busy} />
      ))}
    </section>
  );
}

function MemberGrade({ member, busy }: { member: Member; busy: boolean }) {
  const [form, fields] = useGildeForm(MemberGradeSchema, {
    id: `gildelid-${member.id}`,
    defaultValue: { decision: member.grade?.decision ?? "", reason: member.grade?.reason ?? "" },
  });
  return (
    <div className="card space-bottom">
      <h3 className="flush-top">
        {member.name}
        {member.left ? " (niet meer in de gilde)" : ""}
      </h3>
      <p className="pre-wrap">
        <strong>Eigen bijdrage:</strong> {member.contribution || "niet beschreven"}
      </p>
      <GildeForm form={form}>
        <input type="hidden" name="userId" value={member.id} />
        <SelectField
          meta={fields.decision}
          label={`Uitkomst voor ${member.name}`}
          emptyLabel="Zelfde als de gilde"
          options={(Object.keys(DECISION_LABELS) as Decision[]).map((d) => ({ value: d, label: DECISION_LABELS[d] }))}
        />
        <TextArea meta={fields.reason} label={`Reden voor ${member.name}`} rows={2} />
        <button type="submit" name="intent" value="member-grade" className="button button--secondary" disabled={busy}>
          Uitkomst voor {member.name} opslaan
        </button>
      </GildeForm>
    </div>
  );
}
