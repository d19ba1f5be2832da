// The page that carries the deep-linking answer back to the LMS: a form with the signed JWT, submitted by a small
// script (with the CSP nonce) or by the teacher's click. It posts to another site, so it sends its own policy:
// `form-action` allows exactly the platform's return address, `frame-ancestors` the platform's origins.
import { FRAME_ANCESTORS_HEADER } from "~/server/headers";
import { escape, page } from "./pages.server";

export function deepLinkReturnPage(input: {
  returnUrl: string;
  jwt: string;
  titles: string[];
  frameAncestors: string[];
  nonce: string;
}) {
  const body = `<h1>Terug naar je cursus</h1>
<p>Gilde plaatst in je cursus: ${input.titles.map(escape).join(", ")}.</p>
<form id="antwoord" method="post" action="${escape(input.returnUrl)}">
<input type="hidden" name="JWT" value="${escape(input.jwt)}">
<button type="submit">Verder naar de leeromgeving</button>
</form>`;
  const code = `document.getElementById("antwoord").submit();`;
  const framers = input.frameAncestors.join(" ");
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${input.nonce}'`,
    "style-src 'unsafe-inline'",
    "base-uri 'none'",
    `form-action ${new URL(input.returnUrl).origin}`,
    framers ? `frame-ancestors ${framers}` : "frame-ancestors 'none'",
  ].join("; ");
  const headers = new Headers({ "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": csp });
  if (framers) headers.set(FRAME_ANCESTORS_HEADER, framers);
  return new Response(page("Terug naar je cursus", body, { nonce: input.nonce, code }), { status: 200, headers });
}
