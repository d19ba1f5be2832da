// Downloads of attachments: only through here, only for who may see them, never rendered by the browser
// unless the content is a real image (?bekijk), or a PDF or image a trainer previews in the grading desk (?voorbeeld).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server";
import { downloadHeaders, isImage, isPreviewable, previewHeaders } from "~/assignments/files";
import { attachmentForDownload } from "~/assignments/work.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const attachment = await attachmentForDownload(user, params.id ?? "");
  if (!attachment) throw new Response("Dit bestand bestaat niet, of je hebt er geen toegang toe.", { status: 404 });
  const asked = new URL(request.url).searchParams;
  const file = { name: attachment.originalName, mediaType: attachment.mediaType, size: attachment.bytes.length };
  const preview = asked.has("voorbeeld") && user.role !== "PARTICIPANT" && isPreviewable(attachment.mediaType);
  const inline = asked.has("bekijk") && isImage(attachment.mediaType);
  return new Response(new Uint8Array(attachment.bytes), {
    headers: preview ? previewHeaders(file) : downloadHeaders(file, inline),
  });
}
