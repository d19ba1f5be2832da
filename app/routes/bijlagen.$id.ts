// Downloads of attachments: only through here, only for who may see them, never rendered by the browser
// unless the content is a real image.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server";
import { isImage } from "~/assignments/files";
import { attachmentForDownload } from "~/assignments/work.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const attachment = await attachmentForDownload(user, params.id ?? "");
  if (!attachment) throw new Response("Dit bestand bestaat niet, of je hebt er geen toegang toe.", { status: 404 });
  const inline = new URL(request.url).searchParams.has("bekijk") && isImage(attachment.mediaType);
  const ascii = attachment.originalName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(attachment.bytes), {
    headers: {
      "Content-Type": attachment.mediaType,
      "Content-Length": String(attachment.bytes.length),
      "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(attachment.originalName)}`,
      // X-Content-Type-Options: nosniff is set on every response by the HTTP server.
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
