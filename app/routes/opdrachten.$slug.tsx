// An assignment: what to do in your own wijk, your wijkprofiel beside it, and for a participant of the cohort
// the writing space, attachments, handing in and every version handed in.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction, UploadHandler } from "@remix-run/node";
import {
  json,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { invariantResponse, requireUser } from "~/auth/guards.server";
import { MAX_FILE_BYTES, MAX_FILES, MAX_UPLOAD_BYTES } from "~/assignments/files";
import { discardReceived, receiveFile } from "~/storage/storage.server";
import { renderMarkdown } from "~/markdown/markdown";
import { STATUS_LABELS } from "~/assignments/rules";
import {
  addAttachments,
  handIn,
  removeAttachment,
  saveDraft,
  WorkError,
  workOn,
  type IncomingFile,
} from "~/assignments/work.server";
import { DraftEditor } from "~/components/draft-editor";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError } from "~/components/field";
import { formatDateTime, formatFileSize } from "~/format";
import { canRead, courseAccessFor } from "~/content/access.server";
import { releasedAssessmentsFor } from "~/grading/grading.server";
import { DECISION_LABELS, type Decision } from "~/grading/rubric";
import { assignmentHtml, findAssignment } from "~/content/course.server";
import { Table } from "~/components/table";
import { readForm } from "~/forms/read.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const found = findAssignment(params.slug ?? "");
  invariantResponse(found, "Deze opdracht bestaat niet.", { status: 404 });
  const access = await courseAccessFor(user);
  const open = canRead(access, found.module.slug);
  const { frontmatter } = found.assignment;
  const work = user.role === "PARTICIPANT" && open ? await workOn(user, found.assignment.slug) : null;
  // Only released assessments ever reach the participant, in the page or in its data.
  const assessments = work ? await releasedAssessmentsFor(user.id, work.cohortId, found.assignment.slug) : [];
  return json({
    slug: found.assignment.slug,
    title: frontmatter.title,
    summary: frontmatter.summary,
    module: { slug: found.module.slug, title: found.module.frontmatter.title },
    open,
    handIn: open ? frontmatter.handIn : null,
    html: open ? (assignmentHtml(found.assignment.slug, access.wijkName) ?? "") : null,
    rubric: open ? frontmatter.rubric : [],
    peerReview: frontmatter.peerReview,
    work: work
      ? {
          due: work.due?.toISOString() ?? null,
          extended: work.extended,
          closed: work.closed,
          status: work.status,
          blocked: work.blocked,
          draft: {
            body: work.draft?.body ?? "",
            revision: work.draft?.revision ?? 0,
            attachments: work.draft?.attachments ?? [],
          },
          versions: (work.submission?.versions ?? []).map((v) => ({ ...v, html: renderMarkdown(v.body) })),
          wijk: work.wijk,
          assessments,
        }
      : null,
  });
}

const MAX_BODY = 100_000;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  try {
    if (request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
      try {
        return json(await upload(user, slug, request));
      } catch (error) {
        // Shown beside the file input, where the person chose the files.
        if (error instanceof WorkError && error.status !== 404)
          return json(
            { ok: false as const, upload: true as const, formError: error.message },
            { status: error.status },
          );
        throw error;
      }
    }
    const formData = await readForm(request);
    const intent = String(formData.get("intent") ?? "");
    if (intent === "remove-attachment") {
      await removeAttachment(user, slug, String(formData.get("attachmentId") ?? ""));
      return json({ ok: true as const, message: "Het bestand is verwijderd." });
    }
    if (intent !== "save-draft" && intent !== "hand-in") throw new WorkError("Onbekende actie.");
    const body = String(formData.get("body") ?? "");
    const revision = Number(formData.get("revision") ?? 0);
    if (body.length > MAX_BODY)
      throw new WorkError(
        `Je tekst is langer dan ${MAX_BODY.toLocaleString("nl-NL")} tekens. Zet lange stukken in een bijlage.`,
      );
    if (formData.has("body")) {
      const saved = await saveDraft(user, slug, body, Number.isInteger(revision) && revision >= 0 ? revision : 0);
      if (!saved.ok) {
        const { ok: _ok, ...theirs } = saved;
        return json(
          {
            ok: false as const,
            formError:
              "Dit concept is ondertussen ergens anders opgeslagen. Je tekst is niet verloren: hij staat hieronder.",
            ...theirs,
            mine: body,
          },
          { status: 409 },
        );
      }
      if (intent === "save-draft")
        return json({
          ok: true as const,
          revision: saved.revision,
          message: context.dataRequest ? undefined : "Je concept is opgeslagen.",
        });
    }
    const result = await handIn(user, slug);
    return json({
      ok: true as const,
      message: `Ingeleverd (versie ${result.number})${
        result.late ? ", na de deadline" : ""
      }. Je krijgt een bevestiging per e-mail.`,
    });
  } catch (error) {
    if (error instanceof WorkError) {
      if (error.status === 404) throw new Response(error.message, { status: 404 });
      return json({ ok: false as const, formError: error.message }, { status: error.status });
    }
    throw error;
  }
}

