// Where a participant stands, from the statuses of their enrollments: following the course (an active
// enrollment), an alumnus (a completed one and no active one), or an applicant (anything else, or nothing yet).
import type { NavAudience } from "~/components/navigation";

export function audienceFrom(role: "PARTICIPANT" | "TRAINER" | "ADMIN", statuses: string[]): NavAudience {
  if (role !== "PARTICIPANT") return role;
  if (statuses.includes("ACTIVE")) return "PARTICIPANT";
  if (statuses.includes("COMPLETED")) return "ALUMNUS";
  return "APPLICANT";
}
