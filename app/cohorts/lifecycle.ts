// A cohort's life (issue 19): concept → gepubliceerd → intake gesloten (and back) → lopend → afgerond. Pure rules,
// shared by the server and the admin's page: which step may follow which, what publishing needs, who may see it.
import type { CohortStatus } from "@prisma/client";
import { COHORT_STATUS_LABELS } from "~/format";

export type { CohortStatus };

/** The steps the admin may take from each status. */
export const NEXT_STATUSES: Record<CohortStatus, CohortStatus[]> = {
  CONCEPT: ["PUBLISHED"],
  PUBLISHED: ["INTAKE_CLOSED", "RUNNING"],
  INTAKE_CLOSED: ["PUBLISHED", "RUNNING"],
  RUNNING: ["FINISHED"],
  FINISHED: [],
};

/** Statuses in which a cohort is visible to the public (catalogue, cohort page, intake page). */
export const PUBLIC_STATUSES: CohortStatus[] = ["PUBLISHED", "INTAKE_CLOSED", "RUNNING", "FINISHED"];

/** Whether anyone but the admin may see this cohort: everything except a concept. */
export function isPublic(cohort: { status: CohortStatus }): boolean {
  return PUBLIC_STATUSES.includes(cohort.status);
}

/** The one rule for "can I apply now": published, and not yet started. */
export function intakeIsOpen(cohort: { status: CohortStatus; startsOn: Date | string }, now = new Date()): boolean {
  return cohort.status === "PUBLISHED" && new Date(cohort.startsOn) > now;
}

export type PublishFacts = {
  location: string;
  rhythm: string;
  startsOn: Date | string;
  endsOn: Date | string;
  priceCents: number;
  trainers: number;
};

/** What is still missing before a cohort may be published, in Dutch, one line each (empty: ready). */
export function publishGaps(cohort: PublishFacts, now = new Date()): string[] {
  const gaps: string[] = [];
  if (!cohort.location.trim()) gaps.push("de plaats (een adres, of ‘online’)");
  if (!cohort.rhythm.trim()) gaps.push("het ritme (bijvoorbeeld: om de twee weken op dinsdag)");
  const startsOn = new Date(cohort.startsOn);
  if (startsOn <= now) gaps.push("een startdatum in de toekomst");
  if (new Date(cohort.endsOn) <= startsOn) gaps.push("een einddatum na de startdatum");
  if (cohort.priceCents <= 0) gaps.push("een prijs hoger dan € 0");
  if (cohort.trainers < 1) gaps.push("minstens één trainer");
  return gaps;
}

/** Why this step is not allowed (null when it is). */
export function transitionRefusal(from: CohortStatus, to: CohortStatus): string | null {
  if (from === to) return `De groep is al ‘${COHORT_STATUS_LABELS[to]}’.`;
  if (NEXT_STATUSES[from].includes(to)) return null;
  const allowed = NEXT_STATUSES[from].map((s) => `‘${COHORT_STATUS_LABELS[s]}’`);
  return (
    `Een groep die ‘${COHORT_STATUS_LABELS[from]}’ is, kan niet naar ‘${COHORT_STATUS_LABELS[to]}’. ` +
    (allowed.length ? `Wel naar ${allowed.join(" of ")}.` : "Dit is de laatste stap.")
  );
}

/** The button for each step, in words the admin uses. */
export const TRANSITION_LABELS: Record<CohortStatus, string> = {
  CONCEPT: "Terug naar concept",
  PUBLISHED: "Publiceren",
  INTAKE_CLOSED: "Intake sluiten",
  RUNNING: "Groep is gestart",
  FINISHED: "Groep afronden",
};
