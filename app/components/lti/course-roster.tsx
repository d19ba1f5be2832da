// One LMS course of a cohort on the trainer's roster page: the button that fetches its roster (NRPS), and who is
// in it, those who left the course in the LMS marked as such.
import { useNavigation } from "@remix-run/react";
import { GildeForm } from "~/components/form";
import { Table } from "~/components/table";
import { formatDateTime } from "~/format";
import { useGildeForm } from "~/forms/use-form";
import { RosterAction } from "~/lti/forms";

type Member = { id: string; name: string; email: string; role: string; inLms: boolean };
export type CourseRosterData = {
  id: string;
  title: string;
  platform: string;
  canSync: boolean;
  syncedAt: string | null;
  members: Member[];
};

const ROLE = { trainer: "docent (trainer)", participant: "deelnemer", none: "geen rol in de groep" } as const;

function SyncButton({ contextId, title }: { contextId: string; title: string }) {
  const [form] = useGildeForm(RosterAction, { id: `sync-${contextId}` });
  const busy = useNavigation().formData?.get("contextId") === contextId;
  return (
    <GildeForm form={form} className="inline-form">
      <input type="hidden" name="intent" value="sync-roster" />
      <input type="hidden" name="contextId" value={contextId} />
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Bezig met ophalen…" : "Deelnemerslijst ophalen uit de leeromgeving"}
        <span className="visually-hidden"> ({title})</span>
      </button>
    </GildeForm>
  );
}

export function CourseRoster({ course }: { course: CourseRosterData }) {
  const left = course.members.filter((m) => !m.inLms).length;
  return (
    <section className="card space-bottom" aria-labelledby={`cursus-${course.id}`}>
      <h2 id={`cursus-${course.id}`}>{course.title}</h2>
      <p className="muted">
        {course.platform} ·{" "}
        {course.syncedAt ? `lijst opgehaald ${formatDateTime(course.syncedAt)}` : "lijst nog niet opgehaald"}
        {left > 0 ? ` · ${left} niet meer in de leeromgeving` : ""}
      </p>
      {course.canSync ? (
        <SyncButton contextId={course.id} title={course.title} />
      ) : (
        <p>De leeromgeving deelt de deelnemerslijst van deze cursus niet met Gilde.</p>
      )}
      {course.members.length > 0 ? (
        <Table headers={["Naam", "E-mailadres", "Rol", "In de leeromgeving"]} caption={`Mensen in ${course.title}`}>
          {course.members.map((m) => (
            <tr key={m.id}>
              <td>{m.name}</td>
              <td className="break-anywhere">{m.email}</td>
              <td>{ROLE[m.role as keyof typeof ROLE] ?? m.role}</td>
              <td>{m.inLms ? "ja" : <strong>niet meer in de leeromgeving</strong>}</td>
            </tr>
          ))}
        </Table>
      ) : null}
    </section>
  );
}
