// Delivers queued e-mail over SMTP when SMTP_URL is set. Safe in several app instances at once: each run
// claims its batch with FOR UPDATE SKIP LOCKED. A failed send is retried with exponential backoff, never lost.
import nodemailer from "nodemailer";
import { db } from "~/db.server";
import { env } from "~/env.server";

const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;

export function nextAttemptDelay(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 60_000 * 2 ** Math.max(0, attempts - 1));
}

type Transport = { sendMail(message: { from: string; to: string; subject: string; text: string; html: string }): Promise<unknown> };

let transport: Transport | undefined;

function smtpTransport(): Transport | undefined {
  const url = env().SMTP_URL;
  if (!url) return undefined;
  transport ??= nodemailer.createTransport(url);
  return transport;
}

export async function deliverOutbox({ batch = 20, via = smtpTransport() }: { batch?: number; via?: Transport } = {}) {
  if (!via) return { sent: 0, failed: 0 };
  let sent = 0;
  let failed = 0;
  await db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<{ id: string; to: string; subject: string; text: string; html: string; attempts: number }[]>`
      SELECT id, "to", subject, text, html, attempts FROM "OutboxMessage"
      WHERE "sentAt" IS NULL AND "nextAttemptAt" <= now()
      ORDER BY "createdAt" LIMIT ${batch} FOR UPDATE SKIP LOCKED`;
    for (const message of due) {
      try {
        await via.sendMail({ from: env().MAIL_FROM, to: message.to, subject: message.subject, text: message.text, html: message.html });
        await tx.outboxMessage.update({ where: { id: message.id }, data: { sentAt: new Date(), attempts: message.attempts + 1, lastError: null } });
        sent++;
      } catch (error) {
        const attempts = message.attempts + 1;
        await tx.outboxMessage.update({
          where: { id: message.id },
          data: { attempts, lastError: String((error as Error).message).slice(0, 500), nextAttemptAt: new Date(Date.now() + nextAttemptDelay(attempts)) },
        });
        failed++;
      }
    }
  });
  return { sent, failed };
}
