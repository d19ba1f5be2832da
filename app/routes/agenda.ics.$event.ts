// One event of the signed-in person's agenda as an .ics download (/agenda/ics/<event>.ics); not theirs: 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server";
import { singleEventCalendar } from "~/calendar/feed.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const file = params.event ?? "";
  const body = await singleEventCalendar(user, file);
  if (!body) throw new Response("Niet gevonden", { status: 404, statusText: "Not Found" });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, no-store",
      "Content-Disposition": `attachment; filename="${file}"`,
    },
  });
}
