// Renders a page to one HTML string. No route streams (no defer, no Suspense for data), so a single string is
// both simpler and faster than a stream: it skips three stream conversions per page. A page that opted in to
// revalidation is first compared with the browser's copy (server/revalidation.server.ts).
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { NonceContext } from "./components/nonce";
import { FRAME_ANCESTORS_HEADER, frameAncestorsFor } from "./lti/frame.server";
import { StaticHtmlContext } from "./components/static-html";
import { matchesTag, pageTag, REVALIDATE_CACHE_CONTROL, wantsRevalidation } from "./server/revalidation.server";
import { rememberRouteMatches } from "./server/route-matching.server";

rememberRouteMatches();

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // A page of a session launched inside an LMS frame may be framed by that LMS (and by no one else).
  const framers = await frameAncestorsFor(request);
  if (framers) responseHeaders.set(FRAME_ANCESTORS_HEADER, framers.join(" "));
  if (request.method === "GET" && responseStatusCode === 200 && wantsRevalidation(remixContext)) {
    const tag = pageTag(remixContext, loadContext);
    responseHeaders.set("ETag", tag);
    responseHeaders.set("Cache-Control", REVALIDATE_CACHE_CONTROL);
    if (matchesTag(request.headers.get("If-None-Match"), tag))
      return new Response(null, { status: 304, headers: responseHeaders });
  }
  const markup = renderToString(
    <NonceContext.Provider value={loadContext.cspNonce ?? ""}>
      <StaticHtmlContext.Provider value={loadContext.staticHtml ?? null}>
        <RemixServer context={remixContext} url={request.url} nonce={loadContext.cspNonce} />
      </StaticHtmlContext.Provider>
    </NonceContext.Provider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(`<!DOCTYPE html>${markup}`, { headers: responseHeaders, status: responseStatusCode });
}

/**
 * A data answer (a loader's or action's JSON for the browser's own navigations and fetchers, such as an autosave's
 * new revision) goes out with its length. Remix streams every body without one, so the compression layer could
 * not see that an answer of 30 bytes is under its 1 KB threshold and started a gzip stream for each; at a deadline
 * that is every autosave.
 */
export async function handleDataRequest(response: Response): Promise<Response> {
  const type = response.headers.get("Content-Type") ?? "";
  if (!response.body || response.headers.has("Content-Length") || !type.startsWith("application/json")) return response;
  const body = await response.text();
  const headers = new Headers(response.headers);
  headers.set("Content-Length", String(Buffer.byteLength(body)));
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  // Logged on the server; the visitor sees the Dutch error page, never a stack trace.
  if (request.signal.aborted) return;
  // An address nobody serves is not a fault of ours: a one-line note, not a stack trace.
  if (isRouteErrorResponse(error) && error.status === 404) {
    console.warn(`404 ${new URL(request.url).pathname}`);
    return;
  }
  console.error(error);
}

// The app's side of starting the server, for app/server/start.ts: it reaches the app only through this build.
export * as server from "./server/boot.server";
