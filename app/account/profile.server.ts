// What /account shows and changes about the person themselves: their name, (for staff) their short profile, and
// their e-mail preferences (the weekly community digest, reminders of deadlines and of peer feedback to give).
import type { Prisma } from "@prisma/client";
import { forgetSessions } from "~/auth/session.server";
import { db } from "~/db.server";

export async function changeName(userId: string, name: string) {
  await db.user.update({ where: { id: userId }, data: { name: name.trim() } });
  // The header reads the name from the validated session: show the new one on the next page already.
  forgetSessions({ userId });
}

/** The short profile of a trainer or admin, as the public page of the cohorts they train shows it. */
export async function changeBio(userId: string, bio: string) {
  await db.user.update({ where: { id: userId }, data: { bio: bio.trim() } });
}

export type EmailPreferences = { weekly: boolean; reminders: boolean };

export async function emailPreferences(userId: string): Promise<EmailPreferences> {
  const saved = await db.digestPreference.findUnique({ where: { userId }, select: { weekly: true, reminders: true } });
  return saved ?? { weekly: true, reminders: true };
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export async function saveEmailPreferences(userId: string, preferences: EmailPreferences, now = new Date()) {
  await db.digestPreference.upsert({
    where: { userId },
    // As the digest job starts a new member: their first digest covers the past week.
    create: { userId, ...preferences, lastSentAt: new Date(now.getTime() - WEEK_MS) },
    update: preferences,
  });
}

/** People who want reminders by mail: everyone who did not switch them off on /account. */
export const wantsReminders = {
  OR: [{ digestPreference: { is: null } }, { digestPreference: { is: { reminders: true } } }],
} satisfies Prisma.UserWhereInput;

export async function ownBio(userId: string): Promise<string> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { bio: true } });
  return user?.bio ?? "";
}
