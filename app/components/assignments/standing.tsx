// The top of a participant's assignment page: where they stand, in words, the deadline, and the one thing to do
// next; then the links to the page's three parts, which on a phone save scrolling past the whole brief.
import { Link } from "@remix-run/react";
import { FEEDBACK_ANCHOR, standingOn, WRITING_ANCHOR } from "~/assignments/standing";
import { formatDateTime } from "~/format";
import type { AssignmentPage, Work } from "./work";

export function Standing({ page, work }: { page: AssignmentPage; work: Work }) {
  const { status, next } = standingOn({
    status: work.status,
    draftSavedAt: work.draft.savedAt,
    handedInAt: work.versions[0]?.handedInAt ?? null,
    closed: work.closed,
    hasFeedback: work.assessments.length > 0,
    peerReview: page.peerReview.enabled,
  });
  return (
    <section className="card standing" aria-labelledby="waar-je-staat">
      <h2 id="waar-je-staat" className="visually-hidden">
        Waar je staat
      </h2>
      <p className="standing__status">
        <strong>{status}</strong>
        {work.closed ? <span className="badge badge--danger">gesloten</span> : null}
      </p>
      <p className="muted flush">
        {work.due ? (
          <>
            Deadline: {formatDateTime(work.due)}
            {work.extended ? " (uitstel van je trainer)" : ""}
          </>
        ) : (
          "De deadline is nog niet bekend."
        )}
      </p>
      <p className="standing__next flush-bottom">
        <span>{next.text}</span>{" "}
        {next.action ? (
          next.action.href.startsWith("#") ? (
            <a href={next.action.href} className="button">
              {next.action.label}
            </a>
          ) : (
            <Link to={next.action.href} className="button">
              {next.action.label}
            </Link>
          )
        ) : null}
      </p>
    </section>
  );
}

/** Links to the page's parts: plain anchors, so they work without JavaScript too. */
export function SectionLinks({ feedback }: { feedback: boolean }) {
  const openBrief = () => {
    const details = document.querySelector<HTMLDetailsElement>("#opdracht .brief__details");
    if (details) details.open = true;
  };
  return (
    <nav className="section-links" aria-label="Onderdelen van deze opdracht">
      <a href="#opdracht" onClick={openBrief}>
        Opdracht
      </a>
      <a href={WRITING_ANCHOR}>Mijn uitwerking</a>
      {feedback ? <a href={FEEDBACK_ANCHOR}>Feedback</a> : null}
    </nav>
  );
}
