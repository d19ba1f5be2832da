// Applies prisma/migrations in order, recording them in Prisma's own `_prisma_migrations` table so that
// `prisma migrate deploy` and this runner agree on what is applied. Used at start-up on the embedded
// database and by the tests; production PostgreSQL is migrated with `npm run db:migrate`.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Driver } from "./adapter.server";
import { oneRow } from "./rows";

const MIGRATIONS_DIR = path.resolve("prisma/migrations");
// Prisma's own advisory lock key, so this runner and `prisma migrate deploy` exclude each other.
const ADVISORY_LOCK_KEY = 72707369;

export type Migration = { name: string; sql: string; checksum: string };

function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

type Exec = {
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  done(): Promise<void>;
};

async function session(driver: Driver): Promise<Exec> {
  if (driver.kind === "pglite") {
    const { pglite } = driver;
    return {
      exec: async (sql) => void (await pglite.exec(sql)),
      query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
      done: async () => {},
    };
  }
  const client = await driver.pool.connect();
  if (driver.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${driver.schema}"`);
  return {
    exec: async (sql) => void (await client.query(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    done: async () => client.release(),
  };
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Names of migrations in prisma/migrations that the database does not have yet. */
export async function pendingMigrations(driver: Driver, migrations = readMigrations()): Promise<string[]> {
  const s = await session(driver);
  try {
    const { exists } = oneRow(
      await s.query<{ exists: boolean }>(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS "exists"`),
      "to_regclass('_prisma_migrations')",
    );
    if (!exists) return migrations.map((m) => m.name);
    const applied = await s.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const names = new Set(applied.map((row) => row.migration_name));
    return migrations.filter((m) => !names.has(m.name)).map((m) => m.name);
  } finally {
    await s.done();
  }
}

/** Applies every pending migration, each in its own transaction. Returns the names applied. */
export async function migrate(driver: Driver, migrations = readMigrations()): Promise<string[]> {
  const s = await session(driver);
  const applied: string[] = [];
  try {
    if (driver.kind === "postgres") await s.query(`SELECT pg_advisory_lock($1)`, [ADVISORY_LOCK_KEY]);
    await s.exec(CREATE_TABLE);
    const done = new Set(
      (
        await s.query<{ migration_name: string }>(
          `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        )
      ).map((row) => row.migration_name),
    );
    for (const migration of migrations) {
      if (done.has(migration.name)) continue;
      await s.exec("BEGIN");
      try {
        await s.exec(migration.sql);
        await s.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [crypto.randomUUID(), migration.checksum, migration.name],
        );
        await s.exec("COMMIT");
        applied.push(migration.name);
      } catch (error) {
        await s.exec("ROLLBACK");
        throw new Error(`Migratie ${migration.name} mislukte: ${(error as Error).message}`);
      }
    }
    return applied;
  } finally {
    if (driver.kind === "postgres") await s.query(`SELECT pg_advisory_unlock($1)`, [ADVISORY_LOCK_KEY]).catch(() => {});
    await s.done();
  }
}
