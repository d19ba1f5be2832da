-- Gilde assignments (issue 23): a shared draft with its edits, each member's contribution and agreement, the
-- gilde's one submission and the trainer's per-member grades.
ALTER TABLE "Submission" ADD COLUMN "gildeId" TEXT;

CREATE TABLE "GildeDraft" (
    "id" TEXT NOT NULL,
    "gildeId" TEXT NOT NULL,
    "assignmentSlug" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GildeDraft_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "GildeDraftEdit" (
    "id" TEXT NOT NULL,
    "draftId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "words" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GildeDraftEdit_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "GildeContribution" (
    "gildeId" TEXT NOT NULL,
    "assignmentSlug" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "agreedRevision" INTEGER,
    "agreedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GildeContribution_pkey" PRIMARY KEY ("gildeId","assignmentSlug","userId")
);

CREATE TABLE "MemberGrade" (
    "submissionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "decision" "Decision" NOT NULL,
    "reason" TEXT NOT NULL,
    "gradedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MemberGrade_pkey" PRIMARY KEY ("submissionId","userId")
);

-- One submission per gilde and assignment: two members handing in at once make one hand-in.
CREATE UNIQUE INDEX "Submission_gildeId_assignmentSlug_key" ON "Submission"("gildeId", "assignmentSlug");
CREATE UNIQUE INDEX "GildeDraft_gildeId_assignmentSlug_key" ON "GildeDraft"("gildeId", "assignmentSlug");
CREATE INDEX "GildeDraftEdit_draftId_at_idx" ON "GildeDraftEdit"("draftId", "at");

ALTER TABLE "Submission" ADD CONSTRAINT "Submission_gildeId_fkey" FOREIGN KEY ("gildeId") REFERENCES "Gilde"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "GildeDraft" ADD CONSTRAINT "GildeDraft_gildeId_fkey" FOREIGN KEY ("gildeId") REFERENCES "Gilde"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "GildeDraft" ADD CONSTRAINT "GildeDraft_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "GildeDraftEdit" ADD CONSTRAINT "GildeDraftEdit_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "GildeDraft"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "GildeDraftEdit" ADD CONSTRAINT "GildeDraftEdit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "GildeContribution" ADD CONSTRAINT "GildeContribution_gildeId_fkey" FOREIGN KEY ("gildeId") REFERENCES "Gilde"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "GildeContribution" ADD CONSTRAINT "GildeContribution_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MemberGrade" ADD CONSTRAINT "MemberGrade_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MemberGrade" ADD CONSTRAINT "MemberGrade_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MemberGrade" ADD CONSTRAINT "MemberGrade_gradedById_fkey" FOREIGN KEY ("gradedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
