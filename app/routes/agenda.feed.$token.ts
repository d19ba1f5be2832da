// The personal calendar feed (webcal://…/agenda/feed/<token>.ics): text/calendar, never cached by a proxy. A wrong or
// revoked token is a plain 404 that reveals nothing.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { feedCalendar } from "~/calendar/feed.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const body = await feedCalendar(params.token ?? "");
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, no-store",
      "Content-Disposition": 'inline; filename="gilde-agenda.ics"',
    },
  });
}
