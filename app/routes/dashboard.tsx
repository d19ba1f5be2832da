import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireUser } from "~/auth/guards.server";
import { ApplicationStatus } from "~/components/dashboard/application-status";
import { CourseCard } from "~/components/dashboard/course-card";
import { MyCohorts, TrainerCohorts } from "~/components/dashboard/groups";
import { TodoList } from "~/components/dashboard/todo-list";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { startPageFor } from "~/dashboard/start-page.server";
import stylesheet from "~/styles/dashboard.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ name: user.name, page: await startPageFor(user) });
}

export default function Dashboard() {
  const { name, page } = useLoaderData<typeof loader>();
  const firstName = name.split(" ")[0] ?? name;
  if (page.audience === "APPLICANT")
    return <ApplicationStatus firstName={firstName} applications={page.applications} />;
  return (
    <>
      <TodoList
        items={page.items}
        intro={
          page.audience === "ALUMNUS" ? (
            <>
              Welkom terug, {firstName}. Je hebt de leergang afgerond: je bent nu <strong>alumnus</strong> van Creative
              Communities.
            </>
          ) : (
            <>Welkom, {firstName}. Het dringendste staat bovenaan.</>
          )
        }
        empty={<NothingToDo audience={page.audience} />}
      />
      {page.audience === "PARTICIPANT" && page.course ? <CourseCard course={page.course} /> : null}
      {page.audience === "PARTICIPANT" || page.audience === "ALUMNUS" ? (
        <MyCohorts enrollments={page.enrollments} />
      ) : null}
      {page.audience === "TRAINER" ? <TrainerCohorts cohorts={page.cohorts} /> : null}
    </>
  );
}

/** An empty list says so warmly, and points to the next sensible thing. */
function NothingToDo({ audience }: { audience: "PARTICIPANT" | "ALUMNUS" | "TRAINER" | "ADMIN" }) {
  switch (audience) {
    case "PARTICIPANT":
      return (
        <p className="flush">
          Je bent helemaal bij: geen deadlines de komende twee weken en geen feedback die op je wacht. Lees alvast
          verder in de <Link to="/modules">modules</Link> of kijk wat er speelt in <Link to="/gilde">je gilde</Link>.
        </p>
      );
    case "ALUMNUS":
      return (
        <p className="flush">
          Niets nieuws sinds je laatste bezoek. Begin een gesprek in de <Link to="/community">community</Link> of deel
          een ervaring uit je wijk bij de <Link to="/praktijk">praktijkvoorbeelden</Link>.
        </p>
      );
    case "TRAINER":
      return (
        <p className="flush">
          Er wacht niets op je: geen aanmeldingen, geen inzendingen en niemand die vastloopt. Kijk gerust in{" "}
          <Link to="/beoordelen/overzicht">Wie loopt vast?</Link> hoe je groepen ervoor staan.
        </p>
      );
    case "ADMIN":
      return (
        <p className="flush">
          Alles is op orde: geen achterstallige facturen, privacyverzoeken of mislukte e-mails. Naar{" "}
          <Link to="/beheer">beheer</Link> voor groepen en gebruikers.
        </p>
      );
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.page.audience === "APPLICANT" ? "Mijn aanmelding — Gilde" : "Te doen — Gilde" },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
