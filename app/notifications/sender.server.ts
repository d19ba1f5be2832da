// Delivers queued e-mail over SMTP when SMTP_URL is set. Safe in several app instances at once: each run
// claims its batch with FOR UPDATE SKIP LOCKED. A failed send is retried with exponential backoff, never lost.
import nodemailer from "nodemailer";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { redactSecrets, textToHtml } from "./outbox.server";

const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;

export function nextAttemptDelay(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 60_000 * 2 ** Math.max(0, attempts - 1));
}

type Transport = {
  sendMail(message: { from: string; to: string; subject: string; text: string; html: string }): Promise<unknown>;
};

let transport: Transport | undefined;

/** Whether mail leaves this install (SMTP_URL is set), rather than staying in the outbox. */
export function sendsRealMail(): boolean {
  return Boolean(env().SMTP_URL);
}

function smtpTransport(): Transport | undefined {
  const url = env().SMTP_URL;
  if (!url) return undefined;
  transport ??= nodemailer.createTransport(url);
  return transport;
}

// A claimed message is not offered again for this long; if the process dies while sending, it is retried after.
const CLAIM_MS = 10 * 60 * 1000;

/**
 * Claims a batch of due messages in one statement (so several app instances never send the same message),
 * sends them outside any transaction, and records the outcome of each.
 */
export async function deliverOutbox({ batch = 20, via = smtpTransport() }: { batch?: number; via?: Transport } = {}) {
  if (!via) return { sent: 0, failed: 0 };
  const claimedUntil = new Date(Date.now() + CLAIM_MS);
  const due = await db.$queryRaw<
    { id: string; to: string; subject: string; text: string; html: string; attempts: number }[]
  >`
    UPDATE "OutboxMessage" SET "nextAttemptAt" = ${claimedUntil}
    WHERE id IN (
      SELECT id FROM "OutboxMessage"
      WHERE "sentAt" IS NULL AND "nextAttemptAt" <= now()
      ORDER BY "createdAt" LIMIT ${batch} FOR UPDATE SKIP LOCKED)
    RETURNING id, "to", subject, text, html, attempts`;
  let sent = 0;
  let failed = 0;
  for (const message of due) {
    const attempts = message.attempts + 1;
    try {
      await via.sendMail({
        from: env().MAIL_FROM,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
      // Delivered: the stored copy keeps no secret link (the mailbox has it; the database need not).
      const text = redactSecrets(message.text);
      await db.outboxMessage.update({
        where: { id: message.id },
        data: { sentAt: new Date(), attempts, lastError: null, text, html: textToHtml(text) },
      });
      sent++;
    } catch (error) {
      await db.outboxMessage.update({
        where: { id: message.id },
        data: {
          attempts,
          lastError: String((error as Error).message).slice(0, 500),
          nextAttemptAt: new Date(Date.now() + nextAttemptDelay(attempts)),
        },
      });
      failed++;
    }
  }
  return { sent, failed };
}

/**
 * Delivers soon what a request just queued (a confirmation or reset link should not wait for the next round of the
 * background jobs). Safe next to those jobs and other instances: messages are claimed with SKIP LOCKED.
 */
export function nudgeOutbox() {
  if (!smtpTransport()) return;
  setImmediate(() => {
    deliverOutbox().catch((error) =>
      console.error("Versturen van e-mail mislukt:", error instanceof Error ? error.message : error),
    );
  });
}
