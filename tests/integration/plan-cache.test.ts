// Prisma's query plans, remembered per query text (app/db/plan-cache.server.ts): the same query is compiled once,
// other values get their own plan, defaults are made anew on every run, and a query with a long text is not kept.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { planCacheStats } from "~/db/plan-cache.server";
import { createUser } from "../support/factories";

/** How many plans `run` compiled and how many it found remembered. */
async function counted<T>(run: () => Promise<T>) {
  const before = { ...planCacheStats };
  const result = await run();
  return {
    result,
    compiled: planCacheStats.compiled - before.compiled,
    remembered: planCacheStats.remembered - before.remembered,
  };
}

const nameOf = (id: string) => db.user.findUnique({ where: { id }, select: { name: true } });

describe("remembered query plans", () => {
  it("compiles a query once, and gives other values their own plan and their own answer", async () => {
    const anna = await createUser({ name: "Anna Plan" });
    const bert = await createUser({ name: "Bert Plan" });
    const first = await counted(() => nameOf(anna.id));
    expect(first.result?.name).toBe("Anna Plan");
    expect(first.compiled).toBe(1);
    const again = await counted(() => nameOf(anna.id));
    expect(again.result?.name).toBe("Anna Plan");
    expect(again).toMatchObject({ compiled: 0, remembered: 1 });
    const other = await counted(() => nameOf(bert.id));
    expect(other.result?.name).toBe("Bert Plan");
    expect(other.compiled).toBe(1);
  });

  it("makes defaults anew each time a remembered plan runs", async () => {
    const data = { to: "plan@gilde.test", subject: "Twee keer", text: "Zelfde bericht", html: "<p>Zelfde bericht</p>" };
    const one = await db.outboxMessage.create({ data });
    const two = await counted(() => db.outboxMessage.create({ data }));
    expect(two.remembered).toBe(1);
    expect(two.result.id).not.toBe(one.id);
    expect(two.result.createdAt.getTime()).toBeGreaterThanOrEqual(one.createdAt.getTime());
    expect(await db.outboxMessage.count({ where: { subject: "Twee keer" } })).toBe(2);
  });

  it("does not keep a query with a long text in it (a draft, a post)", async () => {
    const long = "wijk ".repeat(1_000);
    const find = () => db.post.findFirst({ where: { body: long }, select: { id: true } });
    expect((await counted(find)).compiled).toBe(1);
    expect((await counted(find)).compiled).toBe(1);
  });

  it("hands out answers that the next run of the same plan does not share", async () => {
    const anna = await createUser({ name: "Anna Apart" });
    const list = () => db.user.findMany({ where: { id: anna.id }, select: { id: true, name: true } });
    const first = await list();
    first.push({ id: "x", name: "erbij" });
    first[0]!.name = "veranderd";
    expect(await list()).toEqual([{ id: anna.id, name: "Anna Apart" }]);
  });
});
