-- Login with eduID / SURFconext (issue 25): linked provider accounts, keyed by the provider's subject, and the
-- short-lived login attempts (state, nonce, PKCE verifier) kept server-side.
CREATE TYPE "OidcProvider" AS ENUM ('EDUID', 'SURFCONEXT');

CREATE TABLE "ExternalIdentity" (
    "id" TEXT NOT NULL,
    "provider" "OidcProvider" NOT NULL,
    "subject" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "eppn" TEXT,
    "schacHomeOrganization" TEXT,
    "email" TEXT,
    "linkedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastLoginAt" TIMESTAMPTZ(3),

    CONSTRAINT "ExternalIdentity_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "OidcLogin" (
    "id" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "provider" "OidcProvider" NOT NULL,
    "stateHash" TEXT NOT NULL,
    "codeVerifier" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "redirectTo" TEXT NOT NULL DEFAULT '',
    "userId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "returnedAt" TIMESTAMPTZ(3),
    "claims" JSONB,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "OidcLogin_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ExternalIdentity_provider_subject_key" ON "ExternalIdentity"("provider", "subject");

CREATE INDEX "ExternalIdentity_userId_idx" ON "ExternalIdentity"("userId");

CREATE INDEX "OidcLogin_userId_idx" ON "OidcLogin"("userId");

CREATE INDEX "OidcLogin_expiresAt_idx" ON "OidcLogin"("expiresAt");

ALTER TABLE "ExternalIdentity" ADD CONSTRAINT "ExternalIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "OidcLogin" ADD CONSTRAINT "OidcLogin_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
