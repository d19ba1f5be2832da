// The participant's wijkprofiel. Every save that changes something adds a dated version; nothing is overwritten.
import type { Prisma } from "@prisma/client";
import { db } from "~/db.server";
import { forgetCourseAccess } from "~/content/access.server";

import { WIJK_TEXT_FIELDS } from "./privacy";

export type WijkInput = {
  name: string;
  municipality: string;
  cbsCode: string | null;
  homes: number | null;
  role: string;
  connectors: string;
  networks: string;
  ambitions: string;
  problems: string;
  chances: string;
};

const FIELDS: (keyof WijkInput)[] = ["name", "municipality", "cbsCode", "homes", ...WIJK_TEXT_FIELDS];

/** A wijkprofiel version as its pages show it (not the internal id of the wijk it belongs to). */
export const wijkVersionSelect = {
  id: true,
  number: true,
  name: true,
  municipality: true,
  cbsCode: true,
  homes: true,
  role: true,
  connectors: true,
  networks: true,
  ambitions: true,
  problems: true,
  chances: true,
  createdAt: true,
} satisfies Prisma.WijkVersionSelect;

export async function wijkHistory(userId: string) {
  return db.wijkVersion.findMany({
    where: { wijk: { userId } },
    orderBy: { number: "desc" },
    select: wijkVersionSelect,
  });
}

/** Saves a new version when anything changed; returns it (or the unchanged current one). */
export async function saveWijk(userId: string, input: WijkInput) {
  const result = await db.$transaction(async (tx) => {
    const wijk = await tx.wijk.upsert({ where: { userId }, create: { userId }, update: {}, select: { id: true } });
    // Lock the wijk so two saves at once get consecutive numbers.
    await tx.$queryRaw`SELECT id FROM "Wijk" WHERE id = ${wijk.id} FOR UPDATE`;
    const latest = await tx.wijkVersion.findFirst({
      where: { wijkId: wijk.id },
      orderBy: { number: "desc" },
      select: wijkVersionSelect,
    });
    if (latest && FIELDS.every((field) => latest[field] === input[field])) return { version: latest, changed: false };
    const version = await tx.wijkVersion.create({
      data: { wijkId: wijk.id, number: (latest?.number ?? 0) + 1, ...input },
      select: wijkVersionSelect,
    });
    return { version, changed: true };
  });
  // The wijk name personalises the course text.
  if (result.changed) forgetCourseAccess(userId);
  return result;
}

/** A participant this trainer may follow: in (or done with) one of the trainer's cohorts. Admins see all. */
export async function participantForTrainer(viewer: { id: string; role: string }, userId: string) {
  const staffFilter = viewer.role === "ADMIN" ? {} : { cohort: { staff: { some: { userId: viewer.id } } } };
  const enrollment = await db.enrollment.findFirst({
    where: { userId, status: { in: ["ACTIVE", "COMPLETED"] }, ...staffFilter },
    select: { user: { select: { id: true, name: true } } },
  });
  return enrollment?.user ?? null;
}