const MB = (bytes: number) => Math.round(bytes / 1024 / 1024);

/**
 * Streams each file to a temporary file (hashed on the way, at most MAX_FILE_BYTES kept), so a request never holds
 * its files in memory; the whole request may carry at most MAX_UPLOAD_BYTES. Refused or not, the temporary files go.
 */
async function upload(user: Awaited<ReturnType<typeof requireUser>>, slug: string, request: Request) {
  const tooLarge = `Je bestanden zijn samen groter dan ${MB(
    MAX_UPLOAD_BYTES,
  )} MB. Voeg ze in delen toe; wat al bij je concept stond, blijft staan.`;
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_UPLOAD_BYTES) throw new WorkError(tooLarge, 413);
  let total = 0;
  const counted = request.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        total += chunk.byteLength;
        if (total > MAX_UPLOAD_BYTES) controller.error(new Error("upload too large"));
        else controller.enqueue(chunk);
      },
    }),
  );
  const limited = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: counted,
    duplex: "half",
  } as RequestInit);
  const files: IncomingFile[] = [];
  const fileHandler: UploadHandler = async ({ name, filename, data }) => {
    if (name !== "files" || !filename) return undefined;
    // One more than may be added is enough to say there are too many; the rest is read but not kept.
    if (files.length > MAX_FILES) {
      for await (const _chunk of data);
      return filename;
    }
    files.push({ name: filename, ...(await receiveFile(data, MAX_FILE_BYTES)) });
    return filename;
  };
  try {
    await unstable_parseMultipartFormData(
      limited,
      unstable_composeUploadHandlers(fileHandler, unstable_createMemoryUploadHandler({ maxPartSize: 10_000 })),
    );
  } catch {
    await Promise.all(files.map((file) => discardReceived(file)));
    if (total > MAX_UPLOAD_BYTES) throw new WorkError(tooLarge, 413);
    // The multipart parser gives up on a file name with ; or = in it, and on a malformed or over-long form.
    throw new WorkError(
      "Het bestand kon niet worden gelezen. Geef het een gewone naam, zonder ; of =, en probeer het opnieuw.",
    );
  }
  const { warnings } = await addAttachments(user, slug, files);
  return {
    ok: true as const,
    upload: true as const,
    message: files.length === 1 ? "Het bestand is toegevoegd." : `${files.length} bestanden toegevoegd.`,
    warnings,
  };
}

export default function Assignment() {
  const a = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <article>
      <p className="muted" style={{ margin: 0 }}>
        Opdracht bij <Link to={`/modules/${a.module.slug}`}>{a.module.title}</Link>
        {a.work ? (
          <>
            {" "}
            · <Link to="/opdrachten">alle opdrachten</Link>
          </>
        ) : null}
      </p>
      <h1>{a.title}</h1>
      {a.work ? <WorkHeader /> : null}
      <p className="lead">{a.summary}</p>
      {!a.open ? (
        <p className="locked">Deze opdracht gaat open met de module {a.module.title}.</p>
      ) : (
        <div className={a.work ? "work-layout" : undefined}>
          <div>
            <div className="prose" dangerouslySetInnerHTML={{ __html: a.html ?? "" }} />
            <section className="card" aria-labelledby="inleveren">
              <h2 id="inleveren" style={{ marginTop: 0 }}>
                Wat je inlevert
              </h2>
              <p style={{ marginBottom: 0 }}>{a.handIn}</p>
              {a.peerReview.enabled ? (
                <p className="muted" style={{ marginBottom: 0 }}>
                  {a.peerReview.reviewers} gildegenoten geven feedback op je inzending (zie{" "}
                  <Link to="/gilde">Mijn gilde</Link>).{" "}
                  {a.peerReview.anonymity === "double-anonymous"
                    ? "Zij zien je naam niet, en jij de hunne niet. Bijlagen krijgen een neutrale naam en zonder de eigenschappen die je naam kunnen bevatten (auteur, EXIF van foto's); een naam in de tekst zelf haal je zelf weg."
                    : a.peerReview.anonymity === "anonymous-reviewers"
                      ? "Je ziet niet wie de feedback geeft. Bijlagen krijgen zij met een neutrale naam en zonder de eigenschappen die je naam kunnen bevatten."
                      : "Jullie zien elkaars naam."}
                </p>
              ) : null}
            </section>
            {a.work ? <Work result={result} busy={busy} /> : null}
            <Rubric />
          </div>
          {a.work ? <WijkPanel /> : null}
        </div>
      )}
    </article>
  );
}

