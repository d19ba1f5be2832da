// The open invitations: to whom, for what, when sent and until when the link works, with resend and withdraw. On a
// phone the table is a stack of cards with both buttons at the bottom (components/table.tsx).
import { useActionData, useNavigation } from "@remix-run/react";
import { GildeForm } from "~/components/form";
import { Table } from "~/components/table";
import { formatDateTime, ROLE_LABELS } from "~/format";
import type { FormReply } from "~/forms/protocol";
import { useGildeForm } from "~/forms/use-form";
import { InvitationAction } from "~/invitations/schema";
import { roleWords } from "~/invitations/words";

type Invitation = {
  id: string;
  email: string;
  name: string;
  role: "TRAINER" | "ADMIN";
  lastSentAt: string;
  expiresAt: string;
  sentCount: number;
  cohortNames: string[];
  accountRole: string | null;
  invitedBy: { name: string };
};

export function PendingInvitations({ invitations }: { invitations: Invitation[] }) {
  const now = Date.now();
  const gone = useRefusalForRowGone(invitations);
  return (
    <section aria-labelledby="openstaand">
      <h2 id="openstaand">Openstaande uitnodigingen</h2>
      {gone ? (
        <div className="notice notice--error" role="alert">
          {gone}
        </div>
      ) : null}
      {invitations.length === 0 ? (
        <p className="muted">Er staan geen uitnodigingen open.</p>
      ) : (
        <Table headers={["Uitgenodigd", "Als", "Verstuurd", "Link geldig tot", ""]}>
          {invitations.map((invitation) => {
            const expired = new Date(invitation.expiresAt).getTime() <= now;
            return (
              <tr key={invitation.id}>
                <td>
                  {invitation.name ? (
                    <>
                      {invitation.name}
                      <br />
                    </>
                  ) : null}
                  <span className={invitation.name ? "muted" : undefined}>{invitation.email}</span>
                  {invitation.accountRole ? (
                    <>
                      <br />
                      <span className="muted">
                        heeft al een account ({ROLE_LABELS[invitation.accountRole]}), krijgt de rol erbij
                      </span>
                    </>
                  ) : null}
                </td>
                <td>{roleWords(invitation.role, invitation.cohortNames)}</td>
                <td>
                  {formatDateTime(invitation.lastSentAt)}
                  <br />
                  <span className="muted">
                    door {invitation.invitedBy.name}
                    {invitation.sentCount > 1 ? `, ${invitation.sentCount} keer verstuurd` : ""}
                  </span>
                </td>
                <td>{expired ? <span className="badge">Verlopen</span> : formatDateTime(invitation.expiresAt)}</td>
                <td>
                  <div className="button-row">
                    <InvitationButton invitationId={invitation.id} intent="resend" label="Opnieuw sturen" />
                    <InvitationButton
                      invitationId={invitation.id}
                      intent="withdraw"
                      label="Intrekken"
                      quiet
                      describe={invitation.email}
                    />
                  </div>
                </td>
              </tr>
            );
          })}
        </Table>
      )}
    </section>
  );
}

/** One button that resends or withdraws one invitation; its refusal shows above the button. */
export function InvitationButton({
  invitationId,
  intent,
  label,
  quiet,
  describe,
}: {
  invitationId: string;
  intent: "resend" | "withdraw";
  label: string;
  quiet?: boolean;
  /** Added for screen readers, so every row's button says whose invitation it is. */
  describe?: string;
}) {
  const [form] = useGildeForm(InvitationAction, { id: `${intent}-${invitationId}` });
  const navigation = useNavigation();
  const busy =
    navigation.formData?.get("invitationId") === invitationId && navigation.formData?.get("intent") === intent;
  return (
    <GildeForm form={form} className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="invitationId" value={invitationId} />
      <button type="submit" className={quiet ? "button button--quiet" : "button button--secondary"} disabled={busy}>
        {busy ? "Bezig…" : label}
        {describe ? <span className="visually-hidden"> ({describe})</span> : null}
      </button>
    </GildeForm>
  );
}

/**
 * A refusal for an invitation that has left the list meanwhile (withdrawn or accepted in another tab): its row, and
 * the form that would show the message, are gone, so the message is shown above the list.
 */
function useRefusalForRowGone(invitations: Invitation[]): string | null {
  const reply = useActionData() as FormReply | undefined;
  const formId = reply?.status === "error" ? reply.formId : undefined;
  const match = formId ? /^(resend|withdraw)-(.+)$/.exec(formId) : null;
  if (!match || invitations.some((i) => i.id === match[2])) return null;
  return reply?.error?.[""]?.join(" ") ?? null;
}
