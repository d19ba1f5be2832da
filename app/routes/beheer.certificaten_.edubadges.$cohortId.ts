// A cohort's completions as CSV for an edubadges Direct Award (admin only).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { invariantResponse, requireRole } from "~/auth/guards.server";
import { edubadgesCsv } from "~/credentials/edubadges.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const file = await edubadgesCsv(params.cohortId ?? "");
  invariantResponse(file, "Deze groep bestaat niet.", { status: 404 });
  return new Response(file.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
