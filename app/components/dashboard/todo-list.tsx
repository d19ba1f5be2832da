// The to-do list of the start page: one line per thing to do, each a link to where it is done, most urgent first.
import { Link } from "~/components/link";
import type { TodoKind } from "~/dashboard/todo";

export type TodoLineView = {
  kind: TodoKind;
  title: string;
  detail?: string;
  href: string;
  when: string | null;
  late: boolean;
};

/** A short word before each line, so a list of mixed things reads at a glance. */
const KIND_LABELS: Record<TodoKind, string> = {
  deadline: "Deadline",
  revision: "Herzien",
  review: "Peerfeedback",
  feedback: "Nieuw",
  grade: "Beoordeling",
  continue: "Lezen",
  "contact-day": "Contactdag",
  evaluation: "Evaluatie",
  intake: "Aanmelding",
  queue: "Beoordelen",
  "second-read": "Tweede lezer",
  stuck: "Loopt vast",
  "cohort-deadline": "Deadline",
  invoice: "Factuur",
  privacy: "Privacy",
  mail: "E-mail",
  "cohort-setup": "Groep",
  thread: "Community",
  case: "Praktijk",
};

export function TodoList({
  items,
  intro,
  empty,
}: {
  items: TodoLineView[];
  intro: React.ReactNode;
  empty: React.ReactNode;
}) {
  return (
    <section aria-labelledby="te-doen" className="todo">
      <h1 id="te-doen">Te doen</h1>
      <p className="lead">{intro}</p>
      {items.length === 0 ? (
        <div className="notice todo__empty">{empty}</div>
      ) : (
        <ol className="todo__list">
          {items.map((item) => (
            <li key={`${item.kind}:${item.href}:${item.title}`} className="todo__item">
              <span className={`badge todo__kind${item.late ? " badge--danger" : ""}`}>{KIND_LABELS[item.kind]}</span>
              <span className="todo__text">
                <Link to={item.href} className="todo__link">
                  {item.title}
                </Link>
                {item.detail ? <span className="todo__detail">{item.detail}</span> : null}
              </span>
              {item.when ? (
                <span className={`todo__when${item.late ? " todo__when--late" : ""}`}>{item.when}</span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
