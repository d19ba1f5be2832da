import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { clearedSessionCookie, invalidateSession, readSessionCookie } from "~/auth/session.server";

export async function loader() {
  // Logging out changes state, so it is a POST (the button in the header); a GET just goes home.
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  await invalidateSession(readSessionCookie(request));
  return redirect("/", { headers: { "Set-Cookie": clearedSessionCookie() } });
}
