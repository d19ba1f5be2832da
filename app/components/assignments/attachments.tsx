// A draft's files: the list (with "verwijderen" while it is a draft, a form of its own) and the file input, which
// is part of the writing form so that adding a file saves the text with it. A refusal is shown next to the file
// input, announced, and focus goes there.
import type { SerializeFrom } from "@remix-run/node";
import { MAX_FILE_BYTES, MAX_FILES } from "~/assignments/files";
import { RemoveAttachmentSchema } from "~/assignments/forms";
import type { assignmentPage } from "~/assignments/page.server";
import { GildeForm } from "~/components/form";
import { formatFileSize } from "~/format";
import { useGildeForm } from "~/forms/use-form";

type PeerReview = NonNullable<SerializeFrom<typeof assignmentPage>>["peerReview"];

type AttachmentRow = {
  id: string;
  originalName: string;
  size: number;
  cleanState: string | null;
  cleanProblem: string | null;
};

export function AttachmentList({
  attachments,
  peerReview,
  removable = false,
}: {
  attachments: AttachmentRow[];
  peerReview: PeerReview;
  removable?: boolean;
}) {
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
          {removable ? <RemoveAttachment file={file} /> : null}
        </li>
      ))}
    </ul>
  );
}

function RemoveAttachment({ file }: { file: AttachmentRow }) {
  const [form, fields] = useGildeForm(RemoveAttachmentSchema, { id: `bijlage-${file.id}` });
  return (
    <GildeForm form={form}>
      <input type="hidden" name={fields.attachmentId.name} value={file.id} />
      <button
        type="submit"
        name={fields.intent.name}
        value="remove-attachment"
        className="button button--quiet"
        aria-label={`${file.originalName} verwijderen`}
      >
        Verwijderen
      </button>
    </GildeForm>
  );
}

type FileMeta = { name: string; errors?: string[]; errorId: string };

/** The file input of the writing form, with its button: the text is saved along with the files. */
export function FileField({ meta, inputKey, busy }: { meta: FileMeta; inputKey: string; busy: boolean }) {
  const error = meta.errors?.[0];
  return (
    <div className={error ? "field field--invalid file-field" : "field file-field"}>
      <label htmlFor="field-files">Bestanden toevoegen</label>
      <p className="field__hint" id="field-files-hint">
        PDF, Word, OpenDocument-tekst of foto's; hoogstens {formatFileSize(MAX_FILE_BYTES)} per bestand en {MAX_FILES}{" "}
        bestanden in totaal. Je tekst wordt meteen mee opgeslagen.
      </p>
      <input
        key={inputKey}
        id="field-files"
        name={meta.name}
        type="file"
        multiple
        accept=".pdf,.doc,.docx,.odt,.jpg,.jpeg,.png,.gif,.webp"
        aria-invalid={error ? true : undefined}
        // Without JavaScript nothing else can bring a refused file's message into view: the page opens there.
        // eslint-disable-next-line jsx-a11y/no-autofocus
        autoFocus={Boolean(error)}
        aria-describedby={`field-files-hint${error ? ` ${meta.errorId}` : ""}`}
      />
      {error ? (
        <p className="field__error" id={meta.errorId} role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" name="intent" value="upload" className="button button--secondary" disabled={busy}>
        Bestand toevoegen
      </button>
    </div>
  );
}
