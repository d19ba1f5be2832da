// How a session is named in the list of sessions: the browser and the device in words ("Chrome op Android",
// "Safari op iPhone"), and when it was last used ("5 minuten geleden", "gisteren om 21:40"). Pure, unit-tested.
import { formatDateTime } from "~/format";

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, "Edge"],
  [/\bOPR\/|\bOpera\b/, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\bFirefox\/|\bFxiOS\//, "Firefox"],
  [/\bCriOS\/|\bChrome\/|\bChromium\/|HeadlessChrome\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\/|\bAppleWebKit\/.*\bMobile\//, "Safari"],
];

const SYSTEMS: [RegExp, string][] = [
  [/\biPhone\b/, "iPhone"],
  [/\biPad\b/, "iPad"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "Chromebook"],
  [/\bWindows\b/, "Windows"],
  [/\bMacintosh\b|\bMac OS X\b/, "Mac"],
  [/\bLinux\b/, "Linux"],
];

/** "Chrome op Android"; what it cannot tell it leaves out, and an empty agent is "Onbekend apparaat". */
export function describeUserAgent(userAgent: string): string {
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser} op ${system}`;
  if (browser) return browser;
  if (system) return `Browser op ${system}`;
  return "Onbekend apparaat";
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const timeFormat = new Intl.DateTimeFormat("nl-NL", {
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Amsterdam",
});
const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" });

/** The calendar day in Amsterdam as a number of days, to tell "gisteren" from "vandaag" across midnight. */
function amsterdamDay(moment: Date): number {
  return Math.round(new Date(`${dayFormat.format(moment)}T00:00:00Z`).getTime() / (24 * HOUR));
}

/** "zojuist", "12 minuten geleden", "3 uur geleden", "gisteren om 21:40", else the date and time. */
export function lastSeenLabel(seen: Date, now: Date): string {
  const ago = now.getTime() - seen.getTime();
  if (ago < 5 * MINUTE) return "zojuist";
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)} minuten geleden`;
  const days = amsterdamDay(now) - amsterdamDay(seen);
  if (days === 0) {
    const hours = Math.floor(ago / HOUR);
    return `${hours} uur geleden`;
  }
  if (days === 1) return `gisteren om ${timeFormat.format(seen)}`;
  return formatDateTime(seen);
}
