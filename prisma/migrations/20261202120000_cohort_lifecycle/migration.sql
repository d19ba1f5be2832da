-- Issue 19: cohorts get a lifecycle, and a waitlisted person can be offered a freed seat.

CREATE TYPE "CohortStatus" AS ENUM ('CONCEPT', 'PUBLISHED', 'INTAKE_CLOSED', 'RUNNING', 'FINISHED');

-- New cohorts start as concept (not public, no intakes) until the admin publishes them.
ALTER TABLE "Cohort" ADD COLUMN "status" "CohortStatus" NOT NULL DEFAULT 'CONCEPT';

-- Existing cohorts keep what they showed until now, judged by today's date in Amsterdam:
--   ended (endsOn before today)                 -> FINISHED
--   started (startsOn today or earlier)          -> RUNNING
--   not started, intake open                    -> PUBLISHED (on the catalogue, takes intakes)
--   not started, intake closed                  -> INTAKE_CLOSED (it was on the catalogue as "intake niet open")
-- None becomes CONCEPT: every existing cohort was already public.
UPDATE "Cohort" SET "status" = CASE
  WHEN "endsOn" < (now() AT TIME ZONE 'Europe/Amsterdam')::date THEN 'FINISHED'::"CohortStatus"
  WHEN "startsOn" <= (now() AT TIME ZONE 'Europe/Amsterdam')::date THEN 'RUNNING'::"CohortStatus"
  WHEN "intakeOpen" THEN 'PUBLISHED'::"CohortStatus"
  ELSE 'INTAKE_CLOSED'::"CohortStatus"
END;

-- One truth: intake is open exactly when the status is PUBLISHED (and the cohort has not started).
ALTER TABLE "Cohort" DROP COLUMN "intakeOpen";

-- A waitlist offer holds a seat until it expires (see app/enrollment/waitlist.server.ts).
ALTER TABLE "Enrollment" ADD COLUMN "offeredAt" TIMESTAMPTZ(3),
ADD COLUMN "offerExpiresAt" TIMESTAMPTZ(3);

CREATE INDEX "Enrollment_cohortId_offerExpiresAt_idx" ON "Enrollment"("cohortId", "offerExpiresAt");
