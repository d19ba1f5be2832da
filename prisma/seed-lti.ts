// Demo data for the LTI tool (issue 25): one registered platform, clearly marked as a demo (no LMS behind it), linked
// to "Voorjaar 2027", with one deployment accepted and one waiting for approval, so /beheer/lti shows every part.
// The services: a demo course (context) with a roster (NRPS: trainer@, deelnemer@, deelnemer2@ in it, deelnemer3@
// "niet meer in de leeromgeving", on /beoordelen/lti/<cohort>), a line item with a score that arrived and one that
// keeps failing (AGS: shown on /beheer/lti). The background job tries the failing one again against the demo
// address, which does not exist, so it stays in the list with a Dutch reason. And a Moodle that registered itself
// through LTI Dynamic Registration (/lti/register) and waits on /beheer/lti for the admin to approve or refuse it.
import { findAssignment, getCourse } from "../app/content/course.server";
import { db } from "../app/db.server";

export async function seedLtiDemo(now = new Date()) {
  const cohort = await db.cohort.findFirstOrThrow({ where: { name: "Voorjaar 2027" }, select: { id: true } });
  const platform = await db.ltiPlatform.create({
    data: {
      name: "Demo-leeromgeving (Brightspace, niet echt)",
      issuer: "https://brightspace.demo.gilde.test",
      clientId: "gilde-demo-client",
      authLoginUrl: "https://brightspace.demo.gilde.test/d2l/lti/authenticate",
      accessTokenUrl: "https://auth.brightspace.demo.gilde.test/core/connect/token",
      jwksUrl: "https://brightspace.demo.gilde.test/d2l/.well-known/jwks",
      cohortId: cohort.id,
      isDemo: true,
      createdAt: now,
      deployments: {
        create: [
          { deploymentId: "demo-cursus-creative-communities", status: "ACTIVE", createdAt: now },
          {
            deploymentId: "demo-cursus-wijkgericht-werken",
            status: "PENDING",
            createdAt: new Date(now.getTime() - 2 * 60 * 60 * 1000),
          },
        ],
      },
    },
    select: { id: true },
  });
  await seedLtiServicesDemo(platform.id, now);
  await db.ltiPlatform.create({
    data: {
      name: "Moodle (moodle.demo.gilde.test)",
      issuer: "https://moodle.demo.gilde.test",
      clientId: "Xq7demoMoodle41",
      authLoginUrl: "https://moodle.demo.gilde.test/mod/lti/auth.php",
      accessTokenUrl: "https://moodle.demo.gilde.test/mod/lti/token.php",
      jwksUrl: "https://moodle.demo.gilde.test/mod/lti/certs.php",
      status: "PENDING",
      productFamily: "moodle",
      registeredDynamically: true,
      isDemo: true,
      createdAt: new Date(now.getTime() - 30 * 60 * 1000),
      deployments: { create: [{ deploymentId: "3", createdAt: now }] },
    },
  });
}

const DEMO_LMS = "https://brightspace.demo.gilde.test/d2l/api/lti/ags/2.0/deployment/demo-cursus-creative-communities";
const MEMBERS = [
  { email: "trainer@gilde.test", role: "trainer", inLms: true },
  { email: "deelnemer@gilde.test", role: "participant", inLms: true },
  { email: "deelnemer2@gilde.test", role: "participant", inLms: true },
  { email: "deelnemer3@gilde.test", role: "participant", inLms: false },
];

async function seedLtiServicesDemo(platformId: string, now: Date) {
  const hours = (n: number) => new Date(now.getTime() - n * 60 * 60 * 1000);
  const context = await db.ltiContext.create({
    data: {
      platformId,
      contextId: "demo-course-6606",
      title: "Creative Communities (demo-cursus)",
      lineItemsUrl: `${DEMO_LMS}/orgunit/6606/lineitems?type=gilde`,
      agsScopes: [
        "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
        "https://purl.imsglobal.org/spec/lti-ags/scope/score",
      ],
      membershipsUrl: "https://brightspace.demo.gilde.test/d2l/api/lti/nrps/2.0/orgunit/6606/memberships",
      rosterSyncedAt: hours(20),
      updatedAt: hours(20),
    },
  });
  const identities = new Map<string, string>();
  for (const [index, member] of MEMBERS.entries()) {
    const user = await db.user.findUniqueOrThrow({ where: { email: member.email }, select: { id: true } });
    const identity = await db.ltiIdentity.create({
      data: {
        platformId,
        sub: `demo-lms-${1000 + index}`,
        userId: user.id,
        createdAt: hours(48),
        lastLaunchAt: hours(3),
      },
    });
    identities.set(member.email, identity.id);
    await db.ltiContextMember.create({
      data: {
        contextId: context.id,
        identityId: identity.id,
        role: member.role,
        inLms: member.inLms,
        seenAt: hours(20),
      },
    });
  }
  const first = getCourse().modules[0]?.assignments[0];
  const found = first && findAssignment(first.slug);
  if (!found) return;
  const rubric = found.assignment.frontmatter.rubric;
  const scoreMaximum = rubric.reduce((sum, c) => sum + Math.max(...c.levels.map((l) => l.score)), 0);
  const scoreGiven = rubric.reduce((sum, c) => sum + c.passLevel, 0);
  await db.ltiLineItem.create({
    data: {
      contextId: context.id,
      resourceId: first.slug,
      url: `${DEMO_LMS}/orgunit/6606/lineitems/41?type=gilde`,
      scoreMaximum,
    },
  });
  const score = {
    contextId: context.id,
    resourceId: first.slug,
    label: found.assignment.frontmatter.title,
    scoreGiven,
    scoreMaximum,
    comment: "voldaan",
    activityProgress: "Completed",
    gradingProgress: "FullyGraded",
  };
  await db.ltiScorePost.create({
    data: {
      ...score,
      identityId: identities.get("deelnemer@gilde.test")!,
      scoredAt: hours(26),
      attempts: 1,
      sentAt: hours(26),
    },
  });
  await db.ltiScorePost.create({
    data: {
      ...score,
      identityId: identities.get("deelnemer2@gilde.test")!,
      scoredAt: hours(5),
      attempts: 4,
      lastError:
        "De leeromgeving gaf Gilde geen toegang (token geweigerd, HTTP 401). Controleer de client id en het token-adres.",
      nextAttemptAt: new Date(now.getTime() + 30 * 60 * 1000),
      createdAt: hours(5),
    },
  });
}
