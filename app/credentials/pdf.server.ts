// The certificate as a PDF in Dutch (pdf-lib and qrcode, pure JavaScript): who, which leergang and cohort, dates,
// study load, trainers and issuer, with a QR code to its public verification page.
import { PDFDocument, rgb, StandardFonts } from "pdf-lib";
import QRCode from "qrcode";
import { formatDate } from "~/format";
import type { CertificateFacts } from "./mine.server";

const A4 = { width: 595.28, height: 841.89 };
const INK = rgb(0.12, 0.16, 0.22);
const MUTED = rgb(0.35, 0.38, 0.44);
const ACCENT = rgb(0.1, 0.36, 0.33);

export async function certificatePdf(facts: CertificateFacts): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Certificaat ${facts.course.title} — ${facts.recipientName}`);
  pdf.setAuthor(facts.issuer.name);
  pdf.setLanguage("nl-NL");
  const page = pdf.addPage([A4.width, A4.height]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);

  const center = (text: string, y: number, size: number, font = regular, color = INK) => {
    const width = font.widthOfTextAtSize(text, size);
    page.drawText(text, { x: (A4.width - width) / 2, y, size, font, color });
  };

  page.drawRectangle({
    x: 28,
    y: 28,
    width: A4.width - 56,
    height: A4.height - 56,
    borderColor: ACCENT,
    borderWidth: 2,
  });
  center("CERTIFICAAT", 740, 30, bold, ACCENT);
  center(`${facts.issuer.name} verklaart dat`, 690, 13, regular, MUTED);
  center(facts.recipientName, 650, 26, bold);
  center("de leergang", 612, 13, regular, MUTED);
  center(facts.course.title, 580, 22, bold);
  center(`met goed gevolg heeft afgerond (${facts.course.level}).`, 552, 13, regular, MUTED);

  const lines: [string, string][] = [
    ["Groep", facts.cohortName],
    ["Periode", `${formatDate(facts.startsOn)} tot en met ${formatDate(facts.completedAt)}`],
    ["Studielast", `${facts.course.hours} uur (${facts.course.ec} EC)`],
    ["Trainers", facts.trainers.join(", ") || "—"],
    ["Uitgegeven", formatDate(facts.issuedAt)],
    ["Uitgever", facts.issuer.name],
  ];
  let y = 490;
  for (const [label, value] of lines) {
    page.drawText(label, { x: 90, y, size: 11, font: bold, color: MUTED });
    page.drawText(value, { x: 190, y, size: 11, font: regular, color: INK, maxWidth: 330 });
    y -= 24;
  }

  const qr = await QRCode.toBuffer(facts.verifyUrl, { type: "png", margin: 1, width: 300, errorCorrectionLevel: "M" });
  const image = await pdf.embedPng(qr);
  page.drawImage(image, { x: 90, y: 110, width: 120, height: 120 });
  page.drawText("Controleer dit certificaat", { x: 230, y: 205, size: 12, font: bold, color: INK });
  page.drawText("Scan de code of ga naar:", { x: 230, y: 186, size: 10, font: regular, color: MUTED });
  page.drawText(facts.verifyUrl, { x: 230, y: 170, size: 8, font: regular, color: ACCENT, maxWidth: 300 });
  page.drawText("Dit certificaat is ook uitgegeven als ondertekende Open Badge (Open Badges 3.0).", {
    x: 230,
    y: 140,
    size: 9,
    font: regular,
    color: MUTED,
    maxWidth: 290,
    lineHeight: 12,
  });
  page.drawText(`Kenmerk ${facts.id}`, { x: 230, y: 112, size: 8, font: regular, color: MUTED });
  return pdf.save();
}
