// What an LTI 1.3 launch says, read once with zod, and the pure decisions made from it: which Gilde role the LMS
// roles mean, and where in Gilde the person lands.
import { z } from "zod";

export const LTI_CLAIM = {
  messageType: "https://purl.imsglobal.org/spec/lti/claim/message_type",
  version: "https://purl.imsglobal.org/spec/lti/claim/version",
  deploymentId: "https://purl.imsglobal.org/spec/lti/claim/deployment_id",
  targetLinkUri: "https://purl.imsglobal.org/spec/lti/claim/target_link_uri",
  resourceLink: "https://purl.imsglobal.org/spec/lti/claim/resource_link",
  roles: "https://purl.imsglobal.org/spec/lti/claim/roles",
  custom: "https://purl.imsglobal.org/spec/lti/claim/custom",
  context: "https://purl.imsglobal.org/spec/lti/claim/context",
  ags: "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint",
  nrps: "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
  deepLinking: "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings",
} as const;

export const LaunchClaims = z
  .object({
    sub: z.string().min(1).max(255),
    nonce: z.string().min(1),
    azp: z.string().optional(),
    aud: z.union([z.string(), z.array(z.string())]),
    name: z.string().max(200).optional(),
    given_name: z.string().max(100).optional(),
    family_name: z.string().max(100).optional(),
    email: z.string().max(254).optional(),
    [LTI_CLAIM.messageType]: z.enum(["LtiResourceLinkRequest", "LtiDeepLinkingRequest"]),
    [LTI_CLAIM.version]: z.literal("1.3.0"),
    [LTI_CLAIM.deploymentId]: z.string().min(1).max(255),
    [LTI_CLAIM.targetLinkUri]: z.string().min(1),
    // Every resource link launch names its link; a deep-linking request has none yet.
    [LTI_CLAIM.resourceLink]: z
      .object({ id: z.string().min(1) })
      .passthrough()
      .optional(),
    [LTI_CLAIM.roles]: z.array(z.string()),
    [LTI_CLAIM.custom]: z.record(z.unknown()).optional(),
    [LTI_CLAIM.context]: z.object({ id: z.string(), title: z.string().optional() }).passthrough().optional(),
    [LTI_CLAIM.ags]: z
      .object({ lineitems: z.string().url().optional(), scope: z.array(z.string()).default([]) })
      .passthrough()
      .optional(),
    [LTI_CLAIM.nrps]: z.object({ context_memberships_url: z.string().url() }).passthrough().optional(),
    [LTI_CLAIM.deepLinking]: z
      .object({ deep_link_return_url: z.string().url(), data: z.string().max(4000).optional() })
      .passthrough()
      .optional(),
  })
  .refine(
    (claims) =>
      claims[LTI_CLAIM.messageType] === "LtiDeepLinkingRequest"
        ? claims[LTI_CLAIM.deepLinking] !== undefined
        : claims[LTI_CLAIM.resourceLink] !== undefined,
    { path: [LTI_CLAIM.resourceLink] },
  );
export type LaunchClaims = z.infer<typeof LaunchClaims>;

/** Dutch words for what is wrong with a launch's claims (never the English of the schema). */
export function claimProblem(error: z.ZodError): string {
  const path = error.issues[0]?.path[0];
  if (path === LTI_CLAIM.messageType) return "Dit soort LTI-bericht ondersteunt Gilde (nog) niet.";
  if (path === LTI_CLAIM.version) return "Deze LTI-versie ondersteunt Gilde niet; alleen LTI 1.3.";
  if (path === "sub") return "De leeromgeving stuurde niet mee wie je bent (anonieme starts kan Gilde niet aan).";
  return "De leeromgeving stuurde onvolledige gegevens mee.";
}

const MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
const TEACHING = ["Instructor", "ContentDeveloper", "Mentor", "Administrator"];

export type LaunchRole = "trainer" | "participant" | "none";

/**
 * Instructor (and its sub-roles such as TeachingAssistant, or a course's content developer) → trainer of the linked
 * cohort; Learner → participant. Institution roles alone (`…/institution/person#…`) give no place in a cohort.
 */
export function launchRole(roles: string[]): LaunchRole {
  const context = roles
    .map((role) => (role.startsWith(MEMBERSHIP) ? role.slice(MEMBERSHIP.length) : role.includes("/") ? null : role))
    .filter((role): role is string => role !== null)
    .map((role) => role.split("#")[0]!.replace(/^Instructor\/.*/, "Instructor"));
  const subRoleOfInstructor = roles.some((role) =>
    role.startsWith("http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#"),
  );
  if (subRoleOfInstructor || context.some((role) => TEACHING.includes(role))) return "trainer";
  if (context.includes("Learner")) return "participant";
  return "none";
}

// Where a link may send someone: the course and the assignments (with their own access rules), or the start page.
const TARGET_PATHS = /^\/(modules|opdrachten)(\/[a-z0-9-]+)?\/?$/;

/**
 * The page of Gilde the link points to: the custom parameter `gilde_doel` (a path such as `/modules/01-wijk`, as
 * deep linking writes it), else the target_link_uri when it is one of our own pages. Anything else, including
 * another site, is the start page.
 */
export function landingPath(
  claims: Pick<LaunchClaims, typeof LTI_CLAIM.targetLinkUri | typeof LTI_CLAIM.custom>,
  ownOrigin: string,
): string {
  const custom = claims[LTI_CLAIM.custom]?.gilde_doel;
  if (typeof custom === "string" && TARGET_PATHS.test(custom)) return custom;
  try {
    const target = new URL(claims[LTI_CLAIM.targetLinkUri]);
    if (target.origin === new URL(ownOrigin).origin && TARGET_PATHS.test(target.pathname)) return target.pathname;
  } catch {
    // Not a URL: the start page.
  }
  return "/dashboard";
}

/** The name to show for a launched person: their full name, else given and family name, else a neutral one. */
export function displayName(claims: Pick<LaunchClaims, "name" | "given_name" | "family_name">): string {
  const full = claims.name?.trim() || [claims.given_name, claims.family_name].filter(Boolean).join(" ").trim();
  return full || "Deelnemer via de leeromgeving";
}
