// Starting Gilde, the app's side: the course, the database (migrations and demo data on the embedded one), the
// search index, the HTTP server and the background work. It lives in the Remix build (entry.server.tsx exports it
// as `server`), so `start.ts` takes every app module from the build and the process holds one copy of each: one
// database connection, one course, one set of caches.
import cluster from "node:cluster";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { ContentError } from "~/content/compile.server";
import { loadCourse, mdxStats } from "~/content/course.server";
import { signingKey } from "~/credentials/issuer.server";
import { syncContentIndex } from "~/content/search.server";
import { DataDirLockedError, dataDir } from "~/db/adapter.server";
import { migrate, pendingMigrations } from "~/db/migrate.server";
import { connectDb, disconnectDb } from "~/db.server";
import { paymentMode, type PaymentMode } from "~/enrollment/stripe.server";
import { EnvError, env } from "~/env.server";
import { startJobs } from "~/notifications/jobs.server";
import { sweepOrphanFiles } from "~/storage/storage.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoIfEmpty, seedModules } from "../../prisma/seed";
import { createHttpApp } from "./http.server";

export type RunningGilde = {
  /** Stops taking requests and background work. */
  stopServing: () => void;
  /** Closes the database cleanly (PGlite flushes to disk here). */
  closeDatabase: () => Promise<void>;
};

class StartError extends Error {}

/**
 * What a first start on an empty data directory does before it can serve: compile the course into the disk cache,
 * create the embedded database, seed the demo data. `start.ts` runs it in a short-lived process of its own, because
 * the memory it takes (PGlite's WebAssembly heap grows while it writes and never shrinks, the MDX compiler's
 * garbage) would otherwise stay with the server for its whole life (README, "Memory").
 */
export async function prepareGilde(): Promise<void> {
  await prepareCourseAndDatabase();
  await disconnectDb();
}

/** Opens the database, prepares course and data, and serves `build` on the configured port. */
export async function startGilde(build: ServerBuild): Promise<RunningGilde> {
  const config = env();
  const { course, driver } = await prepareCourseAndDatabase();

  await syncContentIndex(course);
  await signingKey(); // the issuer key of certificates: made at the first start, kept with the data

  const payments = await paymentMode();
  const app = createHttpApp({ build, trustProxy: config.TRUST_PROXY });
  const server = app.listen(config.PORT, () => {
    const address = `http://localhost:${config.PORT}`;
    const database = driver.kind === "pglite" ? "ingebouwd (PGlite)" : "PostgreSQL";
    const worker = cluster.worker ? `, werkproces ${cluster.worker.id}` : "";
    console.log(`\nGilde draait op ${address} (database: ${database}${worker})`);
    if ((cluster.worker?.id ?? 1) === 1) console.log(`Betalingen: ${PAYMENT_MODE_LINES[payments]}`);
    if (driver.kind === "pglite") {
      console.log(`Demo-accounts (wachtwoord: ${DEMO_PASSWORD}):`);
      for (const account of DEMO_ACCOUNTS) console.log(`  ${account.email.padEnd(26)} ${account.label}`);
    }
  });
  const stopJobs = config.JOBS === "on" ? startJobs() : () => {};
  // Files a crash left without their row (written, never committed) are cleared once the app runs.
  sweepOrphanFiles()
    .then(
      (removed) =>
        removed &&
        console.log(`Opgeruimd: ${removed} bestand(en) zonder inzending (achtergebleven na een onderbreking).`),
    )
    .catch((error) => console.error("Opruimen van bestanden mislukte:", error));

  return {
    stopServing: () => {
      stopJobs();
      server.close();
    },
    closeDatabase: disconnectDb,
  };
}

async function prepareCourseAndDatabase() {
  // The course first: content that does not compile stops the start before anything else happens.
  const course = await loadCourse();
  const stats = mdxStats();
  console.log(
    `Cursus geladen: ${course.modules.length} modules (${stats.compiled} gecompileerd, ${stats.fromDisk} uit de cache).`,
  );
  const { driver } = await connectDb();
  if (driver.kind === "pglite") {
    const applied = await migrate(driver);
    if (applied.length) console.log(`Migraties toegepast: ${applied.join(", ")}`);
    if (await seedDemoIfEmpty(seedModules(course), { uploadsDir: path.join(dataDir(), "uploads") }))
      console.log("Demogegevens aangemaakt.");
  } else {
    const pending = await pendingMigrations(driver);
    if (pending.length) {
      throw new StartError(
        `De PostgreSQL-database mist ${pending.length} migratie(s): ${pending.join(", ")}.\nVoer eerst 'npm run db:migrate' uit.`,
      );
    }
  }

  return { course, driver };
}

const PAYMENT_MODE_LINES: Record<PaymentMode, string> = {
  stripe: "Stripe (PAYMENTS=stripe)",
  demo: "demostand, testbetalingen zonder echt geld (PAYMENTS=demo)",
  off: "uit, deelnemers krijgen een factuur (PAYMENTS=off; zet PAYMENTS=stripe om online te laten betalen)",
};

/** What the person starting Gilde reads when it cannot start; null for an unexpected error (print it whole). */
export function startFailureMessage(error: unknown): string | null {
  if (error instanceof ContentError) return `Gilde kan niet starten: fout in de cursusinhoud.\n${error.message}`;
  if (error instanceof DataDirLockedError || error instanceof EnvError || error instanceof StartError) {
    return `Gilde kan niet starten.\n${error.message}`;
  }
  return null;
}
