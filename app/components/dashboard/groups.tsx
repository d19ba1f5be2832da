// Under the to-do list: the trainer's cohorts with their gildes and where to plan them, and a participant's
// cohort with their gilde's members. The next sensible thing when the list is short.
import { Link } from "~/components/link";
import { ENROLLMENT_LABELS, formatCalendarDate } from "~/format";

type Dates = { startsOn: string; endsOn: string };

export type TrainerCohort = Dates & {
  id: string;
  name: string;
  gildes: { id: string; name: string; _count: { members: number } }[];
  _count: { enrollments: number };
};

export function TrainerCohorts({ cohorts }: { cohorts: TrainerCohort[] }) {
  return (
    <section className="space-top" aria-labelledby="je-groepen">
      <h2 id="je-groepen">Je groepen</h2>
      {cohorts.length === 0 ? (
        <p className="notice">Je bent nog niet aan een groep gekoppeld. Een beheerder koppelt trainers aan groepen.</p>
      ) : (
        <div className="grid">
          {cohorts.map((cohort) => (
            <section className="card" key={cohort.id} aria-labelledby={`groep-${cohort.id}`}>
              <h3 id={`groep-${cohort.id}`}>{cohort.name}</h3>
              <p className="muted">
                {formatCalendarDate(cohort.startsOn)} tot {formatCalendarDate(cohort.endsOn)} ·{" "}
                {cohort._count.enrollments} deelnemers
              </p>
              <ul>
                {cohort.gildes.map((gilde) => (
                  <li key={gilde.id}>
                    {gilde.name}: {gilde._count.members} {gilde._count.members === 1 ? "lid" : "leden"}
                  </li>
                ))}
              </ul>
              <p className="flush-bottom">
                <Link to={`/modules/planning/${cohort.id}`}>Planning van de modules</Link> ·{" "}
                <Link to={`/opdrachten/groep/${cohort.id}`}>Opdrachten en deadlines</Link> ·{" "}
                <Link to={`/beoordelen/overzicht?groep=${cohort.id}`}>Wie loopt vast?</Link>
              </p>
            </section>
          ))}
        </div>
      )}
    </section>
  );
}

export type MyEnrollment = {
  id: string;
  status: string;
  cohort: Dates & {
    id: string;
    name: string;
    gildes: { name: string; members: { user: { name: string } }[] }[];
  };
};

export function MyCohorts({ enrollments }: { enrollments: MyEnrollment[] }) {
  const shown = enrollments.filter((e) => e.status === "ACTIVE" || e.status === "COMPLETED");
  if (!shown.length) return null;
  return (
    <div className="grid space-top">
      {shown.map((enrollment) => {
        const gilde = enrollment.cohort.gildes[0];
        return (
          <section className="card" key={enrollment.id} aria-labelledby={`inschrijving-${enrollment.id}`}>
            <h2 id={`inschrijving-${enrollment.id}`}>{enrollment.cohort.name}</h2>
            <p>
              <span className="badge">{ENROLLMENT_LABELS[enrollment.status]}</span>{" "}
              <span className="muted">
                {formatCalendarDate(enrollment.cohort.startsOn)} tot {formatCalendarDate(enrollment.cohort.endsOn)}
              </span>
            </p>
            {gilde ? (
              <>
                <h3>Jouw gilde: {gilde.name}</h3>
                <ul>
                  {gilde.members.map((member, index) => (
                    <li key={index}>{member.user.name}</li>
                  ))}
                </ul>
              </>
            ) : enrollment.status === "ACTIVE" ? (
              <p className="muted flush-bottom">Je trainer plaatst je binnenkort in een gilde.</p>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
