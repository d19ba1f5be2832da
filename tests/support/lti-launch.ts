// A whole LTI launch from the fake LMS, as the browser goes through it: login initiation, the platform's answer,
// the form post to /lti/launch. For the tests of the LTI services (the launch itself: lti-launch.test.ts).
import { db } from "~/db.server";
import type { FakeLtiPlatform } from "./fake-lti-platform";
import type { Client, TestApp } from "./http";

/** Registers the fake platform (its deployment accepted), linked to `cohortId`. Returns the platform's id. */
export async function registerFakePlatform(app: TestApp, lms: FakeLtiPlatform, cohortId: string | null) {
  lms.toolJwksUrl = `${app.baseUrl}/lti/jwks`;
  const row = await db.ltiPlatform.create({
    data: {
      name: `Brightspace ${lms.clientId}`,
      ...lms.registration(),
      cohortId,
      deployments: { create: [{ deploymentId: lms.deploymentId }] },
    },
  });
  return row.id;
}

export async function launchFrom(app: TestApp, lms: FakeLtiPlatform, browser: Client, target = "/modules") {
  const login = await browser.get(`/lti/login?${lms.loginInitiation(`${app.baseUrl}${target}`)}`);
  if (login.status !== 302) throw new Error(`login initiation: ${login.status} ${login.text}`);
  const answer = await lms.authorize(login.location!);
  return browser.request("/lti/launch", {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: lms.baseUrl,
      "Sec-Fetch-Site": "cross-site",
      "Sec-Fetch-Dest": "document",
    },
    body: new URLSearchParams(answer.fields).toString(),
  });
}
