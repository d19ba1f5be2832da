// An attachment of the work under review, for its reviewer only, under a name that keeps the anonymity the
// assignment asks for (original names can carry the author's name); in an anonymous mode the clean copy.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadHeaders } from "~/assignments/files";
import { requireRole } from "~/auth/guards.server";
import { reviewAttachment } from "~/peer-review/reviews.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  const file = await reviewAttachment(user.id, params.reviewId ?? "", Number(params.n));
  if (!file) throw new Response("Dit bestand bestaat niet, of je hebt er geen toegang toe.", { status: 404 });
  // The author cannot stay anonymous in this file (its type cannot be cleaned): it is not shared, the author knows.
  if (file.withheld)
    throw new Response("Dit bestand wordt niet gedeeld: de schrijver kon er niet anoniem in blijven.", { status: 403 });
  return new Response(new Uint8Array(file.bytes), {
    headers: downloadHeaders({ name: file.name, mediaType: file.mediaType, size: file.bytes.length }),
  });
}
