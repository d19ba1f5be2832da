// Every e-mail goes through the outbox table, written in the same transaction as the change that causes it.
// A sender (sender.server.ts) delivers over SMTP when configured; otherwise messages stay here for /beheer.
import type { Prisma } from "@prisma/client";
import { db } from "~/db.server";
import { paymentMode } from "~/enrollment/stripe.server";
import { appUrl, env } from "~/env.server";

type Tx = Prisma.TransactionClient;

export type Mail = { to: string; subject: string; text: string; html?: string };

function escapeHtml(value: string) {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

/** Plain text to simple, safe HTML: paragraphs, line breaks, and links on their own. */
export function textToHtml(text: string): string {
  const paragraphs = text.split(/\n{2,}/).map((p) =>
    escapeHtml(p)
      .replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>')
      .replace(/\n/g, "<br>"),
  );
  return `<div style="font-family: system-ui, sans-serif; line-height: 1.5">${paragraphs.map((p) => `<p>${p}</p>`).join("")}</div>`;
}

export async function queueMail(tx: Tx, mail: Mail) {
  return tx.outboxMessage.create({
    data: { to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? textToHtml(mail.text) },
    select: { id: true },
  });
}

/** Links that carry a secret (a reset, a registration, an invitation, a wijk-feedback or consent link, an unsubscribe signature): shown to nobody but the addressee. */
const SECRET_LINKS =
  /\S*\/(wachtwoord-vergeten|registreren\/bevestigen|uitnodiging|account\/e-mailadres|wijkfeedback|toestemming)\/[A-Za-z0-9._~%-]+|\S*\/digest\/afmelden\?\S+/g;
const HIDDEN_LINK = "[link verborgen]";

export function redactSecrets(text: string): string {
  return text.replace(SECRET_LINKS, HIDDEN_LINK);
}

export async function listOutbox({ page = 1, perPage = 50 }: { page?: number; perPage?: number } = {}) {
  const [messages, total] = await Promise.all([
    db.outboxMessage.findMany({
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * perPage,
      take: perPage,
      select: {
        id: true,
        to: true,
        subject: true,
        text: true,
        createdAt: true,
        sentAt: true,
        attempts: true,
        lastError: true,
      },
    }),
    db.outboxMessage.count(),
  ]);
  // Not yet sent (or never, without SMTP): the admin still never reads a link meant for someone else.
  const shown = messages.map((message) => ({ ...message, text: redactSecrets(message.text) }));
  return { messages: shown, total, page, pages: Math.max(1, Math.ceil(total / perPage)) };
}

/** Whether this is a demo install that sends no real mail (its mail is read on /demo/postvak). */
export async function hasDemoMailbox(): Promise<boolean> {
  return !env().SMTP_URL && (await paymentMode()) === "demo";
}

/** The demo install's mailbox (newest first, with the app links in each text), or null on any other install. */
export async function demoMailbox(take = 30) {
  if (!(await hasDemoMailbox())) return null;
  const messages = await db.outboxMessage.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, to: true, subject: true, text: true, createdAt: true },
  });
  const origin = appUrl();
  return messages.map((message) => ({
    ...message,
    links: [...message.text.matchAll(/https?:\/\/\S+/g)]
      .map(([url]) => url)
      .filter((url) => url.startsWith(origin))
      .map((url) => url.slice(origin.length) || "/"),
  }));
}
