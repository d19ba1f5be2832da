import { Link } from "~/components/link";

/** "Vorige · Pagina 2 van 5 · Volgende" under a list; nothing when everything fits on one page. */
export function Pagination({
  page,
  pages,
  href,
  labels = ["Vorige", "Volgende"],
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  labels?: [string, string];
}) {
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pagina's">
      {page > 1 ? <Link to={href(page - 1)}>{labels[0]}</Link> : null}
      <span>
        Pagina {page} van {pages}
      </span>
      {page < pages ? <Link to={href(page + 1)}>{labels[1]}</Link> : null}
    </nav>
  );
}
