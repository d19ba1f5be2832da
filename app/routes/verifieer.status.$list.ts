// The revocation list as a signed BitstringStatusListCredential (only list 1 exists).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { invariantResponse } from "~/auth/guards.server";
import { statusListCredential } from "~/credentials/status-list.server";

export async function loader({ params }: LoaderFunctionArgs) {
  invariantResponse(params.list === "1", "Deze lijst bestaat niet.", { status: 404 });
  return new Response(JSON.stringify(await statusListCredential(), null, 2), {
    headers: { "Content-Type": "application/vc+ld+json; charset=utf-8", "Cache-Control": "no-cache" },
  });
}
