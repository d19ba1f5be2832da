-- CreateTable
CREATE TABLE "ModuleRelease" (
    "cohortId" TEXT NOT NULL,
    "moduleSlug" TEXT NOT NULL,
    "opensOn" DATE NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "ModuleRelease_pkey" PRIMARY KEY ("cohortId","moduleSlug")
);

-- CreateTable
CREATE TABLE "SectionRead" (
    "userId" TEXT NOT NULL,
    "moduleSlug" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "readAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SectionRead_pkey" PRIMARY KEY ("userId","moduleSlug","sectionId")
);

-- CreateTable
CREATE TABLE "ContentSection" (
    "id" TEXT NOT NULL,
    "moduleSlug" TEXT NOT NULL,
    "anchor" TEXT NOT NULL,
    "heading" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ContentSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContentIndexState" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ContentIndexState_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContentSection_moduleSlug_idx" ON "ContentSection"("moduleSlug");

-- AddForeignKey
ALTER TABLE "ModuleRelease" ADD CONSTRAINT "ModuleRelease_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SectionRead" ADD CONSTRAINT "SectionRead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Dutch full-text search over the course text (not expressible in schema.prisma).
CREATE INDEX "ContentSection_search_idx" ON "ContentSection"
  USING GIN (to_tsvector('dutch', "heading" || ' ' || "body"));
