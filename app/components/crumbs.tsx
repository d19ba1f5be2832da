// The small line above a page's heading: where the page sits (a link back) and, optionally, what it belongs to.
import { Link } from "~/components/link";

export function Crumbs({ to, label, after }: { to: string; label: string; after?: string }) {
  return (
    <p className="muted flush">
      <Link to={to}>{label}</Link>
      {after ? ` · ${after}` : null}
    </p>
  );
}
