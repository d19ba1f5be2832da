// Who someone is for the menu and the start page: the role, and for a participant where they stand. A participant
// with an active enrollment follows the course; one whose enrollments all ended in completion is an alumnus;
// anyone else (applied, accepted, on the waiting list, or nothing yet) is an applicant.
import type { SessionUser } from "~/auth/guards.server";
import type { NavAudience } from "~/components/navigation";
import { db } from "~/db.server";

export async function audienceOf(user: Pick<SessionUser, "id" | "role">): Promise<NavAudience> {
  if (user.role !== "PARTICIPANT") return user.role;
  const enrollments = await db.enrollment.findMany({
    where: { userId: user.id, status: { in: ["ACTIVE", "COMPLETED"] } },
    select: { status: true },
  });
  if (enrollments.some((e) => e.status === "ACTIVE")) return "PARTICIPANT";
  if (enrollments.length) return "ALUMNUS";
  return "APPLICANT";
}
