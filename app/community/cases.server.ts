// Praktijkvoorbeelden: cases from alumni's own wijken, published only with their explicit consent, with the
// names of others they mark replaced, searchable in Dutch; a withdrawn case is gone everywhere at once.
import { RefusedError } from "~/errors.server";
import type { SessionUser } from "~/auth/guards.server";
import { db } from "~/db.server";
import { visibleCase, visibleCaseSql } from "~/consent/validity";
import { communityAccess } from "./community.server";
import { isTheme } from "./themes";

const CASE_FIELDS = ["situation", "residents", "role", "result", "learned"] as const;
export type CaseInput = {
  title: string;
  situation: string;
  residents: string;
  role: string;
  result: string;
  learned: string;
  municipality: string;
  wijk: string;
  themes: string[];
  namesToStrip: string;
  people?: string;
  consent: boolean;
  sourceSubmissionId?: string | null;
};

const MAX_NAMES = 50;
const MAX_NAME_LENGTH = 80;
const MAX_PEOPLE = 20;

/** The names an author marked, one per comma or line, as written (at least two characters each). */
function namesOf(input: string): string[] {
  return [
    ...new Set(
      input
        .split(/[,\n]/)
        .map((n) => n.trim())
        .filter((n) => n.length >= 2),
    ),
  ];
}

/**
 * Replaces each marked name (whole words, any case) with "[naam]", in one pass with one pattern: every name
 * escaped, the longest first (so "Ans de Vries" goes before "Ans"). The caller caps the list (MAX_NAMES).
 */
export function stripNames(text: string, names: string[]): string {
  const alternatives = names
    .slice(0, MAX_NAMES)
    .map((name) => name.slice(0, MAX_NAME_LENGTH))
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
  if (!alternatives.length) return text;
  return text.replace(
    new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "giu"),
    "[naam]",
  );
}

/** The author's own submissions with a released assessment: what a case may start from. */
export async function caseSources(userId: string) {
  const submissions = await db.submission.findMany({
    where: { userId, assessments: { some: { status: "RELEASED" } } },
    select: {
      id: true,
      assignmentSlug: true,
      versions: { orderBy: { number: "desc" }, take: 1, select: { body: true } },
    },
  });
  return submissions.map((s) => ({ id: s.id, assignmentSlug: s.assignmentSlug, body: s.versions[0]?.body ?? "" }));
}

export async function publishCase(user: SessionUser, input: CaseInput) {
  const access = await communityAccess(user);
  if (!access.alumnus) throw new RefusedError("Alleen alumni publiceren praktijkvoorbeelden.", 403);
  const errors: Record<string, string> = {};
  if (input.title.trim().length < 3) errors.title = "Geef het voorbeeld een titel.";
  for (const field of CASE_FIELDS) if (!input[field].trim()) errors[field] = "Vul dit deel in.";
  if (!input.municipality.trim()) errors.municipality = "In welke gemeente speelde dit?";
  if (input.themes.some((t) => !isTheme(t))) errors.themes = "Kies thema's uit de lijst.";
  if (!input.consent) errors.consent = "Publiceren kan alleen met je uitdrukkelijke toestemming.";
  const names = namesOf(input.namesToStrip);
  if (names.length > MAX_NAMES) errors.namesToStrip = `Geef hoogstens ${MAX_NAMES} namen op.`;
  else if (names.some((n) => n.length > MAX_NAME_LENGTH))
    errors.namesToStrip = `Een naam mag hoogstens ${MAX_NAME_LENGTH} tekens lang zijn.`;
  const people = namesOf(input.people ?? "");
  if (people.length > MAX_PEOPLE) errors.people = `Noem hoogstens ${MAX_PEOPLE} mensen.`;
  else if (people.some((n) => n.length > MAX_NAME_LENGTH))
    errors.people = `Een naam mag hoogstens ${MAX_NAME_LENGTH} tekens lang zijn.`;
  if (input.sourceSubmissionId && !(await caseSources(user.id)).some((s) => s.id === input.sourceSubmissionId))
    errors.title = "Je kunt alleen starten vanuit je eigen beoordeelde opdracht.";
  if (Object.keys(errors).length)
    throw new RefusedError("Nog niet gepubliceerd: verbeter wat hieronder staat.", 400, errors);
  const clean = (text: string) => stripNames(text.trim(), names).slice(0, 10_000);
  return db.practiceCase.create({
    data: {
      authorId: user.id,
      title: clean(input.title).slice(0, 150),
      situation: clean(input.situation),
      residents: clean(input.residents),
      role: clean(input.role),
      result: clean(input.result),
      learned: clean(input.learned),
      municipality: input.municipality.trim().slice(0, 100),
      wijk: input.wijk.trim() ? clean(input.wijk).slice(0, 100) : null,
      themes: [...new Set(input.themes)],
      sourceSubmissionId: input.sourceSubmissionId || null,
      consentAt: new Date(),
      // Someone named must agree first (issue 24): the case waits until their consent is recorded.
      awaitingConsent: people.length > 0,
      subjects: { create: people.map((name) => ({ name })) },
    },
    select: { id: true, awaitingConsent: true, subjects: { select: { name: true }, orderBy: { name: "asc" } } },
  });
}

