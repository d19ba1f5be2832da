// The community's and the gilde rooms' shared pieces: a list of threads and the form to start one.
import { Form, Link } from "@remix-run/react";
import { Field, FormError, TextArea } from "~/components/field";
import { formatDateTime } from "~/format";
import { THEME_LABELS, THEMES } from "~/community/themes";
import { Pagination } from "./pagination";

type ThreadRow = {
  id: string;
  title: string;
  themes: string[];
  tags: string[];
  replyCount: number;
  lastPostAt: string;
  author: string;
};

export function ThreadList({
  threads,
  page,
  pages,
  pageHref,
}: {
  threads: ThreadRow[];
  page: number;
  pages: number;
  pageHref: (page: number) => string;
}) {
  if (threads.length === 0) return <p className="muted">Nog geen onderwerpen.</p>;
  return (
    <>
      <ul className="plain-list thread-list">
        {threads.map((t) => (
          <li key={t.id} className="card">
            <h3 style={{ margin: 0 }}>
              <Link to={`/community/${t.id}`}>{t.title}</Link>
            </h3>
            <p className="muted" style={{ margin: "0.25rem 0 0" }}>
              {t.author} · {t.replyCount} {t.replyCount === 1 ? "reactie" : "reacties"} · laatst{" "}
              {formatDateTime(t.lastPostAt)}
            </p>
            <p style={{ margin: "0.25rem 0 0" }}>
              {t.themes.map((theme) => (
                <span key={theme} className="badge">
                  {THEME_LABELS[theme] ?? theme}
                </span>
              ))}{" "}
              {t.tags.map((tag) => (
                <span key={tag} className="badge badge--quiet">
                  #{tag}
                </span>
              ))}
            </p>
          </li>
        ))}
      </ul>
      <Pagination page={page} pages={pages} href={pageHref} />
    </>
  );
}

export function NewThreadForm({
  values,
  errors,
  formError,
  withThemes = true,
}: {
  values: Record<string, string>;
  errors: Record<string, string>;
  formError?: string;
  withThemes?: boolean;
}) {
  return (
    <Form method="post" aria-labelledby="nieuw-onderwerp" noValidate>
      <h2 id="nieuw-onderwerp">Nieuw onderwerp</h2>
      <FormError error={formError} />
      <input type="hidden" name="intent" value="thread" />
      <Field name="title" label="Titel" defaultValue={values.title} error={errors.title} required />
      <TextArea name="body" label="Je bericht (Markdown)" rows={6} defaultValue={values.body} error={errors.body} />
      {withThemes ? (
        <fieldset className={errors.themes ? "field field--invalid" : "field"}>
          <legend>Thema's</legend>
          {THEMES.map((theme) => (
            <label key={theme.id} style={{ fontWeight: "normal", marginRight: "1rem" }}>
              <input
                type="checkbox"
                name="themes"
                value={theme.id}
                defaultChecked={values.themes?.split(",").includes(theme.id)}
              />{" "}
              {theme.label}
            </label>
          ))}
          <FormError error={errors.themes} />
        </fieldset>
      ) : null}
      <Field name="tags" label="Eigen tags (met komma's)" defaultValue={values.tags} error={errors.tags} />
      <button type="submit" className="button">
        Plaatsen
      </button>
    </Form>
  );
}
