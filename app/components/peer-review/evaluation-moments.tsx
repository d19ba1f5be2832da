// The /gilde section on evaluating each other: the moments of the participant's cohort and how far they are.
import { Link } from "~/components/link";
import { formatDateTime } from "~/format";

type Moment = { id: string; name: string; closesAt: string; state: "upcoming" | "open" | "closed"; todo: number };

export function EvaluationMoments({ moments }: { moments: Moment[] }) {
  const visible = moments.filter((m) => m.state !== "upcoming");
  if (!visible.length) return null;
  return (
    <section aria-labelledby="evaluatie">
      <h2 id="evaluatie">Evaluatie in je gilde</h2>
      <ul className="plain-list">
        {visible.map((m) => (
          <li key={m.id}>
            <Link to={`/gilde/evaluatie/${m.id}`}>{m.name}</Link>
            {m.state === "open"
              ? m.todo
                ? ` · nog ${m.todo} te doen, open tot ${formatDateTime(m.closesAt)}`
                : " · ingevuld, dank je"
              : " · gesloten"}
          </li>
        ))}
      </ul>
    </section>
  );
}
