// Demo data for inviting staff (issue 19): Bea (beheer@) has invited a new trainer for "Voorjaar 2027". The list at
// /beheer/uitnodigingen shows it, and on the demo install the mail with its link is in /demo/postvak, so a newcomer
// can accept it as Nina would.
import { db } from "../app/db.server";
import { inviteStaff } from "../app/invitations/invitations.server";

const DEMO_INVITEE = "nieuwe.trainer@gilde.test";

/** Runs after the demo's cohorts and accounts exist (seedDemo), through the same function the admin's page uses. */
export async function seedInvitationDemo(now = new Date()) {
  const admin = await db.user.findUniqueOrThrow({
    where: { email: "beheer@gilde.test" },
    select: { id: true, name: true, email: true },
  });
  const cohort = await db.cohort.findFirstOrThrow({ where: { name: "Voorjaar 2027" }, select: { id: true } });
  await inviteStaff(
    admin,
    { email: DEMO_INVITEE, name: "Nina Nieuwenhuis", role: "TRAINER", cohortIds: [cohort.id] },
    // Sent yesterday, so the list reads like a real one.
    new Date(now.getTime() - 24 * 60 * 60 * 1000),
  );
}
