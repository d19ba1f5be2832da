// Your own account: name, e-mail address, password, where you are signed in, which mail you get, and (on its own
// page) your data. Every form names its intent; each answers with a one-time message after it worked.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requestEmailChange } from "~/account/email-change.server";
import { AccountAction, StaffAccountAction } from "~/account/forms";
import { changeOwnPassword } from "~/account/password-change.server";
import { changeBio, changeName, emailPreferences, ownBio, saveEmailPreferences } from "~/account/profile.server";
import { endOtherSessions, endSession, mySessions } from "~/account/sessions.server";
import { requireSession } from "~/auth/guards.server";
import { feedStatus } from "~/calendar/feed.server";
import { CalendarFeedSection } from "~/components/calendar/feed-section";
import { EmailPreferencesForm } from "~/components/account/email-preferences";
import { BioForm } from "~/components/account/bio-form";
import { EmailForm, NameForm, PasswordForm } from "~/components/account/identity-forms";
import { SessionList } from "~/components/account/session-list";
import { AccountLogins } from "~/components/oidc/account-logins";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { clientIp } from "~/load-context";
import { unlinkIdentity } from "~/lti/oidc-accounts.server";
import { accountLogins } from "~/lti/oidc-login-page.server";
import { hasDemoMailbox } from "~/notifications/outbox.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, sessionId } = await requireSession(request);
  const [sessions, preferences, demoMailbox, bio, feed, logins] = await Promise.all([
    mySessions(user.id, sessionId),
    emailPreferences(user.id),
    hasDemoMailbox(),
    isStaff(user.role) ? ownBio(user.id) : null,
    feedStatus(user.id),
    accountLogins(user.id),
  ]);
  return json({ name: user.name, email: user.email, sessions, preferences, demoMailbox, bio, feed, logins });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, sessionId } = await requireSession(request);
  const ip = clientIp(context);
  const submission = await readSubmission(request, isStaff(user.role) ? StaffAccountAction : AccountAction);
  return attempt(submission, async (value) => {
    switch (value.intent) {
      case "name":
        await changeName(user.id, value.name);
        return redirectWithFlash("/account", "Je naam is opgeslagen.");
      case "bio":
        await changeBio(user.id, value.bio);
        return redirectWithFlash("/account", "Je profiel is opgeslagen.");
      case "email": {
        const email = await requestEmailChange(user, value);
        return redirectWithFlash(
          "/account",
          `We stuurden een link naar ${email}. Open hem binnen 24 uur om je nieuwe adres te bevestigen; tot dan blijft ${user.email} in gebruik.`,
        );
      }
      case "password": {
        const ended = await changeOwnPassword(user, sessionId, { ...value, ip });
        return redirectWithFlash(
          "/account",
          ended
            ? "Je nieuwe wachtwoord is opgeslagen. Op je andere apparaten ben je uitgelogd; hier blijf je ingelogd."
            : "Je nieuwe wachtwoord is opgeslagen. Je blijft hier ingelogd.",
        );
      }
      case "end-session": {
        const device = await endSession(user, sessionId, value.session, ip);
        return redirectWithFlash("/account", `Je bent uitgelogd op ${device}.`);
      }
      case "end-other-sessions":
        await endOtherSessions(user, sessionId, ip);
        return redirectWithFlash("/account", "Je bent op al je andere apparaten uitgelogd. Hier blijf je ingelogd.");
      case "unlink-oidc": {
        const label = await unlinkIdentity(user, value.identity, ip);
        return redirectWithFlash("/account", `${label} is ontkoppeld. Je logt nu in zonder ${label}.`);
      }
      case "preferences":
        await saveEmailPreferences(user.id, { weekly: value.weekly, reminders: value.reminders });
        return redirectWithFlash("/account", "Je e-mailvoorkeuren zijn opgeslagen.");
    }
  });
}

const isStaff = (role: string) => role === "TRAINER" || role === "ADMIN";

export default function Account() {
  const { name, email, sessions, preferences, demoMailbox, bio, feed, logins } = useLoaderData<typeof loader>();
  return (
    <div className="form--wide stack">
      <h1>Mijn account</h1>
      <nav aria-label="Op deze pagina" className="muted">
        <a href="#naam">Naam</a> ·{" "}
        {bio !== null ? (
          <>
            <a href="#profiel">Profiel</a> ·{" "}
          </>
        ) : null}
        <a href="#e-mailadres">E-mailadres</a> · <a href="#wachtwoord">Wachtwoord</a> ·{" "}
        {logins.providers.length ? (
          <>
            <a href="#inloggen-met">eduID en SURFconext</a> ·{" "}
          </>
        ) : null}
        <a href="#apparaten">Apparaten</a> · <a href="#e-mail">E-mail van Gilde</a> ·{" "}
        <a href="#agenda">Agenda-abonnement</a> · <a href="#certificaat">Certificaat</a> ·{" "}
        <a href="#betalingen">Betalingen</a> · <a href="#gegevens">Mijn gegevens</a>
      </nav>

      <section className="card" aria-labelledby="naam">
        <h2 id="naam">Naam</h2>
        <NameForm name={name} />
      </section>

      {bio !== null ? (
        <section className="card" aria-labelledby="profiel">
          <h2 id="profiel">Profiel als trainer</h2>
          <BioForm bio={bio} />
        </section>
      ) : null}

      <section className="card" aria-labelledby="e-mailadres">
        <h2 id="e-mailadres">E-mailadres</h2>
        <EmailForm email={email} demoMailbox={demoMailbox} />
      </section>

      <section className="card" aria-labelledby="wachtwoord">
        <h2 id="wachtwoord">Wachtwoord</h2>
        <PasswordForm />
      </section>

      {logins.providers.length ? (
        <section className="card" aria-labelledby="inloggen-met">
          <h2 id="inloggen-met">Inloggen met eduID of SURFconext</h2>
          <AccountLogins providers={logins.providers} hasPassword={logins.hasPassword} />
        </section>
      ) : null}

      <section className="card" aria-labelledby="apparaten">
        <h2 id="apparaten">Waar je bent ingelogd</h2>
        <p>Zie je een apparaat dat je niet kent? Log het uit en wijzig je wachtwoord.</p>
        <SessionList sessions={sessions} />
      </section>

      <section className="card" aria-labelledby="e-mail">
        <h2 id="e-mail">E-mail van Gilde</h2>
        <EmailPreferencesForm preferences={preferences} />
      </section>

      <CalendarFeedSection since={feed?.since ?? null} />

      <section className="card" aria-labelledby="certificaat">
        <h2 id="certificaat">Certificaat</h2>
        <p>Na je afronding: je certificaat als PDF en als Open Badge, en de link voor LinkedIn.</p>
        <Link className="button button--secondary" to="/account/certificaat">
          Naar mijn certificaat
        </Link>
      </section>

      <section className="card" aria-labelledby="betalingen">
        <h2 id="betalingen">Betalingen</h2>
        <p>Je betalingen voor de leergang, met het betaalbewijs om opnieuw te downloaden.</p>
        <Link className="button button--secondary" to="/account/betalingen">
          Naar mijn betalingen
        </Link>
      </section>

      <section className="card" aria-labelledby="gegevens">
        <h2 id="gegevens">Mijn gegevens</h2>
        <p>Download alles wat Gilde van je bewaart, of vraag om je gegevens te laten verwijderen.</p>
        <Link className="button button--secondary" to="/account/gegevens">
          Naar mijn gegevens
        </Link>
      </section>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Mijn account — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
