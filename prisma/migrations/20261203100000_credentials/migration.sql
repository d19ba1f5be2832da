-- The certificate as a verifiable credential (issue 21): the issuer's signing keys, its settings, and the
-- credentials issued on completion.
CREATE TABLE "IssuerKey" (
    "id" TEXT NOT NULL,
    "publicKeyMultibase" TEXT NOT NULL,
    "secretKeyMultibase" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMPTZ(3),

    CONSTRAINT "IssuerKey_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "IssuerSettings" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IssuerSettings_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Credential" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "document" JSONB NOT NULL,
    "recipientName" TEXT NOT NULL,
    "statusIndex" INTEGER NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL,
    "currentFor" TEXT,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedReason" TEXT,
    "revokedById" TEXT,

    CONSTRAINT "Credential_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Credential_statusIndex_key" ON "Credential"("statusIndex");

CREATE UNIQUE INDEX "Credential_currentFor_key" ON "Credential"("currentFor");

CREATE INDEX "Credential_userId_idx" ON "Credential"("userId");

CREATE INDEX "Credential_cohortId_idx" ON "Credential"("cohortId");

ALTER TABLE "Credential" ADD CONSTRAINT "Credential_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Credential" ADD CONSTRAINT "Credential_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Credential" ADD CONSTRAINT "Credential_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "IssuerKey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Credential" ADD CONSTRAINT "Credential_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
