// The signed Open Badge as a .json file, for the participant it belongs to only (anyone else: 404).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { invariantResponse, requireUser } from "~/auth/guards.server";
import { myCredentialDocument } from "~/credentials/mine.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const credential = await myCredentialDocument(user.id, params.credentialId ?? "");
  invariantResponse(credential, "Dit certificaat bestaat niet.", { status: 404 });
  return new Response(JSON.stringify(credential.document, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="gilde-certificaat-${credential.id}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
