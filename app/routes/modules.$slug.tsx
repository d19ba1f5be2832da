import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import type { FormEvent } from "react";
import { z } from "zod";
import { invariantResponse, requireUser } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatCalendarDate, formatStudyLoad } from "~/format";
import { ProgressBar } from "~/components/progress-bar";
import { StaticHtml } from "~/components/static-html";
import { stashStaticHtml } from "~/components/static-html.server";
import { findModule } from "~/content/course.server";
import { canTrackModule, modulePage } from "~/content/pages.server";
import { STATUS_LABELS } from "~/content/progress";
import { setModuleRead, setSectionRead } from "~/content/progress.server";
import { attempt, readSubmission } from "~/forms/submission.server";

// A revisit of an unchanged module page is answered with 304 (app/server/revalidation.server.ts).
export const handle = { revalidate: true };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = await modulePage(user, params.slug ?? "");
  invariantResponse(page, "Deze module bestaat niet.", { status: 404 });
  const { reference, ...rest } = page;
  return json({
    ...rest,
    html: stashStaticHtml(context, "moduletekst", page.html),
    goals: stashStaticHtml(context, "moduledoelen", reference?.goals ?? null),
    reading: stashStaticHtml(context, "moduleleeslijst", reference?.reading ?? null),
    sources: stashStaticHtml(context, "modulebronnen", reference?.sources ?? null),
  });
}

// A read toggle is a button of the contents' one form: its name says what it does, its value which section
// (`read=<anchor>` or `unread=<anchor>`). The button under the text marks the whole module.
const ProgressIntent = z.union([
  z.object({ read: z.string().max(100) }).transform(({ read }) => ({ intent: "read" as const, section: read })),
  z.object({ unread: z.string().max(100) }).transform(({ unread }) => ({ intent: "unread" as const, section: unread })),
  z.object({ intent: z.literal("read-all") }),
]);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const module = findModule(params.slug ?? "");
  invariantResponse(module, "Deze module bestaat niet.", { status: 404 });
  invariantResponse(await canTrackModule(user, module.slug), "Je kunt in deze module geen voortgang bijhouden.", {
    status: 403,
  });
  const submission = await readSubmission(request, ProgressIntent);
  return attempt(submission, async (input) => {
    if (input.intent === "read-all") {
      await setModuleRead(user.id, module);
    } else {
      const known = await setSectionRead(user.id, module, input.section, input.intent === "read");
      invariantResponse(known, "Deze sectie bestaat niet (meer) in deze module.");
    }
    // Without JavaScript the browser posted the whole page: send it back to where the reader was. The toggles
    // with JavaScript are fetchers that only need to hear it worked.
    if (!context.dataRequest) {
      return redirect(`/modules/${module.slug}${input.intent === "read-all" ? "" : `#${input.section}`}`);
    }
    return json({ ok: true });
  });
}

export default function ModulePage() {
  const page = useLoaderData<typeof loader>();
  return (
    <article>
      <p className="muted flush">
        <Link to="/modules">Modules</Link>
        {` · Module ${page.order} · ongeveer ${page.minutes} minuten`}
      </p>
      <h1>{page.title}</h1>
      {page.open ? <OpenModule /> : <LockedModule />}
      <nav className="pager" aria-label="Vorige en volgende module">
        {page.previous ? <Link to={`/modules/${page.previous.slug}`}>{`← ${page.previous.title}`}</Link> : <span />}
        {page.next ? <Link to={`/modules/${page.next.slug}`}>{`${page.next.title} →`}</Link> : <span />}
      </nav>
    </article>
  );
}

function LockedModule() {
  const page = useLoaderData<typeof loader>();
  return (
    <div className="locked">
      <p className="lead">{page.summary}</p>
      {page.opensOn ? (
        <p>
          <strong>Deze module opent op {formatCalendarDate(page.opensOn)}.</strong> Je trainer heeft de modules van je
          groep over de leergang verdeeld; tot die datum zie je alleen deze samenvatting.
        </p>
      ) : (
        <p>
          <strong>De tekst van deze module gaat open zodra je bent ingeschreven voor een groep.</strong>
        </p>
      )}
    </div>
  );
}

