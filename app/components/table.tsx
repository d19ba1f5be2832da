// A data table with column headers. On a phone (below about 600 px) each row becomes a card: every cell shows its
// column's title before it, and the action column (the one with an empty title) becomes full-width buttons at the
// bottom of the card, so nothing scrolls sideways with its action out of sight. The explicit roles keep it a table
// for screen readers when the stylesheet lays it out as blocks (some browsers drop table semantics then).
import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";

type CellProps = { children?: ReactNode; className?: string; colSpan?: number; role?: string; "data-label"?: string };

/** `caption` names the table for screen readers where no heading right above it does. */
export function Table({ headers, caption, children }: { headers: string[]; caption?: string; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="table-cards" role="table">
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr role="row">
            {headers.map((header, index) => (
              <th scope="col" role="columnheader" key={index}>
                {header || <span className="visually-hidden">Actie</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{Children.map(children, (row) => labelRow(row, headers))}</tbody>
      </table>
    </div>
  );
}

// The callers write plain <tr><td>…</td></tr>; the labels come from the headers here, so they cannot drift apart.
function labelRow(row: ReactNode, headers: string[]): ReactNode {
  if (!isValidElement<CellProps>(row) || row.type !== "tr") return row;
  let column = 0;
  const cells = Children.map(row.props.children, (cell) => {
    if (!isValidElement<CellProps>(cell) || cell.type !== "td") return cell;
    const header = headers[column];
    column += cell.props.colSpan ?? 1;
    if (header === undefined) return cloneElement(cell, { role: "cell" });
    return labelCell(cell, header);
  });
  return cloneElement(row, { role: "row" }, cells);
}

function labelCell(cell: ReactElement<CellProps>, header: string) {
  if (header === "") {
    const className = [cell.props.className, "table-cards__actions"].filter(Boolean).join(" ");
    return cloneElement(cell, { className, role: "cell" });
  }
  return cloneElement(cell, { "data-label": header, role: "cell" });
}
