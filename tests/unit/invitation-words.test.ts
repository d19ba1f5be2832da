// How an invitation names its role and cohorts, and when an account already has what an invitation gives.
import { describe, expect, it } from "vitest";
import { redactSecrets } from "~/notifications/outbox.server";
import { hasRole, roleWords } from "~/invitations/words";

describe("roleWords", () => {
  it("names the cohorts of a trainer, in Dutch", () => {
    expect(roleWords("TRAINER", [])).toBe("trainer");
    expect(roleWords("TRAINER", ["Voorjaar 2027"])).toBe("trainer van ‘Voorjaar 2027’");
    expect(roleWords("TRAINER", ["A", "B"])).toBe("trainer van ‘A’ en ‘B’");
    expect(roleWords("TRAINER", ["A", "B", "C"])).toBe("trainer van ‘A’, ‘B’ en ‘C’");
    expect(roleWords("ADMIN", ["A"])).toBe("beheerder");
  });
});

describe("hasRole", () => {
  it("never treats an invitation as a step down", () => {
    expect(hasRole("ADMIN", "TRAINER")).toBe(true);
    expect(hasRole("ADMIN", "ADMIN")).toBe(true);
    expect(hasRole("TRAINER", "TRAINER")).toBe(true);
    expect(hasRole("TRAINER", "ADMIN")).toBe(false);
    expect(hasRole("PARTICIPANT", "TRAINER")).toBe(false);
  });
});

describe("the admin's outbox", () => {
  it("hides an invitation link like a reset link", () => {
    const text = "Open de link:\n\nhttp://localhost:3000/uitnodiging/nWzrrWvUHXuRPGyBfBajB7C4FKQ\n\nGroet";
    expect(redactSecrets(text)).toBe("Open de link:\n\n[link verborgen]\n\nGroet");
  });
});
