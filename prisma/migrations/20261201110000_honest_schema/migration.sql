-- An honest schema (issue 17): JSON kept in text columns becomes jsonb, closed sets kept in text become enums, and
-- every column that points at a row gets its foreign key. Existing data is converted in place. Runs in one
-- transaction (app/db/migrate.server.ts, prisma migrate deploy): when a conversion fails nothing has changed.

-- ---- JSON text → jsonb. The app only ever wrote JSON.stringify() of an object here, so the cast cannot fail on
-- data it wrote. The text default cannot be cast with the column, so it is dropped and set again.

ALTER TABLE "Assessment" ALTER COLUMN "levels" DROP DEFAULT,
ALTER COLUMN "levels" SET DATA TYPE JSONB USING "levels"::jsonb,
ALTER COLUMN "levels" SET DEFAULT '{}',
ALTER COLUMN "feedback" DROP DEFAULT,
ALTER COLUMN "feedback" SET DATA TYPE JSONB USING "feedback"::jsonb,
ALTER COLUMN "feedback" SET DEFAULT '{}';

ALTER TABLE "PeerReview" ALTER COLUMN "answers" DROP DEFAULT,
ALTER COLUMN "answers" SET DATA TYPE JSONB USING "answers"::jsonb,
ALTER COLUMN "answers" SET DEFAULT '{}',
ALTER COLUMN "levels" DROP DEFAULT,
ALTER COLUMN "levels" SET DATA TYPE JSONB USING "levels"::jsonb,
ALTER COLUMN "levels" SET DEFAULT '{}';

-- ---- Closed sets → enums.

-- The trainer's decision: the Dutch words of the form become names like the other statuses. Anything else (there
-- was no other value the app wrote) becomes NULL: no decision yet.
CREATE TYPE "Decision" AS ENUM ('PASSED', 'FAILED', 'REVISION');
ALTER TABLE "Assessment" ALTER COLUMN "decision" SET DATA TYPE "Decision" USING (
  CASE "decision"
    WHEN 'voldaan' THEN 'PASSED'
    WHEN 'niet-voldaan' THEN 'FAILED'
    WHEN 'herziening' THEN 'REVISION'
  END
)::"Decision";

-- Why a peer review was cancelled: the Dutch reasons the app wrote, by name. An unknown reason becomes NULL.
CREATE TYPE "ReviewCancelReason" AS ENUM ('REVIEWER_LEFT', 'AUTHOR_LEFT', 'LAPSED', 'REASSIGNED', 'EXCUSED', 'ERASED');
ALTER TABLE "PeerReview" ALTER COLUMN "cancelReason" SET DATA TYPE "ReviewCancelReason" USING (
  CASE "cancelReason"
    WHEN 'teruggetrokken' THEN 'REVIEWER_LEFT'
    WHEN 'schrijver gestopt' THEN 'AUTHOR_LEFT'
    WHEN 'verlopen' THEN 'LAPSED'
    WHEN 'verplaatst door trainer' THEN 'REASSIGNED'
    WHEN 'vrijgesteld' THEN 'EXCUSED'
    WHEN 'account verwijderd' THEN 'ERASED'
  END
)::"ReviewCancelReason";

-- Who pays: the intake form only ever wrote SELF or EMPLOYER.
CREATE TYPE "Payer" AS ENUM ('SELF', 'EMPLOYER');
ALTER TABLE "Intake" ALTER COLUMN "payer" SET DATA TYPE "Payer" USING "payer"::"Payer";

-- Which deadline reminder: '3d' or '1d', kept as they are (app/assignments/rules.ts).
CREATE TYPE "ReminderKind" AS ENUM ('3d', '1d');
ALTER TABLE "ReminderSent" ALTER COLUMN "kind" SET DATA TYPE "ReminderKind" USING "kind"::"ReminderKind";

-- ---- Orphans. A foreign key cannot be added while a row points at nothing. Users and cohorts are never deleted
-- (erasure anonymises), so in data the app wrote the only orphans are practice cases whose source submission was
-- deleted by erasure or retention. For the rest, per column: a nullable "who did it" is set to NULL (the row
-- stays); a row that cannot exist without what it points at is deleted.

-- Nullable: set to NULL.
UPDATE "Enrollment" SET "decidedById" = NULL
  WHERE "decidedById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = "Enrollment"."decidedById");
UPDATE "ModuleRelease" SET "updatedById" = NULL
  WHERE "updatedById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = "ModuleRelease"."updatedById");
UPDATE "AssignmentSchedule" SET "updatedById" = NULL
  WHERE "updatedById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = "AssignmentSchedule"."updatedById");
-- A second reading by nobody is no reading: the draft needs a new one.
UPDATE "Assessment" SET "secondReaderId" = NULL, "secondReadAt" = NULL
  WHERE "secondReaderId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = "Assessment"."secondReaderId");
UPDATE "Post" SET "hiddenById" = NULL
  WHERE "hiddenById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = "Post"."hiddenById");
UPDATE "PracticeCase" SET "sourceSubmissionId" = NULL
  WHERE "sourceSubmissionId" IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM "Submission" s WHERE s.id = "PracticeCase"."sourceSubmissionId");
UPDATE "PrivacyRequest" SET "handledById" = NULL
  WHERE "handledById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = "PrivacyRequest"."handledById");
UPDATE "AuditEvent" SET "actorId" = NULL
  WHERE "actorId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = "AuditEvent"."actorId");

