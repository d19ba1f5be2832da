// What an accreditation panel reads: the course outcomes with their mapping to the BPSW beroepsprofiel and the
// NLQF 6 descriptors, which module goals and rubric criteria serve each outcome, and the study load per module.
import { NLQF_DESCRIPTORS } from "./schema";
import { coursePageHtml, getCourse } from "./course.server";

export function courseDesign() {
  const { modules, leergang } = getCourse();
  const course = leergang.frontmatter;
  return {
    title: course.title,
    level: course.level,
    ec: course.ec,
    hours: course.hours,
    admission: course.admission,
    html: coursePageHtml("overview"),
    outcomes: course.outcomes.map((outcome) => ({
      id: outcome.id,
      text: outcome.text,
      bpsw: outcome.bpsw,
      nlqf: outcome.nlqf.map((d) => NLQF_DESCRIPTORS[d]),
      // Where the outcome is learned and assessed: the module goals that serve it, and the required rubric
      // criteria that assess those goals.
      modules: modules.flatMap((m) => {
        const goals = m.frontmatter.learningGoals.filter((g) => g.outcomes.includes(outcome.id));
        if (goals.length === 0) return [];
        const ids = new Set(goals.map((g) => g.id));
        const criteria = m.assignments.flatMap((a) =>
          a.frontmatter.rubric
            .filter((c) => c.required && c.goals.some((g) => ids.has(g)))
            .map((c) => ({ assignment: a.frontmatter.title, slug: a.slug, criterion: c.title })),
        );
        return [
          {
            order: m.frontmatter.order,
            slug: m.slug,
            title: m.frontmatter.title,
            goals: goals.map((g) => g.text),
            criteria,
          },
        ];
      }),
    })),
    modules: modules.map((m) => ({
      order: m.frontmatter.order,
      slug: m.slug,
      title: m.frontmatter.title,
      hours: m.frontmatter.hours,
      reading: m.frontmatter.reading,
    })),
  };
}

export function assessmentPolicy() {
  return { html: coursePageHtml("policy") };
}
