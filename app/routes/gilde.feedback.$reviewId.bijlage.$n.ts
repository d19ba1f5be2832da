// An attachment of the work under review, for its reviewer only, under a name that keeps the anonymity the
// assignment asks for (original names can carry the author's name).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/guards.server";
import { reviewAttachment } from "~/peer-review/peer-review.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  const file = await reviewAttachment(user.id, params.reviewId ?? "", Number(params.n));
  if (!file) throw new Response("Dit bestand bestaat niet, of je hebt er geen toegang toe.", { status: 404 });
  const ascii = file.name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
