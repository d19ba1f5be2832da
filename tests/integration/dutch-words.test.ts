// Dutch that reads as Dutch (issue 18): pages no route knows are Dutch, numbers are read and shown the Dutch way,
// mails greet by first name.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { startTestApp, type TestApp } from "../support/http";
import { participantIn } from "../support/people";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

describe("Dutch that reads as Dutch", () => {
  it("answers an address that does not exist with a Dutch page, no framework text", async () => {
    const { browser } = await participantIn(app, { name: "Noor Visser" });
    const page = await browser.get("/deze-pagina-bestaat-niet");
    expect(page.status).toBe(404);
    expect(page.text).toContain("Niet gevonden");
    expect(page.text).toContain("Deze pagina bestaat niet (meer)");
    expect(page.text).not.toMatch(/Error|No route matches/);
  });

  it("reads 2.400 woningen as 2400 and shows it as 2.400", async () => {
    const { user, browser } = await participantIn(app, { name: "Noor Visser" });
    const saved = await browser.submit("/wijk", { name: "Schilderswijk", municipality: "Den Haag", homes: "2.400" });
    expect(saved.text).toContain("Opgeslagen als versie 1.");
    expect(saved.text).toContain("ongeveer 2.400 woningen");
    const version = await db.wijkVersion.findFirstOrThrow({ where: { wijk: { userId: user.id } } });
    expect(version.homes).toBe(2400);

    const wrong = await browser.submit("/wijk", {
      name: "Schilderswijk",
      municipality: "Den Haag",
      homes: "2,4 duizend",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain("Vul het aantal woningen in als getal, bijvoorbeeld 500 of 2.400.");
    expect(wrong.html).toContain("2,4 duizend");
  });
});
