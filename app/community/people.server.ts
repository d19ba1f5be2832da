// The directory (alumni who opt in, nobody else) and mentoring (a trainer links an opted-in alumnus to a gilde
// of a running cohort; the mentor reads and posts in its room, and sees nothing of grades or submissions).
import { RefusedError } from "~/errors.server";
import type { SessionUser } from "~/auth/guards.server";
import { db } from "~/db.server";
import { communityAccess } from "./community.server";
import { isTheme } from "./themes";

export type DirectoryInput = { region: string; organisation: string; themes: string[]; openToMentoring: boolean };

export async function myEntry(userId: string) {
  return db.directoryEntry.findUnique({
    where: { userId },
    select: { region: true, organisation: true, themes: true, openToMentoring: true },
  });
}

export async function optIn(user: SessionUser, input: DirectoryInput) {
  if (!(await communityAccess(user)).alumnus) throw new RefusedError("Alleen alumni staan in de gids.", 403);
  const errors: Record<string, string> = {};
  if (!input.region.trim()) errors.region = "In welke regio werk je?";
  if (!input.organisation.trim()) errors.organisation = "Bij welke organisatie werk je?";
  if (input.themes.some((t) => !isTheme(t))) errors.themes = "Kies thema's uit de lijst.";
  if (Object.keys(errors).length)
    throw new RefusedError("Nog niet opgeslagen: verbeter wat hieronder staat.", 400, errors);
  const data = {
    region: input.region.trim().slice(0, 100),
    organisation: input.organisation.trim().slice(0, 150),
    themes: [...new Set(input.themes)],
    openToMentoring: input.openToMentoring,
  };
  await db.directoryEntry.upsert({ where: { userId: user.id }, create: { userId: user.id, ...data }, update: data });
}

export async function optOut(user: SessionUser) {
  await db.directoryEntry.deleteMany({ where: { userId: user.id } });
}

export async function directory({ theme, mentoring }: { theme?: string; mentoring?: boolean } = {}) {
  const rows = await db.directoryEntry.findMany({
    where: { ...(theme ? { themes: { has: theme } } : {}), ...(mentoring ? { openToMentoring: true } : {}) },
    select: {
      userId: true,
      region: true,
      organisation: true,
      themes: true,
      openToMentoring: true,
      user: { select: { name: true } },
    },
    orderBy: { user: { name: "asc" } },
  });
  return rows.map(({ user, ...r }) => ({ ...r, name: user.name }));
}

/** Mentors of a gilde, and the alumni a trainer may still link. */
export async function mentorsOf(gildeId: string) {
  const linked = await db.gildeMentor.findMany({
    where: { gildeId },
    orderBy: { user: { name: "asc" } },
    select: { user: { select: { id: true, name: true } } },
  });
  const mentors = linked.map((l) => l.user);
  const available = (await directory({ mentoring: true })).filter((d) => !mentors.some((m) => m.id === d.userId));
  return { mentors, available: available.map((a) => ({ id: a.userId, name: `${a.name} (${a.region})` })) };
}

export async function linkMentor(gildeId: string, userId: string, linkedById: string) {
  const [entry, gilde] = await Promise.all([
    db.directoryEntry.findUnique({ where: { userId }, select: { openToMentoring: true } }),
    db.gilde.findUnique({ where: { id: gildeId }, select: { cohort: { select: { endsOn: true } } } }),
  ]);
  if (!entry?.openToMentoring)
    throw new RefusedError("Kies een alumnus die in de gids staat als beschikbaar mentor.", 400);
  if (!gilde || gilde.cohort.endsOn < new Date())
    throw new RefusedError("Een mentor koppel je aan een gilde van een lopende groep.", 400);
  await db.gildeMentor.upsert({
    where: { gildeId_userId: { gildeId, userId } },
    create: { gildeId, userId, linkedById },
    update: {},
  });
}

export async function unlinkMentor(gildeId: string, userId: string) {
  const { count } = await db.gildeMentor.deleteMany({ where: { gildeId, userId } });
  if (count === 0) throw new RefusedError("Deze mentor is niet (meer) aan deze gilde gekoppeld.", 400);
}
