// "Wie loopt vast?" as one line per person: name, flags as short labels, last activity and reading; the details
// (each flag explained, the assignments, peer feedback, reading per module) open on click. Cards on a phone.
import { Link } from "~/components/link";
import type { StuckFlag } from "~/grading/stuck-flags";
import { formatNumber } from "~/format";

type Row = {
  id: string;
  name: string;
  flags: StuckFlag[];
  statuses: Record<string, string>;
  reviewsOwed: number;
  reviewsGiven: number;
  reviewsOnTime: number;
  reviewsRating: number | null;
  daysInactive: number | null;
  progress: number;
  moduleProgress: Record<string, number | undefined>;
};
type Overview = {
  assignments: { slug: string; title: string }[];
  modules: { slug: string; order: number; title: string }[];
  rows: Row[];
  labels: Record<string, string>;
};

const FLAG_CLASS: Record<StuckFlag["kind"], string> = {
  late: "badge badge--danger",
  revision: "badge badge--warm",
  reviews: "badge badge--warm",
  inactive: "badge badge--warm",
  reading: "badge",
  attendance: "badge badge--warm",
  evaluation: "badge",
  quality: "badge badge--warm",
};

function lastActive(days: number | null) {
  if (days === null) return "nog nooit actief";
  if (days === 0) return "vandaag actief";
  if (days === 1) return "gisteren actief";
  return `${days} dagen geleden actief`;
}

export function StuckList({ overview, cohortId }: { overview: Overview; cohortId: string }) {
  return (
    <ol className="stuck-list">
      {overview.rows.map((row) => (
        <li key={row.id} className="stuck-row">
          <details className="stuck-row__details">
            <summary className="stuck-row__summary">
              <span className="stuck-row__name">{row.name}</span>
              <span className="stuck-row__flags">
                {row.flags.length ? (
                  row.flags.map((flag) => (
                    <span key={flag.kind} className={FLAG_CLASS[flag.kind]}>
                      {flag.label}
                    </span>
                  ))
                ) : (
                  <span className="muted">Geen signalen</span>
                )}
              </span>
              <span className="stuck-row__facts muted">
                {lastActive(row.daysInactive)} · {row.progress}% gelezen
              </span>
            </summary>
            <StuckDetails row={row} overview={overview} />
          </details>
          <Link
            className="button button--secondary stuck-row__action"
            to={`/beoordelen/bericht/${cohortId}/${row.id}`}
            aria-label={`Stuur ${row.name} een berichtje`}
          >
            Stuur een berichtje
          </Link>
        </li>
      ))}
    </ol>
  );
}

function StuckDetails({ row, overview }: { row: Row; overview: Overview }) {
  return (
    <div className="stuck-row__body">
      {row.flags.length ? (
        <ul className="stuck-details">
          {row.flags.map((flag) => (
            <li key={flag.kind}>{flag.detail}</li>
          ))}
        </ul>
      ) : null}
      <h3 className="stuck-row__heading">Opdrachten</h3>
      <ul className="stuck-statuses">
        {overview.assignments.map((a) => (
          <li key={a.slug}>
            <span>{a.title}</span> <strong>{overview.labels[row.statuses[a.slug] ?? "open"]}</strong>
          </li>
        ))}
      </ul>
      <p>
        {`Peerfeedback: ${row.reviewsOwed} open, ${row.reviewsGiven} gegeven (${row.reviewsOnTime} op tijd)` +
          (row.reviewsRating !== null ? `, gewaardeerd met ${formatNumber(row.reviewsRating)} van 4` : "") +
          "."}
      </p>
      <p className="flush">Gelezen per module:</p>
      <ul className="module-bars" aria-label={`Gelezen per module door ${row.name}`}>
        {overview.modules.map((m) => (
          <li key={m.slug} title={`Module ${m.order}: ${m.title}, ${row.moduleProgress[m.slug] ?? 0}% gelezen`}>
            <span className="visually-hidden">
              Module {m.order}: {row.moduleProgress[m.slug] ?? 0}%
            </span>
            <span
              className="module-bars__bar"
              style={{ height: `${Math.max(2, (row.moduleProgress[m.slug] ?? 0) * 0.2)}px` }}
              aria-hidden="true"
            />
          </li>
        ))}
      </ul>
      <p className="space-top-sm flush">
        <Link to={`/wijk/${row.id}`}>Wijkprofiel van {row.name}</Link>
      </p>
    </div>
  );
}
