// An alumnus's to-do list: new replies in the community threads they follow (or started, or posted in) since they
// last opened them, and the practice library's newest cases. The community has no mentoring requests to answer
// yet (a mentor is linked by a trainer), so there is no line for them.
import type { SessionUser } from "~/auth/guards.server";
import { db } from "~/db.server";
import { seenAt } from "./seen.server";
import { count, type Todo } from "./todo";
import { visibleCase } from "~/consent/validity";

const DAY_MS = 24 * 60 * 60 * 1000;
const NEWEST_CASES = 3;
const CASES_WITHIN_DAYS = 30;

export async function alumnusTodos(user: SessionUser, now = new Date()): Promise<Todo[]> {
  const [seen, threads, cases] = await Promise.all([
    seenAt(user.id),
    db.thread.findMany({
      where: {
        kind: "COMMUNITY",
        OR: [
          { authorId: user.id },
          { follows: { some: { userId: user.id } } },
          { posts: { some: { authorId: user.id } } },
        ],
      },
      orderBy: { lastPostAt: "desc" },
      take: 50,
      select: {
        id: true,
        title: true,
        follows: { where: { userId: user.id }, select: { createdAt: true } },
        posts: {
          where: { hiddenAt: null },
          orderBy: { createdAt: "asc" },
          select: { authorId: true, createdAt: true, author: { select: { name: true } } },
        },
      },
    }),
    db.practiceCase.findMany({
      where: {
        ...visibleCase(),
        authorId: { not: user.id },
        publishedAt: { gte: new Date(now.getTime() - CASES_WITHIN_DAYS * DAY_MS) },
      },
      orderBy: { publishedAt: "desc" },
      take: NEWEST_CASES,
      select: { id: true, title: true, municipality: true, publishedAt: true, author: { select: { name: true } } },
    }),
  ]);
  const todos: Todo[] = [];
  for (const thread of threads) {
    const mine = thread.posts.filter((p) => p.authorId === user.id).map((p) => p.createdAt.getTime());
    const since = Math.max(
      seen.get(`draad:${thread.id}`)?.getTime() ?? 0,
      thread.follows[0]?.createdAt.getTime() ?? 0,
      ...mine,
    );
    const fresh = thread.posts.filter((p) => p.authorId !== user.id && p.createdAt.getTime() > since);
    if (!fresh.length) continue;
    const names = [...new Set(fresh.map((p) => p.author.name))];
    todos.push({
      kind: "thread",
      title: `${count(fresh.length, "nieuwe reactie", "nieuwe reacties")} in ‘${thread.title}’`,
      detail: `Van ${names.join(", ")}`,
      href: `/community/${thread.id}`,
      since: fresh[fresh.length - 1]!.createdAt.toISOString(),
    });
  }
  for (const c of cases) {
    todos.push({
      kind: "case",
      title: `Nieuw praktijkvoorbeeld: ${c.title}`,
      detail: `${c.author.name}, ${c.municipality}`,
      href: `/praktijk/${c.id}`,
      since: c.publishedAt.toISOString(),
    });
  }
  return todos;
}
