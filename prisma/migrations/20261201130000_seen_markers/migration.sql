-- When someone last opened a place where news arrives (issue 18: the to-do start page tells new from seen).
CREATE TABLE "Seen" (
    "userId" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "seenAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Seen_pkey" PRIMARY KEY ("userId","place")
);

ALTER TABLE "Seen" ADD CONSTRAINT "Seen_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
