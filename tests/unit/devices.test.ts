import { describe, expect, it } from "vitest";
import { describeUserAgent, lastSeenLabel } from "~/account/devices";

describe("a session's device in words", () => {
  it.each([
    [
      "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
      "Chrome op Android",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
      "Safari op iPhone",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
      "Chrome op iPhone",
    ],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox op Windows"],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86",
      "Edge op Windows",
    ],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
      "Safari op Mac",
    ],
    [
      "Mozilla/5.0 (Linux; Android 14; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
      "Samsung Internet op Android",
    ],
    [
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
      "Chrome op Linux",
    ],
    ["curl/8.5.0", "Onbekend apparaat"],
    ["", "Onbekend apparaat"],
  ])("%s → %s", (userAgent, expected) => {
    expect(describeUserAgent(userAgent)).toBe(expected);
  });
});

describe("when a session was last used", () => {
  const now = new Date("2027-03-10T20:00:00Z"); // 21:00 in Amsterdam
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const MINUTE = 60_000;

  it("says minutes and hours on the same day, 'gisteren' with the time after midnight, and a date before that", () => {
    expect(lastSeenLabel(ago(2 * MINUTE), now)).toBe("zojuist");
    expect(lastSeenLabel(ago(12 * MINUTE), now)).toBe("12 minuten geleden");
    expect(lastSeenLabel(ago(3 * 60 * MINUTE), now)).toBe("3 uur geleden");
    expect(lastSeenLabel(new Date("2027-03-09T20:40:00Z"), now)).toBe("gisteren om 21:40");
    expect(lastSeenLabel(new Date("2027-03-01T08:15:00Z"), now)).toBe("1 maart 2027 om 09:15");
  });

  it("counts days in Amsterdam: 00:30 there is already the next day", () => {
    const justAfterMidnight = new Date("2027-03-10T23:30:00Z"); // 00:30 on 11 March in Amsterdam
    expect(lastSeenLabel(new Date("2027-03-10T21:00:00Z"), justAfterMidnight)).toBe("gisteren om 22:00");
  });
});
