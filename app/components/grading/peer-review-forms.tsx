// The trainer's peer-review actions, each a schema form of its own: move an open review to someone else, add an
// extra reviewer to a submission, excuse a participant from reviewing.
import { z } from "zod";
import { Field, SelectField } from "~/components/field";
import { GildeForm } from "~/components/form";
import { useGildeForm } from "~/forms/use-form";

const slug = z.string();

export const OversightSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("reassign"), opdracht: slug, reviewId: z.string(), reviewerId: z.string() }),
  z.object({ intent: z.literal("add"), opdracht: slug, submissionId: z.string(), reviewerId: z.string() }),
  z.object({
    intent: z.literal("excuse"),
    opdracht: slug,
    userId: z.string(),
    // An empty reason is refused by peer review, in its own words.
    reason: z
      .string()
      .default("")
      .transform((reason) => reason.slice(0, 500)),
  }),
]);

type Person = { value: string; label: string };

export function ReassignForm({ slug, reviewId, people }: { slug: string; reviewId: string; people: Person[] }) {
  const [form, fields] = useGildeForm(OversightSchema, { id: `verplaatsen-${reviewId}` });
  return (
    <GildeForm form={form} className="inline-form">
      <input type="hidden" name={fields.intent.name} value="reassign" />
      <input type="hidden" name={fields.opdracht.name} value={slug} />
      <input type="hidden" name={fields.reviewId.name} value={reviewId} />
      <SelectField meta={fields.reviewerId} label="Verplaats naar" options={people} />
      <button type="submit" className="button button--quiet">
        Verplaatsen
      </button>
    </GildeForm>
  );
}

export function AddReviewerForm({
  slug,
  rowId,
  submissionId,
  people,
}: {
  slug: string;
  rowId: string;
  submissionId: string;
  people: Person[];
}) {
  const [form, fields] = useGildeForm(OversightSchema, { id: `extra-${rowId}` });
  return (
    <GildeForm form={form} className="inline-form">
      <input type="hidden" name={fields.intent.name} value="add" />
      <input type="hidden" name={fields.opdracht.name} value={slug} />
      <input type="hidden" name={fields.submissionId.name} value={submissionId} />
      <SelectField meta={fields.reviewerId} label="Extra feedbackgever" options={people} />
      <button type="submit" className="button button--quiet">
        Toevoegen
      </button>
    </GildeForm>
  );
}

export function ExcuseForm({ slug, userId }: { slug: string; userId: string }) {
  const [form, fields] = useGildeForm(OversightSchema, { id: `vrijstellen-${userId}` });
  return (
    <GildeForm form={form} className="inline-form">
      <input type="hidden" name={fields.intent.name} value="excuse" />
      <input type="hidden" name={fields.opdracht.name} value={slug} />
      <input type="hidden" name={fields.userId.name} value={userId} />
      <Field meta={fields.reason} label="Reden van vrijstelling" required />
      <button type="submit" className="button button--quiet">
        Vrijstellen
      </button>
    </GildeForm>
  );
}
