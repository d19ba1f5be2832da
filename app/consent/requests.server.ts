// The participant's side of asking the wijk: invite someone by e-mail (one response) or make a link for a meeting
// (shown as a QR code, up to its own limit, then it closes itself); revoke a link. Invitations are rate-limited per
// participant. A mailed link's secret is sent once and only its SHA-256 is kept; a meeting link's secret is derived
// from an installation secret, so the participant can show the same QR code again while it is open.
import crypto from "node:crypto";
import QRCode from "qrcode";
import { workOn } from "~/assignments/work.server";
import type { SessionUser } from "~/auth/session.server";
import { randomToken, sha256 } from "~/auth/tokens.server";
import { installSecret } from "~/db/install-secret.server";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";
import { queueMail } from "~/notifications/outbox.server";
import { nudgeOutbox } from "~/notifications/sender.server";
import { findAssignment } from "~/content/course.server";
import { feedbackForParticipant } from "./feedback.server";
import { feedbackInvitationMail, feedbackLink } from "./mail.server";
import { FEEDBACK_QUESTIONS, type QuestionKey } from "./questions";

const REQUEST_DAYS = 30;
const INVITATIONS_PER_DAY = 20;
const DAY_MS = 86_400_000;

type Shared = { questions: string[]; excerpt: string };

/** The participant's work on the assignment in their active cohort, or a 404 refusal. */
async function requireWork(user: SessionUser, slug: string) {
  const work = user.role === "PARTICIPANT" ? await workOn(user, slug) : null;
  if (!work) throw new RefusedError("Deze opdracht hoort niet bij jouw groep, of is nog niet open.", 404);
  return work;
}

export async function meetingToken(requestId: string): Promise<string> {
  const secret = await installSecret("wijkfeedback");
  return crypto.createHmac("sha256", secret).update(`meeting:${requestId}`).digest("base64url").slice(0, 32);
}

async function checkRate(userId: string, now: Date) {
  const recent = await db.feedbackRequest.count({
    where: { userId, createdAt: { gt: new Date(now.getTime() - DAY_MS) } },
  });
  if (recent >= INVITATIONS_PER_DAY)
    throw new RefusedError(
      `Je hebt vandaag al ${INVITATIONS_PER_DAY} keer om feedback gevraagd. Morgen kun je weer nieuwe uitnodigingen maken.`,
      429,
    );
}

export async function inviteByMail(
  user: SessionUser,
  slug: string,
  input: Shared & { name: string; email: string },
  now = new Date(),
) {
  const work = await requireWork(user, slug);
  await checkRate(user.id, now);
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + REQUEST_DAYS * DAY_MS);
  await db.$transaction(async (tx) => {
    await tx.feedbackRequest.create({
      data: {
        userId: user.id,
        cohortId: work.cohortId,
        assignmentSlug: slug,
        tokenHash: sha256(token),
        email: input.email.trim().toLowerCase(),
        name: input.name.trim(),
        questions: [...new Set(input.questions)],
        excerpt: input.excerpt.trim(),
        createdAt: now,
        expiresAt,
      },
    });
    await queueMail(tx, {
      to: input.email.trim().toLowerCase(),
      ...feedbackInvitationMail({ name: input.name, participant: user.name, token, expiresAt }),
    });
  });
  nudgeOutbox();
}

export async function makeMeetingLink(
  user: SessionUser,
  slug: string,
  input: Shared & { maxResponses: number },
  now = new Date(),
) {
  const work = await requireWork(user, slug);
  await checkRate(user.id, now);
  const id = crypto.randomUUID();
  await db.feedbackRequest.create({
    data: {
      id,
      userId: user.id,
      cohortId: work.cohortId,
      assignmentSlug: slug,
      tokenHash: sha256(await meetingToken(id)),
      questions: [...new Set(input.questions)],
      excerpt: input.excerpt.trim(),
      maxResponses: input.maxResponses,
      createdAt: now,
      expiresAt: new Date(now.getTime() + REQUEST_DAYS * DAY_MS),
    },
  });
  return { id };
}

export async function revokeRequest(user: SessionUser, requestId: string, now = new Date()) {
  const { count } = await db.feedbackRequest.updateMany({
    where: { id: requestId, userId: user.id, revokedAt: null },
    data: { revokedAt: now },
  });
  if (count === 0) throw new RefusedError("Deze link bestaat niet (meer), of is al ingetrokken.", 404);
}

/** Open: not revoked, not expired, not full. */
export function requestOpen(
  request: { revokedAt: Date | null; expiresAt: Date; responseCount: number; maxResponses: number },
  now = new Date(),
) {
  return !request.revokedAt && request.expiresAt > now && request.responseCount < request.maxResponses;
}

const questionText = (key: string) => FEEDBACK_QUESTIONS[key as QuestionKey] ?? key;

/**
 * Everything the participant's wijk-feedback page shows: their links (with QR codes for open meeting links), the
 * feedback received, and the text to choose an excerpt from. Null when the assignment is not theirs (a 404).
 */
export async function wijkFeedbackPage(user: SessionUser, slug: string, now = new Date()) {
  const work = user.role === "PARTICIPANT" ? await workOn(user, slug) : null;
  const found = findAssignment(slug);
  if (!work || !found) return null;
  const requests = await db.feedbackRequest.findMany({
    where: { userId: user.id, cohortId: work.cohortId, assignmentSlug: slug },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      email: true,
      name: true,
      questions: true,
      maxResponses: true,
      responseCount: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
    },
  });
  const draftBody = work.draft?.body ?? "";
  const latest = work.submission?.versions[0]?.body ?? "";
  const sentToday = await db.feedbackRequest.count({
    where: { userId: user.id, createdAt: { gt: new Date(now.getTime() - DAY_MS) } },
  });
  return {
    title: found.assignment.frontmatter.title,
    work: { text: latest || draftBody, handedIn: Boolean(latest) },
    feedback: await feedbackForParticipant(user.id, work.cohortId, slug, now),
    remainingToday: Math.max(0, INVITATIONS_PER_DAY - sentToday),
    requests: await Promise.all(
      requests.map(async (request) => {
        const open = requestOpen(request, now);
        const meeting = request.email === null;
        const link = meeting && open ? feedbackLink(await meetingToken(request.id)) : null;
        return {
          ...request,
          questions: request.questions.map(questionText),
          meeting,
          open,
          link,
          qr: link ? await qrDataUrl(link) : null,
        };
      }),
    ),
  };
}

async function qrDataUrl(link: string): Promise<string> {
  const svg = await QRCode.toString(link, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
