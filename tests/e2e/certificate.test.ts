// The alumnus's certificate in Chromium: on the phone they find it under their account, download the Open Badge
// (.json) and the PDF, open the verification page, which says it is valid; anyone who pastes a changed copy is told
// the signature does not hold. The admin's certificate page passes the same checks.
import fs from "node:fs";
import { it } from "vitest";
import { db } from "~/db.server";
import { audit } from "../support/audit";
import { expect, loggedIn, PHONE, useServerAndPage } from "../support/e2e";

// The demo data was seeded under another address than this server's: its certificates name another issuer URL.
// Without them, the alumnus's first visit issues one, as for anyone who completed before certificates existed.
const e2e = useServerAndPage({ demoSessions: true, prepare: async () => void (await db.credential.deleteMany()) });

it("downloads the certificate, and the verification page says it is valid", async () => {
  const alumnus = await loggedIn(e2e, "alumnus@gilde.test", { ...PHONE, acceptDownloads: true });
  await alumnus.goto(`${e2e.server.baseUrl}/account`);
  await alumnus.getByRole("link", { name: "Naar mijn certificaat" }).click();
  await alumnus.getByRole("heading", { name: "Je certificaat", level: 1 }).waitFor();
  await audit(alumnus, "certificaat", "account-certificaat");

  const [json] = await Promise.all([
    alumnus.waitForEvent("download"),
    alumnus.getByRole("link", { name: "Open Badge downloaden (.json)" }).click(),
  ]);
  const credential = JSON.parse(fs.readFileSync((await json.path())!, "utf8"));
  expect(credential.type).toContain("OpenBadgeCredential");
  const [pdf] = await Promise.all([
    alumnus.waitForEvent("download"),
    alumnus.getByRole("link", { name: "Certificaat downloaden (PDF)" }).click(),
  ]);
  expect(
    fs
      .readFileSync((await pdf.path())!)
      .subarray(0, 5)
      .toString(),
  ).toBe("%PDF-");

  await alumnus.getByRole("link", { name: "de verificatiepagina" }).click();
  await alumnus.getByRole("heading", { name: "Dit certificaat is geldig." }).waitFor();
  await expect(alumnus.getByRole("status")).toContainText("geldig");
  await audit(alumnus, "certificaat", "verificatie-geldig");

  credential.credentialSubject.achievement.name = "Master Creative Communities";
  await alumnus.getByRole("link", { name: "Plak of upload het hier" }).click();
  await alumnus.getByLabel("De inhoud van het certificaat (JSON)").fill(JSON.stringify(credential));
  await alumnus.getByRole("button", { name: "Controleren" }).click();
  await alumnus.getByRole("heading", { name: "De handtekening klopt niet." }).waitFor();
  await audit(alumnus, "certificaat", "verificatie-veranderd");

  const admin = await loggedIn(e2e, "beheer@gilde.test");
  await admin.goto(`${e2e.server.baseUrl}/beheer/certificaten`);
  await admin.getByRole("heading", { name: "Certificaten", level: 1 }).waitFor();
  await audit(admin, "certificaat", "beheer-certificaten");
});
