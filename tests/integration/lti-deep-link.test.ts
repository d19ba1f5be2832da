// Deep Linking (issue 25): a teacher chooses "Gilde toevoegen" in the LMS; the LtiDeepLinkingRequest launch is
// checked like any launch, the teacher ticks modules and assignments, and Gilde answers with a signed
// LtiDeepLinkingResponse that the platform verifies against /lti/jwks, with the chosen items and its data echoed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import { createCohort, uniqueEmail } from "../support/factories";
import { FakeLtiPlatform, ROLE } from "../support/fake-lti-platform";
import { startTestApp, type Client, type TestApp } from "../support/http";
import { at } from "../support/indexed";
import { launchFrom, registerFakePlatform } from "../support/lti-launch";

let app: TestApp;
let lms: FakeLtiPlatform;

beforeAll(async () => {
  app = await startTestApp();
  lms = await new FakeLtiPlatform().start();
  await registerFakePlatform(app, lms, (await createCohort("DL-groep")).id);
  lms.messageType = "LtiDeepLinkingRequest";
});
afterAll(async () => {
  await lms.stop();
  await app.close();
});
beforeEach(() => {
  lms.person = {
    sub: `dl-${Math.random()}`,
    email: uniqueEmail("docent"),
    name: "Dora Docent",
    roles: [ROLE.instructor],
  };
});

const module = () => at(getCourse().modules, 0);
const assignment = () => at(module().assignments, 0);

function choose(browser: Client, verzoek: string, paths: string[]) {
  const body = new URLSearchParams({ verzoek });
  for (const path of paths) body.append("kies", path);
  // The form posts to its own address, the query string kept (as Remix's <Form> does).
  return browser.request(`/lti/deep-link?${new URLSearchParams({ verzoek })}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.baseUrl },
    body: body.toString(),
  });
}

describe("placing Gilde in an LMS course", () => {
  it("lets the teacher tick modules and assignments and answers the platform with a signed response", async () => {
    const browser = app.client();
    const launched = await launchFrom(app, lms, browser, "/lti/deep-link");
    expect(launched.status, launched.text).toBe(303);
    expect(launched.location).toMatch(/^\/lti\/deep-link\?verzoek=/);
    const verzoek = new URL(launched.location!, app.baseUrl).searchParams.get("verzoek")!;

    const picker = await browser.get(launched.location!);
    expect(picker.status).toBe(200);
    expect(picker.text).toContain(`Module: ${module().frontmatter.title}`);
    expect(picker.text).toContain(`Opdracht: ${assignment().frontmatter.title}`);

    const none = await choose(browser, verzoek, []);
    expect(none.status).toBe(400);
    expect(none.text).toContain("Kies minstens één module of opdracht.");

    const chosen = await choose(browser, verzoek, [`/modules/${module().slug}`, `/opdrachten/${assignment().slug}`]);
    expect(chosen.status).toBe(302);
    const answer = await browser.get(chosen.location!);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("Content-Security-Policy")).toContain(`form-action ${lms.baseUrl}`);
    expect(answer.html).toContain(`action="${lms.deepLinkReturnUrl}"`);
    const jwt = /name="JWT" value="([^"]+)"/.exec(answer.html)![1]!;

    const claims = await lms.verifyDeepLinkResponse(jwt);
    expect(claims["https://purl.imsglobal.org/spec/lti/claim/message_type"]).toBe("LtiDeepLinkingResponse");
    expect(claims["https://purl.imsglobal.org/spec/lti/claim/deployment_id"]).toBe(lms.deploymentId);
    expect(claims["https://purl.imsglobal.org/spec/lti-dl/claim/data"]).toBe(lms.deepLinkData);
    expect(claims["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"]).toEqual([
      {
        type: "ltiResourceLink",
        title: module().frontmatter.title,
        url: `${app.baseUrl}/modules/${module().slug}`,
        custom: { gilde_doel: `/modules/${module().slug}` },
      },
      {
        type: "ltiResourceLink",
        title: assignment().frontmatter.title,
        url: `${app.baseUrl}/opdrachten/${assignment().slug}`,
        custom: { gilde_doel: `/opdrachten/${assignment().slug}` },
      },
    ]);

    // Used once: the same address again says it in Dutch.
    const again = await browser.get(chosen.location!);
    expect(again.status).toBe(404);
    expect(again.text).toContain("verlopen of al afgehandeld");
  });

  it("refuses a learner, and nobody else can open a teacher's request", async () => {
    lms.person = { ...lms.person, roles: [ROLE.learner], email: uniqueEmail("student") };
    const refused = await launchFrom(app, lms, app.client(), "/lti/deep-link");
    expect(refused.status).toBe(403);
    expect(refused.text).toContain("Alleen docenten kunnen onderdelen van Gilde in een cursus plaatsen");
    const learner = await db.user.findUniqueOrThrow({ where: { email: lms.person.email! } });
    expect(await db.ltiDeepLinkRequest.count({ where: { userId: learner.id } })).toBe(0);

    lms.person = { sub: `dl-${Math.random()}`, email: uniqueEmail("docent"), name: "Dora", roles: [ROLE.instructor] };
    const teacher = await launchFrom(app, lms, app.client(), "/lti/deep-link");
    lms.person = { sub: `dl-${Math.random()}`, email: uniqueEmail("docent"), name: "Ander", roles: [ROLE.instructor] };
    const other = app.client();
    await launchFrom(app, lms, other, "/lti/deep-link");
    const stolen = await other.get(teacher.location!);
    expect(stolen.status).toBe(404);
    expect(stolen.text).toContain("verlopen of al afgehandeld");
  });
});
