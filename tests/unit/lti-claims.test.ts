// LMS roles → Gilde role, and where a launch lands (issue 25).
import { describe, expect, it } from "vitest";
import { landingPath, launchRole, LTI_CLAIM } from "~/lti/claims";

const M = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

describe("launchRole", () => {
  it.each([
    [[`${M}Learner`], "participant"],
    [[`${M}Instructor`], "trainer"],
    [["http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant"], "trainer"],
    [[`${M}Learner`, `${M}Instructor`], "trainer"],
    [["Learner"], "participant"],
    [["http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor"], "none"],
    [[], "none"],
  ])("%j → %s", (roles, expected) => expect(launchRole(roles)).toBe(expected));
});

describe("landingPath", () => {
  const own = "https://gilde.example.nl";
  const claims = (target: string, custom?: Record<string, unknown>) => ({
    [LTI_CLAIM.targetLinkUri]: target,
    [LTI_CLAIM.custom]: custom,
  });
  it("follows a custom gilde_doel to a module or assignment", () =>
    expect(landingPath(claims(`${own}/dashboard`, { gilde_doel: "/modules/01-wijk" }), own)).toBe("/modules/01-wijk"));
  it("follows the target link on our own site", () =>
    expect(landingPath(claims(`${own}/opdrachten/wijkverkenning`), own)).toBe("/opdrachten/wijkverkenning"));
  it.each(["https://elders.test/modules/01-wijk", `${own}/beheer`, "geen adres", `${own}/modules/../beheer`])(
    "sends %s to the start page",
    (target) => expect(landingPath(claims(target), own)).toBe("/dashboard"),
  );
  it("ignores a custom target outside the course", () =>
    expect(landingPath(claims(own, { gilde_doel: "//elders.test" }), own)).toBe("/dashboard"));
});
