// Step two of an LTI 1.3 launch (/lti/launch, the redirect URI): the platform posts id_token and state. The state
// must be one we made (server-side, single use) and belong to this browser: the partitioned state cookie shows it,
// or, where the browser blocks that cookie in the LMS frame, the state read back from the platform's storage
// (LTI Platform Storage, postMessage). Then the token is checked, the deployment must be known, and the person
// gets their account and a session.
import { Prisma } from "@prisma/client";
import { audit } from "~/audit/audit.server";
import { createSession } from "~/auth/session.server";
import { constantTimeEqual, sha256 } from "~/auth/tokens.server";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";
import { accountForLaunch } from "./accounts.server";
import { recordLaunchContext } from "./contexts.server";
import { startDeepLink } from "./deep-link.server";
import { landingPath, LTI_CLAIM } from "./claims";
import { verifyIdToken } from "./id-token.server";
import { PLATFORM_PENDING } from "./login.server";

export const STATE_MISSING =
  "Je browser gaf de gegevens van deze start niet terug aan Gilde (dat gebeurt als cookies van andere sites binnen de leeromgeving geblokkeerd zijn). Open Gilde in een nieuw venster vanuit de cursus, of sta cookies voor Gilde toe.";
const STATE_UNKNOWN =
  "Deze start vanuit de leeromgeving is verlopen of al gebruikt. Start Gilde opnieuw vanuit de cursus.";
const DEPLOYMENT_PENDING =
  "Deze cursus is nog niet aan Gilde gekoppeld: de beheerder van Gilde moet de koppeling eerst goedkeuren. Dat verzoek staat nu voor haar klaar; probeer het later opnieuw.";

export type LaunchInput = {
  idToken: string;
  state: string;
  /** The state from the partitioned cookie set by /lti/login, if the browser sent it back. */
  cookieState: string | null;
  /** The state read back from the platform's storage by the fallback page, if it ran. */
  storageState: string | null;
  framed: boolean;
  clientIp: string;
  userAgent: string;
};

export type LaunchOutcome =
  | { kind: "needs-storage"; platformOrigin: string }
  | {
      kind: "launched";
      session: { token: string; expiresAt: Date };
      landing: string;
      framed: boolean;
      platformId: string;
    };

function sameSecret(a: string | null, b: string) {
  return a !== null && constantTimeEqual(sha256(a), sha256(b));
}

export async function completeLaunch(
  input: LaunchInput,
  ownOrigin: string,
  { storageTarget, now = new Date() }: { storageTarget: string | null; now?: Date },
): Promise<LaunchOutcome> {
  const stateHash = sha256(input.state);
  const login = await db.ltiLoginState.findUnique({
    where: { stateHash },
    select: {
      nonce: true,
      expiresAt: true,
      userId: true,
      platform: {
        select: {
          id: true,
          name: true,
          issuer: true,
          clientId: true,
          jwksUrl: true,
          authLoginUrl: true,
          cohortId: true,
          status: true,
        },
      },
    },
  });
  if (!login || login.expiresAt <= now) throw new RefusedError(STATE_UNKNOWN, 400);
  const bound = sameSecret(input.cookieState, input.state) || sameSecret(input.storageState, input.state);
  if (!bound) {
    // No cookie: the fallback page asks the platform's storage, then posts again with what it read.
    if (storageTarget && input.storageState === null)
      return { kind: "needs-storage", platformOrigin: new URL(login.platform.authLoginUrl).origin };
    throw new RefusedError(STATE_MISSING, 400);
  }
  // Single use, even when what follows refuses.
  const used = await db.ltiLoginState.deleteMany({ where: { stateHash } });
  if (used.count === 0) throw new RefusedError(STATE_UNKNOWN, 400);

  const platform = login.platform;
  // A login begun before the platform lost its approval does not finish either.
  if (platform.status !== "ACTIVE") throw new RefusedError(PLATFORM_PENDING, 403);
  const claims = await verifyIdToken(input.idToken, platform, now);
  if (claims.nonce !== login.nonce) throw new RefusedError(STATE_UNKNOWN, 400);
  try {
    await db.ltiUsedNonce.create({ data: { platformId: platform.id, nonce: claims.nonce, usedAt: now } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new RefusedError(STATE_UNKNOWN, 400);
    throw error;
  }

  const deploymentId = claims[LTI_CLAIM.deploymentId];
  const deployment = await db.ltiDeployment.upsert({
    where: { platformId_deploymentId: { platformId: platform.id, deploymentId } },
    create: { platformId: platform.id, deploymentId, status: "PENDING", createdAt: now },
    update: {},
    select: { status: true },
  });
  if (deployment.status !== "ACTIVE") throw new RefusedError(DEPLOYMENT_PENDING, 403);

  const { user, created, role, identityId } = await accountForLaunch(platform, claims, login.userId, now);
  await recordLaunchContext(platform.id, identityId, claims, role, now);
  // A deep-linking request goes to the picker (teachers only, refused before any session is made).
  const landing =
    claims[LTI_CLAIM.messageType] === "LtiDeepLinkingRequest"
      ? await startDeepLink(platform.id, claims, user.id, role === "trainer", now)
      : landingPath(claims, ownOrigin);
  const session = await createSession(user.id, now, input.userAgent);
  if (input.framed) {
    const [sessionId] = session.token.split(".");
    await db.ltiSessionFrame.create({ data: { sessionId: sessionId!, platformId: platform.id } });
  }
  await audit(
    db,
    {
      action: "lti.launch",
      actor: user,
      subjectId: platform.id,
      summary: `Gestart vanuit ${platform.name}${created ? " (nieuw account)" : ""}, als ${role === "trainer" ? "trainer" : role === "participant" ? "deelnemer" : "gast"}.`,
      ip: input.clientIp,
    },
    now,
  );
  return {
    kind: "launched",
    session,
    landing,
    framed: input.framed,
    platformId: platform.id,
  };
}
