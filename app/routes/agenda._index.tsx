// The agenda: contact days, deadlines and peer-review deadlines of your cohort(s) in one list, in Dutch dates.
// A participant says "ik kom" or "ik kan niet" per contact day; a trainer sees who answered what and takes
// attendance from here. The personal calendar feed is linked at the top.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireRole } from "~/auth/guards.server";
import { agendaPage } from "~/calendar/agenda-page.server";
import { RespondAction } from "~/calendar/forms";
import { respondToContactDay } from "~/calendar/responses.server";
import { AgendaList } from "~/components/calendar/agenda-list";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT", "TRAINER", "ADMIN");
  return json(await agendaPage(user));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  const submission = await readSubmission(request, RespondAction);
  return attempt(submission, async (value) => {
    const coming = await respondToContactDay(user, value);
    return redirectWithFlash(
      `/agenda#contactdag-${value.day}`,
      coming ? "Genoteerd: je komt. Tot dan!" : "Genoteerd: je kunt niet. Je trainer ziet je reden.",
    );
  });
}

export default function Agenda() {
  const { events, trainer, cohorts } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>Agenda</h1>
      <p>
        {trainer
          ? `Contactdagen en deadlines van ${cohorts.map((c) => c.name).join(", ") || "je groepen"}.`
          : "Je contactdagen, deadlines en peerfeedback, de eerstvolgende bovenaan."}{" "}
        Alle tijden zijn Nederlandse tijd. <Link to="/agenda/abonnement">Zet alles in je eigen agenda</Link>.
      </p>
      {trainer && cohorts.length ? (
        <nav aria-labelledby="plannen-kop" className="space-bottom">
          <h2 id="plannen-kop">Contactdagen plannen</h2>
          <ul className="inline-links">
            {cohorts.map((c) => (
              <li key={c.id}>
                <Link to={`/agenda/contactdagen/${c.id}`}>{c.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <AgendaList items={events} trainer={trainer} />
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Agenda — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
