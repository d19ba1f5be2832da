// The cookies of a launch inside an LMS frame. There Gilde is a third party: a SameSite=Lax cookie is neither
// sent nor stored, so the state cookie and a framed session's cookie are `SameSite=None; Secure; Partitioned`.
// Partitioned (CHIPS) keeps them in a jar of their own per LMS site: the session in Brightspace's frame is not the
// session in Gilde's own tab, and no other site can use either. Secure is required for both attributes (browsers
// treat http://localhost as secure, so trying it out locally works).
import { sha256 } from "~/auth/tokens.server";
import { STATE_LIFETIME_MS } from "./login.server";

const STATE_COOKIE_PREFIX = "gilde_lti_state_";
const THIRD_PARTY = ["HttpOnly", "Secure", "SameSite=None", "Partitioned"];

// One cookie per login, so two launches in two tabs do not overwrite each other's state.
const stateCookieName = (state: string) => `${STATE_COOKIE_PREFIX}${sha256(state).slice(0, 16)}`;

export function stateCookie(state: string): string {
  return [
    `${stateCookieName(state)}=${state}`,
    ...THIRD_PARTY,
    "Path=/lti",
    `Max-Age=${STATE_LIFETIME_MS / 1000}`,
  ].join("; ");
}

export function clearedStateCookie(state: string): string {
  return [`${stateCookieName(state)}=`, ...THIRD_PARTY, "Path=/lti", "Max-Age=0"].join("; ");
}

/** The state cookie that belongs to `state`, if the browser sent it. */
export function readStateCookie(request: Request, state: string): string | null {
  const name = stateCookieName(state);
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return null;
}

/** The session cookie of a launch inside a frame (the same name; its own partitioned jar). */
export function framedSessionCookie(token: string, expiresAt: Date): string {
  return [`gilde_session=${token}`, ...THIRD_PARTY, "Path=/", `Expires=${expiresAt.toUTCString()}`].join("; ");
}

/** The browser says a request loads a page into a frame (Fetch Metadata). */
export function isFramedRequest(request: Request): boolean {
  return request.headers.get("Sec-Fetch-Dest") === "iframe";
}
