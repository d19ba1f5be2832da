// The process entry. `npm start` runs it compiled (build/start.js, made by scripts/build-server.js), `npm run dev`
// through tsx. It imports no app module itself but the environment's parser: everything else comes from the Remix
// build, whose entry.server.tsx exports the app's side of starting (boot.server.ts). So a process holds one copy
// of every app module. With more than one worker (WORKERS, PostgreSQL only) this process only supervises: each
// worker is a process of its own that serves the same port.
import { spawnSync } from "node:child_process";
import cluster from "node:cluster";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { EnvError, databaseSettings, workerCount } from "~/env.server";
import type * as Boot from "./boot.server";

type GildeBuild = ServerBuild & { entry: { module: { server: typeof Boot } } };

const BUILD_PATH = path.resolve("build/index.js");

async function serve() {
  if (!fs.existsSync(BUILD_PATH)) {
    console.error("\nGilde kan niet starten: er is nog geen build. Voer eerst 'npm run build' uit.\n");
    process.exit(1);
  }
  const build = (await import(pathToFileURL(BUILD_PATH).href)) as GildeBuild;
  const { prepareGilde, startGilde, startFailureMessage } = build.entry.module.server;

  let running: Boot.RunningGilde;
  try {
    if (process.env[PREPARE_ONLY]) {
      await prepareGilde();
      process.exit(0);
    }
    running = await startGilde(build);
  } catch (error) {
    const message = startFailureMessage(error);
    if (message) console.error(`\n${message}\n`);
    else console.error(error);
    process.exit(1);
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (cluster.isPrimary) console.log(`\n${signal}: Gilde stopt…`);
    running.stopServing();
    // Give open requests a moment, then close the database cleanly (PGlite flushes to disk here).
    setTimeout(() => {
      running
        .closeDatabase()
        .catch((error) => console.error(error))
        .finally(() => process.exit(0));
    }, 500).unref();
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

/**
 * Starts `count` workers and keeps them running: one that stops after it served is started again; one that stops
 * before it ever served (a missing migration, a port in use) stops them all, since the next would fail the same way.
 */
function supervise(count: number) {
  console.log(`Gilde start ${count} werkprocessen.`);
  let stopping = false;
  const start = () => {
    const worker = cluster.fork();
    let served = false;
    worker.on("listening", () => (served = true));
    worker.on("exit", (code, signal) => {
      if (stopping) return;
      if (!served) {
        console.error(`Een werkproces kon niet starten (code ${code}); Gilde stopt.`);
        stopAll(1);
        return;
      }
      console.error(`Werkproces ${worker.id} stopte onverwacht (code ${code}, signaal ${signal}); een nieuw start.`);
      start();
    });
  };
  const stopAll = (exitCode: number) => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(exitCode);
    let left = workers.length;
    for (const worker of workers) {
      worker?.once("exit", () => --left === 0 && process.exit(exitCode));
      worker?.process.kill("SIGTERM");
    }
  };
  for (let i = 0; i < count; i++) start();
  const shutdown = (signal: string) => {
    if (stopping) return;
    console.log(`\n${signal}: Gilde stopt…`);
    stopAll(0);
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

const PREPARE_ONLY = "GILDE_PREPARE_ONLY";

/**
 * A first start on the embedded database (no database in DATA_DIR yet) creates and seeds it in a process of its own
 * that then ends, and gives its memory back: see `prepareGilde`. Returns false when that process failed (it said why).
 */
function prepareFreshDataDir(): boolean {
  const { DATABASE_URL, DATA_DIR } = databaseSettings();
  if (DATABASE_URL || process.env[PREPARE_ONLY] || fs.existsSync(path.resolve(DATA_DIR, "pglite"))) return true;
  const prepared = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, [PREPARE_ONLY]: "1" },
  });
  return prepared.status === 0;
}

function main() {
  if (cluster.isWorker) return serve();
  let count: number;
  try {
    count = workerCount();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`\nGilde kan niet starten.\n${error.message}\n`);
    process.exit(1);
  }
  if (!prepareFreshDataDir()) process.exit(1);
  return count > 1 ? supervise(count) : serve();
}

Promise.resolve()
  .then(main)
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
