-- AlterTable
ALTER TABLE "LoginThrottle" ADD COLUMN     "locks" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "InstallSecret" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InstallSecret_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "PendingRegistration" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "redirectTo" TEXT NOT NULL DEFAULT '/dashboard',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PendingRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PendingRegistration_email_idx" ON "PendingRegistration"("email");

-- CreateIndex
CREATE INDEX "PendingRegistration_expiresAt_idx" ON "PendingRegistration"("expiresAt");

-- An install that already holds the demo data keeps demo payments, with a secret of its own (two v4 UUIDs: 244
-- random bits) instead of the constant the code used to carry.
INSERT INTO "InstallSecret" ("name", "value")
SELECT 'demo-webhook', 'whsec_' || replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')
WHERE EXISTS (SELECT 1 FROM "User" WHERE "email" = 'beheer@gilde.test');
