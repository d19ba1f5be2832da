import { json } from "@remix-run/node";
import { databaseHealth } from "~/db/health.server";

export async function loader() {
  const health = await databaseHealth();
  return json(health, { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
