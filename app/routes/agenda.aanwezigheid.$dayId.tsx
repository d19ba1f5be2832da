// Taking attendance on a contact day (for the cohort's trainers and admins), phone first: each participant with
// their answer and four buttons. Before the day it shows who answered what; marks can be corrected later, and the
// earlier marks stay with who and when. A participant cannot mark anyone, themselves included.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireCohortTrainer, requireUser } from "~/auth/guards.server";
import {
  attendanceSheet,
  contactDayCohort,
  isCohortParticipant,
  markAttendance,
  setReplacement,
} from "~/calendar/attendance.server";
import { AttendanceAction, ATTENDANCE_LABELS } from "~/calendar/forms";
import { AttendanceList } from "~/components/calendar/attendance-list";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";

/** The cohort's trainer (or an admin); a participant of the cohort hears why not, anyone else gets a 404. */
async function requireAttendanceTaker(request: Request, dayId: string) {
  const day = await contactDayCohort(dayId);
  const user = await requireUser(request);
  if (user.role === "PARTICIPANT") {
    if (await isCohortParticipant(user.id, day.cohortId))
      throw new Response("Je aanwezigheid vult je trainer in, niet jijzelf.", { status: 403, statusText: "Forbidden" });
  }
  return { trainer: await requireCohortTrainer(request, day.cohortId), day };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { day } = await requireAttendanceTaker(request, params.dayId ?? "");
  return json(await attendanceSheet(day.id));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { trainer, day } = await requireAttendanceTaker(request, params.dayId ?? "");
  const submission = await readSubmission(request, AttendanceAction);
  return attempt(submission, async (value) => {
    // Back at the card just marked, so the trainer keeps their place in a long list.
    const here = `/agenda/aanwezigheid/${day.id}#deelnemer-${value.participant}`;
    if (value.intent === "replacement") {
      const name = await setReplacement(trainer, day.id, value);
      return redirectWithFlash(here, `De vervangende opdracht van ${name} is opgeslagen.`);
    }
    const { name, corrected } = await markAttendance(trainer, day.id, value);
    const label = ATTENDANCE_LABELS[value.status].toLowerCase();
    return redirectWithFlash(here, corrected ? `Gecorrigeerd: ${name} is ${label}.` : `${name}: ${label}.`);
  });
}

export default function Attendance() {
  const { day, participants, marked } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <Crumbs to="/agenda" label="Agenda" />
      <h1>Aanwezigheid: {day.title}</h1>
      <p>
        {day.cohortName}, {day.date}, {day.times}.{" "}
        {day.open
          ? `${marked} van ${participants.length} opgenomen.`
          : "Aanwezigheid neem je op de dag zelf op; hier zie je nu wie zich heeft afgemeld."}
      </p>
      <AttendanceList rows={participants} open={day.open} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Aanwezigheid ${data?.day.title ?? "contactdag"} — Gilde` },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
