-- CreateEnum
CREATE TYPE "PaymentKind" AS ENUM ('CHECKOUT', 'INVOICE');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('OPEN', 'PAID', 'FAILED', 'EXPIRED', 'REFUNDED', 'ARRANGED');

-- AlterEnum
ALTER TYPE "EnrollmentStatus" ADD VALUE 'WAITLISTED';

-- AlterTable
ALTER TABLE "Cohort" ADD COLUMN     "autoPlaceInGilde" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "intakeOpen" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "location" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "priceIncludesVat" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "refundAfterStartPercent" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reservationDays" INTEGER NOT NULL DEFAULT 14,
ADD COLUMN     "rhythm" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN     "decidedById" TEXT,
ADD COLUMN     "decisionMessage" TEXT,
ADD COLUMN     "reservedUntil" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "Intake" (
    "enrollmentId" TEXT NOT NULL,
    "currentWork" TEXT NOT NULL,
    "organisation" TEXT NOT NULL,
    "experienceYears" INTEGER NOT NULL,
    "experience" TEXT NOT NULL,
    "wijk" TEXT NOT NULL,
    "motivation" TEXT NOT NULL,
    "payer" TEXT NOT NULL,
    "employerName" TEXT,
    "employerContact" TEXT,
    "employerEmail" TEXT,
    "poNumber" TEXT,
    "employerAddress" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Intake_pkey" PRIMARY KEY ("enrollmentId")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "enrollmentId" TEXT NOT NULL,
    "kind" "PaymentKind" NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'OPEN',
    "amountCents" INTEGER NOT NULL,
    "refundedCents" INTEGER NOT NULL DEFAULT 0,
    "checkoutSessionId" TEXT,
    "checkoutUrl" TEXT,
    "paymentIntentId" TEXT,
    "invoiceId" TEXT,
    "customerId" TEXT,
    "dueAt" TIMESTAMPTZ(3),
    "paidAt" TIMESTAMPTZ(3),
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "objectId" TEXT,
    "outcome" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Payment_checkoutSessionId_key" ON "Payment"("checkoutSessionId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_paymentIntentId_key" ON "Payment"("paymentIntentId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_invoiceId_key" ON "Payment"("invoiceId");

-- CreateIndex
CREATE INDEX "Payment_enrollmentId_idx" ON "Payment"("enrollmentId");

-- CreateIndex
CREATE INDEX "Payment_kind_status_dueAt_idx" ON "Payment"("kind", "status", "dueAt");

-- CreateIndex
CREATE INDEX "StripeEvent_objectId_idx" ON "StripeEvent"("objectId");

-- AddForeignKey
ALTER TABLE "Intake" ADD CONSTRAINT "Intake_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

