// Sections marked as read, per participant. Only sections that still exist in the content count.
import { db } from "~/db.server";
import type { CompiledModule, Course } from "./compile.server";
import { moduleStatus, percent, type ModuleStatus } from "./progress";

export type ModuleProgress = { read: number; total: number; percent: number; status: ModuleStatus; readAnchors: Set<string> };

export async function readAnchorsByModule(userId: string): Promise<Map<string, Set<string>>> {
  const rows = await db.sectionRead.findMany({ where: { userId }, select: { moduleSlug: true, sectionId: true } });
  const byModule = new Map<string, Set<string>>();
  for (const row of rows) {
    let set = byModule.get(row.moduleSlug);
    if (!set) byModule.set(row.moduleSlug, (set = new Set()));
    set.add(row.sectionId);
  }
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
  if (read) {
    await db.sectionRead.upsert({
      where: { userId_moduleSlug_sectionId: { userId, moduleSlug: module.slug, sectionId: anchor } },
      create: { userId, moduleSlug: module.slug, sectionId: anchor },
      update: {},
    });
  } else {
    await db.sectionRead.deleteMany({ where: { userId, moduleSlug: module.slug, sectionId: anchor } });
  }
  return true;
}

export async function setModuleRead(userId: string, module: CompiledModule) {
  await db.sectionRead.createMany({
    data: module.sections.map((s) => ({ userId, moduleSlug: module.slug, sectionId: s.anchor })),
    skipDuplicates: true,
  });
}
