// A payment's receipt: amount, VAT in it, date, reference and who paid, for the confirmation page and mail and
// for the participant's own download (/account/betalingen). Only paid (or arranged) payments have one.
import type { Prisma } from "@prisma/client";
import { db } from "~/db.server";
import { priceBreakdown } from "./price";

type Client = Prisma.TransactionClient | typeof db;

const receiptSelect = {
  id: true,
  kind: true,
  status: true,
  amountCents: true,
  refundedCents: true,
  paidAt: true,
  invoiceId: true,
  paymentIntentId: true,
  payerName: true,
  enrollment: {
    select: {
      user: { select: { name: true, email: true } },
      intake: { select: { employerName: true } },
      cohort: { select: { id: true, name: true, startsOn: true } },
    },
  },
} satisfies Prisma.PaymentSelect;

type ReceiptRow = Prisma.PaymentGetPayload<{ select: typeof receiptSelect }>;

export type Receipt = ReturnType<typeof toReceipt>;

function toReceipt(p: ReceiptRow) {
  // What was paid is the price including VAT (payments.server charges that), so the VAT is the part within it.
  const { vatCents, exclCents } = priceBreakdown(p.amountCents, true);
  const employer = p.kind === "INVOICE";
  return {
    id: p.id,
    cohortId: p.enrollment.cohort.id,
    cohortName: p.enrollment.cohort.name,
    startsOn: p.enrollment.cohort.startsOn,
    amountCents: p.amountCents,
    exclCents,
    vatCents,
    refundedCents: p.refundedCents,
    paidAt: p.paidAt,
    reference: (employer ? p.invoiceId : p.paymentIntentId) ?? p.id,
    method: employer ? "Factuur aan de werkgever" : "iDEAL of creditcard (Stripe)",
    paidBy: employer ? (p.enrollment.intake?.employerName ?? "de werkgever") : (p.payerName ?? p.enrollment.user.name),
    participant: p.enrollment.user.name,
  };
}

const PAID = ["PAID", "ARRANGED", "REFUNDED"] as const;

/** The participant's payments that have a receipt, newest first. */
export async function myReceipts(userId: string) {
  const rows = await db.payment.findMany({
    where: { enrollment: { userId }, status: { in: [...PAID] }, paidAt: { not: null } },
    orderBy: { paidAt: "desc" },
    select: receiptSelect,
  });
  return rows.map(toReceipt);
}

/** One receipt, only for the participant it belongs to (null otherwise: a 404, whoever else asks). */
export async function myReceipt(userId: string, paymentId: string) {
  const row = await db.payment.findFirst({
    where: { id: paymentId, enrollment: { userId }, status: { in: [...PAID] }, paidAt: { not: null } },
    select: receiptSelect,
  });
  return row ? toReceipt(row) : null;
}

/** The receipt of a payment just settled (inside the webhook's transaction). */
export async function receiptOf(client: Client, paymentId: string) {
  const row = await client.payment.findUnique({ where: { id: paymentId }, select: receiptSelect });
  return row ? toReceipt(row) : null;
}
