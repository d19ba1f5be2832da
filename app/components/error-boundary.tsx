// One error page for every status, in Dutch, always with a way back. Never a stack trace. A refused form (a body
// Gilde cannot take, or the database away for a moment) comes back with what was typed, to copy and send again.
import { isRouteErrorResponse, useLocation, useRouteError } from "@remix-run/react";
import { Link } from "~/components/link";

type Message = { title: string; text: string };

const MESSAGES = {
  400: {
    title: "Dat ging niet goed",
    text: "Het verzoek kon niet worden verwerkt. Controleer wat je invulde en probeer het opnieuw.",
  },
  403: { title: "Geen toegang", text: "Je hebt geen toegang tot deze pagina of deze actie." },
  404: { title: "Niet gevonden", text: "Deze pagina bestaat niet (meer), of je hebt er geen toegang toe." },
  413: { title: "Te groot", text: "Wat je verstuurde is te groot. Maak het kleiner en probeer het opnieuw." },
  500: {
    title: "Er ging iets mis",
    text: "Er ging aan onze kant iets mis. Probeer het over een paar minuten opnieuw.",
  },
  503: {
    title: "Gilde is even niet bereikbaar",
    text: "We kunnen je gegevens nu niet ophalen of bewaren. Er is niets verloren gegaan; probeer het over een minuut opnieuw.",
  },
} satisfies Record<number, Message>;

/** The message for a status; one we have no words for gets the general one of its class. */
function messageFor(status: number): Message {
  const known: Partial<Record<number, Message>> = MESSAGES;
  return known[status] ?? (status >= 500 ? MESSAGES[500] : MESSAGES[400]);
}

// The field names of our forms that people would not recognise as they are.
const FIELD_LABELS: Record<string, string> = {
  body: "Tekst",
  email: "E-mailadres",
  name: "Naam",
  message: "Bericht",
  title: "Titel",
  comment: "Opmerking",
  reason: "Reden",
  q: "Zoekterm",
};

type Refusal = { message?: unknown; values?: unknown };

/** The Dutch sentence and the typed values of one of our own refusals, if the error carries them. */
function refusalOf(error: unknown): { message: string | null; values: [string, string][] } {
  // Remix's own responses (an address no route matches, a method a route does not take) carry English text.
  if (!isRouteErrorResponse(error) || (error as { internal?: boolean }).internal) return { message: null, values: [] };
  const data = error.data as unknown;
  if (typeof data === "string")
    return { message: data.length > 0 && data.length < 300 && error.status < 500 ? data : null, values: [] };
  if (!data || typeof data !== "object") return { message: null, values: [] };
  const { message, values } = data as Refusal;
  const typed =
    values && typeof values === "object"
      ? Object.entries(values as Record<string, unknown>).filter(
          (entry): entry is [string, string] =>
            typeof entry[1] === "string" &&
            entry[1].trim().length > 0 &&
            entry[0] !== "intent" &&
            !entry[0].startsWith("_"),
        )
      : [];
  return { message: typeof message === "string" && message.length < 600 ? message : null, values: typed };
}

export function GeneralErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const general = messageFor(status);
  const { message, values } = refusalOf(error);
  // A refused form was posted to the page it stands on: that is the way back to it.
  const { pathname, search } = useLocation();
  const formPage = pathname + search.replace(/[?&]index(=[^&]*)?/, "").replace(/^&/, "?");
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-page__code">Foutcode {status}</p>
      <h1 id="error-title">{general.title}</h1>
      <p>{message ?? general.text}</p>
      {values.length ? (
        <div className="error-page__typed">
          <h2>Wat je had ingevuld</h2>
          <p className="muted">
            Niets hiervan is bewaard. Kopieer wat je nodig hebt, ga terug en verstuur het opnieuw.
          </p>
          {values.map(([name, value]) => (
            <div className="field" key={name}>
              <label htmlFor={`typed-${name}`}>{FIELD_LABELS[name] ?? name}</label>
              <textarea
                id={`typed-${name}`}
                readOnly
                rows={Math.min(8, Math.max(2, Math.ceil(value.length / 70)))}
                defaultValue={value}
              />
            </div>
          ))}
        </div>
      ) : null}
      <p>
        {values.length || status === 503 ? (
          <>
            <Link to={formPage} reloadDocument>
              Terug naar de pagina
            </Link>{" "}
            ·{" "}
          </>
        ) : null}
        <Link to="/dashboard">Naar je overzicht</Link> · <Link to="/">Naar de startpagina</Link>
      </p>
    </section>
  );
}
