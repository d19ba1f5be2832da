// A draft's files: the list (with "verwijderen" while it is a draft) and the upload form. Both are schema forms:
// a refusal is shown next to the file input or the file it is about.
import type { SerializeFrom } from "@remix-run/node";
import { MAX_FILE_BYTES, MAX_FILES } from "~/assignments/files";
import { RemoveAttachmentSchema, UPLOAD_FORM_ID, UploadSchema } from "~/assignments/forms";
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

const MB = (bytes: number) => Math.round(bytes / 1024 / 1024);

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

export function Attachments({ attachments, peerReview }: { attachments: AttachmentRow[]; peerReview: PeerReview }) {
  const [form] = useGildeForm(UploadSchema, { id: UPLOAD_FORM_ID });
  return (
    <section aria-labelledby="bijlagen" className="space-top">
      <h3 id="bijlagen">Bijlagen</h3>
      <AttachmentList attachments={attachments} peerReview={peerReview} removable />
      <GildeForm form={form} encType="multipart/form-data" className="inline-form">
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
      </GildeForm>
    </section>
  );
}