function WorkHeader() {
  const { work } = useLoaderData<typeof loader>();
  if (!work) return null;
  return (
    <p>
      <span className="badge">{STATUS_LABELS[work.status]}</span>{" "}
      {work.due ? (
        <>
          Deadline: <strong>{formatDateTime(work.due)}</strong>
          {work.extended ? " (uitstel van je trainer)" : ""}
        </>
      ) : (
        <span className="muted">De deadline is nog niet bekend.</span>
      )}
      {work.closed ? <span className="badge badge--danger">gesloten</span> : null}
    </p>
  );
}

type ActionResult = ReturnType<typeof useActionData<typeof action>>;

function Work({ result, busy }: { result: ActionResult; busy: boolean }) {
  const a = useLoaderData<typeof loader>();
  const work = a.work!;
  const conflict = result && !result.ok && "mine" in result ? result : null;
  // What an upload caused is shown beside the file input (Attachments), everything else here.
  const here = result && !("upload" in result) ? result : undefined;
  return (
    <section aria-labelledby="jouw-werk">
      <h2 id="jouw-werk">Jouw uitwerking</h2>
      {here && here.ok && "message" in here && here.message ? (
        <p className="notice" role="status">
          {here.message}
        </p>
      ) : null}
      <FormError error={here && !here.ok ? here.formError : undefined} />
      {conflict ? (
        <details open className="card">
          <summary>De tekst die je net verstuurde</summary>
          <pre className="mail">{String(conflict.mine)}</pre>
        </details>
      ) : null}
      {work.assessments.length ? <Assessments /> : null}
      {work.blocked ? (
        <p className="notice">{work.blocked}</p>
      ) : (
        <>
          {work.status === "herziening" ? (
            <p className="notice notice--warm">
              Je trainer vraagt je om een herziening. Pas je uitwerking aan en lever opnieuw in.
            </p>
          ) : null}
          <DraftEditor slug={a.slug} body={work.draft.body} revision={work.draft.revision} busy={busy} />
          <Attachments result={result && "upload" in result ? result : undefined} />
        </>
      )}
      {work.versions.length ? (
        <section aria-labelledby="versies">
          <h2 id="versies">Ingeleverde versies</h2>
          {work.versions.map((version, index) => (
            <details key={version.id} open={index === 0} className="card" style={{ marginBottom: "0.75rem" }}>
              <summary>
                Versie {version.number} · {formatDateTime(version.handedInAt)}
                {version.late ? <span className="badge badge--warm">te laat</span> : null}
                {version.wijkVersion ? (
                  <span className="muted">
                    {" "}
                    · bij wijkprofiel versie {version.wijkVersion.number} ({version.wijkVersion.name})
                  </span>
                ) : null}
              </summary>
              <div className="prose" dangerouslySetInnerHTML={{ __html: version.html }} />
              <AttachmentList attachments={version.attachments} />
            </details>
          ))}
        </section>
      ) : null}
    </section>
  );
}

function Assessments() {
  const a = useLoaderData<typeof loader>();
  const [latest, ...earlier] = a.work?.assessments ?? [];
  if (!latest) return null;
  const rubric = a.rubric;
  return (
    <section className="card" aria-labelledby="beoordeling" style={{ marginBottom: "1.5rem" }}>
      <h2 id="beoordeling" style={{ marginTop: 0 }}>
        Beoordeling: {latest.decision ? DECISION_LABELS[latest.decision as Decision] : ""}
      </h2>
      {latest.correctionReason ? <p className="muted">Gecorrigeerd: {latest.correctionReason}</p> : null}
      {latest.decision === "herziening" && latest.revisionNote ? (
        <p className="notice notice--warm" style={{ whiteSpace: "pre-wrap" }}>
          <strong>Wat er moet veranderen:</strong> {latest.revisionNote}
        </p>
      ) : null}
      <dl>
        {rubric.map((criterion) => {
          const score = latest.levels[criterion.id];
          const level = criterion.levels.find((l) => l.score === score);
          return (
            <div key={criterion.id}>
              <dt>
                <strong>{criterion.title}</strong>: {level ? `${level.label} (${level.score})` : "niet beoordeeld"}
              </dt>
              <dd style={{ whiteSpace: "pre-wrap" }}>{latest.feedback[criterion.id] ?? ""}</dd>
            </div>
          );
        })}
      </dl>
      {latest.overall ? <div className="prose" dangerouslySetInnerHTML={{ __html: latest.overallHtml }} /> : null}
      {earlier.length ? (
        <p className="muted">
          Eerdere beoordelingen:{" "}
          {earlier.map((e) => (e.decision ? DECISION_LABELS[e.decision as Decision] : "—")).join(", ")}.
        </p>
      ) : null}
    </section>
  );
}

