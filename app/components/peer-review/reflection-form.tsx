// "Wat ga je met deze feedback doen?": the participant's reflection on the feedback on one version of their work.
import { TextArea } from "~/components/field";
import { GildeForm } from "~/components/form";
import { useGildeForm } from "~/forms/use-form";
import { ReflectionSchema } from "~/peer-review/evaluation-forms";

export function ReflectionForm({ submissionId, saved }: { submissionId: string; saved: string }) {
  const [form, fields] = useGildeForm(ReflectionSchema, {
    id: `reflectie-${submissionId}`,
    defaultValue: { reflection: saved },
  });
  return (
    <GildeForm form={form} className="reflection">
      <input type="hidden" name={fields.intent.name} value="reflect" />
      <input type="hidden" name={fields.submissionId.name} value={submissionId} />
      <TextArea
        meta={fields.reflection}
        label="Wat ga je met deze feedback doen?"
        hint="Een paar zinnen: wat neem je over, wat niet, en waarom. Je trainer leest mee."
        rows={3}
      />
      <button type="submit" className="button button--secondary">
        {saved ? "Reflectie bijwerken" : "Reflectie opslaan"}
      </button>
    </GildeForm>
  );
}
