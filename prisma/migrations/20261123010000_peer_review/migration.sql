-- CreateEnum
CREATE TYPE "PeerReviewStatus" AS ENUM ('OPEN', 'SUBMITTED', 'CANCELLED');

-- CreateTable
CREATE TABLE "PeerReview" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "assignmentSlug" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "status" "PeerReviewStatus" NOT NULL DEFAULT 'OPEN',
    "crossGilde" BOOLEAN NOT NULL DEFAULT false,
    "extra" BOOLEAN NOT NULL DEFAULT false,
    "answers" TEXT NOT NULL DEFAULT '{}',
    "levels" TEXT NOT NULL DEFAULT '{}',
    "tip" TEXT NOT NULL DEFAULT '',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "assignedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "submittedAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "cancelReason" TEXT,
    "remindedAt" TIMESTAMPTZ(3),
    "rating" INTEGER,
    "ratingComment" TEXT,
    "ratedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PeerReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeerReviewExcuse" (
    "cohortId" TEXT NOT NULL,
    "assignmentSlug" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "excusedById" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PeerReviewExcuse_pkey" PRIMARY KEY ("cohortId","assignmentSlug","userId")
);

-- CreateIndex
CREATE INDEX "PeerReview_reviewerId_status_idx" ON "PeerReview"("reviewerId", "status");

-- CreateIndex
CREATE INDEX "PeerReview_cohortId_assignmentSlug_status_idx" ON "PeerReview"("cohortId", "assignmentSlug", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PeerReview_submissionId_reviewerId_key" ON "PeerReview"("submissionId", "reviewerId");

-- AddForeignKey
ALTER TABLE "PeerReview" ADD CONSTRAINT "PeerReview_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeerReview" ADD CONSTRAINT "PeerReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

