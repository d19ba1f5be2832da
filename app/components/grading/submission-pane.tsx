// The left half of the grading desk: the handed-in version (text, attachments previewed inline), the peer
// feedback it received, what changed since the previous version, and the earlier versions folded.
import { formatDateTime } from "~/format";
import { AttachmentPreviews, type PreviewFile } from "./attachment-preview";

type Changes = {
  parts: { kind: "same" | "added" | "removed"; text: string }[];
  added: number;
  removed: number;
};
type Version = {
  id: string;
  number: number;
  html: string;
  handedInAt: string;
  late: boolean;
  wijkVersion: { number: number; name: string; municipality: string } | null;
  attachments: PreviewFile[];
  changes: Changes | null;
};
type PeerFeedback = {
  id: string;
  reviewer: string;
  crossGilde: boolean;
  rating: number | null;
  questions: string[];
  answers: Record<string, string>;
  tip: string;
};

export function SubmissionPane({ versions, peerFeedback }: { versions: Version[]; peerFeedback: PeerFeedback[] }) {
  const [latest, ...earlier] = versions;
  if (!latest) return null;
  return (
    <>
      <h2 id="inzending">
        Versie {latest.number}, ingeleverd {formatDateTime(latest.handedInAt)}
        {latest.late ? <span className="badge badge--warm">te laat</span> : null}
      </h2>
      {latest.wijkVersion ? (
        <p className="muted">
          Bij wijkprofiel versie {latest.wijkVersion.number}: {latest.wijkVersion.name},{" "}
          {latest.wijkVersion.municipality}
        </p>
      ) : null}
      <div className="prose card" dangerouslySetInnerHTML={{ __html: latest.html }} />
      <AttachmentPreviews files={latest.attachments} />
      {peerFeedback.length ? (
        <section aria-labelledby="peerfeedback" className="card space-top-sm">
          <h3 id="peerfeedback">Peerfeedback uit de gilde ({peerFeedback.length})</h3>
          {peerFeedback.map((review) => (
            <details key={review.id}>
              <summary>
                {review.reviewer}
                {review.crossGilde ? " (andere gilde)" : ""}
                {review.rating ? ` · door de schrijver gewaardeerd met ${review.rating}/4` : ""}
              </summary>
              {review.questions.map((q, index) => (
                <p key={index}>
                  <strong>{q}</strong> {review.answers[index] || "—"}
                </p>
              ))}
              {review.tip ? (
                <p>
                  <strong>Tip voor verder:</strong> {review.tip}
                </p>
              ) : null}
            </details>
          ))}
        </section>
      ) : null}
      {latest.changes ? <VersionChanges changes={latest.changes} previous={latest.number - 1} open /> : null}
      {earlier.map((version) => (
        <details key={version.id} className="card space-top-sm">
          <summary>
            Eerdere versie {version.number} · {formatDateTime(version.handedInAt)}
          </summary>
          <div className="prose" dangerouslySetInnerHTML={{ __html: version.html }} />
          {version.changes ? <VersionChanges changes={version.changes} previous={version.number - 1} /> : null}
        </details>
      ))}
    </>
  );
}

/** What changed since the previous version, word by word (the Markdown as written). */
function VersionChanges({ changes, previous, open = false }: { changes: Changes; previous: number; open?: boolean }) {
  return (
    <details className="card diff space-top-sm" open={open}>
      <summary>
        Wat is veranderd ten opzichte van versie {previous}: {changes.added} {changes.added === 1 ? "woord" : "woorden"}{" "}
        erbij, {changes.removed} eraf
      </summary>
      <p className="diff__text">
        {changes.parts.map((part, index) =>
          part.kind === "added" ? (
            <ins key={index}>{part.text}</ins>
          ) : part.kind === "removed" ? (
            <del key={index}>{part.text}</del>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </p>
    </details>
  );
}