-- Required: the row means nothing without it, so it is deleted. Submissions and drafts first: deleting them
-- cascades to versions, assessments, peer reviews and attachment rows (files without a row are swept at start).
DELETE FROM "Submission" WHERE NOT EXISTS (SELECT 1 FROM "Cohort" c WHERE c.id = "Submission"."cohortId");
DELETE FROM "Draft" WHERE NOT EXISTS (SELECT 1 FROM "Cohort" c WHERE c.id = "Draft"."cohortId");
DELETE FROM "Attachment" WHERE NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = "Attachment"."userId");
DELETE FROM "GildeMember" WHERE NOT EXISTS (SELECT 1 FROM "Cohort" c WHERE c.id = "GildeMember"."cohortId");
DELETE FROM "Extension"
  WHERE NOT EXISTS (SELECT 1 FROM "Cohort" c WHERE c.id = "Extension"."cohortId")
     OR NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = "Extension"."userId")
     OR NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = "Extension"."grantedById");
DELETE FROM "ReminderSent"
  WHERE NOT EXISTS (SELECT 1 FROM "Cohort" c WHERE c.id = "ReminderSent"."cohortId")
     OR NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = "ReminderSent"."userId");
DELETE FROM "Assessment"
  WHERE NOT EXISTS (SELECT 1 FROM "SubmissionVersion" v WHERE v.id = "Assessment"."versionId")
     OR NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = "Assessment"."gradedById");
DELETE FROM "PeerReview" WHERE NOT EXISTS (SELECT 1 FROM "Cohort" c WHERE c.id = "PeerReview"."cohortId");
DELETE FROM "PeerReviewExcuse"
  WHERE NOT EXISTS (SELECT 1 FROM "Cohort" c WHERE c.id = "PeerReviewExcuse"."cohortId")
     OR NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = "PeerReviewExcuse"."userId")
     OR NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = "PeerReviewExcuse"."excusedById");
-- A gilde room's thread without its gilde is reachable by nobody (gildeId is NULL only for COMMUNITY threads, so it
-- is deleted rather than set to NULL); a thread without an author is deleted with its posts.
DELETE FROM "Thread"
  WHERE ("gildeId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Gilde" g WHERE g.id = "Thread"."gildeId"))
     OR NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = "Thread"."authorId");
DELETE FROM "Reaction" WHERE NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = "Reaction"."userId");
DELETE FROM "Follow" WHERE NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = "Follow"."userId");
DELETE FROM "Report" WHERE NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = "Report"."reporterId");
DELETE FROM "GildeMentor"
  WHERE NOT EXISTS (SELECT 1 FROM "Gilde" g WHERE g.id = "GildeMentor"."gildeId")
     OR NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = "GildeMentor"."userId")
     OR NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = "GildeMentor"."linkedById");
DELETE FROM "DigestPreference" WHERE NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = "DigestPreference"."userId");
DELETE FROM "PrivacyRequest" WHERE NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = "PrivacyRequest"."userId");

-- ---- Foreign keys. Restrict where the row is a record others rely on (users are anonymised, never deleted);
-- Cascade where the row means nothing without its parent; SetNull for a practice case's source.

ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "GildeMember" ADD CONSTRAINT "GildeMember_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ModuleRelease" ADD CONSTRAINT "ModuleRelease_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AssignmentSchedule" ADD CONSTRAINT "AssignmentSchedule_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Draft" ADD CONSTRAINT "Draft_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ReminderSent" ADD CONSTRAINT "ReminderSent_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ReminderSent" ADD CONSTRAINT "ReminderSent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "SubmissionVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_gradedById_fkey" FOREIGN KEY ("gradedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_secondReaderId_fkey" FOREIGN KEY ("secondReaderId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PeerReview" ADD CONSTRAINT "PeerReview_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PeerReviewExcuse" ADD CONSTRAINT "PeerReviewExcuse_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PeerReviewExcuse" ADD CONSTRAINT "PeerReviewExcuse_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PeerReviewExcuse" ADD CONSTRAINT "PeerReviewExcuse_excusedById_fkey" FOREIGN KEY ("excusedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Thread" ADD CONSTRAINT "Thread_gildeId_fkey" FOREIGN KEY ("gildeId") REFERENCES "Gilde"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Thread" ADD CONSTRAINT "Thread_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Post" ADD CONSTRAINT "Post_hiddenById_fkey" FOREIGN KEY ("hiddenById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Reaction" ADD CONSTRAINT "Reaction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Report" ADD CONSTRAINT "Report_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PracticeCase" ADD CONSTRAINT "PracticeCase_sourceSubmissionId_fkey" FOREIGN KEY ("sourceSubmissionId") REFERENCES "Submission"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "GildeMentor" ADD CONSTRAINT "GildeMentor_gildeId_fkey" FOREIGN KEY ("gildeId") REFERENCES "Gilde"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "GildeMentor" ADD CONSTRAINT "GildeMentor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "GildeMentor" ADD CONSTRAINT "GildeMentor_linkedById_fkey" FOREIGN KEY ("linkedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "DigestPreference" ADD CONSTRAINT "DigestPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PrivacyRequest" ADD CONSTRAINT "PrivacyRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "PrivacyRequest" ADD CONSTRAINT "PrivacyRequest_handledById_fkey" FOREIGN KEY ("handledById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
