// The community's and the gilde rooms' shared pieces: a list of threads and the form to start one.
import { Link } from "~/components/link";
import { ThreadSchema } from "~/community/forms";
import { THEME_LABELS } from "~/community/themes";
import { ThemeChoices } from "~/components/community/theme-choices";
import { Field, TextArea } from "~/components/field";
import { GildeForm } from "~/components/form";
import { formatDateTime } from "~/format";
import { useGildeForm } from "~/forms/use-form";
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
            <h3 className="flush">
              <Link to={`/community/${t.id}`}>{t.title}</Link>
            </h3>
            <p className="muted flush space-top-2xs">
              {t.author} · {t.replyCount} {t.replyCount === 1 ? "reactie" : "reacties"} · laatst{" "}
              {formatDateTime(t.lastPostAt)}
            </p>
            <p className="flush space-top-2xs">
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

export function NewThreadForm({ withThemes = true }: { withThemes?: boolean }) {
  const [form, fields] = useGildeForm(ThreadSchema, { id: "nieuw-onderwerp" });
  return (
    <GildeForm form={form} aria-labelledby="nieuw-onderwerp-kop">
      <h2 id="nieuw-onderwerp-kop">Nieuw onderwerp</h2>
      <input type="hidden" name={fields.intent.name} value="thread" />
      <Field meta={fields.title} label="Titel" required />
      <TextArea meta={fields.body} label="Je bericht (Markdown)" rows={6} />
      {withThemes ? <ThemeChoices meta={fields.themes} /> : null}
      <Field meta={fields.tags} label="Eigen tags (met komma's)" />
      <button type="submit" className="button">
        Plaatsen
      </button>
    </GildeForm>
  );
}
