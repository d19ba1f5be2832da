// Under a participant's to-do list: how far they are in the whole course, per module on request.
import { Link } from "~/components/link";
import { ProgressBar } from "~/components/progress-bar";

export type CourseSummary = {
  done: number;
  count: number;
  percent: number;
  modules: { slug: string; order: number; title: string; open: boolean; percent: number }[];
};

export function CourseCard({ course }: { course: CourseSummary }) {
  return (
    <section className="card space-top" aria-labelledby="leergang">
      <h2 className="flush-top" id="leergang">
        De leergang
      </h2>
      <p>
        {course.done} van {course.count} modules gelezen.
      </p>
      <ProgressBar percent={course.percent} label="Voortgang in de hele leergang" />
      <details className="space-y-sm">
        <summary>Voortgang per module</summary>
        <ul className="toc space-top-xs">
          {course.modules.map((m) => (
            <li key={m.slug}>
              <Link to={`/modules/${m.slug}`}>
                {m.order}. {m.title}
              </Link>
              <span className="min-9rem">
                {m.open ? (
                  <ProgressBar percent={m.percent} label={`Voortgang in ${m.title}`} />
                ) : (
                  <span className="muted">nog niet open</span>
                )}
              </span>
            </li>
          ))}
        </ul>
      </details>
      <p className="flush-bottom">
        <Link to="/modules">Alle modules</Link>
      </p>
    </section>
  );
}
