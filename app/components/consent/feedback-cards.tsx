// Feedback from the wijk, as cards: the answers under their questions and who wrote them (as they chose to be
// named). The participant's own cards also offer a thank-you mail and sharing with their gilde.
import { Link } from "~/components/link";
import { formatDate } from "~/format";
import { ShareForm, ThankForm } from "./small-forms";

type Feedback = {
  id: string;
  authorName: string;
  answers: { question: string; answer: string }[];
  createdAt: string;
  sharedWithGilde: boolean;
};

type OwnFeedback = Feedback & { canThank: boolean; thanked: boolean; mayShare: boolean };

function Answers({ feedback }: { feedback: Feedback }) {
  return (
    <>
      {feedback.answers.map((a, index) => (
        <p key={index}>
          <strong>{a.question}</strong> <span className="pre-line">{a.answer || "—"}</span>
        </p>
      ))}
    </>
  );
}

/** Read-only: the grading desk, the assignment page, the gilde. */
export function WijkFeedbackList({ feedback, headingLevel = 2 }: { feedback: Feedback[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="wijkfeedback" className="card space-top-sm">
      <Heading id="wijkfeedback" className="flush-top">
        Feedback uit de wijk ({feedback.length})
      </Heading>
      {feedback.length ? (
        feedback.map((item) => (
          <details key={item.id} open={feedback.length <= 2}>
            <summary>
              {item.authorName} · {formatDate(item.createdAt)}
            </summary>
            <Answers feedback={item} />
          </details>
        ))
      ) : (
        <p className="muted">Nog geen feedback uit de wijk.</p>
      )}
    </section>
  );
}

/** On the assignment page: what came in, and the way to ask for more. */
export function WijkFeedbackSection({ slug, feedback }: { slug: string; feedback: Feedback[] }) {
  return (
    <>
      <WijkFeedbackList feedback={feedback} />
      <p className="space-top-sm">
        <Link to={`/opdrachten/${slug}/wijkfeedback`} className="button button--secondary">
          Vraag de wijk om feedback
        </Link>
      </p>
    </>
  );
}

/** The participant's own: thank (an e-mail from Gilde; the address is never shown) and share with the gilde. */
export function OwnFeedbackList({ feedback }: { feedback: OwnFeedback[] }) {
  if (!feedback.length) return <p className="muted">Er is nog geen feedback binnen.</p>;
  return (
    <ul className="card-list">
      {feedback.map((item) => (
        <li key={item.id} className="card card--stacked">
          <p className="flush-top">
            <strong>{item.authorName}</strong> · {formatDate(item.createdAt)}
          </p>
          <Answers feedback={item} />
          {item.canThank ? (
            <ThankForm feedbackId={item.id} />
          ) : item.thanked ? (
            <p className="muted">Je hebt deze persoon bedankt.</p>
          ) : null}
          {item.mayShare ? (
            <ShareForm feedbackId={item.id} shared={item.sharedWithGilde} />
          ) : (
            <p className="muted">Deze persoon gaf geen toestemming om het met je gilde te delen.</p>
          )}
        </li>
      ))}
    </ul>
  );
}
