// The iCalendar text (RFC 5545) of someone's agenda, written by hand: every time in UTC ("…Z"), so no calendar app
// can read server wall-clock time under a TZID (the known ical-generator trap); the app shows it in Amsterdam time.
// Stable UIDs let a calendar replace an event instead of adding a second; SEQUENCE tells it which version is newer.
import type { AgendaEvent } from "./events";

/** How often a subscribed calendar should come back for changes. */
const REFRESH_INTERVAL = "PT6H";

const pad = (n: number) => String(n).padStart(2, "0");

/** 20270328T083000Z */
function utcStamp(date: Date): string {
  return (
    `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
  );
}

/** Text values escape backslash, semicolon, comma and newlines. */
function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Lines longer than 75 octets are folded: a CRLF and a space, never inside a UTF-8 character. */
function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let bytes = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    if (bytes + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = "";
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

function eventLines(event: AgendaEvent, stamp: string): string[] {
  const lines = [
    "BEGIN:VEVENT",
    `UID:${event.uid}`,
    `DTSTAMP:${stamp}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTART:${utcStamp(event.startsAt)}`,
    `SUMMARY:${escapeText(event.title)}`,
  ];
  // A deadline is a moment: without DTEND it ends when it begins (RFC 5545, 3.6.1).
  if (event.endsAt.getTime() > event.startsAt.getTime()) lines.splice(5, 0, `DTEND:${utcStamp(event.endsAt)}`);
  if (event.place) lines.push(`LOCATION:${escapeText(event.place)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.url) lines.push(`URL:${event.url}`);
  lines.push("END:VEVENT");
  return lines;
}

/** A whole calendar: the feed, or one event for a download. */
export function icsCalendar(name: string, events: AgendaEvent[], now = new Date()): string {
  const stamp = utcStamp(now);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Gilde//Agenda//NL",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(name)}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${REFRESH_INTERVAL}`,
    `X-PUBLISHED-TTL:${REFRESH_INTERVAL}`,
    ...events.flatMap((e) => eventLines(e, stamp)),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
