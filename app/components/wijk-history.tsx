// How a participant's picture of their wijk grew: every saved version, newest first.
import { formatDateTime, formatNumber } from "~/format";

type Version = {
  id: string;
  number: number;
  createdAt: string;
  name: string;
  municipality: string;
  cbsCode: string | null;
  homes: number | null;
} & Record<"role" | "connectors" | "networks" | "ambitions" | "problems" | "chances", string>;

const LABELS: [keyof Version, string][] = [
  ["role", "Rol"],
  ["connectors", "Verbinders"],
  ["networks", "Netwerken"],
  ["ambitions", "Ideeën en ambities"],
  ["problems", "Problemen"],
  ["chances", "Kansen"],
];

export function WijkHistory({ versions }: { versions: Version[] }) {
  if (versions.length === 0) return null;
  return (
    <section className="space-top-lg" aria-labelledby="versies">
      <h2 id="versies">Versies van het wijkprofiel</h2>
      {versions.map((version, index) => (
        <details key={version.id} open={index === 0} className="card space-bottom-sm">
          <summary>
            Versie {version.number} · {formatDateTime(version.createdAt)} · {version.name} ({version.municipality})
          </summary>
          <dl>
            <dt>CBS-code en woningen</dt>
            <dd>
              {version.cbsCode ?? "geen code"} ·{" "}
              {version.homes ? `ongeveer ${formatNumber(version.homes)} woningen` : "aantal woningen onbekend"}
            </dd>
            {LABELS.map(([key, label]) =>
              version[key] ? (
                <div key={key}>
                  <dt>{label}</dt>
                  <dd className="pre-wrap">{String(version[key])}</dd>
                </div>
              ) : null,
            )}
          </dl>
        </details>
      ))}
    </section>
  );
}
