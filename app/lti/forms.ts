// The admin's forms on /beheer/lti: register a platform, accept or refuse a deployment a launch brought, remove one;
// approve (with its cohort) or refuse a platform that registered itself, or change an approved one's cohort.
import { z } from "zod";
import { requiredText } from "~/forms/fields";

const httpsUrl = (label: string) =>
  z
    .string({ required_error: `Vul ${label} in.` })
    .trim()
    .min(1, `Vul ${label} in.`)
    .max(500, `${label.charAt(0).toUpperCase()}${label.slice(1)} is te lang.`)
    .refine((value) => {
      try {
        const url = new URL(value);
        // Loopback over http is for trying out and the tests; every real LMS speaks https.
        return (
          url.protocol === "https:" || (url.protocol === "http:" && ["127.0.0.1", "localhost"].includes(url.hostname))
        );
      } catch {
        return false;
      }
    }, `Vul ${label} in als volledig https-adres, bijvoorbeeld https://leeromgeving.hogeschool.nl/…`);

const id = z.string().min(1).max(64);

export const PlatformAction = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("register"),
    name: requiredText("een naam voor de leeromgeving", 120),
    issuer: httpsUrl("de issuer"),
    clientId: requiredText("de client id", 255),
    deploymentIds: z
      .string()
      .default("")
      .transform((value) => [...new Set(value.split(/[\s,]+/).filter(Boolean))])
      .refine((ids) => ids.length <= 50, "Vul hoogstens 50 deployment ids in.")
      .refine((ids) => ids.every((one) => one.length <= 255), "Een deployment id mag hoogstens 255 tekens lang zijn."),
    authLoginUrl: httpsUrl("het autorisatie-adres"),
    accessTokenUrl: httpsUrl("het token-adres"),
    jwksUrl: httpsUrl("het JWKS-adres"),
    cohortId: z.string().max(64).optional(),
  }),
  z.object({ intent: z.literal("accept-deployment"), deploymentId: id }),
  z.object({ intent: z.literal("remove-deployment"), deploymentId: id }),
  z.object({ intent: z.literal("remove-platform"), platformId: id }),
  // A platform that registered itself (/lti/register): approve it with a cohort, or refuse it.
  z.object({ intent: z.literal("approve-platform"), platformId: id, cohortId: z.string().max(64).optional() }),
  z.object({ intent: z.literal("link-cohort"), platformId: id, cohortId: z.string().max(64).optional() }),
  z.object({ intent: z.literal("refuse-platform"), platformId: id }),
]);
export type PlatformRegistration = Extract<z.infer<typeof PlatformAction>, { intent: "register" }>;

/** The trainer's button on /beoordelen/lti/:cohortId: fetch the roster of one LMS course. */
export const RosterAction = z.object({ intent: z.literal("sync-roster"), contextId: id });

/** The teacher's choice on /lti/deep-link: one or more Gilde paths (modules, assignments). */
export const DeepLinkChoice = z.object({
  verzoek: z.string().min(1).max(100),
  kies: z
    .array(z.string().max(200), { required_error: "Kies minstens één module of opdracht." })
    .min(1, "Kies minstens één module of opdracht."),
});
