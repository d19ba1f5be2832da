// One line of the agenda: a contact day, a deadline or a peer-review deadline, as the page, the feed and the
// single-event download all read it. Pure, so the order and the identifiers are unit-tested.

export type AgendaKind = "contact-day" | "deadline" | "peer-review";

export type AgendaEvent = {
  /** Stable across changes: a calendar app replaces the event with this UID. */
  uid: string;
  kind: AgendaKind;
  title: string;
  startsAt: Date;
  endsAt: Date;
  /** Higher when the moment moved: calendar apps keep the highest. */
  sequence: number;
  cohortName: string;
  place?: string;
  description?: string;
  /** Absolute address of the place in Gilde where it is done. */
  url?: string;
};

const UID_DOMAIN = "gilde.app";

export const contactDayUid = (id: string) => `contactdag-${id}@${UID_DOMAIN}`;
export const deadlineUid = (cohortId: string, slug: string) => `deadline-${cohortId}-${slug}@${UID_DOMAIN}`;
export const peerReviewUid = (cohortId: string, slug: string) => `peerfeedback-${cohortId}-${slug}@${UID_DOMAIN}`;

/** The part of a UID before the domain: the file name of its download. */
export const eventFileName = (uid: string) => uid.split("@")[0] ?? uid;

// Seconds since 2026 fit a SEQUENCE (a 32-bit integer) for decades and only grow when a deadline is changed.
const SEQUENCE_EPOCH = Date.UTC(2026, 0, 1);

/** A SEQUENCE for a row that keeps no counter of its own: its last change, in seconds. */
export function sequenceFromChange(changedAt: Date): number {
  return Math.max(0, Math.floor((changedAt.getTime() - SEQUENCE_EPOCH) / 1000));
}

/** Soonest first; at the same moment, contact days before deadlines, then by title. */
export function sortEvents(events: AgendaEvent[]): AgendaEvent[] {
  const rank: Record<AgendaKind, number> = { "contact-day": 0, deadline: 1, "peer-review": 2 };
  return [...events].sort(
    (a, b) =>
      a.startsAt.getTime() - b.startsAt.getTime() ||
      rank[a.kind] - rank[b.kind] ||
      a.title.localeCompare(b.title, "nl"),
  );
}
