-- Inviting trainers and co-admins by e-mail (issue 19).
CREATE TYPE "InvitedRole" AS ENUM ('TRAINER', 'ADMIN');

CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "role" "InvitedRole" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),
    "withdrawnAt" TIMESTAMPTZ(3),
    "sentCount" INTEGER NOT NULL DEFAULT 1,
    "lastSentAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "InvitationCohort" (
    "invitationId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,

    CONSTRAINT "InvitationCohort_pkey" PRIMARY KEY ("invitationId","cohortId")
);

CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");
-- One open invitation per address: two admins inviting the same person at once get one invitation, not two links.
CREATE UNIQUE INDEX "Invitation_open_email_key" ON "Invitation"("email") WHERE "acceptedAt" IS NULL AND "withdrawnAt" IS NULL;
CREATE INDEX "InvitationCohort_cohortId_idx" ON "InvitationCohort"("cohortId");

ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "InvitationCohort" ADD CONSTRAINT "InvitationCohort_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "Invitation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "InvitationCohort" ADD CONSTRAINT "InvitationCohort_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;
