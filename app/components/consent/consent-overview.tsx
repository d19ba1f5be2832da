// A cohort's consent register for trainers and admins: how many are given, expiring, withdrawn or expired, and each
// consent with whom it is from (as they named themselves), for what, how it was recorded and until when. Never what
// was said, never an address.
import { PURPOSE_LABELS } from "~/consent/questions";
import { CONSENT_STATE_LABELS, type ConsentState } from "~/consent/validity";
import { formatDate } from "~/format";
import { Table } from "~/components/table";

type Row = {
  id: string;
  personName: string;
  purpose: keyof typeof PURPOSE_LABELS;
  method: "FORM" | "PAPER";
  givenAt: string;
  expiresAt: string;
  withdrawnAt: string | null;
  participant: string;
  state: ConsentState;
};

type Counts = Record<ConsentState, number>;

export function ConsentOverview({ rows, counts }: { rows: Row[]; counts: Counts }) {
  return (
    <>
      <ul className="stat-list" aria-label="Toestemmingen in aantallen">
        <li>
          <strong>{counts.given}</strong> gegeven
        </li>
        <li>
          <strong>{counts.expiring}</strong> lopen binnen 30 dagen af
        </li>
        <li>
          <strong>{counts.withdrawn}</strong> ingetrokken
        </li>
        <li>
          <strong>{counts.expired}</strong> verlopen
        </li>
      </ul>
      {rows.length ? (
        <Table headers={["Van", "Verzameld door", "Doel", "Hoe", "Gegeven", "Stand"]} caption="Toestemmingen">
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{row.personName}</td>
              <td>{row.participant}</td>
              <td>{PURPOSE_LABELS[row.purpose]}</td>
              <td>{row.method === "FORM" ? "formulier" : "op papier"}</td>
              <td>{formatDate(row.givenAt)}</td>
              <td>
                <span className={row.state === "given" ? "badge" : "badge badge--warm"}>
                  {CONSENT_STATE_LABELS[row.state]}
                </span>{" "}
                {row.withdrawnAt
                  ? `op ${formatDate(row.withdrawnAt)}`
                  : row.state === "expired"
                    ? `op ${formatDate(row.expiresAt)}`
                    : `tot ${formatDate(row.expiresAt)}`}
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <p className="muted">In deze groep is nog geen toestemming vastgelegd.</p>
      )}
    </>
  );
}
