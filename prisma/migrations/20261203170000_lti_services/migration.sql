-- LTI services (issue 25): the courses (contexts) launches come from with their AGS and NRPS endpoints, who is in
-- them, a gradebook line item per assignment, scores on their way to the LMS (retried), deep-linking requests.
CREATE TABLE "LtiContext" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "contextId" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "lineItemsUrl" TEXT,
    "agsScopes" TEXT[],
    "membershipsUrl" TEXT,
    "rosterSyncedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LtiContext_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "LtiContextMember" (
    "id" TEXT NOT NULL,
    "contextId" TEXT NOT NULL,
    "identityId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "inLms" BOOLEAN NOT NULL DEFAULT true,
    "seenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LtiContextMember_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "LtiLineItem" (
    "id" TEXT NOT NULL,
    "contextId" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "scoreMaximum" DOUBLE PRECISION NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LtiLineItem_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "LtiScorePost" (
    "id" TEXT NOT NULL,
    "contextId" TEXT NOT NULL,
    "identityId" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "scoreGiven" DOUBLE PRECISION NOT NULL,
    "scoreMaximum" DOUBLE PRECISION NOT NULL,
    "comment" TEXT NOT NULL,
    "activityProgress" TEXT NOT NULL,
    "gradingProgress" TEXT NOT NULL,
    "scoredAt" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LtiScorePost_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "LtiDeepLinkRequest" (
    "tokenHash" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "returnUrl" TEXT NOT NULL,
    "data" TEXT,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "chosen" TEXT[],

    CONSTRAINT "LtiDeepLinkRequest_pkey" PRIMARY KEY ("tokenHash")
);

CREATE UNIQUE INDEX "LtiContext_platformId_contextId_key" ON "LtiContext"("platformId", "contextId");
CREATE INDEX "LtiContextMember_identityId_idx" ON "LtiContextMember"("identityId");
CREATE UNIQUE INDEX "LtiContextMember_contextId_identityId_key" ON "LtiContextMember"("contextId", "identityId");
CREATE UNIQUE INDEX "LtiLineItem_contextId_resourceId_key" ON "LtiLineItem"("contextId", "resourceId");
CREATE INDEX "LtiScorePost_sentAt_nextAttemptAt_idx" ON "LtiScorePost"("sentAt", "nextAttemptAt");
CREATE INDEX "LtiScorePost_contextId_idx" ON "LtiScorePost"("contextId");
CREATE INDEX "LtiDeepLinkRequest_expiresAt_idx" ON "LtiDeepLinkRequest"("expiresAt");

ALTER TABLE "LtiContext" ADD CONSTRAINT "LtiContext_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "LtiPlatform"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "LtiContextMember" ADD CONSTRAINT "LtiContextMember_contextId_fkey" FOREIGN KEY ("contextId") REFERENCES "LtiContext"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "LtiContextMember" ADD CONSTRAINT "LtiContextMember_identityId_fkey" FOREIGN KEY ("identityId") REFERENCES "LtiIdentity"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "LtiLineItem" ADD CONSTRAINT "LtiLineItem_contextId_fkey" FOREIGN KEY ("contextId") REFERENCES "LtiContext"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "LtiScorePost" ADD CONSTRAINT "LtiScorePost_contextId_fkey" FOREIGN KEY ("contextId") REFERENCES "LtiContext"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "LtiScorePost" ADD CONSTRAINT "LtiScorePost_identityId_fkey" FOREIGN KEY ("identityId") REFERENCES "LtiIdentity"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "LtiDeepLinkRequest" ADD CONSTRAINT "LtiDeepLinkRequest_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "LtiPlatform"("id") ON DELETE CASCADE ON UPDATE CASCADE;
