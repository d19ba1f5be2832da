// A payment's receipt as a printable HTML file, for the participant it belongs to only (anyone else: 404).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { invariantResponse, requireUser } from "~/auth/guards.server";
import { receiptDocument, receiptFileName } from "~/enrollment/receipt-document.server";
import { myReceipt } from "~/enrollment/receipt.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const receipt = await myReceipt(user.id, params.paymentId ?? "");
  invariantResponse(receipt, "Dit betaalbewijs bestaat niet.", { status: 404 });
  return new Response(receiptDocument(receipt), {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Disposition": `attachment; filename="${receiptFileName(receipt)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
