// The resident's side: open a feedback link (no account), answer the chosen questions and give consent for a
// purpose and a period. One response per mailed link; a meeting link takes up to its own limit, then closes. The
// form shows nothing about the participant beyond their first name and the part of the work they chose to show.
import type { ConsentPurpose, Prisma } from "@prisma/client";
import { randomToken, sha256 } from "~/auth/tokens.server";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";
import { formatDate } from "~/format";
import { renderMarkdown } from "~/markdown/markdown";
import { queueMail } from "~/notifications/outbox.server";
import { nudgeOutbox } from "~/notifications/sender.server";
import { firstName, withdrawalMail } from "./mail.server";
import { addMonths, FEEDBACK_QUESTIONS, PURPOSE_WORDS, type QuestionKey } from "./questions";
import { requestOpen } from "./requests.server";

type Tx = Prisma.TransactionClient;

const TOKEN = /^[A-Za-z0-9_-]{20,64}$/;

export type LinkState = "open" | "answered" | "full" | "expired" | "revoked";

const requestSelect = {
  id: true,
  email: true,
  questions: true,
  excerpt: true,
  maxResponses: true,
  responseCount: true,
  expiresAt: true,
  revokedAt: true,
  userId: true,
  cohortId: true,
  user: { select: { name: true, erasedAt: true } },
} satisfies Prisma.FeedbackRequestSelect;

function stateOf(request: Prisma.FeedbackRequestGetPayload<{ select: typeof requestSelect }>, now: Date): LinkState {
  if (request.revokedAt || request.user.erasedAt) return "revoked";
  if (request.expiresAt <= now) return "expired";
  if (request.responseCount >= request.maxResponses) return request.maxResponses === 1 ? "answered" : "full";
  return requestOpen(request, now) ? "open" : "full";
}

async function findRequest(client: Tx | typeof db, token: string) {
  if (!TOKEN.test(token)) return null;
  return client.feedbackRequest.findUnique({ where: { tokenHash: sha256(token) }, select: requestSelect });
}

/** What the public form shows, or null for a link that never existed (a 404). */
export async function feedbackForm(token: string, now = new Date()) {
  const request = await findRequest(db, token);
  if (!request) return null;
  const state = stateOf(request, now);
  return {
    state,
    participant: firstName(request.user.name),
    ...(state === "open"
      ? {
          questions: request.questions.map((key) => ({ key, text: FEEDBACK_QUESTIONS[key as QuestionKey] ?? key })),
          excerptHtml: renderMarkdown(request.excerpt),
          expiresAt: request.expiresAt.toISOString(),
        }
      : { questions: [], excerptHtml: "", expiresAt: request.expiresAt.toISOString() }),
  };
}

export type FeedbackAnswer = {
  answers: Record<string, string>;
  authorName: string;
  email: string | null;
  assessment: boolean;
  community: boolean;
  period: string;
};

const CLOSED: Record<Exclude<LinkState, "open">, string> = {
  answered: "Met deze link is al gereageerd. Bedankt!",
  full: "Deze link is gesloten: het maximale aantal reacties is bereikt.",
  expired: "Deze link is verlopen.",
  revoked: "Deze link is ingetrokken.",
};

/** Stores the answers with their consents; returns the withdrawal link's secret (shown once, and mailed). */
export async function giveFeedback(token: string, input: FeedbackAnswer, now = new Date()): Promise<string> {
  const withdrawal = randomToken();
  const result = await db.$transaction(async (tx) => {
    const found = await findRequest(tx, token);
    if (!found) throw new RefusedError("Deze link bestaat niet.", 404);
    // One response at a time per link: the limit holds when several people send at the same moment.
    await tx.$queryRaw`SELECT 1 FROM "FeedbackRequest" WHERE id = ${found.id} FOR UPDATE`;
    const request = await findRequest(tx, token);
    if (!request) throw new RefusedError("Deze link bestaat niet.", 404);
    const state = stateOf(request, now);
    if (state !== "open") throw new RefusedError(CLOSED[state], 410);

    const errors: Record<string, string> = {};
    const answers = request.questions.map((key) => ({
      question: FEEDBACK_QUESTIONS[key as QuestionKey] ?? key,
      answer: (input.answers[key] ?? "").trim(),
    }));
    if (!answers.some((a) => a.answer)) {
      const first = request.questions[0];
      if (first) errors[`answers.${first}`] = "Beantwoord minstens één vraag.";
    }
    if (!input.assessment)
      errors.assessment =
        "Zonder deze toestemming kunnen we je antwoorden niet bewaren. Wil je dat niet? Dan kun je deze pagina gewoon sluiten.";
    if (Object.keys(errors).length)
      throw new RefusedError("Nog niet verstuurd: kijk naar wat hieronder staat.", 400, errors);

    const months = Number(input.period);
    const expiresAt = addMonths(now, months);
    const purposes: ConsentPurpose[] = input.community ? ["ASSESSMENT", "COMMUNITY"] : ["ASSESSMENT"];
    const email = input.email?.toLowerCase() ?? request.email;
    const shown = [
      `Getoond deel van het werk:\n${request.excerpt}`,
      `Vragen:\n${answers.map((a) => `- ${a.question}`).join("\n")}`,
      `Periode: tot ${formatDate(expiresAt)}`,
    ].join("\n\n");
    await tx.residentFeedback.create({
      data: {
        requestId: request.id,
        authorName: input.authorName.slice(0, 60),
        answers,
        email,
        createdAt: now,
        consents: {
          create: purposes.map((purpose) => ({
            collectedById: request.userId,
            cohortId: request.cohortId,
            personName: input.authorName.slice(0, 60),
            purpose,
            method: "FORM" as const,
            shown: `Toestemming ${PURPOSE_WORDS[purpose]}.\n\n${shown}`,
            givenAt: now,
            expiresAt,
            withdrawalTokenHash: sha256(withdrawal),
          })),
        },
      },
    });
    await tx.feedbackRequest.update({ where: { id: request.id }, data: { responseCount: { increment: 1 } } });
    if (email)
      await queueMail(tx, {
        to: email,
        ...withdrawalMail({
          name: input.authorName,
          participant: request.user.name,
          purposes,
          expiresAt,
          token: withdrawal,
        }),
      });
    return { mailed: Boolean(email) };
  });
  if (result.mailed) nudgeOutbox();
  return withdrawal;
}
