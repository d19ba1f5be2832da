// People logged in to the test app: a participant enrolled in a cohort, a trainer of a cohort.
import { db } from "~/db.server";
import { createCohort, createUser, enroll } from "./factories";
import type { Client, TestApp } from "./http";

export async function participantIn(
  app: TestApp,
  { cohortId, name = "Deelnemer Test" }: { cohortId?: string; name?: string } = {},
) {
  const user = await createUser({ name });
  const cohort = cohortId ?? (await createCohort()).id;
  await enroll(user.id, cohort);
  const browser = await app.client().signInAs(user);
  return { user, browser, cohortId: cohort };
}

export async function trainerOf(app: TestApp, cohortId: string): Promise<Client> {
  const trainer = await createUser({ role: "TRAINER" });
  await db.cohortStaff.create({ data: { cohortId, userId: trainer.id } });
  return app.client().signInAs(trainer);
}

/** A new admin, logged in. */
export async function adminIn(app: TestApp, name = "Beheerder Test"): Promise<Client> {
  const admin = await createUser({ role: "ADMIN", name });
  return app.client().signInAs(admin);
}

/** The link in the newest mail to `email` with this subject (reset, registration…), as a path on the app. */
export async function mailedLink(email: string, subject: string, path: RegExp): Promise<string> {
  const mail = await db.outboxMessage.findFirstOrThrow({
    where: { to: email.trim().toLowerCase(), subject },
    orderBy: { createdAt: "desc" },
  });
  const link = mail.text.match(path)?.[0];
  if (!link) throw new Error(`Geen link in de mail "${subject}" aan ${email}.`);
  return link;
}

/**
 * Registers as a newcomer does: the form, then the link from the confirmation mail, then the button there. Returns
 * the answer to the form and the redirect that signs the new participant in (null when no link was mailed).
 */
export async function registerThroughMail(browser: Client, fields: Record<string, string>) {
  const form = await browser.post("/registreren", fields);
  const mail = await db.outboxMessage.findFirst({
    where: { to: (fields.email ?? "").trim().toLowerCase(), subject: "Bevestig je account bij Gilde" },
    orderBy: { createdAt: "desc" },
  });
  const link = mail?.text.match(/\/registreren\/bevestigen\/\S+/)?.[0];
  if (!link) return { form, confirmed: null };
  return { form, confirmed: await browser.post(link, {}) };
}
