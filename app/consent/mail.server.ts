// The mails of wijk feedback: the invitation to a resident or partner, the thank-you, the withdrawal link, and the
// notice to the participant that a consent ended. A resident's mail names the participant by first name only.
import { appUrl } from "~/env.server";
import { formatDate } from "~/format";
import { SIGNATURE, greeting } from "~/notifications/signature";
import { PURPOSE_WORDS } from "./questions";

export const firstName = (name: string) => name.trim().split(/\s+/)[0] || "Een deelnemer";

export const feedbackLink = (token: string) => `${appUrl()}/wijkfeedback/${token}`;
export const withdrawalLink = (token: string) => `${appUrl()}/toestemming/${token}`;

export function feedbackInvitationMail(input: { name: string; participant: string; token: string; expiresAt: Date }) {
  const who = firstName(input.participant);
  return {
    subject: `${who} vraagt jouw mening`,
    text:
      `${greeting(input.name)}\n\n` +
      `${who} volgt de leergang Creative Communities en werkt in jouw buurt. ${who} wil graag weten wat jij van het werk vindt. Het zijn twee of drie korte vragen. Je hebt geen account nodig.\n\n` +
      `${feedbackLink(input.token)}\n\n` +
      `De link werkt één keer en is geldig tot ${formatDate(input.expiresAt)}. Je kiest zelf of en waarvoor je antwoorden gebruikt mogen worden, en je kunt dat later weer intrekken.\n\n` +
      `Wil je niet meedoen? Dan hoef je niets te doen.\n\n${SIGNATURE}`,
  };
}

export function withdrawalMail(input: {
  name: string;
  participant: string;
  purposes: (keyof typeof PURPOSE_WORDS)[];
  expiresAt: Date;
  token: string;
}) {
  return {
    subject: "Bedankt voor je mening — zo trek je je toestemming in",
    text:
      `${greeting(input.name === "Een bewoner" ? "" : input.name)}\n\n` +
      `Bedankt dat je ${firstName(input.participant)} je mening gaf. Je gaf toestemming:\n` +
      input.purposes.map((p) => `- ${PURPOSE_WORDS[p]}`).join("\n") +
      `\n\nDie toestemming geldt tot ${formatDate(input.expiresAt)}. Wil je haar eerder intrekken? Open dan deze link. Je antwoorden zijn daarna meteen nergens meer te zien.\n\n${withdrawalLink(input.token)}\n\n${SIGNATURE}`,
  };
}

export function thankYouMail(input: { name: string; participant: string; message: string }) {
  const who = firstName(input.participant);
  return {
    subject: `${who} bedankt je`,
    text: `${greeting(input.name === "Een bewoner" ? "" : input.name)}\n\n${who} las je antwoorden en schrijft je dit:\n\n${input.message}\n\n${SIGNATURE}`,
  };
}

export function consentEndedMail(input: { name: string; person: string; how: "withdrawn" | "expired"; what: string }) {
  const ended = input.how === "withdrawn" ? "heeft de toestemming ingetrokken" : "gaf toestemming tot vandaag";
  return {
    subject: input.how === "withdrawn" ? "Een toestemming is ingetrokken" : "Een toestemming is verlopen",
    text:
      `${greeting(input.name)}\n\n` +
      `${input.person} ${ended} (${input.what}). Wat daaronder viel, is vanaf nu nergens meer te zien: niet op je opdracht, niet bij de trainer, niet in de gilde, de praktijkbibliotheek of een export.\n\n` +
      `Wil je het opnieuw gebruiken? Vraag dan opnieuw om toestemming.\n\n${SIGNATURE}`,
  };
}
