// Evaluation of each other's part (issue 23): the trainer's moments per cohort, a member's ratings (themselves
// first, then each gildegenoot), what a member may see about themselves, and the trainer's view of everything.
// Anonymity is enforced here: a participant's data never holds a rater's name, e-mail or id. Gildegenoten to rate
// are named (that is who you rate), but posted back by a key that is not their id.
import { Prisma } from "@prisma/client";
import { audit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/guards.server";
import { sha256 } from "~/auth/tokens.server";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";
import { formatDate } from "~/format";
import {
  EVALUATION_CRITERIA,
  levelProblems,
  MIN_RATERS,
  momentState,
  parseEvaluationLevels,
  resultsFor,
  visibleAggregate,
  type EvaluationLevels,
  type RatingOf,
} from "./evaluation-rules";

const momentSelect = { id: true, cohortId: true, name: true, opensAt: true, closesAt: true } as const;

/** How a gildegenoot is named in a form: stable per moment, not their user id. */
export const rateeKey = (momentId: string, userId: string) => sha256(`evaluatie|${momentId}|${userId}`).slice(0, 24);

/**
 * The members of this participant's gilde in a cohort who are evaluated: placed in the gilde now, with an active
 * enrollment. Someone who left the gilde (or the leergang) stops being evaluated; what they gave stays.
 */
async function evaluatedGilde(userId: string, cohortId: string) {
  const membership = await db.gildeMember.findUnique({
    where: { cohortId_userId: { cohortId, userId } },
    select: {
      user: { select: { enrollments: { where: { cohortId, status: "ACTIVE" }, select: { id: true } } } },
      gilde: {
        select: {
          id: true,
          name: true,
          members: {
            where: { user: { enrollments: { some: { cohortId, status: "ACTIVE" } } } },
            select: { user: { select: { id: true, name: true } } },
          },
        },
      },
    },
  });
  if (!membership?.user.enrollments.length) return null;
  const members = membership.gilde.members
    .map((m) => m.user)
    .sort((a, b) => a.name.localeCompare(b.name, "nl") || a.id.localeCompare(b.id));
  return { id: membership.gilde.id, name: membership.gilde.name, members };
}

/** The moments of the cohorts this participant follows in a gilde, with how far they are. For /gilde and "Te doen". */
export async function evaluationMomentsFor(userId: string, now = new Date()) {
  const memberships = await db.gildeMember.findMany({
    where: { userId, cohort: { enrollments: { some: { userId, status: "ACTIVE" } } } },
    select: { cohortId: true },
  });
  const moments = await db.evaluationMoment.findMany({
    where: { cohortId: { in: memberships.map((m) => m.cohortId) } },
    orderBy: [{ opensAt: "asc" }, { id: "asc" }],
    select: { ...momentSelect, ratings: { where: { raterId: userId }, select: { rateeId: true } } },
  });
  const result = [];
  for (const moment of moments) {
    const gilde = await evaluatedGilde(userId, moment.cohortId);
    if (!gilde) continue;
    const rated = new Set(moment.ratings.map((r) => r.rateeId));
    const todo = gilde.members.filter((m) => !rated.has(m.id)).length;
    result.push({
      id: moment.id,
      name: moment.name,
      opensAt: moment.opensAt,
      closesAt: moment.closesAt,
      state: momentState(moment, now),
      todo,
      total: gilde.members.length,
    });
  }
  return result;
}

/**
 * The evaluation page of one moment for a participant: who is still to rate (themselves first), and what
 * gildegenoten said about them per criterion, only from MIN_RATERS raters up. Null when the moment is not theirs.
 */
export async function evaluationPage(userId: string, momentId: string, now = new Date()) {
  const moment = await db.evaluationMoment.findUnique({ where: { id: momentId }, select: momentSelect });
  if (!moment) return null;
  const gilde = await evaluatedGilde(userId, moment.cohortId);
  if (!gilde) return null;
  const [given, received] = await Promise.all([
    db.memberRating.findMany({ where: { momentId, raterId: userId }, select: { rateeId: true } }),
    db.memberRating.findMany({
      where: { momentId, rateeId: userId, raterId: { not: userId } },
      select: { levels: true, comment: true },
    }),
  ]);
  const rated = new Set(given.map((r) => r.rateeId));
  const selfDone = rated.has(userId);
  const peers = gilde.members.filter((m) => m.id !== userId);
  return {
    moment: { id: moment.id, name: moment.name, closesAt: moment.closesAt, state: momentState(moment, now) },
    gilde: gilde.name,
    selfDone,
    peers: peers.map((p) => ({ key: rateeKey(momentId, p.id), name: p.name, done: rated.has(p.id) })),
    ...whatGildegenotenSaid(received),
  };
}

/**
 * What a member may see of the gildegenoten's ratings of them at one moment: the average per criterion from
 * MIN_RATERS raters up, and the comments only then, in an order that says nothing about who wrote them.
 */
function whatGildegenotenSaid(received: { levels: unknown; comment: string }[]) {
  const levels = received.map((r) => parseEvaluationLevels(r.levels)).filter((l): l is EvaluationLevels => !!l);
  const aggregate = EVALUATION_CRITERIA.map((c) => ({
    id: c.id,
    title: c.title,
    ...visibleAggregate(levels.map((l) => l[c.id])),
  }));
  const enough = visibleAggregate(levels.map((l) => l.bijdrage)).average !== null;
  return {
    aggregate,
    comments: enough
      ? received
          .map((r) => r.comment.trim())
          .filter(Boolean)
          .sort((a, b) => a.localeCompare(b, "nl"))
      : [],
  };
}

/**
 * A member's evaluations for the data export: the ratings they gave, with whom they rated (their own data), and
 * per moment what they received only as the member sees it on the page (averages from MIN_RATERS up), never who
 * said what.
 */
export async function evaluationsForExport(userId: string) {
  const [given, received] = await Promise.all([
    db.memberRating.findMany({
      where: { raterId: userId },
      orderBy: [{ moment: { opensAt: "asc" } }, { createdAt: "asc" }],
      select: {
        levels: true,
        comment: true,
        createdAt: true,
        rateeId: true,
        ratee: { select: { name: true } },
        moment: { select: { name: true, cohort: { select: { name: true } } } },
      },
    }),
    db.memberRating.findMany({
      where: { rateeId: userId, raterId: { not: userId } },
      orderBy: { moment: { opensAt: "asc" } },
      select: {
        momentId: true,
        levels: true,
        comment: true,
        moment: { select: { name: true, cohort: { select: { name: true } } } },
      },
    }),
  ]);
  const moments = new Map<string, { name: string; cohort: string; ratings: typeof received }>();
  for (const rating of received) {
    const moment = moments.get(rating.momentId) ?? {
      name: rating.moment.name,
      cohort: rating.moment.cohort.name,
      ratings: [],
    };
    moment.ratings.push(rating);
    moments.set(rating.momentId, moment);
  }
  return {
    gegeven: given.map((r) => ({
      groep: r.moment.cohort.name,
      moment: r.moment.name,
      over: r.rateeId === userId ? "jezelf" : r.ratee.name,
      niveaus: parseEvaluationLevels(r.levels),
      toelichting: r.comment,
      gegeven_op: r.createdAt,
    })),
    ontvangen: [...moments.values()].map((m) => {
      const seen = whatGildegenotenSaid(m.ratings);
      return {
        groep: m.cohort,
        moment: m.name,
        per_punt: seen.aggregate.map((a) => ({
          punt: a.title,
          aantal_gildegenoten: a.count,
          gemiddeld: a.average,
        })),
        opmerkingen: seen.comments,
        uitleg: `Een gemiddelde en de opmerkingen zie je pas als minstens ${MIN_RATERS} gildegenoten je beoordeelden; wie wat zei staat nergens.`,
      };
    }),
  };
}

export type RatingInput = { ratee: string; levels: Record<string, number>; comment: string };

/** A member's rating of themselves ("zelf") or of a gildegenoot (by key). Final once given. */
export async function submitMemberRating(userId: string, momentId: string, input: RatingInput, now = new Date()) {
  const moment = await db.evaluationMoment.findUnique({ where: { id: momentId }, select: momentSelect });
  const gilde = moment && (await evaluatedGilde(userId, moment.cohortId));
  if (!moment || !gilde) throw new RefusedError("Deze evaluatie bestaat niet, of is niet voor jou.", 404);
  const state = momentState(moment, now);
  if (state === "upcoming") throw new RefusedError("Deze evaluatie is nog niet open.", 409);
  if (state === "closed")
    throw new RefusedError("Deze evaluatie is gesloten: er kan niets meer bij. Je trainer kan je verder helpen.", 409);
  const ratee =
    input.ratee === "zelf"
      ? gilde.members.find((m) => m.id === userId)
      : gilde.members.find((m) => m.id !== userId && rateeKey(momentId, m.id) === input.ratee);
  if (!ratee)
    throw new RefusedError(
      "Je kunt alleen jezelf en de gildegenoten van je eigen gilde beoordelen. Laad de pagina opnieuw.",
      400,
    );
  const problems = levelProblems(input.levels);
  if (Object.keys(problems).length)
    throw new RefusedError("Nog niet opgeslagen: kies bij elk punt een van de vier mogelijkheden.", 400, problems);
  const self = ratee.id === userId;
  if (!self) {
    const own = await db.memberRating.findUnique({
      where: { momentId_raterId_rateeId: { momentId, raterId: userId, rateeId: userId } },
      select: { id: true },
    });
    if (!own) throw new RefusedError("Beoordeel eerst jezelf; daarna je gildegenoten.", 409);
  }
  const levels = Object.fromEntries(EVALUATION_CRITERIA.map((c) => [c.id, input.levels[c.id]!]));
  try {
    await db.memberRating.create({
      data: { momentId, raterId: userId, rateeId: ratee.id, levels, comment: input.comment.trim().slice(0, 2000) },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new RefusedError(
        self ? "Je hebt jezelf al beoordeeld bij deze evaluatie." : `Je hebt ${ratee.name} al beoordeeld.`,
        409,
      );
    throw error;
  }
  return { self, name: ratee.name };
}

export type MomentInput = { name: string; opensAt: Date; closesAt: Date };

/** A new evaluation moment of a cohort (the trainer's, audited). */
export async function createEvaluationMoment(trainer: SessionUser, cohortId: string, input: MomentInput) {
  if (input.closesAt <= input.opensAt)
    throw new RefusedError("De evaluatie moet sluiten na het moment dat hij opengaat.", 400, {
      closesOn: "Kies een sluitdatum na de openingsdatum.",
    });
  return db.$transaction(async (tx) => {
    const moment = await tx.evaluationMoment.create({
      data: { cohortId, ...input },
      select: { id: true, cohort: { select: { name: true } } },
    });
    await audit(tx, {
      action: "evaluation.create",
      actor: trainer,
      subjectId: cohortId,
      summary: `Evaluatiemoment ‘${input.name}’ in ${moment.cohort.name}: ${formatDate(input.opensAt)} tot en met ${formatDate(input.closesAt)}.`,
    });
    return { id: moment.id };
  });
}

/**
 * Closes an open (or not yet opened) moment of this cohort now: nobody can add a rating after it. The moment's id
 * comes from the form, so it is checked against the cohort of the page.
 */
export async function closeEvaluationMoment(
  trainer: SessionUser,
  cohortId: string,
  momentId: string,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const moment = await tx.evaluationMoment.findFirst({
      where: { id: momentId, cohortId },
      select: { id: true, name: true, opensAt: true, closesAt: true, cohort: { select: { name: true } } },
    });
    if (!moment) throw new RefusedError("Dit evaluatiemoment hoort niet bij deze groep.", 404);
    if (momentState(moment, now) === "closed") throw new RefusedError(`‘${moment.name}’ is al gesloten.`, 409);
    await tx.evaluationMoment.update({
      where: { id: moment.id },
      data: { closesAt: now, ...(moment.opensAt > now ? { opensAt: now } : {}) },
    });
    await audit(tx, {
      action: "evaluation.close",
      actor: trainer,
      subjectId: cohortId,
      summary: `Evaluatiemoment ‘${moment.name}’ in ${moment.cohort.name} gesloten (gepland tot ${formatDate(moment.closesAt)}).`,
    });
    return { name: moment.name };
  });
}

/** The trainer's view of a cohort's evaluations: every moment, and for one of them everything with names. */
export async function evaluationOverview(cohortId: string, momentId: string | null, now = new Date()) {
  const [cohort, moments] = await Promise.all([
    db.cohort.findUniqueOrThrow({
      where: { id: cohortId },
      select: { id: true, name: true, feedbackQualityCounts: true },
    }),
    db.evaluationMoment.findMany({
      where: { cohortId },
      orderBy: [{ opensAt: "asc" }, { id: "asc" }],
      select: momentSelect,
    }),
  ]);
  const chosen = moments.find((m) => m.id === momentId) ?? moments.find((m) => momentState(m, now) === "open");
  const current = chosen ?? moments.at(-1) ?? null;
  const list = moments.map((m) => ({
    id: m.id,
    name: m.name,
    opensAt: m.opensAt,
    closesAt: m.closesAt,
    state: momentState(m, now),
  }));
  if (!current) return { cohort, moments: list, current: null, gildes: [] };
  const [gildes, ratings] = await Promise.all([
    db.gilde.findMany({
      where: { cohortId },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        members: {
          where: { user: { enrollments: { some: { cohortId, status: "ACTIVE" } } } },
          orderBy: { user: { name: "asc" } },
          select: { user: { select: { id: true, name: true } } },
        },
      },
    }),
    db.memberRating.findMany({
      where: { momentId: current.id },
      select: { raterId: true, rateeId: true, levels: true, comment: true },
    }),
  ]);
  const parsed = ratings.flatMap((r) => {
    const levels = parseEvaluationLevels(r.levels);
    return levels ? [{ raterId: r.raterId, rateeId: r.rateeId, levels, comment: r.comment }] : [];
  });
  return {
    cohort,
    moments: list,
    current: list.find((m) => m.id === current.id)!,
    gildes: gildes.map((g) => {
      const ids = new Set(g.members.map((m) => m.user.id));
      const nameOf = new Map(g.members.map((m) => [m.user.id, m.user.name]));
      // Ratings by members who since left still count for the ones they rated.
      const inGilde: RatingOf[] = parsed.filter((r) => ids.has(r.rateeId));
      return {
        id: g.id,
        name: g.name,
        members: g.members.map(({ user }) => {
          const given = parsed.filter((r) => r.raterId === user.id && ids.has(r.rateeId)).length;
          return {
            id: user.id,
            name: user.name,
            missing: g.members.length - given,
            results: resultsFor(user.id, inGilde).map((result) => ({
              ...result,
              peers: result.peers.map((p) => ({ ...p, rater: nameOf.get(p.raterId) ?? "oud-lid" })),
            })),
            comments: parsed
              .filter((r) => r.rateeId === user.id && r.comment.trim())
              .map((r) => ({
                rater: r.raterId === user.id ? "zelf" : (nameOf.get(r.raterId) ?? "oud-lid"),
                text: r.comment.trim(),
              })),
          };
        }),
      };
    }),
  };
}

