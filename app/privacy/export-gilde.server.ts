// What the data export holds about learning as a group (issue 23): the member's own part of gilde assignments and
// their edits of the shared text, the evaluations they gave (with whom they rated) and what they received only as
// they may see it on the page, the reflections they wrote, their own grade on gilde work when the trainer gave one,
// and the trainer's assessments of the quality of the feedback they gave. Never who rated them.
import { findAssignment } from "~/content/course.server";
import { db } from "~/db.server";
import { parseDecision } from "~/grading/assessment-columns";
import { evaluationsForExport } from "~/peer-review/evaluation.server";
import { myFeedbackQuality } from "~/peer-review/feedback-quality.server";

const titleOf = (slug: string) => findAssignment(slug)?.assignment.frontmatter.title ?? slug;

export async function gildeWorkExport(userId: string) {
  const [contributions, edits, reflections, grades, evaluations, quality] = await Promise.all([
    db.gildeContribution.findMany({
      where: { userId },
      orderBy: { updatedAt: "asc" },
      select: { assignmentSlug: true, text: true, agreedAt: true, updatedAt: true, gilde: { select: { name: true } } },
    }),
    db.gildeDraftEdit.findMany({
      where: { userId },
      orderBy: { at: "asc" },
      select: {
        revision: true,
        body: true,
        words: true,
        at: true,
        draft: { select: { assignmentSlug: true, gilde: { select: { name: true } } } },
      },
    }),
    db.reflection.findMany({
      where: { OR: [{ authorId: userId }, { authorId: null, submission: { userId } }] },
      orderBy: { createdAt: "asc" },
      select: { version: true, body: true, updatedAt: true, submission: { select: { assignmentSlug: true } } },
    }),
    db.memberGrade.findMany({
      where: { userId, submission: { assessments: { some: { status: "RELEASED" } } } },
      select: { decision: true, reason: true, updatedAt: true, submission: { select: { assignmentSlug: true } } },
    }),
    evaluationsForExport(userId),
    myFeedbackQuality(userId, { everyCohort: true }),
  ]);
  return {
    "gildewerk.json": {
      bijdragen: contributions.map((c) => ({
        opdracht: titleOf(c.assignmentSlug),
        gilde: c.gilde.name,
        jouw_bijdrage: c.text,
        akkoord_gegeven: c.agreedAt,
        bijgewerkt: c.updatedAt,
      })),
      wijzigingen_in_de_gezamenlijke_tekst: edits.map((e) => ({
        opdracht: titleOf(e.draft.assignmentSlug),
        gilde: e.draft.gilde.name,
        versie_van_de_tekst: e.revision,
        woorden: e.words,
        op: e.at,
        tekst_na_jouw_wijziging: e.body,
      })),
      jouw_eigen_uitkomst: grades.map((g) => ({
        opdracht: titleOf(g.submission.assignmentSlug),
        uitkomst: parseDecision(g.decision),
        reden: g.reason,
        bijgewerkt: g.updatedAt,
      })),
    },
    "evaluaties.json": evaluations,
    "reflecties.json": reflections.map((r) => ({
      opdracht: titleOf(r.submission.assignmentSlug),
      op_versie: r.version,
      tekst: r.body,
      bijgewerkt: r.updatedAt,
    })),
    "kwaliteit-van-je-feedback.json": quality.map(({ reviewId: _reviewId, ...q }) => ({
      opdracht: q.assignment,
      niveaus: q.levels,
      gemiddeld: q.average,
      nog_te_versterken: q.low,
      toelichting_van_je_trainer: q.note,
      bijgewerkt: q.updatedAt,
    })),
  };
}
