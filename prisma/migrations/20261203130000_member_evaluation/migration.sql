-- The gilde learns as a group (issue 23, second half): evaluation moments and members' ratings of each other,
-- the trainer's assessment of the feedback participants give, and reflections on feedback received.
ALTER TABLE "Cohort" ADD COLUMN "feedbackQualityCounts" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "EvaluationMoment" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "opensAt" TIMESTAMPTZ(3) NOT NULL,
    "closesAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvaluationMoment_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "MemberRating" (
    "id" TEXT NOT NULL,
    "momentId" TEXT NOT NULL,
    "raterId" TEXT NOT NULL,
    "rateeId" TEXT NOT NULL,
    "levels" JSONB NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MemberRating_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ReviewQuality" (
    "reviewId" TEXT NOT NULL,
    "assessorId" TEXT NOT NULL,
    "levels" JSONB NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReviewQuality_pkey" PRIMARY KEY ("reviewId")
);

CREATE TABLE "Reflection" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Reflection_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "EvaluationMoment_cohortId_opensAt_idx" ON "EvaluationMoment"("cohortId", "opensAt");

CREATE INDEX "MemberRating_momentId_rateeId_idx" ON "MemberRating"("momentId", "rateeId");

CREATE INDEX "MemberRating_raterId_idx" ON "MemberRating"("raterId");

CREATE INDEX "MemberRating_rateeId_idx" ON "MemberRating"("rateeId");

CREATE UNIQUE INDEX "MemberRating_momentId_raterId_rateeId_key" ON "MemberRating"("momentId", "raterId", "rateeId");

CREATE INDEX "ReviewQuality_assessorId_idx" ON "ReviewQuality"("assessorId");

CREATE UNIQUE INDEX "Reflection_submissionId_version_key" ON "Reflection"("submissionId", "version");

ALTER TABLE "EvaluationMoment" ADD CONSTRAINT "EvaluationMoment_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "MemberRating" ADD CONSTRAINT "MemberRating_momentId_fkey" FOREIGN KEY ("momentId") REFERENCES "EvaluationMoment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "MemberRating" ADD CONSTRAINT "MemberRating_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "MemberRating" ADD CONSTRAINT "MemberRating_rateeId_fkey" FOREIGN KEY ("rateeId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ReviewQuality" ADD CONSTRAINT "ReviewQuality_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "PeerReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ReviewQuality" ADD CONSTRAINT "ReviewQuality_assessorId_fkey" FOREIGN KEY ("assessorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Reflection" ADD CONSTRAINT "Reflection_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;
