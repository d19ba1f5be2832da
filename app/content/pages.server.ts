// What the course pages show a user: the module list with their progress, one module, search results.
import type { SessionUser } from "~/auth/guards.server";
import { canRead, courseAccessFor, opensOn, type CourseAccess } from "./access.server";
import { findModule, getCourse, moduleHtml, moduleReferenceHtml } from "./course.server";
import { courseProgress, progressOf, readAnchorsByModule } from "./progress.server";
import { searchCourse } from "./search.server";

function tracksProgress(access: CourseAccess) {
  return access.kind === "participant" || access.kind === "alumnus";
}

export async function courseOverview(user: SessionUser, now = new Date()) {
  const course = getCourse();
  const access = await courseAccessFor(user, now);
  const progress = tracksProgress(access) ? courseProgress(course, await readAnchorsByModule(user.id)) : null;
  return {
    accessKind: access.kind,
    cohortName: access.cohort?.name ?? null,
    total: progress ? { percent: progress.percent, done: progress.done, count: course.modules.length } : null,
    modules: course.modules.map((module) => {
      const p = progress?.modules.get(module.slug);
      return {
        slug: module.slug,
        order: module.frontmatter.order,
        title: module.frontmatter.title,
        summary: module.frontmatter.summary,
        minutes: module.frontmatter.minutes,
        open: canRead(access, module.slug),
        opensOn: opensOn(access, module.slug)?.toISOString() ?? null,
        progress: p ? { percent: p.percent, status: p.status } : null,
      };
    }),
  };
}

export async function searchForUser(user: SessionUser, query: string, now = new Date()) {
  const access = await courseAccessFor(user, now);
  const readable = getCourse().modules.filter((m) => canRead(access, m.slug));
  const titles = new Map(readable.map((m) => [m.slug, m.frontmatter.title]));
  const hits = await searchCourse(
    query,
    readable.map((m) => m.slug),
  );
  return hits.map((hit) => ({ ...hit, moduleTitle: titles.get(hit.moduleSlug) ?? hit.moduleSlug }));
}

export async function modulePage(user: SessionUser, slug: string, now = new Date()) {
  const module = findModule(slug);
  if (!module) return null;
  const course = getCourse();
  const access = await courseAccessFor(user, now);
  const open = canRead(access, slug);
  const progress =
    tracksProgress(access) && open ? progressOf(module, (await readAnchorsByModule(user.id)).get(slug)) : null;
  const index = course.modules.indexOf(module);
  const neighbour = (offset: number) => {
    const other = course.modules[index + offset];
    return other ? { slug: other.slug, title: other.frontmatter.title } : null;
  };
  return {
    slug,
    order: module.frontmatter.order,
    title: module.frontmatter.title,
    summary: module.frontmatter.summary,
    minutes: module.frontmatter.minutes,
    hours: module.frontmatter.hours,
    open,
    opensOn: opensOn(access, slug)?.toISOString() ?? null,
    accessKind: access.kind,
    // Personalised with the participant's wijk once they have a wijkprofiel; until then "je eigen wijk".
    html: open ? moduleHtml(module, access.wijkName) : null,
    // Goals, reading list and sources: the same for every reader, rendered once.
    reference: open ? moduleReferenceHtml(module) : null,
    sections: module.sections.map((s) => ({
      anchor: s.anchor,
      heading: s.heading,
      read: progress?.readAnchors.has(s.anchor) ?? false,
    })),
    progress: progress
      ? { percent: progress.percent, status: progress.status, read: progress.read, total: progress.total }
      : null,
    assignments: module.assignments.map((a) => ({
      slug: a.slug,
      title: a.frontmatter.title,
      summary: a.frontmatter.summary,
    })),
    previous: neighbour(-1),
    next: neighbour(1),
  };
}

/** May this user mark sections of this module as read? */
export async function canTrackModule(user: SessionUser, slug: string, now = new Date()) {
  const access = await courseAccessFor(user, now);
  return tracksProgress(access) && canRead(access, slug);
}
