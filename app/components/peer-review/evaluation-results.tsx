// The trainer's view of one evaluation moment: per gilde, per member, their own rating, every gildegenoot's rating
// by name, with outliers marked (the rule is said on the page), the comments, and who has not finished.
import { Table } from "~/components/table";
import { EVALUATION_CRITERIA } from "~/peer-review/evaluation-rules";
import { formatNumber } from "~/format";

type Result = {
  criterion: string;
  self: number | null;
  average: number | null;
  belowSelf: boolean;
  peers: { rater: string; score: number; outlier: boolean }[];
};
type Member = {
  id: string;
  name: string;
  missing: number;
  results: Result[];
  comments: { rater: string; text: string }[];
};

const titleOf = (id: string) => EVALUATION_CRITERIA.find((c) => c.id === id)?.title ?? id;

export function EvaluationResults({ gildes }: { gildes: { id: string; name: string; members: Member[] }[] }) {
  return gildes.map((gilde) => (
    <section key={gilde.id} aria-labelledby={`gilde-${gilde.id}`}>
      <h2 id={`gilde-${gilde.id}`}>Gilde {gilde.name}</h2>
      {gilde.members.length === 0 ? <p className="muted">Geen actieve leden.</p> : null}
      {gilde.members.map((member) => (
        <article key={member.id} className="card card--stacked">
          <h3 className="flush-top">
            {member.name}
            {member.missing > 0 ? (
              <span className="badge">
                nog {member.missing} {member.missing === 1 ? "beoordeling" : "beoordelingen"} te geven
              </span>
            ) : null}
          </h3>
          <Table
            headers={["Criterium", "Zelf", "Gildegenoten", "Per gildegenoot"]}
            caption={`Evaluatie van ${member.name}`}
          >
            {member.results.map((r) => (
              <tr key={r.criterion}>
                <td>{titleOf(r.criterion)}</td>
                <td>{r.self ?? "–"}</td>
                <td>
                  {r.average === null ? "–" : `gemiddeld ${formatNumber(r.average)}`}
                  {r.belowSelf ? <strong> (!) ver onder eigen cijfer</strong> : null}
                </td>
                <td>
                  {r.peers.length
                    ? r.peers.map((p, index) => (
                        <span key={index}>
                          {index ? " · " : ""}
                          {p.rater} {p.score}
                          {p.outlier ? <strong> (!) ver onder de anderen</strong> : null}
                        </span>
                      ))
                    : "–"}
                </td>
              </tr>
            ))}
          </Table>
          {member.comments.length ? (
            <>
              <h4>Toelichtingen</h4>
              <ul>
                {member.comments.map((c, index) => (
                  <li key={index}>
                    <strong>{c.rater}:</strong> {c.text}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </article>
      ))}
    </section>
  ));
}
