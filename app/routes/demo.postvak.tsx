// The demo install's mailbox: an embedded demo install (PAYMENTS=demo) without SMTP sends no real mail, so whoever
// tries Gilde out reads here the mail it would have sent: the link that makes a new account, a new password.
// Every other install answers 404; there the links reach only the addressee (and never /beheer/outbox).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDateTime } from "~/format";
import { demoMailbox } from "~/notifications/outbox.server";

export async function loader(_: LoaderFunctionArgs) {
  const messages = await demoMailbox();
  if (!messages) throw new Response("Deze pagina bestaat niet.", { status: 404 });
  return json({ messages });
}

export default function DemoMailbox() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Demo-postvak</h1>
      <p className="notice notice--warm" role="note">
        <strong>Dit is de demo-installatie van Gilde.</strong> Er gaat geen echte e-mail de deur uit: hier staan de
        berichten die Gilde zou versturen, voor iedereen leesbaar. Open de link in jouw bericht om verder te gaan.
      </p>
      {messages.length === 0 ? <p className="muted">Nog geen berichten.</p> : null}
      <ul className="stack">
        {messages.map((message) => (
          <li key={message.id} className="card">
            <h2 className="card__title">{message.subject}</h2>
            <p className="muted">
              Aan {message.to} · {formatDateTime(message.createdAt)}
            </p>
            <pre className="mail">{message.text}</pre>
            {message.links.map((link) => (
              <p key={link}>
                <Link className="button" to={link}>
                  Open de link uit dit bericht
                </Link>
              </p>
            ))}
          </li>
        ))}
      </ul>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Demo-postvak — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
