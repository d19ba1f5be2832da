// The database half of a backup: dump, restore, "is it empty?" and row counts, for PGlite and for PostgreSQL.
// Row counts are read from the catalogue (every base table in the app's schema), so new tables are counted
// without anyone having to list them here.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { acquireDataDirLock, DataDirLockedError, postgresSchema } from "../db/adapter.server";
import { oneRow } from "../db/rows";
import { BackupError } from "./errors.server";

export type DatabaseTarget = { kind: "pglite" } | { kind: "postgres"; url: string };

type AppliedMigration = { name: string; checksum: string; finishedAt: string };

/** What the backup knows about the database at the moment of its dump. */
export type DatabaseState = {
  schema: string;
  serverVersion: string;
  migrations: AppliedMigration[];
  tables: Record<string, number>;
};

type Query = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

function quoteIdent(name: string) {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Migrations, server version and the row count of every base table of the schema. */
async function readState(query: Query, schema: string): Promise<DatabaseState> {
  const tables = await query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
    [schema],
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const row = oneRow(
      await query<{ n: string | number }>(`SELECT count(*)::text AS n FROM ${quoteIdent(schema)}.${quoteIdent(name)}`),
      `counting ${name}`,
    );
    counts[name] = Number(row.n);
  }
  const migrations =
    "_prisma_migrations" in counts
      ? (
          await query<{ name: string; checksum: string; finished_at: Date | string }>(
            `SELECT migration_name AS name, checksum, finished_at FROM ${quoteIdent(schema)}."_prisma_migrations"
             WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
          )
        ).map((m) => ({ name: m.name, checksum: m.checksum, finishedAt: new Date(m.finished_at).toISOString() }))
      : [];
  const { server_version } = oneRow(
    await query<{ server_version: string }>(`SHOW server_version`),
    "SHOW server_version",
  );
  return { schema, serverVersion: server_version, migrations, tables: counts };
}

// ---------------------------------------------------------------------------------------------- PGlite

const PGLITE_SCHEMA = "public";

function pgliteDir(dataDir: string) {
  return path.join(dataDir, "pglite");
}

function isEmptyDir(dir: string) {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

/**
 * Takes the app's lock on the data directory. The app holds it while it runs, so a backup or restore refuses
 * instead of reading (or overwriting) a database that another process is writing.
 */
export function lockDataDir(dataDir: string): () => void {
  try {
    return acquireDataDirLock(dataDir);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      throw new BackupError(
        `De ingebouwde database in ${dataDir} is in gebruik door een ander proces (pid ${error.pid}): stop de app eerst.\n` +
          `PGlite kan maar door één proces tegelijk geopend worden, en een kopie van een database die ondertussen verandert is niet betrouwbaar.`,
      );
    }
    throw error;
  }
}

async function openPglite(dir: string, options?: { loadDataDir: Blob }) {
  const pglite = new PGlite(dir, options);
  await pglite.waitReady;
  return pglite;
}

function pgliteQuery(pglite: PGlite): Query {
  return async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows;
}

/** PGlite: its data directory as a gzipped tar (dumpDataDir), with the state read from the same database. The caller holds the lock and has checked that there is a database. */
export async function dumpPglite(dataDir: string): Promise<{ state: DatabaseState; dump: Blob }> {
  const pglite = await openPglite(pgliteDir(dataDir));
  try {
    const state = await readState(pgliteQuery(pglite), PGLITE_SCHEMA);
    const dump = await pglite.dumpDataDir("gzip");
    return { state, dump };
  } finally {
    await pglite.close();
  }
}

export function pgliteIsEmpty(dataDir: string) {
  return isEmptyDir(pgliteDir(dataDir));
}

/** PGlite: a new data directory from the dump. The caller holds the lock; on failure nothing is left behind. */
export async function restorePglite(dataDir: string, dumpFile: string) {
  const dir = pgliteDir(dataDir);
  try {
    const pglite = await openPglite(dir, { loadDataDir: await fs.openAsBlob(dumpFile) });
    await pglite.close();
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new BackupError(`Het terugzetten van de ingebouwde database mislukte: ${(error as Error).message}`);
  }
}

/** PGlite: the state as it is on disk now (opened afresh, so this also proves the restored directory opens). */
export async function pgliteState(dataDir: string): Promise<DatabaseState> {
  const pglite = await openPglite(pgliteDir(dataDir));
  try {
    return await readState(pgliteQuery(pglite), PGLITE_SCHEMA);
  } finally {
    await pglite.close();
  }
}

// ------------------------------------------------------------------------------------------ PostgreSQL

/** pg_dump or pg_restore: from PATH, else the newest Debian/Ubuntu installation in /usr/lib/postgresql. */
function findPgTool(name: "pg_dump" | "pg_restore"): string | undefined {
  const executable = (file: string) => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  };
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir && executable(path.join(dir, name))) return path.join(dir, name);
  }
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.map((v) => path.join(root, v, "bin", name)).find(executable);
}

function requirePgTool(name: "pg_dump" | "pg_restore") {
  const tool = findPgTool(name);
  if (!tool) {
    throw new BackupError(
      `${name} is niet gevonden (niet in PATH en niet in /usr/lib/postgresql/*/bin). ` +
        `Installeer de PostgreSQL-clientprogramma's in dezelfde of een nieuwere versie dan de server (Debian/Ubuntu: apt-get install postgresql-client) en probeer het opnieuw.`,
    );
  }
  return tool;
}

/**
 * The URL as libpq understands it: without our own `?schema=` parameter (libpq refuses unknown parameters) and
 * without the password, which goes in PGPASSWORD so that it does not show in the process list.
 */
function libpqConnection(url: string) {
  const parsed = new URL(url);
  parsed.searchParams.delete("schema");
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { dbname: parsed.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) => reject(new BackupError(`${path.basename(tool)} kon niet starten: ${error.message}`)));
    child.on("close", (code) => {
      if (code === 0) return resolve(Buffer.concat(out).toString("utf8"));
      const detail = Buffer.concat(err).toString("utf8").trim();
      reject(new BackupError(`${path.basename(tool)} mislukte (afsluitcode ${code})${detail ? `:\n${detail}` : "."}`));
    });
  });
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`Kan geen verbinding maken met PostgreSQL (DATABASE_URL): ${(error as Error).message}`);
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

function clientQuery(client: pg.Client): Query {
  return async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[];
}

/** The schema the app uses on this URL: `?schema=` as in the app, else the server's default (public). */
async function schemaOf(client: pg.Client, url: string): Promise<string> {
  const fromUrl = postgresSchema(url);
  if (fromUrl) return fromUrl;
  const [row] = (await client.query<{ schema: string | null }>(`SELECT current_schema() AS schema`)).rows;
  return row?.schema ?? "public";
}

/**
 * PostgreSQL: `pg_dump --format=custom` of the app's schema. The counts and migrations in the manifest come from
 * the very snapshot pg_dump reads (pg_export_snapshot + --snapshot), so they agree with the dump even while the
 * app keeps writing.
 */
export async function dumpPostgres(url: string, dumpFile: string): Promise<{ state: DatabaseState; tool: string }> {
  const pgDump = requirePgTool("pg_dump");
  const connection = libpqConnection(url);
  const tool = (await run(pgDump, ["--version"], connection.env)).trim();
  return withClient(url, async (client) => {
    const schema = await schemaOf(client, url);
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      const { snapshot } = oneRow(
        (await client.query<{ snapshot: string }>(`SELECT pg_export_snapshot() AS snapshot`)).rows,
        "pg_export_snapshot()",
      );
      const state = await readState(clientQuery(client), schema);
      if (Object.keys(state.tables).length === 0) {
        throw new BackupError(`Het schema "${schema}" van deze database heeft geen tabellen: klopt DATABASE_URL?`);
      }
      await run(
        pgDump,
        [
          "--format=custom",
          `--snapshot=${snapshot}`,
          `--schema=${quoteIdent(schema)}`,
          "--no-password",
          `--file=${dumpFile}`,
          `--dbname=${connection.dbname}`,
        ],
        connection.env,
      );
      return { state, tool };
    } finally {
      await client.query("COMMIT").catch(() => {});
    }
  });
}

