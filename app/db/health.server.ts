// Whether the database answers, for /healthz and load balancers.
import { databaseKind, type DbKind } from "./adapter.server";
import { currentDriver, db } from "~/db.server";

export async function databaseHealth(): Promise<{ ok: boolean; db: DbKind }> {
  let kind = databaseKind();
  try {
    kind = currentDriver().kind;
    await db.$queryRaw`SELECT 1`;
    return { ok: true, db: kind };
  } catch {
    return { ok: false, db: kind };
  }
}
