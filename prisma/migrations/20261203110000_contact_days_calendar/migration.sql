-- Contact days, attendance and a calendar that follows the course (issue 22): the full contact day (online link,
-- programme, preparation, leaders, break-outs, a sequence for calendar apps), "ik kom"/"ik kan niet", attendance with
-- its corrections, the cohort's attendance rule, the personal calendar feed and the reminder the day before.
CREATE TYPE "AttendanceStatus" AS ENUM ('PRESENT', 'LATE', 'ABSENT', 'EXCUSED');

ALTER TABLE "ContactDay" ADD COLUMN "onlineUrl" TEXT NOT NULL DEFAULT '',
ADD COLUMN "programme" TEXT NOT NULL DEFAULT '',
ADD COLUMN "preparation" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "breakouts" TEXT NOT NULL DEFAULT '',
ADD COLUMN "sequence" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

ALTER TABLE "Cohort" ADD COLUMN "attendanceRequiredPercent" INTEGER;

CREATE TABLE "ContactDayLeader" (
    "contactDayId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "ContactDayLeader_pkey" PRIMARY KEY ("contactDayId","userId")
);

CREATE TABLE "ContactDayResponse" (
    "contactDayId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "coming" BOOLEAN NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ContactDayResponse_pkey" PRIMARY KEY ("contactDayId","userId")
);

CREATE TABLE "Attendance" (
    "contactDayId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" "AttendanceStatus" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,
    "replacementTask" TEXT NOT NULL DEFAULT '',
    "replacementDoneAt" TIMESTAMPTZ(3),

    CONSTRAINT "Attendance_pkey" PRIMARY KEY ("contactDayId","userId")
);

CREATE TABLE "AttendanceChange" (
    "id" TEXT NOT NULL,
    "contactDayId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" "AttendanceStatus" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "changedById" TEXT NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AttendanceChange_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "CalendarFeed" (
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("userId")
);

CREATE TABLE "ContactDayReminder" (
    "contactDayId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactDayReminder_pkey" PRIMARY KEY ("contactDayId","userId")
);

CREATE INDEX "AttendanceChange_contactDayId_userId_idx" ON "AttendanceChange"("contactDayId", "userId");

CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

ALTER TABLE "ContactDayLeader" ADD CONSTRAINT "ContactDayLeader_contactDayId_fkey" FOREIGN KEY ("contactDayId") REFERENCES "ContactDay"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ContactDayLeader" ADD CONSTRAINT "ContactDayLeader_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ContactDayResponse" ADD CONSTRAINT "ContactDayResponse_contactDayId_fkey" FOREIGN KEY ("contactDayId") REFERENCES "ContactDay"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ContactDayResponse" ADD CONSTRAINT "ContactDayResponse_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_contactDayId_fkey" FOREIGN KEY ("contactDayId") REFERENCES "ContactDay"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "AttendanceChange" ADD CONSTRAINT "AttendanceChange_contactDayId_userId_fkey" FOREIGN KEY ("contactDayId", "userId") REFERENCES "Attendance"("contactDayId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "AttendanceChange" ADD CONSTRAINT "AttendanceChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ContactDayReminder" ADD CONSTRAINT "ContactDayReminder_contactDayId_fkey" FOREIGN KEY ("contactDayId") REFERENCES "ContactDay"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ContactDayReminder" ADD CONSTRAINT "ContactDayReminder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
