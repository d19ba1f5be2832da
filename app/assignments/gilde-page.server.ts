// Everything a gilde's writing page shows a member, in one call: the shared text and its edits, each member's part
// and "akkoord", the versions handed in, and the trainer's released result for the gilde and for this member.
import type { SessionUser } from "~/auth/session.server";
import { findAssignment } from "~/content/course.server";
import { releasedAssessmentsFor } from "~/grading/grading.server";
import { renderMarkdown } from "~/markdown/markdown";
import { memberGradeFor } from "./gilde-grading.server";
import { gildeWorkOn } from "./gilde-work.server";

export async function gildeWorkPage(user: SessionUser, slug: string) {
  const work = await gildeWorkOn(user, slug);
  const found = findAssignment(slug);
  if (!work || !found) return null;
  const base = { slug, title: work.title, words: found.assignment.frontmatter.words ?? null };
  if (!work.gilde) return { ...base, work: null };
  const [assessments, own] = await Promise.all([
    releasedAssessmentsFor(user.id, work.cohortId, slug, work.gilde.id),
    work.submissionId ? memberGradeFor(work.submissionId, user.id) : null,
  ]);
  const { cohortId: _cohortId, submissionId: _submissionId, gilde, ...shown } = work;
  return {
    ...base,
    rubric: found.assignment.frontmatter.rubric,
    assessments,
    own,
    work: {
      ...shown,
      gilde: { name: gilde.name },
      versions: work.versions.map(({ body, id: _id, ...v }) => ({ ...v, html: renderMarkdown(body) })),
    },
  };
}
