// A participant's own work on an assignment: the writing space with its files, and every version handed in.
import type { SerializeFrom } from "@remix-run/node";
import type { assignmentPage } from "~/assignments/page.server";
import { DraftEditor } from "~/components/draft-editor";
import { formatDateTime } from "~/format";
import { AttachmentList } from "./attachments";

export type AssignmentPage = NonNullable<SerializeFrom<typeof assignmentPage>>;
export type Work = NonNullable<AssignmentPage["work"]>;

export function YourWork({ page, work, busy }: { page: AssignmentPage; work: Work; busy: boolean }) {
  return (
    <section id="mijn-uitwerking" aria-labelledby="mijn-uitwerking-kop" className="space-top" tabIndex={-1}>
      <h2 id="mijn-uitwerking-kop">Mijn uitwerking</h2>
      {work.blocked ? (
        <p className="notice">{work.blocked}</p>
      ) : (
        <>
          {work.status === "herziening" ? (
            <p className="notice notice--warm">
              Je trainer vraagt je om een herziening. Pas je uitwerking aan en lever opnieuw in.
            </p>
          ) : null}
          <DraftEditor page={page} draft={work.draft} busy={busy} />
        </>
      )}
      {work.versions.length ? (
        <section aria-labelledby="versies">
          <h2 id="versies">Ingeleverde versies</h2>
          {work.versions.map((version, index) => (
            <details key={version.id} open={index === 0} className="card space-bottom-sm">
              <summary>
                Versie {version.number} · {formatDateTime(version.handedInAt)}
                {version.late ? <span className="badge badge--warm">te laat</span> : null}
                {version.wijkVersion ? (
                  <span className="muted">
                    {" "}
                    · bij wijkprofiel versie {version.wijkVersion.number} ({version.wijkVersion.name})
                  </span>
                ) : null}
              </summary>
              <div className="prose" dangerouslySetInnerHTML={{ __html: version.html }} />
              <AttachmentList attachments={version.attachments} peerReview={page.peerReview} />
            </details>
          ))}
        </section>
      ) : null}
    </section>
  );
}
