// The server half of <StaticHtml>: loaders stash HTML in the request's load context (shared by every loader
// of the request and by entry.server, which provides it to the render).
import type { AppLoadContext } from "@remix-run/node";

/** Returns what the loader should put in its data: the HTML for client navigations, null for documents. */
export function stashStaticHtml(context: AppLoadContext, id: string, html: string | null): string | null {
  if (html === null || !context.staticHtml) return html;
  context.staticHtml.set(id, html);
  return null;
}
