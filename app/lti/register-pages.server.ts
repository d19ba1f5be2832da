// The pages of LTI Dynamic Registration (/lti/register), outside Remix's layout like the launch pages: the LMS shows
// them in a frame of its admin screen or in a window of their own. Which sites may frame them: registration.server.ts
// (registrationFramers).
import { escape, htmlResponse, page } from "./pages.server";
import { productName } from "./product-names";
import type { PlatformConfiguration, Registered } from "./registration.server";

const OFFER = `<h2>Wat Gilde je cursussen geeft</h2>
<ul>
<li><strong>Starten vanuit de cursus</strong>: deelnemers en docenten komen met één klik in Gilde, meteen in de goede groep.</li>
<li><strong>Modules en opdrachten plaatsen</strong> (deep linking): een docent kiest in de cursus wat uit Gilde erbij hoort.</li>
<li><strong>Resultaten in het cijferoverzicht</strong>: voldaan of niet voldaan, met het totaal van de rubric.</li>
<li><strong>De deelnemerslijst</strong>: de trainer haalt op wie er in de cursus zit.</li>
</ul>`;

function platformDetails(config: PlatformConfiguration) {
  const product = `${productName(config.productFamily)}${config.productVersion ? ` (versie ${config.productVersion})` : ""}`;
  return `<dl><dt>Leeromgeving</dt><dd>${escape(product)}</dd><dt>Issuer</dt><dd>${escape(config.issuer)}</dd></dl>`;
}

/** "Gilde registreren": who asks, what Gilde offers, and what happens after the button. */
export function confirmPage(input: {
  config: PlatformConfiguration;
  proof: string;
  asAdmin: boolean;
  frameAncestors: string[];
}) {
  const next = input.asAdmin
    ? "Je bent bij Gilde ingelogd als beheerder: na het registreren werkt de koppeling meteen. Op de pagina LTI-koppelingen kies je daarna de groep waarin mensen uit deze leeromgeving terechtkomen."
    : "Daarna keurt een beheerder van Gilde de koppeling goed en kiest de groep waarin mensen uit deze leeromgeving terechtkomen. Tot dan kan niemand Gilde vanuit deze leeromgeving starten.";
  const body = `<h1>Gilde koppelen aan je leeromgeving</h1>
<p>Deze leeromgeving wil Gilde toevoegen als LTI-tool:</p>
${platformDetails(input.config)}
${OFFER}
<p class="note">${escape(next)}</p>
<form method="post" action="/lti/register">
<input type="hidden" name="bewijs" value="${escape(input.proof)}">
<button type="submit">Gilde registreren</button>
</form>`;
  return htmlResponse(page("Gilde registreren", body), 200, input.frameAncestors);
}

/** Registered: what happens next, and the close message the LMS listens for (Dynamic Registration § 3.6). */
export function donePage(input: { done: Registered; nonce: string; frameAncestors: string[] }) {
  const { done } = input;
  const name = escape(productName(done.config.productFamily));
  const what = done.known
    ? `<p>Gilde was al geregistreerd bij deze leeromgeving (client id ${escape(done.clientId)}). Er is niets dubbel aangemaakt.</p>`
    : `<p>${name} heeft Gilde toegevoegd (client id ${escape(done.clientId)}${done.deploymentId ? `, deployment ${escape(done.deploymentId)}` : ""}).</p>`;
  const next = done.active
    ? "De koppeling werkt: docenten kunnen Gilde nu aan een cursus toevoegen. Kies op de pagina LTI-koppelingen in Gilde nog de groep waarin mensen uit deze leeromgeving terechtkomen."
    : "Een beheerder van Gilde keurt de koppeling nu goed en kiest de groep waarin mensen uit deze leeromgeving terechtkomen. Tot die tijd zegt Gilde bij het starten dat de koppeling nog wacht. Je hoeft hier niets meer te doen.";
  const body = `<h1>Gilde is geregistreerd</h1>
${what}
<p class="note">${escape(next)}</p>
<p>Dit venster gaat vanzelf dicht; gebeurt dat niet, dan kun je het sluiten.</p>`;
  // The platform closes its frame or window when it hears this; targetOrigin "*" because the message holds nothing.
  const code = `var lms = window.opener || (window.parent !== window ? window.parent : null);
if (lms) lms.postMessage({ subject: "org.imsglobal.lti.close" }, "*");`;
  return htmlResponse(page("Gilde is geregistreerd", body, { nonce: input.nonce, code }), 200, input.frameAncestors);
}

/** Why the registration did not go on, with a way to try again when the LMS's address is known. */
export function registrationRefusal(input: {
  message: string;
  status: number;
  retryUrl: string | null;
  frameAncestors: string[];
}) {
  const retry = input.retryUrl
    ? `<p><a href="${escape(input.retryUrl)}">Opnieuw proberen</a></p>`
    : `<p>Start de registratie opnieuw vanuit je leeromgeving.</p>`;
  const body = `<h1>Gilde kon zich niet registreren</h1><p role="alert">${escape(input.message)}</p>${retry}`;
  return htmlResponse(page("Registreren lukte niet", body), input.status, input.frameAncestors);
}
