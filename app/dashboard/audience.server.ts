// Who someone is for the menu and the start page: the role, and for a participant where they stand (audience.ts).
import type { SessionUser } from "~/auth/guards.server";
import { courseAccessFor } from "~/content/access.server";
import type { NavAudience } from "~/components/navigation";
import { audienceFrom } from "./audience";

/**
 * Which menu a user gets. Asked on every page (the root loader), so a participant's answer comes from their course
 * access, which is remembered for a few seconds and forgotten whenever an enrollment changes (access.server.ts).
 */
export async function audienceOf(user: Pick<SessionUser, "id" | "role">): Promise<NavAudience> {
  if (user.role !== "PARTICIPANT") return user.role;
  const { kind } = await courseAccessFor(user);
  return audienceFrom(user.role, kind === "participant" ? ["ACTIVE"] : kind === "alumnus" ? ["COMPLETED"] : []);
}
