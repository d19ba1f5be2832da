// Everything the assignment page shows, in one call: the assignment (text only when its module is open), and for
// a participant of the cohort their work on it: deadline, draft, versions handed in, wijkprofiel and the
// assessments that were released (never a draft assessment, in the page or in its data).
import type { SessionUser } from "~/auth/session.server";
import { canRead, courseAccessFor } from "~/content/access.server";
import { assignmentHtml, findAssignment } from "~/content/course.server";
import { releasedAssessmentsFor } from "~/grading/grading.server";
import { renderMarkdown } from "~/markdown/markdown";
import { workOn } from "./work.server";

export async function assignmentPage(user: SessionUser, slug: string) {
  const found = findAssignment(slug);
  if (!found) return null;
  const access = await courseAccessFor(user);
  const open = canRead(access, found.module.slug);
  const { frontmatter } = found.assignment;
  const work = user.role === "PARTICIPANT" && open ? await workOn(user, found.assignment.slug) : null;
  const assessments = work ? await releasedAssessmentsFor(user.id, work.cohortId, found.assignment.slug) : [];
  return {
    slug: found.assignment.slug,
    title: frontmatter.title,
    summary: frontmatter.summary,
    module: { slug: found.module.slug, title: found.module.frontmatter.title },
    open,
    handIn: open ? frontmatter.handIn : null,
    html: open ? (assignmentHtml(found.assignment.slug, access.wijkName) ?? "") : null,
    rubric: open ? frontmatter.rubric : [],
    peerReview: frontmatter.peerReview,
    /** A gilde assignment (issue 23): written together on its own page, /opdrachten/:slug/gilde. */
    gildeWork: frontmatter.work === "gilde",
    /** The expected length in words, [min, max], when the assignment says. */
    words: frontmatter.words ?? null,
    work: work
      ? {
          due: work.due?.toISOString() ?? null,
          extended: work.extended,
          closed: work.closed,
          status: work.status,
          blocked: work.blocked,
          draft: {
            body: work.draft?.body ?? "",
            revision: work.draft?.revision ?? 0,
            savedAt: work.draft?.updatedAt.toISOString() ?? null,
            attachments: work.draft?.attachments ?? [],
          },
          versions: (work.submission?.versions ?? []).map((v) => ({ ...v, html: renderMarkdown(v.body) })),
          wijk: work.wijk,
          assessments,
        }
      : null,
  };
}
