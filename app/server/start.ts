// The process entry. `npm start` runs it compiled (build/start.js, made by scripts/build-server.js), `npm run dev`
// through tsx. It imports no app module itself: everything comes from the Remix build, whose entry.server.tsx
// exports the app's side of starting (boot.server.ts). So the process holds one copy of every app module.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import type * as Boot from "./boot.server";

type GildeBuild = ServerBuild & { entry: { module: { server: typeof Boot } } };

const BUILD_PATH = path.resolve("build/index.js");

async function main() {
  if (!fs.existsSync(BUILD_PATH)) {
    console.error("\nGilde kan niet starten: er is nog geen build. Voer eerst 'npm run build' uit.\n");
    process.exit(1);
  }
  const build = (await import(pathToFileURL(BUILD_PATH).href)) as GildeBuild;
  const { startGilde, startFailureMessage } = build.entry.module.server;

  let running: Boot.RunningGilde;
  try {
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
    console.log(`\n${signal}: Gilde stopt…`);
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

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
