// "Mijn aanmelding": where each application stands and what happens next, for someone not yet following the course.
import { Link } from "~/components/link";
import { ENROLLMENT_LABELS, formatCalendarDate } from "~/format";

export type ApplicationCard = {
  cohortId: string;
  cohortName: string;
  startsOn: string;
  status: string;
  stands: string;
  next: string[];
  action: { label: string; href: string } | null;
  message: string | null;
};

export function ApplicationStatus({ firstName, applications }: { firstName: string; applications: ApplicationCard[] }) {
  return (
    <>
      <h1>Mijn aanmelding</h1>
      <p className="lead">Welkom, {firstName}. Hier zie je hoe het met je aanmelding staat en wat er nu gebeurt.</p>
      {applications.length === 0 ? (
        <div className="notice">
          <p className="flush-top">Je bent nog niet ingeschreven voor een groep: je hebt je nog niet aangemeld.</p>
          <p className="flush-bottom">
            Bekijk de <Link to="/leergang">komende groepen</Link> en meld je aan. Zodra je bent toegelaten en betaald
            hebt, zie je hier wat je te doen hebt.
          </p>
        </div>
      ) : (
        applications.map((a) => (
          <section className="card application" key={a.cohortId} aria-labelledby={`aanmelding-${a.cohortId}`}>
            <h2 id={`aanmelding-${a.cohortId}`}>{a.cohortName}</h2>
            <p>
              <span className="badge">{ENROLLMENT_LABELS[a.status]}</span>{" "}
              <span className="muted">begint {formatCalendarDate(a.startsOn)}</span>
            </p>
            <p className="lead">{a.stands}</p>
            {a.message ? (
              <blockquote className="application__message">
                <p>{a.message}</p>
              </blockquote>
            ) : null}
            <h3>Wat er hierna gebeurt</h3>
            <ol>
              {a.next.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
            {a.action ? (
              <p className="flush-bottom">
                <Link className="button" to={a.action.href}>
                  {a.action.label}
                </Link>
              </p>
            ) : null}
          </section>
        ))
      )}
    </>
  );
}
