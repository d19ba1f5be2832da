// Deadlines are typed as Amsterdam wall-clock time ("2027-04-12T23:59") and stored in UTC.
const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "YYYY-MM-DDTHH:mm" in Amsterdam for a moment: the value of a datetime-local input. */
export function toAmsterdamInput(date: Date): string {
  const p = Object.fromEntries(parts.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The moment an Amsterdam wall-clock time denotes; null when the text is not such a time. */
export function fromAmsterdamInput(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  if (y === undefined || mo === undefined || d === undefined || h === undefined || mi === undefined) return null;
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  if (new Date(asUtc).getUTCDate() !== d || h > 23 || mi > 59) return null;
  // Amsterdam is UTC+1 or UTC+2; find the offset that maps back to the same wall-clock time.
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    if (toAmsterdamInput(candidate) === value.trim()) return candidate;
  }
  return new Date(asUtc - 3_600_000);
}
