-- Clean copies of attachments for anonymous peer review (issue 16). Existing attachments start without one
-- ("cleanState" NULL); the app makes it at the first download by a reviewer in an anonymous mode.

-- CreateEnum
CREATE TYPE "CleanCopyState" AS ENUM ('CLEANED', 'UNCLEANABLE');

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "cleanProblem" TEXT,
ADD COLUMN     "cleanSha256" TEXT,
ADD COLUMN     "cleanSize" INTEGER,
ADD COLUMN     "cleanState" "CleanCopyState",
ADD COLUMN     "cleanStorageKey" TEXT;

-- A clean copy is there exactly when the state says CLEANED; a reason exactly when it says UNCLEANABLE.
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_clean_copy_check" CHECK (
    ("cleanState" IS NOT DISTINCT FROM 'CLEANED') = ("cleanStorageKey" IS NOT NULL AND "cleanSha256" IS NOT NULL AND "cleanSize" IS NOT NULL)
    AND ("cleanState" IS NOT DISTINCT FROM 'UNCLEANABLE') = ("cleanProblem" IS NOT NULL)
);

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_cleanStorageKey_key" ON "Attachment"("cleanStorageKey");
