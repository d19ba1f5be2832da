// Assignment and Grade Services, the sending half (a background job, app/notifications/jobs.server.ts): claims due
// score posts with FOR UPDATE SKIP LOCKED (safe in several app instances), finds or makes the line item of the
// assignment in the LMS course, and posts the score to `<line item>/scores` (the path gets /scores; a query string
// such as Canvas' or Moodle's stays). A failure is kept in Dutch and tried again later with backoff, never lost.
import { db } from "~/db.server";
import { nextAttemptDelay } from "~/notifications/sender.server";
import { LmsError, lmsFetch, refusedBy } from "./lms-fetch.server";
import { LTI_SCOPE as SCOPE, scoresUrl } from "./services";
import { forgetServiceToken, serviceToken } from "./service-token.server";

const LINE_ITEM = "application/vnd.ims.lis.v2.lineitem+json";
const CONTAINER = "application/vnd.ims.lis.v2.lineitemcontainer+json";
const CLAIM_MS = 10 * 60 * 1000;

type Post = NonNullable<Awaited<ReturnType<typeof loadPost>>>;

function loadPost(id: string) {
  return db.ltiScorePost.findUnique({
    where: { id },
    include: {
      identity: { select: { sub: true } },
      context: {
        include: {
          platform: { select: { id: true, clientId: true, accessTokenUrl: true } },
          lineItems: true,
        },
      },
    },
  });
}

async function lineItemUrl(post: Post, token: string): Promise<string> {
  const context = post.context;
  const known = context.lineItems.find((item) => item.resourceId === post.resourceId);
  if (known) return known.url;
  const container = context.lineItemsUrl!;
  const auth = { Authorization: `Bearer ${token}` };
  // One made earlier (by another Gilde, or before our row was lost) is found by its resourceId.
  const search = new URL(container);
  search.searchParams.set("resource_id", post.resourceId);
  const listed = await lmsFetch(search.toString(), { headers: { ...auth, Accept: CONTAINER } });
  if (!listed.ok) throw refusedBy("de lijst met cijferkolommen", listed);
  const items = (await listed.json().catch(() => [])) as { id?: string; resourceId?: string; tag?: string }[];
  let url = Array.isArray(items) ? items.find((item) => item.resourceId === post.resourceId)?.id : undefined;
  if (!url) {
    const made = await lmsFetch(container, {
      method: "POST",
      headers: { ...auth, "Content-Type": LINE_ITEM, Accept: LINE_ITEM },
      body: JSON.stringify({
        label: post.label,
        scoreMaximum: post.scoreMaximum,
        resourceId: post.resourceId,
        tag: "gilde",
      }),
    });
    if (!made.ok) throw refusedBy(`een cijferkolom voor ‘${post.label}’`, made);
    url = ((await made.json().catch(() => ({}))) as { id?: string }).id;
  }
  if (!url) throw new LmsError("De leeromgeving gaf geen adres voor de cijferkolom terug.");
  await db.ltiLineItem.upsert({
    where: { contextId_resourceId: { contextId: context.id, resourceId: post.resourceId } },
    create: { contextId: context.id, resourceId: post.resourceId, url, scoreMaximum: post.scoreMaximum },
    update: { url },
  });
  return url;
}

async function send(post: Post) {
  const platform = post.context.platform;
  const granted = post.context.agsScopes;
  const scopes = [SCOPE.lineItem, SCOPE.score].filter((scope) => granted.length === 0 || granted.includes(scope));
  if (!scopes.includes(SCOPE.score))
    throw new LmsError("Deze cursus in de leeromgeving staat Gilde niet toe cijfers in te voeren.");
  const token = await serviceToken(platform, scopes);
  const target = scoresUrl(await lineItemUrl(post, token));
  const response = await lmsFetch(target, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/vnd.ims.lis.v1.score+json" },
    body: JSON.stringify({
      userId: post.identity.sub,
      scoreGiven: post.scoreGiven,
      scoreMaximum: post.scoreMaximum,
      comment: post.comment,
      timestamp: post.scoredAt.toISOString(),
      activityProgress: post.activityProgress,
      gradingProgress: post.gradingProgress,
    }),
  });
  if (response.status === 401) forgetServiceToken(platform, scopes);
  if (!response.ok) throw refusedBy(`het cijfer voor ‘${post.label}’`, response);
}

/** Sends due score posts; returns how many arrived and how many wait for another try. */
export async function deliverScorePosts({ batch = 20 }: { batch?: number } = {}) {
  const claimedUntil = new Date(Date.now() + CLAIM_MS);
  const due = await db.$queryRaw<{ id: string; attempts: number }[]>`
    UPDATE "LtiScorePost" SET "nextAttemptAt" = ${claimedUntil}
    WHERE id IN (
      SELECT id FROM "LtiScorePost"
      WHERE "sentAt" IS NULL AND "nextAttemptAt" <= now()
      ORDER BY "createdAt" LIMIT ${batch} FOR UPDATE SKIP LOCKED)
    RETURNING id, attempts`;
  let sent = 0;
  let failed = 0;
  for (const { id, attempts: before } of due) {
    const attempts = before + 1;
    const post = await loadPost(id);
    if (!post) continue;
    try {
      await send(post);
      await db.ltiScorePost.update({ where: { id }, data: { sentAt: new Date(), attempts, lastError: null } });
      sent++;
    } catch (error) {
      if (!(error instanceof LmsError)) console.error("Cijfer naar de leeromgeving mislukt:", error);
      const lastError =
        error instanceof LmsError ? error.message : "Er ging iets mis in Gilde bij het versturen van dit cijfer.";
      await db.ltiScorePost.update({
        where: { id },
        data: { attempts, lastError, nextAttemptAt: new Date(Date.now() + nextAttemptDelay(attempts)) },
      });
      failed++;
    }
  }
  return { sent, failed };
}
