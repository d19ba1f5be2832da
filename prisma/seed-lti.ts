// Demo data for the LTI tool (issue 25): one registered platform, clearly marked as a demo (no LMS behind it), linked
// to "Voorjaar 2027", with one deployment accepted and one waiting for approval, so /beheer/lti shows every part.
import { db } from "../app/db.server";

export async function seedLtiDemo(now = new Date()) {
  const cohort = await db.cohort.findFirstOrThrow({ where: { name: "Voorjaar 2027" }, select: { id: true } });
  await db.ltiPlatform.create({
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
  });
}
