// Sections marked as read, per participant. Only sections that still exist in the content count.
import { db } from "~/db.server";
import type { CompiledModule, Course } from "./compile.server";
import { moduleStatus, percent, type ModuleStatus } from "./progress";

export type ModuleProgress = { read: number; total: number; percent: number; status: ModuleStatus; readAnchors: Set<string> };

/**
 * A reader's progress is read on every course page and written only when they mark a section, so it is
 * remembered for a few seconds and forgotten at every write in this process. With several app instances a
 * page served by another instance may show a mark made there a few seconds late.
 */
const PROGRESS_CACHE_MS = 10_000;
const recent = new Map<string, { byModule: Map<string, Set<string>>; until: number }>();

function forgetProgress(userId: string) {
  recent.delete(userId);
}

export async function readAnchorsByModule(userId: string): Promise<Map<string, Set<string>>> {
  const cached = recent.get(userId);
  if (cached && cached.until > Date.now()) return cached.byModule;
  const rows = await db.$queryRaw<{ moduleSlug: string; sectionId: string }[]>`
    SELECT "moduleSlug", "sectionId" FROM "SectionRead" WHERE "userId" = ${userId}`;
  const byModule = new Map<string, Set<string>>();
  for (const row of rows) {
    let set = byModule.get(row.moduleSlug);
    if (!set) byModule.set(row.moduleSlug, (set = new Set()));
    set.add(row.sectionId);
  }
  if (recent.size > 10_000) recent.clear();
  recent.set(userId, { byModule, until: Date.now() + PROGRESS_CACHE_MS });
  return byModule;
}

export function progressOf(module: CompiledModule, readAnchors: Set<string> | undefined): ModuleProgress {
  const current = new Set(module.sections.map((s) => s.anchor).filter((anchor) => readAnchors?.has(anchor)));
  const total = module.sections.length;
  return { read: current.size, total, percent: percent(current.size, total), status: moduleStatus(current.size, total), readAnchors: current };
}

export function courseProgress(course: Course, byModule: Map<string, Set<string>>) {
  const modules = new Map(course.modules.map((m) => [m.slug, progressOf(m, byModule.get(m.slug))]));
  let read = 0;
  let total = 0;
  for (const p of modules.values()) {
    read += p.read;
    total += p.total;
  }
  const done = [...modules.values()].filter((p) => p.status === "done").length;
  return { modules, read, total, percent: percent(read, total), done };
}

/** Marks one section read or unread. Idempotent: marking twice changes nothing. */
export async function setSectionRead(userId: string, module: CompiledModule, anchor: string, read: boolean) {
  if (!module.sections.some((s) => s.anchor === anchor)) return false;
  forgetProgress(userId);
  if (read) {
    await db.sectionRead.upsert({
      where: { userId_moduleSlug_sectionId: { userId, moduleSlug: module.slug, sectionId: anchor } },
      create: { userId, moduleSlug: module.slug, sectionId: anchor },
      update: {},
    });
  } else {
    await db.sectionRead.deleteMany({ where: { userId, moduleSlug: module.slug, sectionId: anchor } });
  }
  forgetProgress(userId); // again: a read between the first forget and the write may have cached the old state
  return true;
}

export async function setModuleRead(userId: string, module: CompiledModule) {
  forgetProgress(userId);
  await db.sectionRead.createMany({
    data: module.sections.map((s) => ({ userId, moduleSlug: module.slug, sectionId: s.anchor })),
    skipDuplicates: true,
  });
  forgetProgress(userId);
}
