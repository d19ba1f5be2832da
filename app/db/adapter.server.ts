// Chooses and opens the database driver: embedded PGlite in DATA_DIR by default, a PostgreSQL server when
// DATABASE_URL is set. Shared by the app (app/db.server.ts), the CLI (prisma.config.ts) and the scripts.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { databaseSettings } from "../env.server";

export type DbKind = "pglite" | "postgres";

export function databaseUrl(): string | undefined {
  return databaseSettings().DATABASE_URL;
}

export function databaseKind(): DbKind {
  return databaseUrl() ? "postgres" : "pglite";
}

export function dataDir(): string {
  return path.resolve(databaseSettings().DATA_DIR);
}

/** The schema to use on PostgreSQL (tests give each worker its own), from `?schema=` in the URL. */
export function postgresSchema(url: string): string | undefined {
  try {
    return new URL(url).searchParams.get("schema") ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * PGlite's own start parameters plus a smaller buffer cache. Its default (128 MB, PostgreSQL's) is held in the
 * app's memory, inside the WebAssembly heap; the embedded database is for pilots whose data fits in a few dozen
 * megabytes, and the files it reads stay in the operating system's page cache. Measured on the demo data: the
 * process holds about 100 MB less after opening it (README, "Memory").
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"];

export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly pid: number,
  ) {
    super(
      `De ingebouwde database in ${path.dirname(lockPath)} is al in gebruik door een ander proces (pid ${pid}).\n` +
        `PGlite kan maar door één proces tegelijk gebruikt worden: stop dat proces eerst, ` +
        `of start deze kopie met een eigen DATA_DIR (bijvoorbeeld DATA_DIR=./data-2 npm start).`,
    );
    this.name = "DataDirLockedError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite does not lock its directory and one writer at a time is all it survives, so we take a lock file
 * ourselves. A lock left behind by a process that no longer runs is taken over.
 */
export function acquireDataDirLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, "pglite.lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      const release = () => {
        // Once released (a test process opens and closes many databases), the exit needs no reminder.
        process.off("exit", release);
        try {
          if (fs.readFileSync(lockPath, "utf8").trim() === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number.parseInt(fs.readFileSync(lockPath, "utf8"), 10);
      if (Number.isFinite(pid) && pid !== process.pid && isAlive(pid)) {
        throw new DataDirLockedError(lockPath, pid);
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Kon het slot ${lockPath} niet nemen.`);
}

export type Driver =
  { kind: "pglite"; pglite: PGlite; release: () => void } | { kind: "postgres"; pool: pg.Pool; schema?: string };

/** Opens the underlying driver (no Prisma). */
export async function openDriver(): Promise<Driver> {
  const url = databaseUrl();
  if (url) {
    const schema = postgresSchema(url);
    const pool = new pg.Pool({
      connectionString: url,
      max: databaseSettings().DATABASE_POOL_SIZE,
      ...(schema ? { options: `-c search_path="${schema}"` } : {}),
    });
    return { kind: "postgres", pool, schema };
  }
  const dir = dataDir();
  const release = acquireDataDirLock(dir);
  try {
    const pglite = new PGlite(path.join(dir, "pglite"), { startParams: PGLITE_START_PARAMS });
    await pglite.waitReady;
    return { kind: "pglite", pglite, release };
  } catch (error) {
    release();
    throw error;
  }
}

export async function closeDriver(driver: Driver) {
  if (driver.kind === "postgres") {
    await driver.pool.end();
  } else {
    if (!driver.pglite.closed) await driver.pglite.close();
    driver.release();
  }
}

export function adapterFor(driver: Driver) {
  if (driver.kind === "postgres") {
    return new PrismaPg(driver.pool, driver.schema ? { schema: driver.schema } : undefined);
  }
  return new PGliteWithPrismaErrors(driver.pglite);
}

/**
 * pglite-prisma-adapter reports every database error as a raw "postgres" error, so a unique violation does
 * not become Prisma's P2002 the way it does through @prisma/adapter-pg. We translate the common constraint
 * errors the same way adapter-pg does, so application code sees one behaviour on both databases.
 */
class PGliteWithPrismaErrors extends PrismaPGlite {
  override async connect() {
    const adapter = await super.connect();
    translatePgliteErrors(adapter);
    return adapter;
  }
}

let errorsTranslated = false;

function translatePgliteErrors(adapter: object) {
  if (errorsTranslated) return;
  // The adapter and its transactions share this prototype, which owns `onError`.
  const queryable = Object.getPrototypeOf(Object.getPrototypeOf(adapter)) as { onError(error: unknown): never };
  const original = queryable.onError;
  queryable.onError = function onError(this: unknown, error: unknown): never {
    try {
      return original.call(this, error);
    } catch (thrown) {
      const cause = (thrown as { cause?: Record<string, unknown> }).cause;
      if ((thrown as Error).name === "DriverAdapterError" && cause?.kind === "postgres") {
        const translated = constraintError(cause);
        if (translated) (thrown as { cause: unknown }).cause = translated;
      }
      throw thrown;
    }
  };
  errorsTranslated = true;
}

function constraintError(error: Record<string, unknown>) {
  const fields = (error.detail as string | undefined)
    ?.match(/Key \(([^)]+)\)/)?.[1]
    ?.split(", ")
    .map((f) => f.replace(/"/g, ""));
  switch (error.code) {
    case "23505":
      return { kind: "UniqueConstraintViolation", constraint: fields ? { fields } : undefined };
    case "23502":
      return { kind: "NullConstraintViolation", constraint: fields ? { fields } : undefined };
    case "23503":
      return {
        kind: "ForeignKeyConstraintViolation",
        constraint: error.column ? { fields: [error.column] } : undefined,
      };
    default:
      return undefined;
  }
}

/**
 * For prisma.config.ts: the CLI opens its own driver (and, on PGlite, respects the app's lock).
 *
 * Two fixes over the plain PGlite factory, both needed for `prisma migrate deploy` to behave:
 * `executeScript` must wait for the script (the adapter returns before PGlite has run it, so a failing
 * migration would be reported as applied), and disposing the adapter must close PGlite and give the
 * lock back, otherwise the CLI process never exits.
 */
export async function createAdapterFactory(_options: { forCli: boolean }) {
  const driver = await openDriver();
  const factory = adapterFor(driver);
  if (driver.kind === "postgres") return factory as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  const { pglite } = driver;
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connectToShadowDb: () => (factory as PrismaPGlite).connectToShadowDb(),
    async connect() {
      const adapter = await factory.connect();
      return Object.assign(adapter, {
        async executeScript(script: string) {
          await pglite.exec(script);
        },
        async dispose() {
          await closeDriver(driver);
        },
      });
    },
  } as any; // eslint-disable-line @typescript-eslint/no-explicit-any
}
