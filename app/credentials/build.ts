// The unsigned Open Badges 3.0 credential for one completion: pure, so tests can change any field and see the
// signature break. Contexts in the order OB 3.0 requires: VC 2.0, then OB 3.0.3.
import { OB_CONTEXT_URL, VC_V2_CONTEXT_URL } from "./context-urls";

export type CredentialFacts = {
  id: string;
  issuedAt: Date;
  issuer: { id: string; name: string; url: string; email: string };
  recipient: { name: string; emailHash: string; salt: string };
  cohort: { name: string; startsOn: Date; completedAt: Date };
  course: {
    title: string;
    level: string;
    ec: number;
    hours: number;
    achievementUrl: string;
    goals: { module: string; text: string; url: string }[];
  };
  status: { listUrl: string; index: number };
};

/** Whole seconds, as most verifiers expect an XML Schema dateTime. */
export const isoSeconds = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

const COMPLETION_RULE =
  "Alle verplichte opdrachten van de leergang zijn door een trainer als voldaan beoordeeld, de deelnemer heeft de gevraagde peerfeedback gegeven, en de trainer heeft de afronding bevestigd.";

export function buildCredential(facts: CredentialFacts) {
  const { issuer, recipient, cohort, course, status } = facts;
  return {
    "@context": [VC_V2_CONTEXT_URL, OB_CONTEXT_URL],
    id: `urn:uuid:${facts.id}`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: `Certificaat ${course.title}`,
    issuer: {
      id: issuer.id,
      type: ["Profile"],
      name: issuer.name,
      url: issuer.url,
      ...(issuer.email ? { email: issuer.email } : {}),
    },
    validFrom: isoSeconds(facts.issuedAt),
    credentialSubject: {
      type: ["AchievementSubject"],
      identifier: [
        {
          type: "IdentityObject",
          identityHash: `sha256$${recipient.emailHash}`,
          identityType: "emailAddress",
          hashed: true,
          salt: recipient.salt,
        },
        { type: "IdentityObject", identityHash: recipient.name, identityType: "name", hashed: false },
      ],
      activityStartDate: isoSeconds(cohort.startsOn),
      activityEndDate: isoSeconds(cohort.completedAt),
      creditsEarned: course.ec,
      term: cohort.name,
      achievement: {
        id: course.achievementUrl,
        type: ["Achievement"],
        achievementType: "Certificate",
        name: course.title,
        description: `Leergang ${course.title} (${course.level}), studielast ${course.hours} uur (${course.ec} EC), gevolgd in de groep ${cohort.name}.`,
        criteria: { narrative: COMPLETION_RULE },
        creditsAvailable: course.ec,
        inLanguage: "nl",
        alignment: course.goals.map((goal) => ({
          type: ["Alignment"],
          targetName: goal.text,
          targetDescription: `Leerdoel van de module ${goal.module}`,
          targetType: "ceasn:Competency",
          targetUrl: goal.url,
        })),
      },
    },
    credentialStatus: {
      id: `${status.listUrl}#${status.index}`,
      type: "BitstringStatusListEntry",
      statusPurpose: "revocation",
      statusListIndex: String(status.index),
      statusListCredential: status.listUrl,
    },
  };
}
