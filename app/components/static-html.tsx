// Large, prerendered HTML (a module's text) is sent once, not twice. On a document request the server renders
// it from a per-request stash and leaves it out of the loader data; when the page hydrates, the browser
// reuses the HTML already in the DOM. Client-side navigations receive it in the loader data as usual.
import { createContext, useContext, useState } from "react";

export const StaticHtmlContext = createContext<ReadonlyMap<string, string> | null>(null);

export function StaticHtml({ id, html, className }: { id: string; html: string | null; className?: string }) {
  const stash = useContext(StaticHtmlContext);
  const [fromDom] = useState(() =>
    typeof document === "undefined" ? null : (document.getElementById(id)?.innerHTML ?? null),
  );
  const content = html ?? stash?.get(id) ?? fromDom ?? "";
  return <div id={id} className={className} dangerouslySetInnerHTML={{ __html: content }} />;
}
