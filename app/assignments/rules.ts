// Deadlines, lateness, extensions and the status a participant sees. Pure: the same rules for pages and tests.
export type Schedule = { dueAt: Date | null; closed: boolean } | null;
export type SubmissionState = { status: "SUBMITTED" | "RETURNED" | "PASSED" | "FAILED" } | null;

export type AssignmentStatus = "open" | "concept" | "ingeleverd" | "herziening" | "voldaan" | "niet-voldaan";

export const STATUS_LABELS: Record<AssignmentStatus, string> = {
  open: "Nog niet begonnen",
  concept: "Concept",
  ingeleverd: "Ingeleverd, in beoordeling",
  herziening: "Teruggegeven voor herziening",
  voldaan: "Voldaan",
  "niet-voldaan": "Niet voldaan",
};

/** The deadline that counts for this participant: their extension when they have one. */
export function effectiveDue(schedule: Schedule, extensionDueAt: Date | null): Date | null {
  return extensionDueAt ?? schedule?.dueAt ?? null;
}

export function isLate(handedInAt: Date, due: Date | null): boolean {
  return due !== null && handedInAt.getTime() > due.getTime();
}

export function assignmentStatus(submission: SubmissionState, hasDraftText: boolean): AssignmentStatus {
  switch (submission?.status) {
    case "SUBMITTED":
      return "ingeleverd";
    case "RETURNED":
      return "herziening";
    case "PASSED":
      return "voldaan";
    case "FAILED":
      return "niet-voldaan";
    default:
      return hasDraftText ? "concept" : "open";
  }
}

/** Why the participant cannot hand in (or edit) now, or null when they can. Late is allowed, closed is not. */
export function handInBlocked(schedule: Schedule | { closed: boolean }, submission: SubmissionState): string | null {
  if (schedule?.closed) return "Deze opdracht is gesloten door je trainer: je kunt niet meer inleveren of bewerken.";
  if (submission?.status === "SUBMITTED") return "Je hebt deze opdracht al ingeleverd. Je trainer bekijkt hem.";
  if (submission?.status === "PASSED" || submission?.status === "FAILED") return "Deze opdracht is al beoordeeld.";
  return null;
}

/** Which reminder is due now for a deadline: three days or one day before it. */
export function reminderDue(due: Date, now: Date): "3d" | "1d" | null {
  const hours = (due.getTime() - now.getTime()) / 3_600_000;
  if (hours <= 0) return null;
  if (hours <= 24) return "1d";
  if (hours <= 72) return "3d";
  return null;
}
