-- LTI Dynamic Registration (issue 25, /lti/register): a platform that registered itself waits (PENDING) until a
-- Gilde admin approves it; it keeps the product it named (lti-platform-configuration's product_family_code).
-- The confirm tokens of /lti/register are single use: a used one is remembered until it would have expired.
CREATE TYPE "LtiPlatformStatus" AS ENUM ('ACTIVE', 'PENDING');

ALTER TABLE "LtiPlatform" ADD COLUMN "status" "LtiPlatformStatus" NOT NULL DEFAULT 'ACTIVE';
ALTER TABLE "LtiPlatform" ADD COLUMN "productFamily" TEXT;
ALTER TABLE "LtiPlatform" ADD COLUMN "registeredDynamically" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "LtiRegistrationUse" (
    "jti" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LtiRegistrationUse_pkey" PRIMARY KEY ("jti")
);

CREATE INDEX "LtiRegistrationUse_expiresAt_idx" ON "LtiRegistrationUse"("expiresAt");
