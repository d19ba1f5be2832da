// Deep Linking: a teacher in the LMS asks (an LtiDeepLinkingRequest launch, checked by the same launch code) to
// place parts of Gilde in their course. Gilde keeps the request server-side (single use, 30 minutes), shows the
// modules and assignments to tick on /lti/deep-link, and answers with an LtiDeepLinkingResponse JWT signed with the
// tool's key (iss = our client id, aud = the platform's issuer), posted to the platform's deep_link_return_url by
// a small self-submitting page. Each chosen item is an ltiResourceLink whose custom `gilde_doel` the launch reads.
import { audit } from "~/audit/audit.server";
import { randomToken, sha256 } from "~/auth/tokens.server";
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";
import { LTI_CLAIM, type LaunchClaims } from "./claims";
import { signAsTool } from "./keys.server";
import { platformOrigins } from "./platforms.server";

const LIFETIME_MS = 30 * 60 * 1000;
const GONE =
  "Dit verzoek uit de leeromgeving is verlopen of al afgehandeld. Kies in de cursus opnieuw ‘Gilde toevoegen’.";

export type DeepLinkChoice = { path: string; title: string; assignments: { path: string; title: string }[] };

/** What a teacher can place: every module, with its assignments. */
function deepLinkChoices(): DeepLinkChoice[] {
  return getCourse().modules.map((module) => ({
    path: `/modules/${module.slug}`,
    title: module.frontmatter.title,
    assignments: module.assignments.map((a) => ({ path: `/opdrachten/${a.slug}`, title: a.frontmatter.title })),
  }));
}

function titleOf(path: string): string | undefined {
  for (const module of deepLinkChoices()) {
    if (module.path === path) return module.title;
    const assignment = module.assignments.find((a) => a.path === path);
    if (assignment) return assignment.title;
  }
  return undefined;
}

/** Keeps a checked deep-linking request; returns where the teacher goes to choose. */
export async function startDeepLink(
  platformId: string,
  claims: LaunchClaims,
  userId: string,
  isTeacher: boolean,
  now: Date,
): Promise<string> {
  if (!isTeacher)
    throw new RefusedError(
      "Alleen docenten kunnen onderdelen van Gilde in een cursus plaatsen. Vraag de docent van de cursus om dit te doen.",
      403,
    );
  const settings = claims[LTI_CLAIM.deepLinking]!;
  const token = randomToken();
  await db.ltiDeepLinkRequest.create({
    data: {
      tokenHash: sha256(token),
      platformId,
      deploymentId: claims[LTI_CLAIM.deploymentId],
      returnUrl: settings.deep_link_return_url,
      data: settings.data ?? null,
      userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + LIFETIME_MS),
    },
  });
  return `/lti/deep-link?${new URLSearchParams({ verzoek: token })}`;
}

async function openRequest(token: string, userId: string, now: Date) {
  const request = await db.ltiDeepLinkRequest.findUnique({
    where: { tokenHash: sha256(token) },
    include: { platform: { select: { id: true, name: true, issuer: true, clientId: true } } },
  });
  // Someone else's request is as unknown as a made-up one.
  if (!request || request.userId !== userId || request.expiresAt <= now) throw new RefusedError(GONE, 404);
  return request;
}

/** The request of the signed-in teacher, for the picker page. */
export async function deepLinkPicker(token: string, userId: string, now = new Date()) {
  const request = await openRequest(token, userId, now);
  return { platform: request.platform.name, choices: deepLinkChoices() };
}

/** Keeps what the teacher ticked (only paths Gilde offers). */
export async function chooseDeepLinks(token: string, userId: string, paths: string[], now = new Date()) {
  await openRequest(token, userId, now);
  const chosen = [...new Set(paths)].filter((path) => titleOf(path) !== undefined);
  if (chosen.length === 0)
    throw new RefusedError("Kies minstens één module of opdracht om in de cursus te plaatsen.", 400, {
      kies: "Kies minstens één module of opdracht.",
    });
  await db.ltiDeepLinkRequest.update({ where: { tokenHash: sha256(token) }, data: { chosen } });
}

/** The signed answer for the platform, and where it goes; the request is used up. */
export async function deepLinkAnswer(token: string, actor: { id: string; email: string }, baseUrl: string) {
  const request = await openRequest(token, actor.id, new Date());
  if (request.chosen.length === 0) throw new RefusedError(GONE, 404);
  const used = await db.ltiDeepLinkRequest.deleteMany({ where: { tokenHash: request.tokenHash } });
  if (used.count === 0) throw new RefusedError(GONE, 404);
  const items = request.chosen.map((path) => ({
    type: "ltiResourceLink",
    title: titleOf(path) ?? "Gilde",
    url: `${baseUrl}${path}`,
    custom: { gilde_doel: path },
  }));
  const jwt = await signAsTool({
    iss: request.platform.clientId,
    aud: request.platform.issuer,
    nonce: randomToken(),
    [LTI_CLAIM.messageType]: "LtiDeepLinkingResponse",
    [LTI_CLAIM.version]: "1.3.0",
    [LTI_CLAIM.deploymentId]: request.deploymentId,
    "https://purl.imsglobal.org/spec/lti-dl/claim/content_items": items,
    ...(request.data !== null ? { "https://purl.imsglobal.org/spec/lti-dl/claim/data": request.data } : {}),
  });
  await audit(db, {
    action: "lti.deep-link",
    actor,
    subjectId: request.platform.id,
    summary: `In ${request.platform.name} geplaatst: ${items.map((i) => i.title).join(", ")}.`,
  });
  return {
    returnUrl: request.returnUrl,
    jwt,
    titles: items.map((i) => i.title),
    frameAncestors: await platformOrigins({ id: request.platform.id }),
  };
}
