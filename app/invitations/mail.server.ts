// The invitation mail: who invites, for what, the link (valid a week, once) and what happens when it is opened.
import { appUrl } from "~/env.server";
import { formatDateTime } from "~/format";
import { SIGNATURE, greeting } from "~/notifications/signature";
import { roleWords, type InvitedRole } from "./words";

const INVITATION_SUBJECT = "Je bent uitgenodigd voor Gilde";

export function invitationMail(input: {
  name: string;
  inviter: string;
  role: InvitedRole;
  cohortNames: string[];
  token: string;
  expiresAt: Date;
  existingAccount: boolean;
}) {
  const link = `${appUrl()}/uitnodiging/${input.token}`;
  const what = roleWords(input.role, input.cohortNames);
  const doing =
    input.role === "ADMIN"
      ? "Als beheerder regel je groepen, trainers, aanmeldingen en betalingen."
      : "Als trainer begeleid je de deelnemers en hun gildes, plan je de modules en beoordeel je het werk.";
  const next = input.existingAccount
    ? "Je hebt al een Gilde-account met dit adres. Open de link en log in zoals altijd; de nieuwe rol komt er dan bij."
    : "Open de link, kies je wachtwoord en je bent meteen binnen.";
  return {
    subject: INVITATION_SUBJECT,
    text:
      `${greeting(input.name)}\n\n` +
      `${input.inviter} nodigt je uit als ${what} bij Gilde, het leerplatform van de leergang Creative Communities. ${doing}\n\n` +
      `${next}\n\n${link}\n\n` +
      `De link werkt één keer en is geldig tot ${formatDateTime(input.expiresAt)}. Is hij verlopen? Vraag ${input.inviter} dan om een nieuwe.\n\n` +
      `Verwachtte je deze uitnodiging niet? Dan kun je dit bericht negeren; er gebeurt dan niets.\n\n${SIGNATURE}`,
  };
}
