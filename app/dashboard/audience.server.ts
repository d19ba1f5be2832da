// Who someone is for the menu and the start page: the role, and for a participant where they stand (audience.ts).
import type { SessionUser } from "~/auth/guards.server";
import type { NavAudience } from "~/components/navigation";
import { db } from "~/db.server";
import { audienceFrom } from "./audience";

export async function audienceOf(user: Pick<SessionUser, "id" | "role">): Promise<NavAudience> {
  if (user.role !== "PARTICIPANT") return user.role;
  const enrollments = await db.enrollment.findMany({
    where: { userId: user.id, status: { in: ["ACTIVE", "COMPLETED"] } },
    select: { status: true },
  });
  return audienceFrom(
    user.role,
    enrollments.map((e) => e.status),
  );
}
