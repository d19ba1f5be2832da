import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDateTime } from "~/format";
import { listOutbox } from "~/notifications/outbox.server";
import { sendsRealMail } from "~/notifications/sender.server";
import { Pagination } from "~/components/pagination";
import { pageNumber } from "~/forms/fields";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const page = pageNumber(new URL(request.url).searchParams);
  return json({ smtp: sendsRealMail(), ...(await listOutbox({ page })) });
}

export default function AdminOutbox() {
  const { smtp, messages, total, page, pages } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>E-mail outbox</h1>
      <p className="notice">
        {smtp
          ? "E-mail wordt via SMTP verstuurd. Mislukte verzendingen worden later opnieuw geprobeerd."
          : "Er is geen SMTP-server ingesteld (SMTP_URL): e-mail blijft hier staan en wordt niet verstuurd."}
      </p>
      <p className="muted">{total} berichten</p>
      <ul className="stack bare-list">
        {messages.map((message) => (
          <li key={message.id} className="card">
            <details>
              <summary>
                <strong>{message.subject}</strong> aan {message.to} · {formatDateTime(message.createdAt)}{" "}
                {message.sentAt ? (
                  <span className="badge">verzonden</span>
                ) : message.lastError ? (
                  <span className="badge badge--danger">mislukt ({message.attempts}×), wordt opnieuw geprobeerd</span>
                ) : (
                  <span className="badge badge--warm">in de wachtrij</span>
                )}
              </summary>
              <pre className="mail">{message.text}</pre>
              {message.lastError ? <p className="field__error">Laatste fout: {message.lastError}</p> : null}
            </details>
          </li>
        ))}
      </ul>
      <Pagination
        page={page}
        pages={pages}
        href={(n) => `?pagina=${n}`}
        labels={["Nieuwere berichten", "Oudere berichten"]}
      />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Outbox — Beheer — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
