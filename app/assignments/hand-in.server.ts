// The step before handing in, for a page without JavaScript (with JavaScript a dialog on the assignment page shows
// the same): the saved text's length against what is asked, the files that go with it, and a warning when it is
// shorter than asked. And the message after handing in, the same from either way.
import type { SessionUser } from "~/auth/session.server";
import { findAssignment } from "~/content/course.server";
import { countWords, lengthStatus, tooShortWarning } from "./words";
import { workOn } from "./work.server";

export async function handInPreview(user: SessionUser, slug: string) {
  const found = findAssignment(slug);
  const work = found && user.role === "PARTICIPANT" ? await workOn(user, slug) : null;
  if (!found || !work) return null;
  const range = found.assignment.frontmatter.words ?? null;
  const count = countWords(work.draft?.body ?? "");
  return {
    slug,
    title: found.assignment.frontmatter.title,
    blocked: work.blocked,
    empty: !work.draft?.body.trim(),
    length: lengthStatus(count, range),
    warning: tooShortWarning(count, range),
    attachments: (work.draft?.attachments ?? []).map((a) => ({ id: a.id, originalName: a.originalName, size: a.size })),
  };
}

export function handedInMessage(result: { number: number; late: boolean }) {
  return `Ingeleverd (versie ${result.number})${result.late ? ", na de deadline" : ""}. Je krijgt een bevestiging per e-mail.`;
}
