import { json } from "@remix-run/node";
import { db, currentDriver } from "~/db.server";

export async function loader() {
  let kind: "pglite" | "postgres" = process.env.DATABASE_URL ? "postgres" : "pglite";
  try {
    kind = currentDriver().kind;
    await db.$queryRaw`SELECT 1`;
    return json({ ok: true, db: kind }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return json({ ok: false, db: kind }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
