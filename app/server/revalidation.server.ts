// Answering a revisit with 304 Not Modified. A route opts in with `handle = { revalidate: true }`; its document
// gets an ETag over what the page is made of (the build, the loaders' data of every route on the page and the
// static HTML they stashed), computed before anything is rendered. When the browser sends the same tag back, the
// answer is an empty 304 and the page is not rendered at all. The rendered bytes are not hashed: they carry a
// fresh CSP nonce on every request.
import crypto from "node:crypto";
import type { AppLoadContext, EntryContext } from "@remix-run/node";

/** Pages that revalidate may be kept by the browser (never by a shared cache), and must ask before reuse. */
export const REVALIDATE_CACHE_CONTROL = "private, no-cache";

export function wantsRevalidation(context: EntryContext): boolean {
  const { matches } = context.staticHandlerContext;
  return matches.some((match) => {
    const handle = context.routeModules[match.route.id]?.handle as { revalidate?: boolean } | undefined;
    return handle?.revalidate === true;
  });
}

// The stashed HTML is the compiled course text: the same string object on every request, so its digest is
// remembered instead of hashing tens of kilobytes per page (V8 keeps a string's own hash, so the lookup is cheap).
const htmlDigests = new Map<string, string>();

function htmlDigest(html: string): string {
  let digest = htmlDigests.get(html);
  if (digest === undefined) {
    if (htmlDigests.size > 500) htmlDigests.clear();
    digest = crypto.hash("sha256", html, "base64url");
    htmlDigests.set(html, digest);
  }
  return digest;
}

export function pageTag(context: EntryContext, loadContext: AppLoadContext): string {
  // One string hashed at once (no hash object per page): the build, the loaders' data, then each stashed HTML's
  // name and digest.
  let input = `${context.manifest.version}\u0000${JSON.stringify(context.staticHandlerContext.loaderData)}`;
  for (const [key, html] of loadContext.staticHtml ?? []) input += `\u0000${key}\u0000${htmlDigest(html)}`;
  return `W/"${crypto.hash("sha256", input, "base64url").slice(0, 27)}"`;
}

/** Whether `If-None-Match` names `tag` (a list, weak or strong, or `*`). */
export function matchesTag(ifNoneMatch: string | null, tag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (value: string) => value.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((candidate) => candidate.trim() === "*" || bare(candidate) === bare(tag));
}
