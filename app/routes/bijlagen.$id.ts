// Downloads of attachments: only through here, only for who may see them, never rendered by the browser
// unless the content is a real image.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server";
import { downloadHeaders, isImage } from "~/assignments/files";
import { attachmentForDownload } from "~/assignments/work.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const attachment = await attachmentForDownload(user, params.id ?? "");
  if (!attachment) throw new Response("Dit bestand bestaat niet, of je hebt er geen toegang toe.", { status: 404 });
  const inline = new URL(request.url).searchParams.has("bekijk") && isImage(attachment.mediaType);
  return new Response(new Uint8Array(attachment.bytes), {
    headers: downloadHeaders(
      { name: attachment.originalName, mediaType: attachment.mediaType, size: attachment.bytes.length },
      inline,
    ),
  });
}
