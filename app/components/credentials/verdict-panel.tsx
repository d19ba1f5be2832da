// The verdict of a verification, the same on /verifieer/:id and after a paste or upload on /verifieer.
import { formatDate } from "~/format";

type Verdict = {
  status: "valid" | "revoked" | "invalid" | "unknown";
  headline: string;
  problems: string[];
  credential: {
    id: string;
    recipient: string;
    achievement: string;
    description: string;
    issuer: string;
    validFrom: string;
  } | null;
};

const TONE = {
  valid: "verdict--valid",
  revoked: "notice--warm",
  invalid: "notice--error",
  unknown: "notice--warm",
} as const;

export function VerdictPanel({ verdict }: { verdict: Verdict }) {
  // What an invalid or foreign credential claims is not to be trusted: only ours, checked, is shown.
  const c = verdict.status === "valid" || verdict.status === "revoked" ? verdict.credential : null;
  const validFrom = c && Date.parse(c.validFrom) ? formatDate(c.validFrom) : null;
  return (
    <section
      className={`notice verdict ${TONE[verdict.status]} stack`}
      aria-labelledby="oordeel"
      aria-live="polite"
      role="status"
    >
      <h2 id="oordeel" className="flush-top">
        {verdict.headline}
      </h2>
      {verdict.problems.length ? (
        <ul>
          {verdict.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {c ? (
        <dl className="facts">
          {c.recipient ? (
            <>
              <dt>Op naam van</dt>
              <dd>{c.recipient}</dd>
            </>
          ) : null}
          {c.achievement ? (
            <>
              <dt>Behaald</dt>
              <dd>
                {c.achievement}
                {c.description ? <span className="muted"> — {c.description}</span> : null}
              </dd>
            </>
          ) : null}
          {c.issuer ? (
            <>
              <dt>Uitgegeven door</dt>
              <dd>{c.issuer}</dd>
            </>
          ) : null}
          {validFrom ? (
            <>
              <dt>Geldig vanaf</dt>
              <dd>{validFrom}</dd>
            </>
          ) : null}
          {c.id ? (
            <>
              <dt>Kenmerk</dt>
              <dd className="reference">{c.id}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
    </section>
  );
}