function OpenModule() {
  const page = useLoaderData<typeof loader>();
  // One fetcher for the page's progress forms (a page has many sections; one fetcher keeps the render light).
  const fetcher = useFetcher();
  return (
    <div className="module-layout">
      <div>
        <p className="lead">{page.summary}</p>
        <StaticHtml id="moduledoelen" html={page.goals} />
        <div id="inleiding" />
        <StaticHtml id="moduletekst" className="prose" html={page.html} />

        {page.assignments.length ? (
          <section aria-labelledby="opdrachten">
            <h2 id="opdrachten">Opdrachten bij deze module</h2>
            <ul>
              {page.assignments.map((assignment) => (
                <li key={assignment.slug}>
                  <Link to={`/opdrachten/${assignment.slug}`}>{assignment.title}</Link>
                  {`: ${assignment.summary}`}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <section aria-labelledby="literatuur">
          <h2 id="literatuur">Literatuur en studielast</h2>
          <p>
            {`Deze module vraagt ongeveer ${formatStudyLoad(page.hours)}.`}{" "}
            <Link to="/leergang/opbouw#studielast">Studielast van de hele leergang</Link>
          </p>
          <StaticHtml id="moduleleeslijst" html={page.reading} />
        </section>

        <StaticHtml id="modulebronnen" html={page.sources} />

        {page.progress && page.progress.status !== "done" ? (
          <form method="post" className="space-top" onSubmit={(event) => sendThrough(fetcher, event)}>
            <input type="hidden" name="intent" value="read-all" />
            <button type="submit" className="button">
              Ik heb de hele module gelezen
            </button>
          </form>
        ) : null}
      </div>

      <aside className="module-layout__aside" aria-labelledby="inhoud-module">
        <h2 id="inhoud-module" className="flush-top heading-smaller">
          Inhoud
        </h2>
        {page.progress ? (
          <div className="space-bottom-sm">
            <p className="flush space-bottom-2xs">
              {`${STATUS_LABELS[page.progress.status]}: ${page.progress.read} van ${page.progress.total} secties gelezen`}
            </p>
            <ProgressBar percent={page.progress.percent} label={`Voortgang in ${page.title}`} />
          </div>
        ) : null}
        {page.progress ? (
          <ReadToggles sections={page.sections} fetcher={fetcher} />
        ) : (
          <ol className="toc">
            {page.sections.map((section) => (
              <li key={section.anchor}>
                <a href={`#${section.anchor}`}>{section.heading}</a>
              </li>
            ))}
          </ol>
        )}
      </aside>
    </div>
  );
}

type Fetcher = ReturnType<typeof useFetcher>;

/**
 * A progress form is a plain form, so it works without JavaScript; with JavaScript it is sent through the page's
 * fetcher, without leaving the page.
 */
function sendThrough(fetcher: Fetcher, event: FormEvent<HTMLFormElement>) {
  event.preventDefault();
  // The button pressed, so its name and value go along (the contents' toggles share one form).
  const { submitter } = event.nativeEvent as SubmitEvent;
  fetcher.submit(submitter instanceof HTMLButtonElement ? submitter : event.currentTarget);
}

/** The read toggles, one per section. A toggle being sent shows its new state at once. */
function ReadToggles({
  sections,
  fetcher,
}: {
  sections: { anchor: string; heading: string; read: boolean }[];
  fetcher: Fetcher;
}) {
  // The toggle being sent, read with the form's own schema, so it shows its new state at once.
  const sent = fetcher.formData ? ProgressIntent.safeParse(Object.fromEntries(fetcher.formData)) : null;
  const pending = sent?.success && sent.data.intent !== "read-all" ? sent.data : null;
  return (
    <form method="post" onSubmit={(event) => sendThrough(fetcher, event)}>
      <ol className="toc">
        {sections.map((section) => {
          const shown = pending?.section === section.anchor ? pending.intent === "read" : section.read;
          return (
            <li key={section.anchor}>
              <a href={`#${section.anchor}`}>{section.heading}</a>
              <button
                type="submit"
                name={shown ? "unread" : "read"}
                value={section.anchor}
                aria-pressed={shown}
                aria-label={`${section.heading}: ${shown ? "gelezen (klik om terug te zetten)" : "markeer als gelezen"}`}
              >
                {shown ? "✓ Gelezen" : "Gelezen?"}
              </button>
            </li>
          );
        })}
      </ol>
    </form>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Module"} — Gilde` }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
