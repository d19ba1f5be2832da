// `npm start`: open the database (taking the lock on PGlite), migrate and seed the embedded database,
// load the Remix build and serve it. On PostgreSQL it refuses to start with pending migrations.
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { sweepOrphanFiles } from "~/storage/storage.server";
import { ContentError } from "~/content/compile.server";
import { loadCourse, mdxStats } from "~/content/course.server";
import { syncContentIndex } from "~/content/search.server";
import { DataDirLockedError } from "~/db/adapter.server";
import { migrate, pendingMigrations } from "~/db/migrate.server";
import { connectDb, disconnectDb } from "~/db.server";
import { paymentMode, type PaymentMode } from "~/enrollment/stripe.server";
import { EnvError, env } from "~/env.server";
import { startJobs } from "~/notifications/jobs.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoIfEmpty, seedModules } from "../../prisma/seed";
import { createHttpApp } from "./http.server";

async function main() {
  const config = env();
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
    if (await seedDemoIfEmpty(seedModules(course))) console.log("Demogegevens aangemaakt.");
  } else {
    const pending = await pendingMigrations(driver);
    if (pending.length) {
      throw new StartError(
        `De PostgreSQL-database mist ${pending.length} migratie(s): ${pending.join(", ")}.\nVoer eerst 'npm run db:migrate' uit.`,
      );
    }
  }

  await syncContentIndex(course);

  const payments = await paymentMode();
  const build = (await import(path.resolve("build/index.js"))) as ServerBuild;
  const app = createHttpApp({ build, trustProxy: config.TRUST_PROXY });
  const server = app.listen(config.PORT, () => {
    const address = `http://localhost:${config.PORT}`;
    console.log(
      `\nGilde draait op ${address} (database: ${driver.kind === "pglite" ? "ingebouwd (PGlite)" : "PostgreSQL"})`,
    );
    console.log(`Betalingen: ${PAYMENT_MODE_LINES[payments]}`);
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

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: Gilde stopt…`);
    stopJobs();
    server.close();
    // Give open requests a moment, then close the database cleanly (PGlite flushes to disk here).
    setTimeout(() => {
      disconnectDb()
        .catch((error) => console.error(error))
        .finally(() => process.exit(0));
    }, 500).unref();
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

const PAYMENT_MODE_LINES: Record<PaymentMode, string> = {
  stripe: "Stripe (PAYMENTS=stripe)",
  demo: "demostand, testbetalingen zonder echt geld (PAYMENTS=demo)",
  off: "uit, deelnemers krijgen een factuur (PAYMENTS=off; zet PAYMENTS=stripe om online te laten betalen)",
};

class StartError extends Error {}

main().catch((error) => {
  if (error instanceof ContentError) {
    console.error(`\nGilde kan niet starten: fout in de cursusinhoud.\n${error.message}\n`);
  } else if (error instanceof DataDirLockedError || error instanceof EnvError || error instanceof StartError) {
    console.error(`\nGilde kan niet starten.\n${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
