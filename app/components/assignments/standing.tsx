// The top of a participant's assignment page: where they stand, in words, the deadline, and the one thing to do
// next; then the links to the page's three parts, which on a phone save scrolling past the whole brief.
import { Link } from "~/components/link";
import type { MouseEvent, ReactNode } from "react";
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
            <JumpLink href={next.action.href} className="button">
              {next.action.label}
            </JumpLink>
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

/**
 * A link to a part of this page: a plain anchor without JavaScript. With it, the page scrolls there itself and
 * focus moves along: a fragment navigation would go through the router's scroll restoration, which after an
 * earlier jump on another page put the part 140 px lower than asked. The folded brief opens on the way.
 */
function JumpLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  function jump(event: MouseEvent) {
    const target = document.getElementById(href.slice(1));
    if (!target) return;
    event.preventDefault();
    target.querySelector<HTMLDetailsElement>(".brief__details")?.setAttribute("open", "");
    target.scrollIntoView();
    target.focus({ preventScroll: true });
  }
  return (
    <a href={href} className={className} onClick={jump}>
      {children}
    </a>
  );
}

/** Links to the page's parts, so a phone need not scroll past the whole brief. */
export function SectionLinks({ feedback }: { feedback: boolean }) {
  return (
    <nav className="section-links" aria-label="Onderdelen van deze opdracht">
      <JumpLink href="#opdracht">Opdracht</JumpLink>
      <JumpLink href={WRITING_ANCHOR}>Mijn uitwerking</JumpLink>
      {feedback ? <JumpLink href={FEEDBACK_ANCHOR}>Feedback</JumpLink> : null}
    </nav>
  );
}
