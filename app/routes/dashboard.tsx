import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { dashboardFor } from "~/cohorts/cohorts.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ENROLLMENT_LABELS, formatCalendarDate } from "~/format";
import { ProgressBar } from "~/components/progress-bar";
import { courseOverview } from "~/content/pages.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [dashboard, course] = await Promise.all([
    dashboardFor(user),
    user.role === "PARTICIPANT" ? courseOverview(user) : null,
  ]);
  return json({ name: user.name, dashboard, course: course?.total ? courseSummary(course) : null });
}

/** Whole-course progress and where to read on: the first open module not yet read. */
function courseSummary(course: Awaited<ReturnType<typeof courseOverview>>) {
  const next = course.modules.find((m) => m.open && m.progress?.status !== "done");
  return {
    ...course.total!,
    next: next ? { slug: next.slug, title: next.title, started: next.progress?.status === "busy" } : null,
    modules: course.modules.map((m) => ({
      slug: m.slug,
      order: m.order,
      title: m.title,
      open: m.open,
      percent: m.progress?.percent ?? 0,
    })),
  };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function Dashboard() {
  const { name, dashboard, course } = useLoaderData<typeof loader>();
  const firstName = name.split(" ")[0];
  return (
    <>
      <h1>Welkom, {firstName}</h1>
      {dashboard.kind === "admin" ? <AdminDashboard data={dashboard} /> : null}
      {dashboard.kind === "trainer" ? <TrainerDashboard data={dashboard} /> : null}
      {dashboard.kind === "participant" || dashboard.kind === "alumnus" ? (
        <ParticipantDashboard data={dashboard} />
      ) : null}
      {course ? <CourseCard course={course} /> : null}
    </>
  );
}

function CourseCard({ course }: { course: NonNullable<Data["course"]> }) {
  return (
    <section className="card space-top" aria-labelledby="leergang">
      <h2 className="flush-top" id="leergang">
        De leergang
      </h2>
      <p>
        {course.done} van {course.count} modules gelezen.
      </p>
      <ProgressBar percent={course.percent} label="Voortgang in de hele leergang" />
      <details className="space-y-sm">
        <summary>Voortgang per module</summary>
        <ul className="toc space-top-xs">
          {course.modules.map((m) => (
            <li key={m.slug}>
              <Link to={`/modules/${m.slug}`}>
                {m.order}. {m.title}
              </Link>
              <span className="min-9rem">
                {m.open ? (
                  <ProgressBar percent={m.percent} label={`Voortgang in ${m.title}`} />
                ) : (
                  <span className="muted">nog niet open</span>
                )}
              </span>
            </li>
          ))}
        </ul>
      </details>
      <p className="flush-bottom">
        {course.next ? (
          <Link className="button" to={`/modules/${course.next.slug}`}>
            {course.next.started ? "Verder lezen" : "Begin"}: {course.next.title}
          </Link>
        ) : null}{" "}
        <Link to="/modules">Alle modules</Link>
      </p>
    </section>
  );
}

function AdminDashboard({ data }: { data: Extract<Data["dashboard"], { kind: "admin" }> }) {
  return (
    <>
      <p className="lead">Je beheert groepen, trainers, gildes en de uitgaande e-mail.</p>
      <div className="grid">
        <div className="card">
          <span className="stat">{data.users}</span> accounts
          <p>
            <Link to="/beheer/gebruikers">Bekijk gebruikers</Link>
          </p>
        </div>
        <div className="card">
          <span className="stat">{data.cohorts}</span> groepen
          <p>
            <Link to="/beheer">Naar beheer</Link>
          </p>
        </div>
        <div className="card">
          <span className="stat">{data.queued}</span> e-mails nog niet verzonden
          <p>
            <Link to="/beheer/outbox">Bekijk de outbox</Link>
          </p>
        </div>
      </div>
    </>
  );
}

function TrainerDashboard({ data }: { data: Extract<Data["dashboard"], { kind: "trainer" }> }) {
  return (
    <>
      <p className="lead">Je groepen en hun gildes.</p>
      {data.cohorts.length === 0 ? (
        <p className="notice">Je bent nog niet aan een groep gekoppeld. Een beheerder koppelt trainers aan groepen.</p>
      ) : (
        <div className="grid">
          {data.cohorts.map((cohort) => (
            <section className="card" key={cohort.id} aria-labelledby={`groep-${cohort.id}`}>
              <h2 id={`groep-${cohort.id}`}>{cohort.name}</h2>
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
    </>
  );
}

function ParticipantDashboard({ data }: { data: Extract<Data["dashboard"], { kind: "participant" | "alumnus" }> }) {
  return (
    <>
      {data.kind === "alumnus" ? (
        <p className="lead">
          Je hebt de leergang afgerond: je bent nu <strong>alumnus</strong> van Creative Communities.
        </p>
      ) : (
        <p className="lead">Hier zie je je groep, je gilde en straks je modules en opdrachten.</p>
      )}
      {data.enrollments.length === 0 ? (
        <div className="notice">
          Je bent nog niet ingeschreven voor een groep. Bekijk de <Link to="/leergang">komende groepen</Link> en meld je
          aan; zodra je bent toegelaten en betaald hebt, zie je hier je groep en je gilde.
        </div>
      ) : (
        <div className="grid">
          {data.enrollments.map((enrollment) => {
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
                  <p className="muted">Je trainer plaatst je binnenkort in een gilde.</p>
                ) : null}
                {["APPLIED", "ACCEPTED", "WAITLISTED", "REJECTED"].includes(enrollment.status) ? (
                  <p>
                    <Link to={`/aanmelden/${enrollment.cohort.id}`}>
                      {enrollment.status === "ACCEPTED" ? "Naar betalen" : "Bekijk je aanmelding"}
                    </Link>
                  </p>
                ) : null}
              </section>
            );
          })}
        </div>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Overzicht — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
