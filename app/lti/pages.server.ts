// The few pages of the launch itself, outside Remix's layout: they appear inside the LMS frame for a moment (the
// Platform Storage steps) or say in Dutch why a launch could not go on. Small, self-contained HTML; the one inline
// script carries the response's CSP nonce.
import { FRAME_ANCESTORS_HEADER } from "~/server/headers";

export const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

// JSON inside a <script>: "<" escaped so no value can end the script element.
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

// The few shapes these pages use, in the colours of the app (app.css); no stylesheet to fetch inside a frame.
const STYLE = [
  "body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1f2a2e;background:#fbfaf7}",
  "h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.5rem}a{color:#1d5c4d}",
  "dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:1rem 0}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}",
  "@media (max-width:600px){dl{grid-template-columns:1fr}dd{margin-bottom:.5rem}}",
  ".note{background:#f7ecdf;border-left:4px solid #8a4b12;padding:.6rem .9rem;border-radius:6px}",
  "[role=alert]{background:#fbeaea;border-left:4px solid #a32020;padding:.6rem .9rem;border-radius:6px}",
  "button{font:inherit;font-weight:600;cursor:pointer;border:1px solid #1d5c4d;background:#1d5c4d;color:#fff;padding:.6rem 1.2rem;border-radius:10px}",
  "button:hover{background:#164a3e}button:focus-visible,a:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}",
].join("");

export function page(title: string, body: string, script?: { nonce: string; code: string }) {
  return `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)} — Gilde</title><style>${STYLE}</style></head><body><main>${body}</main>${script ? `<script nonce="${escape(script.nonce)}">${script.code}</script>` : ""}</body></html>`;
}

export function htmlResponse(html: string, status: number, frameAncestors: string[], extra: HeadersInit = {}) {
  const headers = new Headers(extra);
  headers.set("Content-Type", "text/html; charset=utf-8");
  if (frameAncestors.length > 0) headers.set(FRAME_ANCESTORS_HEADER, frameAncestors.join(" "));
  return new Response(html, { status, headers });
}

/** Why a launch stopped, in Dutch, with what to do; may show inside any registered LMS's frame. */
export function launchRefusal(message: string, status: number, frameAncestors: string[]) {
  const body = `<h1>Gilde kon niet starten vanuit je leeromgeving</h1><p role="alert">${escape(message)}</p><p>Lukt het niet? Ga naar <a href="/inloggen" target="_top">Gilde zelf</a> en log daar in.</p>`;
  return htmlResponse(page("Starten lukte niet", body), status, frameAncestors);
}

// The shared part of both storage steps: find the platform's storage frame and ask it one thing.
const ASK_PLATFORM = `
function storageFrame(target) {
  try { if (target && target !== "_parent" && window.parent.frames[target]) return window.parent.frames[target]; } catch (e) {}
  return window.parent;
}
function ask(config, message, done) {
  var id = "gilde-" + Math.random().toString(36).slice(2);
  var finished = false;
  function finish(value) { if (finished) return; finished = true; window.removeEventListener("message", listen); done(value); }
  function listen(event) {
    if (event.origin !== config.origin || !event.data || event.data.message_id !== id) return;
    finish(event.data.error ? null : event.data.value === undefined ? true : event.data.value);
  }
  window.addEventListener("message", listen);
  message.message_id = id;
  storageFrame(config.target).postMessage(message, config.origin);
  setTimeout(function () { finish(null); }, 3000);
}`;

/**
 * After /lti/login, when the platform offers its storage: the state is kept there too (the browser may block our
 * cookie inside the frame), then the browser goes on to the platform's authorisation endpoint.
 */
export function storeStatePage(
  input: { state: string; authUrl: string; origin: string; target: string; nonce: string },
  headers: HeadersInit,
) {
  const config = { state: input.state, url: input.authUrl, origin: input.origin, target: input.target };
  const code = `${ASK_PLATFORM}
var config = ${scriptJson(config)};
ask(config, { subject: "lti.put_data", key: "gilde_state_" + config.state, value: config.state }, function () { window.location.replace(config.url); });`;
  const body = `<h1>Gilde wordt gestart…</h1><p>Een ogenblik. <a href="${escape(input.authUrl)}">Verder</a></p>`;
  return htmlResponse(page("Gilde wordt gestart", body, { nonce: input.nonce, code }), 200, [input.origin], headers);
}

/**
 * At /lti/launch without the state cookie: read the state back from the platform's storage and post the launch
 * again with it. When the platform does not answer, the page says what to do.
 */
export function readStatePage(input: {
  idToken: string;
  state: string;
  origin: string;
  target: string;
  nonce: string;
  missing: string;
}) {
  const config = { state: input.state, origin: input.origin, target: input.target };
  const code = `${ASK_PLATFORM}
var config = ${scriptJson(config)};
ask(config, { subject: "lti.get_data", key: "gilde_state_" + config.state }, function (value) {
  if (typeof value !== "string") { document.getElementById("wacht").hidden = true; document.getElementById("mislukt").hidden = false; return; }
  var form = document.getElementById("verder");
  form.elements.namedItem("storage_state").value = value;
  form.submit();
});`;
  const body = `<h1 id="wacht">Gilde wordt gestart…</h1>
<div id="mislukt" hidden><h1>Gilde kon niet starten vanuit je leeromgeving</h1><p role="alert">${escape(input.missing)}</p></div>
<noscript><p>${escape(input.missing)}</p></noscript>
<form id="verder" method="post" action="/lti/launch">
<input type="hidden" name="id_token" value="${escape(input.idToken)}"><input type="hidden" name="state" value="${escape(input.state)}">
<input type="hidden" name="lti_storage_target" value="${escape(input.target)}"><input type="hidden" name="storage_state" value="">
</form>`;
  return htmlResponse(page("Gilde wordt gestart", body, { nonce: input.nonce, code }), 200, [input.origin]);
}