const SEARCH = `to_tsvector('dutch', "title" || ' ' || "situation" || ' ' || "residents" || ' ' || "role" || ' ' || "result" || ' ' || "learned" || ' ' || "municipality" || ' ' || coalesce("wijk", ''))`;

/** Published cases, newest first, or by relevance for a Dutch full-text query; filter on theme and municipality. */
export async function listCases({ q, theme, municipality }: { q?: string; theme?: string; municipality?: string }) {
  const now = new Date();
  const ids = q?.trim()
    ? (
        await db.$queryRawUnsafe<{ id: string }[]>(
          `SELECT id FROM "PracticeCase" WHERE ${visibleCaseSql("$2")} AND ${SEARCH} @@ websearch_to_tsquery('dutch', $1) ORDER BY ts_rank(${SEARCH}, websearch_to_tsquery('dutch', $1)) DESC LIMIT 100`,
          q.trim(),
          now,
        )
      ).map((r) => r.id)
    : null;
  const rows = await db.practiceCase.findMany({
    where: {
      ...visibleCase(now),
      ...(ids ? { id: { in: ids } } : {}),
      ...(theme ? { themes: { has: theme } } : {}),
      ...(municipality ? { municipality: { equals: municipality, mode: "insensitive" as const } } : {}),
    },
    orderBy: { publishedAt: "desc" },
    take: 100,
    select: {
      id: true,
      title: true,
      municipality: true,
      wijk: true,
      themes: true,
      publishedAt: true,
      situation: true,
      author: { select: { name: true } },
    },
  });
  const ordered = ids
    ? ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is (typeof rows)[number] => Boolean(r))
    : rows;
  const municipalities = (
    await db.practiceCase.findMany({
      where: visibleCase(now),
      distinct: ["municipality"],
      select: { municipality: true },
      orderBy: { municipality: "asc" },
    })
  ).map((m) => m.municipality);
  return {
    cases: ordered.map((c) => ({ ...c, author: c.author.name, excerpt: c.situation.slice(0, 240) })),
    municipalities,
  };
}

/** A case anyone in the community may read; its author also reads their own while it waits for a consent. */
export async function caseById(id: string, viewerId?: string) {
  return db.practiceCase.findFirst({
    where: {
      id,
      OR: [visibleCase(), ...(viewerId ? [{ authorId: viewerId, withdrawnAt: null }] : [])],
    },
    include: { author: { select: { id: true, name: true } } },
  });
}

export async function withdrawCase(user: SessionUser, id: string) {
  const { count } = await db.practiceCase.updateMany({
    where: { id, authorId: user.id, withdrawnAt: null },
    data: { withdrawnAt: new Date() },
  });
  if (count === 0) throw new RefusedError("Dit voorbeeld bestaat niet (meer), of is niet van jou.", 404);
}
