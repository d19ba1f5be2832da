// Three kinds of tests (DESIGN.md, "Testing"): unit (pure logic), integration (against a real database and
// the app over HTTP), e2e (the production server in Chromium). `npm test` builds first. The security
// project is adversarial tests run exactly like integration (tests/security/).
import os from "node:os";
import path from "node:path";
import { defineConfig, type TestProjectConfiguration } from "vitest/config";

const againstDatabase = {
  globalSetup: ["tests/support/global-setup.ts"],
  setupFiles: ["tests/support/setup-db.ts"],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

// The e2e servers always run on the embedded database, as `npm start` on a fresh clone does (tests/support/server.ts
// drops DATABASE_URL), so with DATABASE_URL set the journeys would only repeat the PGlite run: they are left out then.
const e2e: TestProjectConfiguration = {
  extends: true,
  test: {
    name: "e2e",
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/support/e2e-global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // After the other projects, two files at a time: a journey keeps about one core busy (its server, Chromium and
    // the test take turns), so two of them use both cores. Each file has its own server, data directory and port.
    sequence: { groupOrder: 1 },
  },
};
const onPostgres = Boolean(process.env.DATABASE_URL);
if (onPostgres && !process.env.GILDE_E2E_SKIP_SAID) {
  process.env.GILDE_E2E_SKIP_SAID = "1";
  console.log("DATABASE_URL gezet: unit, integratie en beveiliging op PostgreSQL; e2e alleen in de PGlite-run.");
}

export default defineConfig({
  resolve: { alias: { "~": path.resolve("app") } },
  test: {
    pool: "forks",
    // The files of one worker share its modules instead of loading the whole app again for each file: that halves
    // the run (1242 s against 679 s for all four projects). Each database test file still gets a database of its own
    // and its environment back (tests/support/setup-db.ts); each journey its own server and browser. Vitest takes
    // this only here, not per project.
    isolate: false,
    // Vitest's default is one worker less than the cores, which is one here: the database tests use both.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      { extends: true, test: { name: "integration", include: ["tests/integration/**/*.test.ts"], ...againstDatabase } },
      { extends: true, test: { name: "security", include: ["tests/security/**/*.test.ts"], ...againstDatabase } },
      ...(onPostgres ? [] : [e2e]),
    ],
  },
});
