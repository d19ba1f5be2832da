// `npm run db:migrate`: applies pending migrations from prisma/migrations to the configured database
// (PGlite in DATA_DIR, or PostgreSQL when DATABASE_URL is set). Same bookkeeping table as
// `prisma migrate deploy` (`_prisma_migrations`), so `prisma migrate status` agrees with it.
import { closeDriver, openDriver } from "../app/db/adapter.server";
import { migrate } from "../app/db/migrate.server";

async function main() {
  const driver = await openDriver();
  try {
    const applied = await migrate(driver);
    console.log(
      applied.length === 0
        ? "De database is bij: er waren geen openstaande migraties."
        : `Toegepast: ${applied.join(", ")}`,
    );
  } finally {
    await closeDriver(driver);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
