// Your calendar feed: a webcal:// address that puts every contact day and deadline in your own calendar app. It is
// shown once, right after it is made; renewing makes a new one (the old one stops), stopping ends it.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { FeedAction } from "~/calendar/feed-form";
import { feedStatus, renewFeed, revokeFeed } from "~/calendar/feed.server";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { GildeForm } from "~/components/form";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { useGildeForm } from "~/forms/use-form";
import { formatDateTime } from "~/format";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const status = await feedStatus(user.id);
  return json({ since: status ? formatDateTime(status.since) : null });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = await readSubmission(request, FeedAction);
  return attempt(submission, async (value) => {
    if (value.intent === "revoke") {
      await revokeFeed(user);
      return redirectWithFlash(
        "/agenda/abonnement",
        "Je agenda-abonnement is gestopt; het oude adres werkt niet meer.",
      );
    }
    // The address is only known now: shown on this answer, never stored.
    return json({ status: "success" as const, url: await renewFeed(user) });
  });
}

export default function CalendarFeed() {
  const { since } = useLoaderData<typeof loader>();
  const made = useActionData<typeof action>() as { url?: string } | undefined;
  const [form, fields] = useGildeForm(FeedAction, { id: "abonnement" });
  const [stopForm, stopFields] = useGildeForm(FeedAction, { id: "abonnement-stop" });
  return (
    <div className="stack form--wide">
      <Crumbs to="/agenda" label="Agenda" />
      <h1>Agenda-abonnement</h1>
      <p>
        Met een abonnement staan je contactdagen, deadlines en peerfeedback in je eigen agenda (Google, Outlook, Apple),
        en veranderen ze mee als er iets verschuift. Het adres is persoonlijk: wie het heeft, ziet je agenda.
      </p>
      {made?.url ? (
        <div className="notice notice--flash" role="status">
          <p className="flush-top">Je nieuwe adres. Kopieer het nu, of open het op het apparaat met je agenda:</p>
          <p>
            <a href={made.url}>{made.url}</a>
          </p>
          <p>We bewaren het zelf niet; kwijt? Maak dan een nieuw.</p>
        </div>
      ) : (
        <p>{since ? `Je hebt een abonnement sinds ${since}.` : "Je hebt nog geen abonnement."}</p>
      )}
      <GildeForm form={form}>
        <input type="hidden" name={fields.intent.name} value="renew" />
        <button type="submit" className="button">
          {since || made?.url ? "Nieuw adres maken (het oude stopt)" : "Abonnementsadres maken"}
        </button>
      </GildeForm>
      {since || made?.url ? (
        <GildeForm form={stopForm}>
          <input type="hidden" name={stopFields.intent.name} value="revoke" />
          <button type="submit" className="button button--secondary">
            Abonnement stoppen
          </button>
        </GildeForm>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Agenda-abonnement — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
