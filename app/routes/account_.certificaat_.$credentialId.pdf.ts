// The certificate as a PDF, for the participant it belongs to only (anyone else: 404; a revoked one: 410).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { invariantResponse, requireUser } from "~/auth/guards.server";
import { myCertificateFacts } from "~/credentials/mine.server";
import { certificatePdf } from "~/credentials/pdf.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const facts = await myCertificateFacts(user.id, params.credentialId ?? "");
  invariantResponse(facts, "Dit certificaat bestaat niet.", { status: 404 });
  invariantResponse(!facts.revoked, "Dit certificaat is ingetrokken.", { status: 410 });
  return new Response(Buffer.from(await certificatePdf(facts)), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="gilde-certificaat-${facts.id}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
