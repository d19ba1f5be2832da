// The downloadable receipt: one self-contained, printable HTML file (no scripts, no outside resources).
import { formatCalendarDate, formatDate, formatEuro } from "~/format";
import type { Receipt } from "./receipt.server";

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function receiptFileName(receipt: Receipt) {
  const day = receipt.paidAt ? receipt.paidAt.toISOString().slice(0, 10) : "onbetaald";
  return `betaalbewijs-${day}-${receipt.id}.html`;
}

export function receiptDocument(receipt: Receipt): string {
  const rows: [string, string][] = [
    ["Leergang", `Creative Communities, ${receipt.cohortName} (start ${formatCalendarDate(receipt.startsOn)})`],
    ["Deelnemer", receipt.participant],
    ["Betaald door", receipt.paidBy],
    ["Betaalwijze", receipt.method],
    ["Datum", receipt.paidAt ? formatDate(receipt.paidAt) : "–"],
    ["Kenmerk", receipt.reference],
    ["Bedrag excl. btw", formatEuro(receipt.exclCents)],
    ["Btw (21%)", formatEuro(receipt.vatCents)],
    ["Totaal incl. btw", formatEuro(receipt.amountCents)],
    ...(receipt.refundedCents ? ([["Terugbetaald", formatEuro(receipt.refundedCents)]] as [string, string][]) : []),
  ];
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Betaalbewijs ${escapeHtml(receipt.reference)}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.4rem 0.5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
th { width: 40%; font-weight: 600; }
</style>
</head>
<body>
<h1>Betaalbewijs</h1>
<p>Gilde, leergang Creative Communities</p>
<table>
${rows.map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join("\n")}
</table>
<p>Bewaar dit bewijs bij je administratie. Je kunt het altijd opnieuw downloaden via Gilde, bij je betalingen.</p>
</body>
</html>
`;
}