/** PostgreSQL: whether the schema has no tables, views or sequences (a missing schema is empty too). */
export async function postgresIsEmpty(url: string): Promise<{ schema: string; empty: boolean }> {
  return withClient(url, async (client) => {
    const schema = await schemaOf(client, url);
    const { n } = oneRow(
      (
        await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
         WHERE ns.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')`,
          [schema],
        )
      ).rows,
      "counting the schema's relations",
    );
    return { schema, empty: n === 0 };
  });
}

/**
 * PostgreSQL: pg_restore into the (empty) schema, in one transaction, so a failure leaves nothing behind.
 * The dump's own CREATE SCHEMA is left out (the "public" schema exists in every new database, and an empty schema
 * may already exist); we create the schema ourselves when it is missing.
 */
export async function restorePostgres(url: string, dumpFile: string, schema: string) {
  const pgRestore = requirePgTool("pg_restore");
  const connection = libpqConnection(url);
  const list = await run(pgRestore, ["--list", dumpFile], connection.env);
  const listFile = `${dumpFile}.list`;
  fs.writeFileSync(
    listFile,
    list
      .split("\n")
      .filter((line) => !/^\d+; \d+ \d+ (SCHEMA - |COMMENT - SCHEMA )/.test(line))
      .join("\n"),
  );
  const created = await withClient(url, async (client) => {
    const exists = (await client.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [schema])).rowCount! > 0;
    if (!exists) await client.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
    return !exists;
  });
  try {
    await run(
      pgRestore,
      [
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        "--no-password",
        `--use-list=${listFile}`,
        `--dbname=${connection.dbname}`,
        dumpFile,
      ],
      connection.env,
    );
  } catch (error) {
    if (created)
      await withClient(url, (client) => client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)}`)).catch(() => {});
    throw error;
  }
}

export async function postgresState(url: string, schema: string): Promise<DatabaseState> {
  return withClient(url, (client) => readState(clientQuery(client), schema));
}