/** Per participant of a cohort: the open moments they have not finished ("Wie loopt vast?"). */
export async function evaluationsUnfinished(cohortId: string, now = new Date()) {
  const open = await db.evaluationMoment.findMany({
    where: { cohortId, opensAt: { lte: now }, closesAt: { gt: now } },
    select: { id: true, name: true },
  });
  const unfinished = new Map<string, string[]>();
  if (!open.length) return unfinished;
  const [gildes, ratings] = await Promise.all([
    db.gilde.findMany({
      where: { cohortId },
      select: {
        members: {
          where: { user: { enrollments: { some: { cohortId, status: "ACTIVE" } } } },
          select: { userId: true },
        },
      },
    }),
    db.memberRating.findMany({
      where: { momentId: { in: open.map((m) => m.id) } },
      select: { momentId: true, raterId: true, rateeId: true },
    }),
  ]);
  for (const gilde of gildes) {
    const ids = new Set(gilde.members.map((m) => m.userId));
    for (const { userId } of gilde.members)
      for (const moment of open) {
        const given = ratings.filter((r) => r.momentId === moment.id && r.raterId === userId && ids.has(r.rateeId));
        if (given.length < ids.size) unfinished.set(userId, [...(unfinished.get(userId) ?? []), moment.name]);
      }
  }
  return unfinished;
}
