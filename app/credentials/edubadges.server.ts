// A cohort's completions as the CSV an institution uploads to award the edubadge itself (edubadges "Direct
// Award", bulk): one row per alumnus with e-mail, EPPN (empty: Gilde has none), name and the badge class.
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";

const cell = (value: string) => {
  // A leading =, +, - or @ is prefixed so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[,"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export async function edubadgesCsv(cohortId: string) {
  const cohort = await db.cohort.findUnique({
    where: { id: cohortId },
    select: {
      name: true,
      enrollments: {
        where: { status: "COMPLETED" },
        orderBy: { user: { name: "asc" } },
        select: { user: { select: { email: true, name: true } } },
      },
    },
  });
  if (!cohort) return null;
  const badgeClass = getCourse().leergang.frontmatter.title;
  const rows = [
    ["email", "eppn", "name", "badgeclass"],
    ...cohort.enrollments.map(({ user }) => [user.email, "", user.name, badgeClass]),
  ];
  return {
    fileName: `edubadges-${cohort.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.csv`,
    csv: `${rows.map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`,
  };
}
