// For the author of a practice case with people named in it: whether it is online, whose consent is missing.
import { Link } from "~/components/link";
import { listNames } from "~/consent/questions";

type Summary = { awaiting: boolean; missing: string[]; online: boolean };

export function CaseConsentNotice({ caseId, summary }: { caseId: string; summary: Summary }) {
  return (
    <div className={summary.online ? "notice" : "notice notice--warm"} role="status">
      {summary.online ? (
        <p className="flush">Iedereen die in dit voorbeeld voorkomt, heeft toestemming gegeven.</p>
      ) : (
        <p className="flush">
          Dit voorbeeld staat niet online: de toestemming ontbreekt van {listNames(summary.missing)}. Alleen jij ziet
          het nu.
        </p>
      )}
      <p className="flush space-top-sm">
        <Link to={`/praktijk/${caseId}/toestemming`}>Toestemmingen bekijken en vastleggen</Link>
      </p>
    </div>
  );
}
