-- Your own account (issue 19): sessions say which browser they are and when they were last used, reminders can be
-- switched off, and an e-mail change waits for the link mailed to the new address.
ALTER TABLE "Session" ADD COLUMN "userAgent" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Session" ADD COLUMN "lastSeenAt" TIMESTAMPTZ(3);

ALTER TABLE "DigestPreference" ADD COLUMN "reminders" BOOLEAN NOT NULL DEFAULT true;

CREATE TABLE "EmailChange" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "newEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),

    CONSTRAINT "EmailChange_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "EmailChange_userId_idx" ON "EmailChange"("userId");

ALTER TABLE "EmailChange" ADD CONSTRAINT "EmailChange_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
