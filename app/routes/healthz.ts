import cluster from "node:cluster";
import { json } from "@remix-run/node";
import { databaseHealth } from "~/db/health.server";

export async function loader() {
  const health = await databaseHealth();
  // With several workers (WORKERS), which one answered: the tests and the bench see that all of them serve.
  const worker = cluster.worker ? { worker: cluster.worker.id } : {};
  return json({ ...health, ...worker }, { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
