// One error page for 403, 404 and 500, in Dutch, always with a way back. Never a stack trace.
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const MESSAGES: Record<number, { title: string; text: string }> = {
  400: { title: "Dat ging niet goed", text: "Het verzoek kon niet worden verwerkt. Controleer wat je invulde en probeer het opnieuw." },
  403: { title: "Geen toegang", text: "Je hebt geen toegang tot deze pagina of deze actie." },
  404: { title: "Niet gevonden", text: "Deze pagina bestaat niet (meer), of je hebt er geen toegang toe." },
  500: { title: "Er ging iets mis", text: "Er ging aan onze kant iets mis. Probeer het over een paar minuten opnieuw." },
};

export function GeneralErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = MESSAGES[status] ?? (status >= 500 ? MESSAGES[500] : MESSAGES[400]);
  // Our own 4xx responses carry a Dutch sentence that says more than the general text.
  const specific =
    isRouteErrorResponse(error) && status < 500 && typeof error.data === "string" && error.data.length > 0 && error.data.length < 300
      ? error.data
      : null;
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-page__code">Foutcode {status}</p>
      <h1 id="error-title">{message.title}</h1>
      <p>{specific ?? message.text}</p>
      <p>
        <Link to="/dashboard">Naar je overzicht</Link> · <Link to="/">Naar de startpagina</Link>
      </p>
    </section>
  );
}
