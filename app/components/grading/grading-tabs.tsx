// The two lists of a trainer's grading work: what waits (the queue) and what has been graded.
import { Link } from "~/components/link";

export function GradingTabs({ current }: { current: "wachtrij" | "beoordeeld" }) {
  return (
    <nav aria-label="Beoordelen">
      <ul className="grading-tabs">
        <li>
          <Link to="/beoordelen" aria-current={current === "wachtrij" ? "page" : undefined}>
            Wachtrij
          </Link>
        </li>
        <li>
          <Link to="/beoordelen/beoordeeld" aria-current={current === "beoordeeld" ? "page" : undefined}>
            Beoordeeld
          </Link>
        </li>
      </ul>
    </nav>
  );
}

/** "Vorige" and "Volgende" between pages of a list, keeping the rest of the query string. */
export function Pager({ page, pages, query }: { page: number; pages: number; query: string }) {
  if (pages <= 1) return null;
  const to = (n: number) => {
    const params = new URLSearchParams(query);
    if (n === 1) params.delete("pagina");
    else params.set("pagina", String(n));
    const search = params.toString();
    return search ? `?${search}` : "?";
  };
  return (
    <nav className="pager" aria-label="Pagina's">
      {page > 1 ? <Link to={to(page - 1)}>← Vorige pagina</Link> : <span />}
      <span className="muted">
        Pagina {page} van {pages}
      </span>
      {page < pages ? <Link to={to(page + 1)}>Volgende pagina →</Link> : <span />}
    </nav>
  );
}
