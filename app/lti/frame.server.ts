// Which sites may frame a page. Every page refuses framing (`frame-ancestors 'none'`, server/headers.ts), except
// the pages of a session that began with a launch inside an LMS frame: those may be framed by that platform's
// origins, and only when the browser says it loads them into a frame. The HTTP layer reads the internal header
// below, builds the policy with the response's nonce and removes the header before it leaves.
import { readSessionCookie } from "~/auth/session.server";
import { parseSessionToken } from "~/auth/tokens.server";
import { db } from "~/db.server";
import { isFramedRequest } from "./cookies.server";
import { platformOrigins } from "./platforms.server";

export { FRAME_ANCESTORS_HEADER } from "~/server/headers";

/** The origins allowed to frame this page for this request's session, or null (no framing). */
export async function frameAncestorsFor(request: Request): Promise<string[] | null> {
  if (!isFramedRequest(request)) return null;
  const parsed = parseSessionToken(readSessionCookie(request));
  if (!parsed) return null;
  const frame = await db.ltiSessionFrame.findUnique({ where: { sessionId: parsed.id }, select: { platformId: true } });
  if (!frame) return null;
  const origins = await platformOrigins({ id: frame.platformId });
  return origins.length > 0 ? origins : null;
}
