// Attachments on the grading desk: a PDF in the browser's own viewer, an image inline, anything else only as a
// download; the download link is there for every file. The previews name no one: "Bijlage 1 (PDF)".
import { formatFileSize } from "~/format";

export type PreviewFile = { id: string; originalName: string; size: number; mediaType: string };

const PDF = "application/pdf";

export function AttachmentPreviews({ files }: { files: PreviewFile[] }) {
  if (!files.length) return null;
  return (
    <section aria-labelledby="bijlagen" className="space-top-sm">
      <h3 id="bijlagen">Bijlagen ({files.length})</h3>
      <ul className="desk-attachments">
        {files.map((file, index) => {
          const label = `Bijlage ${index + 1}`;
          return (
            <li key={file.id} className="card">
              {file.mediaType === PDF ? (
                <iframe
                  className="desk-attachments__pdf"
                  src={`/bijlagen/${file.id}?voorbeeld`}
                  title={`${label} (PDF)`}
                />
              ) : file.mediaType.startsWith("image/") ? (
                <img
                  className="desk-attachments__image"
                  src={`/bijlagen/${file.id}?voorbeeld`}
                  alt={`${label} (afbeelding)`}
                />
              ) : (
                <p className="muted flush">
                  Dit soort bestand kan hier niet getoond worden; download het om het te lezen.
                </p>
              )}
              <p className="flush space-top-xs">
                <a href={`/bijlagen/${file.id}`} download>
                  {label} downloaden: {file.originalName}
                </a>{" "}
                <span className="muted">({formatFileSize(file.size)})</span>
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
