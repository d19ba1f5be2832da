-- AlterTable
ALTER TABLE "Cohort" ADD COLUMN     "secondReaderForFail" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "secondReadAt" TIMESTAMPTZ(3),
ADD COLUMN     "secondReaderId" TEXT;

-- CreateIndex
CREATE INDEX "Submission_cohortId_status_updatedAt_idx" ON "Submission"("cohortId", "status", "updatedAt");

