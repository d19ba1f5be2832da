// What /dashboard shows, per audience: the to-do list (most urgent first, each moment already in words), and for an
// applicant where their application stands. The queries per role are in the files beside this one.
import type { SessionUser } from "~/auth/guards.server";
import { dashboardFor } from "~/cohorts/cohorts.server";
import { courseOverview } from "~/content/pages.server";
import { adminTodos } from "./admin.server";
import { alumnusTodos } from "./alumnus.server";
import { myApplications } from "./applicant.server";
import { audienceOf } from "./audience.server";
import { participantTodos } from "./participant.server";
import { isLate, sortTodos, whenLabel, type Todo } from "./todo";
import { trainerTodos } from "./trainer.server";

export type TodoLine = Todo & { when: string | null; late: boolean };

function lines(todos: Todo[], now: Date): TodoLine[] {
  return sortTodos(todos, now).map((todo) => ({ ...todo, when: whenLabel(todo, now), late: isLate(todo, now) }));
}

export async function startPageFor(user: SessionUser, now = new Date()) {
  const audience = await audienceOf(user);
  switch (audience) {
    case "ADMIN":
      return { audience, items: lines(await adminTodos(now), now) };
    case "TRAINER": {
      const [todos, groups] = await Promise.all([trainerTodos(user, now), trainerGroups(user)]);
      return { audience, items: lines(todos, now), cohorts: groups };
    }
    case "ALUMNUS": {
      const [todos, enrollments] = await Promise.all([alumnusTodos(user, now), myGroups(user)]);
      return { audience, items: lines(todos, now), enrollments };
    }
    case "PARTICIPANT": {
      // One course overview for both the list (where to read on) and the progress card.
      const overview = courseOverview(user, now);
      const [todos, course, enrollments] = await Promise.all([
        participantTodos(user, now, overview),
        overview,
        myGroups(user),
      ]);
      return { audience, items: lines(todos, now), course: course.total ? courseSummary(course) : null, enrollments };
    }
    case "APPLICANT":
      return { audience, applications: await myApplications(user.id) };
  }
}

async function trainerGroups(user: SessionUser) {
  const groups = await dashboardFor(user);
  return groups.kind === "trainer" ? groups.cohorts : [];
}

async function myGroups(user: SessionUser) {
  const groups = await dashboardFor(user);
  return groups.kind === "participant" || groups.kind === "alumnus" ? groups.enrollments : [];
}

/** Whole-course progress for the card under a participant's list. */
function courseSummary(course: Awaited<ReturnType<typeof courseOverview>>) {
  return {
    ...course.total!,
    modules: course.modules.map((m) => ({
      slug: m.slug,
      order: m.order,
      title: m.title,
      open: m.open,
      percent: m.progress?.percent ?? 0,
    })),
  };
}
