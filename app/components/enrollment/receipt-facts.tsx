// A receipt as a list of facts: amount with the VAT in it, date, reference, who paid and how.
import { formatDate, formatEuro } from "~/format";

export type ReceiptView = {
  amountCents: number;
  exclCents: number;
  vatCents: number;
  refundedCents: number;
  paidAt: string | null;
  reference: string;
  method: string;
  paidBy: string;
};

export function ReceiptFacts({ receipt }: { receipt: ReceiptView }) {
  return (
    <dl className="facts">
      <dt>Bedrag</dt>
      <dd>{formatEuro(receipt.amountCents)} incl. btw</dd>
      <dt>Waarvan btw (21%)</dt>
      <dd>{formatEuro(receipt.vatCents)}</dd>
      <dt>Bedrag excl. btw</dt>
      <dd>{formatEuro(receipt.exclCents)}</dd>
      <dt>Datum</dt>
      <dd>{receipt.paidAt ? formatDate(receipt.paidAt) : "–"}</dd>
      <dt>Kenmerk</dt>
      <dd className="reference">{receipt.reference}</dd>
      <dt>Betaald door</dt>
      <dd>{receipt.paidBy}</dd>
      <dt>Betaalwijze</dt>
      <dd>{receipt.method}</dd>
      {receipt.refundedCents ? (
        <>
          <dt>Terugbetaald</dt>
          <dd>{formatEuro(receipt.refundedCents)}</dd>
        </>
      ) : null}
    </dl>
  );
}
