// The small forms on a feedback link or a piece of feedback (revoke, thank, share), each its own schema form so a
// refusal appears right beside its button.
import { TextArea } from "~/components/field";
import { GildeForm } from "~/components/form";
import { RevokeSchema, ShareSchema, ThankSchema } from "~/consent/forms";
import { useGildeForm } from "~/forms/use-form";

export function RevokeForm({ requestId }: { requestId: string }) {
  const [form, fields] = useGildeForm(RevokeSchema, { id: `intrekken-${requestId}` });
  return (
    <GildeForm form={form}>
      <input type="hidden" name={fields.intent.name} value="revoke" />
      <input type="hidden" name={fields.requestId.name} value={requestId} />
      <button type="submit" className="button button--secondary">
        Link intrekken
      </button>
    </GildeForm>
  );
}

export function ThankForm({ feedbackId }: { feedbackId: string }) {
  const [form, fields] = useGildeForm(ThankSchema, { id: `bedanken-${feedbackId}` });
  return (
    <GildeForm form={form} className="space-top-sm">
      <input type="hidden" name={fields.intent.name} value="thank" />
      <input type="hidden" name={fields.feedbackId.name} value={feedbackId} />
      <TextArea
        meta={fields.message}
        label="Bedankje"
        hint="Wij mailen het namens jou. Het e-mailadres blijft verborgen."
        rows={2}
      />
      <button type="submit" className="button button--secondary">
        Bedanken
      </button>
    </GildeForm>
  );
}

export function ShareForm({ feedbackId, shared }: { feedbackId: string; shared: boolean }) {
  const [form, fields] = useGildeForm(ShareSchema, { id: `delen-${feedbackId}` });
  return (
    <GildeForm form={form} className="space-top-sm">
      <input type="hidden" name={fields.intent.name} value="share" />
      <input type="hidden" name={fields.feedbackId.name} value={feedbackId} />
      <input type="hidden" name={fields.share.name} value={shared ? "no" : "yes"} />
      <button type="submit" className="button button--quiet">
        {shared ? "Niet meer delen met mijn gilde" : "Delen met mijn gilde"}
      </button>
    </GildeForm>
  );
}
