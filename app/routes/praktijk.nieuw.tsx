// Publishing a practice case: from scratch or starting from one of your own released assignments (its text is
// put in for you to edit: you choose what stays). Names of others you mark are replaced by "[naam]"; nothing is
// published without your explicit consent, and you can withdraw it later.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { caseSources, publishCase } from "~/community/cases.server";
import { communityAccess, CommunityError } from "~/community/community.server";
import { THEMES } from "~/community/themes";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError, TextArea, useAfterFailedSubmit } from "~/components/field";
import { findAssignment } from "~/content/course.server";
import { refusal } from "~/errors.server";
import { formValues } from "~/forms/parse";
import { readForm } from "~/forms/read.server";

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
  const formData = await readForm(request);
  const text = (name: string) => String(formData.get(name) ?? "");
  try {
    const created = await publishCase(user, {
      title: text("title"),
      situation: text("situation"),
      residents: text("residents"),
      role: text("role"),
      result: text("result"),
      learned: text("learned"),
      municipality: text("municipality"),
      wijk: text("wijk"),
      themes: formData.getAll("themes").map(String),
      namesToStrip: text("namesToStrip"),
      consent: formData.get("consent") === "on",
      sourceSubmissionId: text("sourceSubmissionId") || null,
    });
    return redirect(`/praktijk/${created.id}`);
  } catch (error) {
    return refusal(error, {
      errors: error instanceof CommunityError ? error.errors : {},
      values: { ...formValues(formData), themes: formData.getAll("themes").join(",") },
    });
  }
}

export default function NewCase() {
  const { sources, from } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  useAfterFailedSubmit(result);
  const values: Record<string, string> =
    result?.values ?? (from ? { situation: from.body, sourceSubmissionId: from.id } : {});
  const errors: Record<string, string> = result?.errors ?? {};
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
      <FormError error={result?.message} />
      <Form method="post" noValidate key={from?.id ?? "leeg"}>
        <input type="hidden" name="sourceSubmissionId" value={values.sourceSubmissionId ?? ""} />
        <Field name="title" label="Titel" defaultValue={values.title} error={errors.title} required />
        <TextArea
          name="situation"
          label="De situatie"
          rows={6}
          defaultValue={values.situation}
          error={errors.situation}
        />
        <TextArea
          name="residents"
          label="Wat bewoners deden"
          rows={4}
          defaultValue={values.residents}
          error={errors.residents}
        />
        <TextArea
          name="role"
          label="Jouw rol als professional"
          rows={4}
          defaultValue={values.role}
          error={errors.role}
        />
        <TextArea name="result" label="Wat het opleverde" rows={3} defaultValue={values.result} error={errors.result} />
        <TextArea
          name="learned"
          label="Wat je ervan leerde"
          rows={3}
          defaultValue={values.learned}
          error={errors.learned}
        />
        <Field
          name="municipality"
          label="Gemeente"
          defaultValue={values.municipality}
          error={errors.municipality}
          required
        />
        <Field name="wijk" label="Wijk (niet verplicht)" defaultValue={values.wijk} />
        <fieldset className={errors.themes ? "field field--invalid" : "field"}>
          <legend>Thema's</legend>
          {THEMES.map((t) => (
            <label key={t.id} style={{ fontWeight: "normal", marginRight: "1rem" }}>
              <input
                type="checkbox"
                name="themes"
                value={t.id}
                defaultChecked={values.themes?.split(",").includes(t.id)}
              />{" "}
              {t.label}
            </label>
          ))}
          <FormError error={errors.themes} />
        </fieldset>
        <TextArea
          name="namesToStrip"
          label="Namen van anderen die eruit moeten"
          hint="Eén per regel of met komma's. Ze worden overal vervangen door [naam]."
          rows={3}
          defaultValue={values.namesToStrip}
          error={errors.namesToStrip}
        />
        <div className={errors.consent ? "field field--invalid" : "field"}>
          <label style={{ fontWeight: "normal" }}>
            <input type="checkbox" name="consent" /> Ik geef toestemming om dit voorbeeld te publiceren voor alumni en
            deelnemers van de leergang. Ik kan het later intrekken.
          </label>
          <FormError error={errors.consent} />
        </div>
        <button type="submit" className="button">
          Publiceren
        </button>
      </Form>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Praktijkvoorbeeld publiceren — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
