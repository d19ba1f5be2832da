// Dutch formatting: dates in Europe/Amsterdam, amounts in euro.
const TIME_ZONE = "Europe/Amsterdam";

const dateFormat = new Intl.DateTimeFormat("nl-NL", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: TIME_ZONE,
});
const dateTimeFormat = new Intl.DateTimeFormat("nl-NL", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: TIME_ZONE,
});
// Calendar dates (a cohort's start) are stored as UTC midnight and shown as that calendar day.
const calendarFormat = new Intl.DateTimeFormat("nl-NL", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const euroFormat = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR" });
// One formatter for every number shown: `toLocaleString` builds a new one on each call.
const numberFormat = new Intl.NumberFormat("nl-NL");

export const formatDate = (value: string | Date) => dateFormat.format(new Date(value));
export const formatDateTime = (value: string | Date) => dateTimeFormat.format(new Date(value));
export const formatCalendarDate = (value: string | Date) => calendarFormat.format(new Date(value));
export const formatEuro = (cents: number) => euroFormat.format(cents / 100);
// Formatting through Intl costs about 1.5 µs a number, and pages show the same few (hours, counts) again and again.
const formattedNumbers = new Map<number, string>();

export function formatNumber(value: number): string {
  // A Map counts -0 as 0, which Intl writes as "-0".
  if (Object.is(value, -0)) return numberFormat.format(value);
  let text = formattedNumbers.get(value);
  if (text === undefined) {
    if (formattedNumbers.size >= 1_000) formattedNumbers.clear();
    text = numberFormat.format(value);
    formattedNumbers.set(value, text);
  }
  return text;
}
export const formatHours = (hours: number) => `${formatNumber(hours)} uur`;

/** A module's study load in words: "22,5 uur: lezen 4,5 uur, opdracht 16 uur, peerfeedback 2 uur". */
export function formatStudyLoad(hours: {
  total: number;
  reading: number;
  assignment: number;
  peerFeedback: number;
  contact: number;
}) {
  const contact = hours.contact ? `, contactdagen ${formatHours(hours.contact)}` : "";
  return (
    `${formatHours(hours.total)}: lezen ${formatHours(hours.reading)}, opdracht ${formatHours(hours.assignment)}, ` +
    `peerfeedback ${formatHours(hours.peerFeedback)}${contact}`
  );
}
const weekdayFormat = new Intl.DateTimeFormat("nl-NL", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: TIME_ZONE,
});
const timeFormat = new Intl.DateTimeFormat("nl-NL", { hour: "numeric", minute: "2-digit", timeZone: TIME_ZONE });
/** "dinsdag 9 maart 2027" (Amsterdam time), for a contact day. */
export const formatWeekdayDate = (value: string | Date) => weekdayFormat.format(new Date(value));
/** "9.30–16.00 uur" (Amsterdam time), the hours of a contact day. */
export const formatTimeRange = (from: string | Date, to: string | Date) =>
  `${timeFormat.format(new Date(from)).replace(":", ".")}–${timeFormat.format(new Date(to)).replace(":", ".")} uur`;
export const isoDay = (value: string | Date) => new Date(value).toISOString().slice(0, 10);

export const ROLE_LABELS: Record<string, string> = { PARTICIPANT: "deelnemer", TRAINER: "trainer", ADMIN: "beheerder" };
export const ENROLLMENT_LABELS: Record<string, string> = {
  APPLIED: "aangemeld",
  ACCEPTED: "toegelaten",
  WAITLISTED: "op de wachtlijst",
  ACTIVE: "ingeschreven",
  COMPLETED: "afgerond",
  WITHDRAWN: "teruggetrokken",
  REJECTED: "afgewezen",
};

/** Where a cohort is in its life (issue 19). */
export const COHORT_STATUS_LABELS: Record<string, string> = {
  CONCEPT: "concept",
  PUBLISHED: "gepubliceerd",
  INTAKE_CLOSED: "intake gesloten",
  RUNNING: "lopend",
  FINISHED: "afgerond",
};

/** What a payment event from Stripe means, in words an administrator uses. */
export const PAYMENT_EVENT_LABELS: Record<string, string> = {
  "checkout.session.completed": "betaling afgerond",
  "checkout.session.async_payment_succeeded": "betaling alsnog gelukt",
  "checkout.session.async_payment_failed": "betaling mislukt",
  "checkout.session.expired": "betaling verlopen",
  "invoice.paid": "factuur betaald",
  "charge.refunded": "terugbetaald",
};

export const PAYMENT_LABELS: Record<string, string> = {
  OPEN: "open",
  PAID: "betaald",
  FAILED: "mislukt",
  EXPIRED: "verlopen",
  REFUNDED: "terugbetaald",
  ARRANGED: "geregeld",
};

/**
 * A file size as people read it: "840 kB", "2,4 MB", with a Dutch decimal comma. One kB is 1024 bytes here (as
 * the file managers people use count), so the limit of 20 × 1024 × 1024 bytes reads as "20 MB". Used for every
 * size and limit Gilde shows.
 */
export function formatFileSize(bytes: number): string {
  const kB = Math.max(1, Math.round(bytes / 1024));
  if (kB < 1024) return `${formatNumber(kB)} kB`;
  const MB = bytes / 1024 / 1024;
  return `${MB.toLocaleString("nl-NL", { maximumFractionDigits: 1 })} MB`;
}
