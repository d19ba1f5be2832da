// The e-mail a participant gets when the trainer confirms completion: it points to the certificate page.
import type { Prisma } from "@prisma/client";
import { getCourse } from "~/content/course.server";
import { appUrl } from "~/env.server";
import { queueMail } from "~/notifications/outbox.server";
import { greeting, SIGNATURE } from "~/notifications/signature";

export async function queueCompletionMail(tx: Prisma.TransactionClient, user: { name: string; email: string }) {
  const title = getCourse().leergang.frontmatter.title;
  await queueMail(tx, {
    to: user.email,
    subject: `Gefeliciteerd: je hebt ${title} afgerond`,
    text: [
      greeting(user.name),
      `Je trainer heeft bevestigd dat je de leergang ${title} hebt afgerond. Gefeliciteerd! Je bent nu alumnus.`,
      `Je certificaat staat klaar op ${appUrl()}/account/certificaat: als PDF om te bewaren of te printen, als Open Badge (.json) voor een digitale portemonnee, en met een knop om het aan je LinkedIn-profiel toe te voegen. Iedereen kan het echt-zijn controleren via de link op het certificaat.`,
      SIGNATURE,
    ].join("\n\n"),
  });
}
