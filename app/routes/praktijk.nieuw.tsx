// Publishing a practice case: from scratch or starting from one of your own released assignments (its text is
// put in for you to edit: you choose what stays). Names of others you mark are replaced by "[naam]"; nothing is
// published without your explicit consent, and you can withdraw it later.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireUser } from "~/auth/guards.server";
import { caseSources, publishCase } from "~/community/cases.server";
import { communityAccess } from "~/community/community.server";
import { CaseSchema } from "~/community/forms";
import { ThemeChoices } from "~/components/community/theme-choices";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, TextArea } from "~/components/field";
import { GildeForm } from "~/components/form";
import { listNames } from "~/consent/questions";
import { findAssignment } from "~/content/course.server";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { useGildeForm } from "~/forms/use-form";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!(await communityAccess(user)).alumnus)
    throw new Response("Alleen alumni publiceren praktijkvoorbeelden.", { status: 403 });
  const sources = (await caseSources(user.id)).map((s) => ({
    ...s,
    title: findAssignment(s.assignmentSlug)?.assignment.frontmatter.title ?? s.assignmentSlug,
  }));
  const from = new URL(request.url).searchParams.get("van");
  return json({ sources, from: sources.find((s) => s.id === from) ?? null });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = await readSubmission(request, CaseSchema);
  return attempt(submission, async (input) => {
    const created = await publishCase(user, input);
    if (created.awaitingConsent)
      return redirectWithFlash(
        `/praktijk/${created.id}/toestemming`,
        `Je voorbeeld is bewaard, maar staat nog niet online: de toestemming ontbreekt van ${listNames(created.subjects.map((s) => s.name))}. Leg die hieronder vast.`,
      );
    return redirectWithFlash(
      `/praktijk/${created.id}`,
      "Je praktijkvoorbeeld staat online. Je kunt het altijd intrekken.",
    );
  });
}

export default function NewCase() {
  const { sources, from } = useLoaderData<typeof loader>();
  return (
    <>
      <Crumbs to="/praktijk" label="Praktijkvoorbeelden" />
      <h1>Een praktijkvoorbeeld publiceren</h1>
      {sources.length ? (
        <p>
          Beginnen vanuit een eigen opdracht:{" "}
          {sources.map((s, i) => (
            <span key={s.id}>
              {i ? " · " : ""}
              <Link to={`?van=${s.id}`}>{s.title}</Link>
            </span>
          ))}
        </p>
      ) : null}
      {from ? (
        <p className="notice">Je tekst uit ‘{from.title}’ staat hieronder. Houd alleen wat je wilt delen.</p>
      ) : null}
      <CaseForm key={from?.id ?? "leeg"} from={from} />
    </>
  );
}

function CaseForm({ from }: { from: { id: string; body: string } | null }) {
  const [form, fields] = useGildeForm(CaseSchema, {
    id: "praktijkvoorbeeld",
    defaultValue: from ? { situation: from.body, sourceSubmissionId: from.id } : undefined,
  });
  const source = fields.sourceSubmissionId.initialValue;
  return (
    <GildeForm form={form}>
      <input type="hidden" name={fields.sourceSubmissionId.name} value={typeof source === "string" ? source : ""} />
      <Field meta={fields.title} label="Titel" required />
      <TextArea meta={fields.situation} label="De situatie" rows={6} />
      <TextArea meta={fields.residents} label="Wat bewoners deden" rows={4} />
      <TextArea meta={fields.role} label="Jouw rol als professional" rows={4} />
      <TextArea meta={fields.result} label="Wat het opleverde" rows={3} />
      <TextArea meta={fields.learned} label="Wat je ervan leerde" rows={3} />
      <Field meta={fields.municipality} label="Gemeente" required />
      <Field meta={fields.wijk} label="Wijk (niet verplicht)" />
      <ThemeChoices meta={fields.themes} />
      <TextArea
        meta={fields.namesToStrip}
        label="Namen van anderen die eruit moeten"
        hint="Eén per regel of met komma's. Ze worden overal vervangen door [naam]."
        rows={3}
      />
      <TextArea
        meta={fields.people}
        label="Mensen die in dit voorbeeld voorkomen (niet verplicht)"
        hint="Eén per regel. Zij moeten toestemming geven voor de praktijkbibliotheek; tot dan staat het voorbeeld niet online."
        rows={3}
      />
      <div className={fields.consent.errors ? "field field--invalid" : "field"}>
        <label className="check-label">
          <input
            type="checkbox"
            name={fields.consent.name}
            aria-invalid={fields.consent.errors ? true : undefined}
            aria-describedby={fields.consent.errors ? fields.consent.errorId : undefined}
          />{" "}
          Ik geef toestemming om dit voorbeeld te publiceren voor alumni en deelnemers van de leergang. Ik kan het later
          intrekken.
        </label>
        {fields.consent.errors ? (
          <p className="field__error" id={fields.consent.errorId}>
            {fields.consent.errors[0]}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button">
        Publiceren
      </button>
    </GildeForm>
  );
}

export const meta: MetaFunction = () => [{ title: "Praktijkvoorbeeld publiceren — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
