// The LMS courses (contexts) launches come from: where their gradebook (AGS line items) and roster (NRPS) live,
// as the launch claims say, and who was seen in each. Brought up to date by every launch.
import { db } from "~/db.server";
import { LTI_CLAIM, type LaunchClaims, type LaunchRole } from "./claims";

export async function recordLaunchContext(
  platformId: string,
  identityId: string,
  claims: LaunchClaims,
  role: LaunchRole,
  now: Date,
) {
  const course = claims[LTI_CLAIM.context];
  if (!course) return;
  const ags = claims[LTI_CLAIM.ags];
  const nrps = claims[LTI_CLAIM.nrps];
  const services = {
    ...(ags?.lineitems ? { lineItemsUrl: ags.lineitems, agsScopes: ags.scope } : {}),
    ...(nrps ? { membershipsUrl: nrps.context_memberships_url } : {}),
  };
  const context = await db.ltiContext.upsert({
    where: { platformId_contextId: { platformId, contextId: course.id } },
    create: { platformId, contextId: course.id, title: course.title ?? "", updatedAt: now, ...services },
    update: { ...(course.title ? { title: course.title } : {}), updatedAt: now, ...services },
    select: { id: true },
  });
  await db.ltiContextMember.upsert({
    where: { contextId_identityId: { contextId: context.id, identityId } },
    create: { contextId: context.id, identityId, role, seenAt: now },
    update: { role, inLms: true, seenAt: now },
  });
}
