// How many SQL statements a piece of work sends, counted where both drivers receive them (PGlite itself, or the
// PostgreSQL pool), so a page that asks the database once per row shows up in a test.
import { currentDriver } from "~/db.server";

type Queryable = { query: (...args: unknown[]) => unknown };

/** The statements `work` sends outside a transaction (a transaction's own connection is not counted). */
export async function statementsOf(work: () => Promise<unknown>): Promise<number> {
  const driver = currentDriver();
  const target = (driver.kind === "pglite" ? driver.pglite : driver.pool) as unknown as Queryable;
  const original = target.query;
  let count = 0;
  target.query = function (this: unknown, ...args: unknown[]) {
    count++;
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    target.query = original;
  }
  return count;
}
