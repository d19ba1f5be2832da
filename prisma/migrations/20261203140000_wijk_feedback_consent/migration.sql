-- Feedback from residents and partners, and a consent register for everyone named (issue 24).
CREATE TYPE "ConsentPurpose" AS ENUM ('ASSESSMENT', 'LIBRARY', 'COMMUNITY');
CREATE TYPE "ConsentMethod" AS ENUM ('FORM', 'PAPER');

ALTER TABLE "PracticeCase" ADD COLUMN "awaitingConsent" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "FeedbackRequest" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "assignmentSlug" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT,
    "name" TEXT NOT NULL DEFAULT '',
    "questions" TEXT[],
    "excerpt" TEXT NOT NULL,
    "maxResponses" INTEGER NOT NULL DEFAULT 1,
    "responseCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "FeedbackRequest_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ResidentFeedback" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "email" TEXT,
    "sharedWithGilde" BOOLEAN NOT NULL DEFAULT false,
    "thankedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResidentFeedback_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CaseSubject" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "CaseSubject_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Consent" (
    "id" TEXT NOT NULL,
    "collectedById" TEXT NOT NULL,
    "cohortId" TEXT,
    "personName" TEXT NOT NULL,
    "purpose" "ConsentPurpose" NOT NULL,
    "method" "ConsentMethod" NOT NULL,
    "shown" TEXT NOT NULL,
    "givenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "withdrawnAt" TIMESTAMPTZ(3),
    "endNoticeAt" TIMESTAMPTZ(3),
    "withdrawalTokenHash" TEXT NOT NULL,
    "feedbackId" TEXT,
    "subjectId" TEXT,
    "paperStorageKey" TEXT,
    "paperName" TEXT,
    "paperMediaType" TEXT,

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "FeedbackRequest_tokenHash_key" ON "FeedbackRequest"("tokenHash");
CREATE INDEX "FeedbackRequest_userId_cohortId_assignmentSlug_idx" ON "FeedbackRequest"("userId", "cohortId", "assignmentSlug");
CREATE INDEX "FeedbackRequest_userId_createdAt_idx" ON "FeedbackRequest"("userId", "createdAt");
CREATE INDEX "ResidentFeedback_requestId_idx" ON "ResidentFeedback"("requestId");
CREATE INDEX "CaseSubject_caseId_idx" ON "CaseSubject"("caseId");
CREATE UNIQUE INDEX "Consent_paperStorageKey_key" ON "Consent"("paperStorageKey");
CREATE INDEX "Consent_withdrawalTokenHash_idx" ON "Consent"("withdrawalTokenHash");
CREATE INDEX "Consent_collectedById_idx" ON "Consent"("collectedById");
CREATE INDEX "Consent_cohortId_idx" ON "Consent"("cohortId");
CREATE INDEX "Consent_feedbackId_idx" ON "Consent"("feedbackId");
CREATE INDEX "Consent_subjectId_idx" ON "Consent"("subjectId");
CREATE INDEX "Consent_expiresAt_idx" ON "Consent"("expiresAt");

ALTER TABLE "FeedbackRequest" ADD CONSTRAINT "FeedbackRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "FeedbackRequest" ADD CONSTRAINT "FeedbackRequest_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ResidentFeedback" ADD CONSTRAINT "ResidentFeedback_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "FeedbackRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CaseSubject" ADD CONSTRAINT "CaseSubject_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "PracticeCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_collectedById_fkey" FOREIGN KEY ("collectedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_feedbackId_fkey" FOREIGN KEY ("feedbackId") REFERENCES "ResidentFeedback"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "CaseSubject"("id") ON DELETE CASCADE ON UPDATE CASCADE;
