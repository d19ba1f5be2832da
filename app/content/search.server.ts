// Dutch full-text search over the course text, per section. The index (ContentSection) is rebuilt from the
// compiled course whenever its version changes; the query uses to_tsvector('dutch', …), so "bewoners" finds
// "bewoner".
import { Prisma } from "@prisma/client";
import { db } from "~/db.server";
import type { Course } from "./compile.server";

const INDEX_LOCK = 72707370;

export async function syncContentIndex(course: Course): Promise<boolean> {
  const state = await db.contentIndexState.findUnique({ where: { id: 1 } });
  if (state?.version === course.version) return false;
  const rows = course.modules.flatMap((module) =>
    [module.intro, ...module.sections].map((section, position) => ({
      id: `${module.slug}#${section.anchor}`,
      moduleSlug: module.slug,
      anchor: section.anchor,
      heading: section.heading,
      body: section.text,
      position,
    })),
  );
  await db.$transaction(async (tx) => {
    // Several app instances may start at once; one rebuilds, the others wait and find it done.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${INDEX_LOCK})`;
    const current = await tx.contentIndexState.findUnique({ where: { id: 1 } });
    if (current?.version === course.version) return;
    await tx.contentSection.deleteMany({});
    await tx.contentSection.createMany({ data: rows });
    await tx.contentIndexState.upsert({ where: { id: 1 }, create: { id: 1, version: course.version }, update: { version: course.version } });
  });
  return true;
}

type Fragment = { text: string; hit: boolean };
export type SearchHit = { moduleSlug: string; anchor: string; heading: string; fragments: Fragment[] };

const START = "\u27e6";
const STOP = "\u27e7";

/** Splits ts_headline output into plain pieces and highlighted pieces (rendered as <mark>, never as HTML). */
function toFragments(headline: string): Fragment[] {
  const fragments: Fragment[] = [];
  const pattern = new RegExp(`${START}(.*?)${STOP}`, "gs");
  let last = 0;
  for (const match of headline.matchAll(pattern)) {
    if (match.index! > last) fragments.push({ text: headline.slice(last, match.index), hit: false });
    fragments.push({ text: match[1] ?? "", hit: true });
    last = match.index! + match[0].length;
  }
  if (last < headline.length) fragments.push({ text: headline.slice(last), hit: false });
  return fragments;
}

export async function searchCourse(query: string, moduleSlugs: string[], limit = 20): Promise<SearchHit[]> {
  const q = query.trim().slice(0, 200);
  if (!q || moduleSlugs.length === 0) return [];
  const options = `StartSel=${START}, StopSel=${STOP}, MaxFragments=2, MaxWords=28, MinWords=10, FragmentDelimiter=" … "`;
  const rows = await db.$queryRaw<{ moduleSlug: string; anchor: string; heading: string; headline: string }[]>`
    SELECT s."moduleSlug", s.anchor, s.heading, ts_headline('dutch', s.body, q, ${options}) AS headline
    FROM "ContentSection" s, websearch_to_tsquery('dutch', ${q}) q
    WHERE to_tsvector('dutch', s.heading || ' ' || s.body) @@ q
      AND s."moduleSlug" IN (${Prisma.join(moduleSlugs)})
    ORDER BY ts_rank(to_tsvector('dutch', s.heading || ' ' || s.body), q) DESC, s."moduleSlug", s.position
    LIMIT ${limit}`;
  return rows.map((row) => ({ moduleSlug: row.moduleSlug, anchor: row.anchor, heading: row.heading, fragments: toFragments(row.headline) }));
}
