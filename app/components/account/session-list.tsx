// Where you are signed in: each session with its browser and device in words and when it was last used, this
// device marked, and a button to end any other one or all others at once. Cards on a phone (Table).
import { useActionData } from "@remix-run/react";
import type { SessionRow } from "~/account/sessions.server";
import { AccountAction, FORM_IDS } from "~/account/forms";
import { FormError } from "~/components/field";
import { GildeForm } from "~/components/form";
import type { FormReply } from "~/forms/protocol";
import { Table } from "~/components/table";
import { useGildeForm } from "~/forms/use-form";

export function SessionList({ sessions }: { sessions: SessionRow[] }) {
  const others = sessions.filter((session) => !session.current).length;
  return (
    <>
      <FormError error={useGoneSessionRefusal(sessions)} />
      <Table headers={["Apparaat", "Laatst gebruikt", ""]} caption="Apparaten waarop je bent ingelogd">
        {sessions.map((session) => (
          <tr key={session.handle}>
            <td>
              {session.device}
              {session.current ? (
                <>
                  {" "}
                  <span className="badge">dit apparaat</span>
                </>
              ) : null}
            </td>
            <td>{session.lastSeen}</td>
            <td>
              {session.current ? <span className="muted">Je gebruikt het nu</span> : <EndSession session={session} />}
            </td>
          </tr>
        ))}
      </Table>
      {others > 1 ? <EndOtherSessions /> : null}
    </>
  );
}

/** A refusal for a session that was ended meanwhile: its row (and form) is gone, so it shows above the list. */
function useGoneSessionRefusal(sessions: SessionRow[]): string | undefined {
  const reply = useActionData() as FormReply | undefined;
  const formId = reply?.formId;
  if (!formId?.startsWith("sessie-") || sessions.some((session) => `sessie-${session.handle}` === formId)) return;
  return reply?.error?.[""]?.[0];
}

function EndSession({ session }: { session: SessionRow }) {
  const [form, fields] = useGildeForm(AccountAction, { id: `sessie-${session.handle}` });
  return (
    <GildeForm form={form}>
      <input type="hidden" name={fields.intent.name} value="end-session" />
      <input type="hidden" name={fields.session.name} value={session.handle} />
      <button type="submit" className="button button--secondary">
        Uitloggen<span className="visually-hidden"> op {session.device}</span>
      </button>
    </GildeForm>
  );
}

function EndOtherSessions() {
  const [form, fields] = useGildeForm(AccountAction, { id: FORM_IDS.endOthers });
  return (
    <GildeForm form={form} className="space-top">
      <input type="hidden" name={fields.intent.name} value="end-other-sessions" />
      <button type="submit" className="button button--secondary">
        Overal uitloggen behalve hier
      </button>
    </GildeForm>
  );
}
