-- The cohort page a person can decide on (issue 19): trainer profiles, accreditation, what the price includes,
-- instalments, and the cohort's contact days.
ALTER TABLE "User" ADD COLUMN "bio" TEXT NOT NULL DEFAULT '';

ALTER TABLE "Cohort" ADD COLUMN "accreditationRegister" TEXT NOT NULL DEFAULT '',
ADD COLUMN "accreditationPoints" INTEGER,
ADD COLUMN "priceIncludes" TEXT NOT NULL DEFAULT '',
ADD COLUMN "instalments" INTEGER NOT NULL DEFAULT 1;

CREATE TABLE "ContactDay" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "place" TEXT NOT NULL DEFAULT '',
    "online" BOOLEAN NOT NULL DEFAULT false,
    "topic" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ContactDay_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ContactDay_cohortId_startsAt_idx" ON "ContactDay"("cohortId", "startsAt");

ALTER TABLE "ContactDay" ADD CONSTRAINT "ContactDay_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;
