-- Issue 23: who wrote a reflection. A gilde's work has one submission for all members, and any member may write
-- what the gilde will do with the feedback; the export gives a member the reflections they wrote, and erasure
-- removes them. Existing reflections were written by the submission's own participant.
ALTER TABLE "Reflection" ADD COLUMN "authorId" TEXT;

UPDATE "Reflection" AS r SET "authorId" = s."userId" FROM "Submission" AS s WHERE s."id" = r."submissionId";

CREATE INDEX "Reflection_authorId_idx" ON "Reflection"("authorId");

ALTER TABLE "Reflection" ADD CONSTRAINT "Reflection_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
