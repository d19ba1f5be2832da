// A gilde assignment's shared writing page (issue 23): the gilde's one text (every member edits it, saved while
// typing, a clash never overwrites), each member's own part and "akkoord", handing in for the whole gilde, the
// versions handed in and the trainer's result for the gilde and for this member.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { invariantResponse, requireUser } from "~/auth/guards.server";
import { GildeWorkSchema } from "~/assignments/gilde-forms";
import { gildeWorkPage } from "~/assignments/gilde-page.server";
import { agreeToHandIn, handInForGilde, saveContribution, saveGildeDraft } from "~/assignments/gilde-work.server";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { GildeAgreement, GildeHandIn, GildeResult, GildeVersions } from "~/components/assignments/gilde-parts";
import { GildeTextEditor } from "~/components/assignments/gilde-text";
import { formatDateTime } from "~/format";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission, reply } from "~/forms/submission.server";
import assignmentStyles from "~/styles/assignment.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: assignmentStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = await gildeWorkPage(user, params.slug ?? "");
  invariantResponse(page, "Deze gildeopdracht bestaat niet, of is niet voor jou.", { status: 404 });
  return json(page);
}

const clash = (by: string | null) =>
  `${by ? `${by} heeft` : "Een gildegenoot heeft"} de gezamenlijke tekst ondertussen opgeslagen. Je eigen tekst is niet verloren: hij staat hieronder, naast de nieuwe versie.`;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  const here = new URL(request.url).pathname;
  const submission = await readSubmission(request, GildeWorkSchema);
  return attempt(submission, async (value) => {
    switch (value.intent) {
      case "save-draft": {
        const saved = await saveGildeDraft(user, slug, value.body, value.revision);
        if (!saved.ok)
          return reply(submission, {
            formError: clash(saved.by),
            status: 409,
            extra: { conflict: { body: saved.body, revision: saved.revision } },
          });
        if (value.autosave) return json({ status: "success" as const, revision: saved.revision });
        return redirectWithFlash(here, "De gezamenlijke tekst is opgeslagen.");
      }
      case "contribution":
        await saveContribution(user, slug, value.contribution);
        return redirectWithFlash(`${here}#bijdragen`, "Je bijdrage is opgeslagen.");
      case "agree":
        await agreeToHandIn(user, slug, value.revision);
        return redirectWithFlash(`${here}#bijdragen`, "Je bent akkoord met deze versie van de tekst.");
      case "hand-in": {
        const result = await handInForGilde(user, slug);
        return redirectWithFlash(
          here,
          `Ingeleverd namens jullie gilde (versie ${result.number})${result.late ? ", na de deadline" : ""}. Iedereen krijgt een bevestiging per e-mail.`,
        );
      }
    }
  });
}

export default function GildeWorkPage() {
  const data = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  const { work } = data;
  return (
    <article>
      <Crumbs to={`/opdrachten/${data.slug}`} label="Terug naar de opdracht" after="gildeopdracht" />
      <h1>{data.title}</h1>
      {!work || !("rubric" in data) ? (
        <p className="notice notice--warm">
          Dit is een gildeopdracht, en je zit nog niet in een gilde. Vraag je trainer om je in een gilde te plaatsen;
          daarna schrijf je hier samen met je gildegenoten.
        </p>
      ) : (
        <>
          <section className="card standing" aria-labelledby="waar-jullie-staan">
            <h2 id="waar-jullie-staan" className="flush-top">
              Gilde {work.gilde.name}
            </h2>
            <p className="muted flush">
              {work.due ? `Deadline: ${formatDateTime(work.due)}` : "De deadline is nog niet bekend."}
            </p>
            {work.blocked ? (
              <p className="flush-bottom">{work.blocked.replace("Je hebt", "Jullie gilde heeft")}</p>
            ) : null}
          </section>
          <GildeResult rubric={data.rubric} assessments={data.assessments} own={data.own} />
          {work.blocked ? null : <GildeTextEditor slug={data.slug} draft={work.draft} words={data.words} busy={busy} />}
          <GildeAgreement work={work} busy={busy} />
          {work.blocked ? null : <GildeHandIn work={work} busy={busy} />}
          <GildeVersions versions={work.versions} edits={work.draft.edits} />
        </>
      )}
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? "Gildeopdracht"} (gilde) — Gilde` },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
