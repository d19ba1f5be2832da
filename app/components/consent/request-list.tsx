// The participant's feedback links: to whom (the address only they see), how many answered, until when, and for an
// open meeting link its QR code to show; each open link can be revoked.
import { formatDate } from "~/format";
import { RevokeForm } from "./small-forms";

type Request = {
  id: string;
  email: string | null;
  name: string;
  questions: string[];
  maxResponses: number;
  responseCount: number;
  expiresAt: string;
  revokedAt: string | null;
  meeting: boolean;
  open: boolean;
  link: string | null;
  qr: string | null;
};

function status(request: Request) {
  if (request.revokedAt) return "ingetrokken";
  if (request.open) return `open tot ${formatDate(request.expiresAt)}`;
  if (request.responseCount >= request.maxResponses) return request.meeting ? "vol, gesloten" : "beantwoord";
  return "verlopen";
}

export function RequestList({ requests }: { requests: Request[] }) {
  if (!requests.length) return <p className="muted">Je hebt voor deze opdracht nog niemand om feedback gevraagd.</p>;
  return (
    <ul className="card-list">
      {requests.map((request) => (
        <li key={request.id} className="card card--stacked">
          <p className="flush-top">
            <strong>{request.meeting ? "Link voor een bijeenkomst" : `${request.name} (${request.email})`}</strong>
            {" · "}
            {request.responseCount} van {request.maxResponses} {request.maxResponses === 1 ? "reactie" : "reacties"}
            {" · "}
            {status(request)}
          </p>
          <p className="muted">Vragen: {request.questions.join(" · ")}</p>
          {request.link && request.qr ? (
            <div>
              <img
                src={request.qr}
                className="wijk-qr"
                width={224}
                height={224}
                alt="QR-code met de link naar het feedbackformulier"
              />
              <p className="wijk-link">
                Of open: <a href={request.link}>{request.link}</a>
              </p>
            </div>
          ) : null}
          {request.open ? <RevokeForm requestId={request.id} /> : null}
        </li>
      ))}
    </ul>
  );
}