type AttachmentRow = {
  id: string;
  originalName: string;
  size: number;
  cleanState: string | null;
  cleanProblem: string | null;
};

function AttachmentList({ attachments, removable = false }: { attachments: AttachmentRow[]; removable?: boolean }) {
  const { peerReview } = useLoaderData<typeof loader>();
  const anonymous = peerReview.enabled && peerReview.anonymity !== "open";
  if (!attachments.length) return null;
  return (
    <ul className="attachments">
      {attachments.map((file) => (
        <li key={file.id}>
          <a href={`/bijlagen/${file.id}`}>{file.originalName}</a>
          <span className="muted">{formatFileSize(file.size)}</span>
          {anonymous && file.cleanState === "UNCLEANABLE" ? (
            <span className="badge badge--warm">niet voor feedbackgevers: {file.cleanProblem}</span>
          ) : null}
          {removable ? (
            <Form method="post">
              <input type="hidden" name="intent" value="remove-attachment" />
              <input type="hidden" name="attachmentId" value={file.id} />
              <button type="submit" className="button button--quiet" aria-label={`${file.originalName} verwijderen`}>
                Verwijderen
              </button>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

type UploadResult = { ok: true; message?: string; warnings?: string[] } | { ok: false; formError: string };

function Attachments({ result }: { result?: UploadResult }) {
  const { work } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="bijlagen" style={{ marginTop: "1.5rem" }}>
      <h3 id="bijlagen">Bijlagen</h3>
      {result?.ok ? (
        <div role="status">
          <p className="notice">{result.message}</p>
          {(result.warnings ?? []).map((warning) => (
            <p key={warning} className="notice notice--warm">
              {warning}
            </p>
          ))}
        </div>
      ) : null}
      <FormError error={result && !result.ok ? result.formError : undefined} />
      <AttachmentList attachments={work!.draft.attachments} removable />
      <Form method="post" encType="multipart/form-data" className="inline-form">
        <div className="field">
          <label htmlFor="field-files">Bestanden toevoegen</label>
          <p className="field__hint" id="field-files-hint">
            PDF, Word, OpenDocument-tekst of foto's; hoogstens {MB(MAX_FILE_BYTES)} MB per bestand en {MAX_FILES}{" "}
            bestanden in totaal.
          </p>
          <input
            id="field-files"
            name="files"
            type="file"
            multiple
            accept=".pdf,.doc,.docx,.odt,.jpg,.jpeg,.png,.gif,.webp"
            aria-describedby="field-files-hint"
          />
        </div>
        <button type="submit" className="button button--secondary">
          Toevoegen
        </button>
      </Form>
    </section>
  );
}

function WijkPanel() {
  const { work } = useLoaderData<typeof loader>();
  const wijk = work?.wijk;
  return (
    <aside className="card" aria-labelledby="mijn-wijk" style={{ fontSize: "0.92rem" }}>
      <h2 id="mijn-wijk" style={{ fontSize: "1.1rem", marginTop: 0 }}>
        Mijn wijk
      </h2>
      {wijk ? (
        <>
          <p>
            <strong>{wijk.name}</strong>, {wijk.municipality}
            {wijk.homes ? ` · ongeveer ${wijk.homes} woningen` : ""}
          </p>
          {wijk.role ? <p>Mijn rol: {wijk.role}</p> : null}
          {wijk.ambitions ? <p style={{ whiteSpace: "pre-wrap" }}>Ambities: {wijk.ambitions}</p> : null}
          <p className="muted">Wijkprofiel versie {wijk.number}</p>
        </>
      ) : (
        <p>Je hebt je wijk nog niet beschreven. Doe dat eerst: je opdrachten gaan erover.</p>
      )}
      <Link to="/wijk">{wijk ? "Wijkprofiel bijwerken" : "Wijkprofiel invullen"}</Link>
    </aside>
  );
}

function Rubric() {
  const a = useLoaderData<typeof loader>();
  return (
    <details style={{ marginTop: "1.5rem" }}>
      <summary>
        <strong>Zo wordt je werk beoordeeld</strong>
      </summary>
      {a.rubric.map((criterion) => (
        <section key={criterion.id} aria-labelledby={`criterium-${criterion.id}`}>
          <h3 id={`criterium-${criterion.id}`}>{criterion.title}</h3>
          <Table headers={["Niveau", "Wat dat betekent"]}>
            {criterion.levels.map((level) => (
              <tr key={level.score}>
                <td>
                  {level.label} ({level.score}){level.score === criterion.passLevel ? " · voldoende vanaf hier" : ""}
                </td>
                <td>{level.descriptor}</td>
              </tr>
            ))}
          </Table>
        </section>
      ))}
    </details>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Opdracht"} — Gilde` }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
