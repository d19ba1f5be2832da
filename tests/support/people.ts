// People logged in to the test app: a participant enrolled in a cohort, a trainer of a cohort.
import { db } from "~/db.server";
import { createCohort, createUser, enroll, PASSWORD } from "./factories";
import type { Client, TestApp } from "./http";

export async function participantIn(app: TestApp, { cohortId, name = "Deelnemer Test" }: { cohortId?: string; name?: string } = {}) {
  const user = await createUser({ name });
  const cohort = cohortId ?? (await createCohort()).id;
  await enroll(user.id, cohort);
  const browser = app.client();
  await browser.login(user.email, PASSWORD);
  return { user, browser, cohortId: cohort };
}

export async function trainerOf(app: TestApp, cohortId: string): Promise<Client> {
  const trainer = await createUser({ role: "TRAINER" });
  await db.cohortStaff.create({ data: { cohortId, userId: trainer.id } });
  const browser = app.client();
  await browser.login(trainer.email, PASSWORD);
  return browser;
}

/** A new admin, logged in. */
export async function adminIn(app: TestApp, name = "Beheerder Test"): Promise<Client> {
  const admin = await createUser({ role: "ADMIN", name });
  const browser = app.client();
  await browser.login(admin.email, PASSWORD);
  return browser;
}
