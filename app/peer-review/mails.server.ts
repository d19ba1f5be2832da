// The e-mails of peer review. No reviewer's name ever goes to an author, whatever the anonymity: the page shows
// what the author may know.
import type { Prisma } from "@prisma/client";
import { formatDateTime } from "~/format";
import { appUrl } from "~/env.server";
import { queueMail } from "~/notifications/outbox.server";
import { SIGNATURE, greeting } from "~/notifications/signature";

type Tx = Prisma.TransactionClient;

/** Tells each reviewer how many submissions of `title` they got to review, and by when. */
export async function mailAssigned(tx: Tx, reviewerIds: string[], title: string, dueAt: Date) {
  const counts = new Map<string, number>();
  for (const id of reviewerIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const reviewers = await tx.user.findMany({
    where: { id: { in: [...counts.keys()] } },
    select: { id: true, name: true, email: true },
  });
  for (const reviewer of reviewers) {
    const n = counts.get(reviewer.id)!;
    await queueMail(tx, {
      to: reviewer.email,
      subject: `Peerfeedback gevraagd: ${title}`,
      text:
        `${greeting(reviewer.name)}\n\n` +
        `Je hebt ${n === 1 ? "een inzending" : `${n} inzendingen`} van ‘${title}’ gekregen om feedback op te geven, uiterlijk ${formatDateTime(dueAt)}.\n\n` +
        `Je vindt ze op ${appUrl()}/gilde\n\n${SIGNATURE}`,
    });
  }
}

/** Two days before a review is due. */
export async function mailReviewReminder(
  tx: Tx,
  review: { id: string; dueAt: Date; reviewer: { name: string; email: string } },
  title: string,
) {
  await queueMail(tx, {
    to: review.reviewer.email,
    subject: `Nog twee dagen: peerfeedback op ‘${title}’`,
    text: `${greeting(review.reviewer.name)}\n\nJe peerfeedback op ‘${title}’ is uiterlijk ${formatDateTime(review.dueAt)} nodig. Je gildegenoot wacht erop.\n\n${appUrl()}/gilde/feedback/${review.id}\n\n${SIGNATURE}`,
  });
}

/** To the author, when a review of their work is submitted. */
export async function mailFeedbackGiven(tx: Tx, authorId: string, title: string) {
  const author = await tx.user.findUniqueOrThrow({ where: { id: authorId }, select: { name: true, email: true } });
  await queueMail(tx, {
    to: author.email,
    subject: `Peerfeedback ontvangen: ${title}`,
    text: `${greeting(author.name)}\n\nEr is peerfeedback gegeven op je inzending van ‘${title}’. Je leest hem op ${appUrl()}/gilde zodra hij zichtbaar is.\n\n${SIGNATURE}`,
  });
}
