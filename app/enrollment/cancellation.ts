// The cohort's refund policy in words, for the cohort page and the intake: before the start everything back,
// after it the cohort's percentage; an accepted self-payer's seat is held for the reservation period.
import { formatCalendarDate } from "~/format";

export type RefundPolicy = { startsOn: Date | string; refundAfterStartPercent: number; reservationDays: number };

export function cancellationTerms({ startsOn, refundAfterStartPercent, reservationDays }: RefundPolicy): string[] {
  const percent = Math.min(100, Math.max(0, Math.round(refundAfterStartPercent)));
  const afterStart =
    percent === 0
      ? "Daarna is er geen restitutie."
      : percent === 100
        ? "Ook daarna krijg je het hele bedrag terug."
        : `Daarna krijg je ${percent}% terug.`;
  const days = reservationDays === 1 ? "1 dag" : `${reservationDays} dagen`;
  return [
    `Je kunt kosteloos annuleren tot de start op ${formatCalendarDate(startsOn)}. ${afterStart}`,
    `Word je toegelaten en betaal je zelf, dan houden we je plek ${days} voor je vast. Betaal je in die tijd niet, dan vervalt je reservering.`,
  ];
}
