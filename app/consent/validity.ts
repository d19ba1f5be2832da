// When a consent counts: given, not withdrawn, not past its end. Everything a consent covers is shown only while one
// for the right purpose counts, so a withdrawal or an expiry hides it everywhere at the same moment.
import type { ConsentPurpose, Prisma } from "@prisma/client";

export function validConsent(purpose: ConsentPurpose, now = new Date()) {
  return { purpose, withdrawnAt: null, expiresAt: { gt: now } } satisfies Prisma.ConsentWhereInput;
}

/** Resident feedback that may be shown: its consent for the assessment counts. */
export function visibleFeedback(now = new Date()) {
  return { consents: { some: validConsent("ASSESSMENT", now) } } satisfies Prisma.ResidentFeedbackWhereInput;
}

/** A practice case that may be shown: not withdrawn, not waiting, and everyone named in it still agrees. */
export function visibleCase(now = new Date()) {
  return {
    withdrawnAt: null,
    awaitingConsent: false,
    subjects: { none: { consents: { none: validConsent("LIBRARY", now) } } },
  } satisfies Prisma.PracticeCaseWhereInput;
}

/** A case none of whose named people took their consent back (also the author's own export leaves those out). */
export function notWithdrawnBySubject() {
  return {
    NOT: { subjects: { some: { consents: { some: { purpose: "LIBRARY", withdrawnAt: { not: null } } } } } },
  } satisfies Prisma.PracticeCaseWhereInput;
}

/** The same rule for a raw SQL query on "PracticeCase" (the full-text search): `$n` is the moment. */
export function visibleCaseSql(nowParam: string): string {
  return `"withdrawnAt" IS NULL AND "awaitingConsent" = false AND NOT EXISTS (SELECT 1 FROM "CaseSubject" s WHERE s."caseId" = "PracticeCase".id AND NOT EXISTS (SELECT 1 FROM "Consent" c WHERE c."subjectId" = s.id AND c.purpose = 'LIBRARY' AND c."withdrawnAt" IS NULL AND c."expiresAt" > ${nowParam}))`;
}

export type ConsentState = "given" | "expiring" | "withdrawn" | "expired";

const EXPIRING_DAYS = 30;

export function consentState(consent: { withdrawnAt: Date | null; expiresAt: Date }, now = new Date()): ConsentState {
  if (consent.withdrawnAt) return "withdrawn";
  if (consent.expiresAt <= now) return "expired";
  return consent.expiresAt.getTime() - now.getTime() < EXPIRING_DAYS * 86_400_000 ? "expiring" : "given";
}

export const CONSENT_STATE_LABELS: Record<ConsentState, string> = {
  given: "gegeven",
  expiring: "loopt binnenkort af",
  withdrawn: "ingetrokken",
  expired: "verlopen",
};
