// Backups (`npm run backup`, `npm run restore`) on the database this run is configured for: PGlite in a DATA_DIR of
// its own, or PostgreSQL when DATABASE_URL is set (the test's schema; restored into another database on the same
// server). The source holds the demo data and real attachments; after a restore elsewhere every table has the same
// number of rows and every file the same SHA-256, and the app can use the result.
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { restoreBackup, type Manifest, type Target } from "~/backup/archive.server";
import { loadCourse } from "~/content/course.server";
import { acquireDataDirLock, postgresSchema, type Driver } from "~/db/adapter.server";
import { migrate, pendingMigrations } from "~/db/migrate.server";
import { connectDb, currentDriver, db, disconnectDb } from "~/db.server";
import { DEMO_ACCOUNTS, seedDemo, seedModules } from "../../prisma/seed";
import { GRADING_DEMO_USERS } from "../../prisma/seed-grading";
import { LIFECYCLE_DEMO_USERS } from "../../prisma/seed-lifecycle";
import { FIXTURE_COURSE } from "../support/fixture-course";
import { at, entry, first } from "../support/indexed";

const onPostgres = Boolean(process.env.DATABASE_URL);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "gilde-backup-test-"));
const archive = path.join(work, "backup.zip");
const source = path.join(work, "bron");
const restored = path.join(work, "hersteld");

/** A place to back up from or restore to: a data directory, and on PostgreSQL a URL (with ?schema=). */
type Place = { dataDir: string; url?: string };
const sourcePlace: Place = { dataDir: source };
const restoredPlace: Place = { dataDir: restored };
const createdDatabases: string[] = [];
let adminUrl = "";

function targetOf(place: Place): Target {
  return { database: place.url ? { kind: "postgres", url: place.url } : { kind: "pglite" }, dataDir: place.dataDir };
}

/** A new, empty database on the test server, addressed with the same schema as the source. */
async function emptyPostgresPlace(dataDir: string): Promise<Place> {
  const name = `gilde_herstel_${process.pid}_${crypto.randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  createdDatabases.push(name);
  const url = new URL(sourcePlace.url!);
  url.pathname = `/${name}`;
  return { dataDir, url: url.toString() };
}

async function emptyPlace(name: string): Promise<Place> {
  const dataDir = path.join(work, name);
  return onPostgres ? emptyPostgresPlace(dataDir) : { dataDir };
}

function openPglite(dataDir: string): Promise<Driver> {
  const release = acquireDataDirLock(dataDir);
  const pglite = new PGlite(path.join(dataDir, "pglite"));
  return pglite.waitReady.then(() => ({ kind: "pglite", pglite, release }));
}

function openPostgres(url: string): Promise<Driver> {
  const schema = postgresSchema(url);
  return Promise.resolve({
    kind: "postgres",
    pool: new pg.Pool({ connectionString: url, max: 2, options: `-c search_path="${schema}"` }),
    schema,
  });
}

/** Row counts of every base table, read independently of the backup code. */
async function rowCounts(place: Place): Promise<Record<string, number>> {
  const count = async (
    query: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>,
    schema: string,
  ) => {
    const tables = await query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name`,
      [schema],
    );
    const counts: Record<string, number> = {};
    for (const { table_name } of tables)
      counts[table_name as string] = Number(
        first(await query(`SELECT count(*) AS n FROM "${schema}"."${table_name}"`)).n,
      );
    return counts;
  };
  if (place.url) {
    const client = new pg.Client({ connectionString: place.url });
    await client.connect();
    try {
      return await count(async (sql, params) => (await client.query(sql, params)).rows, postgresSchema(place.url)!);
    } finally {
      await client.end();
    }
  }
  if (!fs.existsSync(path.join(place.dataDir, "pglite"))) return {};
  const pglite = new PGlite(path.join(place.dataDir, "pglite"));
  try {
    return await count(
      async (sql, params) => (await pglite.query<Record<string, unknown>>(sql, params)).rows,
      "public",
    );
  } finally {
    await pglite.close();
  }
}

/** SHA-256 of every file under DATA_DIR/uploads, by relative path (unfinished `*.tmp` writes left out). */
function uploadHashes(dataDir: string): Record<string, string> {
  const root = path.join(dataDir, "uploads");
  if (!fs.existsSync(root)) return {};
  const hashes: Record<string, string> = {};
  for (const rel of fs.readdirSync(root, { recursive: true }) as string[]) {
    const file = path.join(root, rel);
    if (fs.statSync(file).isFile() && !rel.endsWith(".tmp"))
      hashes[rel.split(path.sep).join("/")] = crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
  }
  return hashes;
}

function runCli(
  script: "backup" | "restore",
  args: string[],
  place: Place,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: place.dataDir };
  if (place.url) env.DATABASE_URL = place.url;
  else delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", `app/backup/${script}.ts`, ...args],
      { env, timeout: 120_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

// Attachment contents: a PDF-like file of 1.5 MB (several chunks), and a Word-like file that is itself a zip with
// the signatures a naive zip reader would stop at.
const files = [
  {
    name: "verslag.pdf",
    mediaType: "application/pdf",
    bytes: Buffer.concat([Buffer.from("%PDF-1.7\n"), crypto.randomBytes(1_500_000)]),
  },
  {
    name: "interviews.docx",
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    bytes: Buffer.concat([
      Buffer.from("PK\x03\x04"),
      Buffer.from("word/document.xml gilde-backup-merkteken "),
      Buffer.from("PK\x07\x08PK\x01\x02PK\x05\x06"),
      crypto.randomBytes(2000),
    ]),
  },
  {
    name: "buurtfeest.jpg",
    mediaType: "image/jpeg",
    bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(40_000)]),
  },
];
let attachmentKeys: string[] = [];
let sourceCounts: Record<string, number> = {};
let backupRun: { code: number; stdout: string; stderr: string };
let restoreRun: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  const course = await loadCourse({ contentDir: FIXTURE_COURSE, cacheDir: inject("mdxCacheDir") });
  if (onPostgres) {
    // setup-db gave this file a fresh, migrated schema; that is the source.
    sourcePlace.url = process.env.DATABASE_URL;
    const admin = new URL(sourcePlace.url!);
    admin.searchParams.delete("schema");
    adminUrl = admin.toString();
  } else {
    // The backup reads an embedded database on disk, so the source is a DATA_DIR of its own instead of the in-memory copy.
    await disconnectDb();
    await connectDb(() => openPglite(source));
    await migrate(currentDriver());
  }
  await seedDemo(seedModules(course));
  const version = await db.submissionVersion.findFirstOrThrow({
    select: { id: true, submission: { select: { userId: true } } },
  });
  attachmentKeys = [];
  for (const file of files) {
    const key = crypto.randomBytes(20).toString("hex");
    fs.mkdirSync(path.join(source, "uploads", key.slice(0, 2)), { recursive: true });
    fs.writeFileSync(path.join(source, "uploads", key.slice(0, 2), key), file.bytes);
    await db.attachment.create({
      data: {
        userId: version.submission.userId,
        versionId: version.id,
        originalName: file.name,
        mediaType: file.mediaType,
        size: file.bytes.length,
        sha256: crypto.createHash("sha256").update(file.bytes).digest("hex"),
        storageKey: key,
      },
    });
    attachmentKeys.push(key);
  }
  // A file without a row (as after an interrupted upload) is copied too; an unfinished write is not.
  fs.mkdirSync(path.join(source, "uploads", "ee"), { recursive: true });
  fs.writeFileSync(path.join(source, "uploads", "ee", "ee".padEnd(40, "0")), "los bestand");
  fs.writeFileSync(path.join(source, "uploads", "ee", `${"ee".padEnd(40, "1")}.tmp`), "half geschreven");
  if (!onPostgres) await disconnectDb();
  sourceCounts = await rowCounts(sourcePlace);

  backupRun = await runCli("backup", ["--out", archive], sourcePlace);
  if (onPostgres) Object.assign(restoredPlace, await emptyPostgresPlace(restored));
  restoreRun = await runCli("restore", [archive], restoredPlace);
}, 180_000);

afterAll(async () => {
  if (createdDatabases.length) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    for (const name of createdDatabases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  fs.rmSync(work, { recursive: true, force: true });
});

function readArchive(file = archive) {
  const entries = unzipSync(fs.readFileSync(file));
  return { entries, manifest: JSON.parse(strFromU8(entry(entries, "manifest.json"))) as Manifest };
}

describe(`backup and restore (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("writes one archive with the dump, every upload and a manifest of rows, migrations and checksums", () => {
    expect(backupRun.code, backupRun.stderr).toBe(0);
    expect(backupRun.stdout).toContain(`Back-up geschreven: ${archive}`);
    expect(backupRun.stdout).toContain("bijlagen:  4 bestand(en)");

    const { entries, manifest } = readArchive();
    expect(manifest.database.kind).toBe(onPostgres ? "postgres" : "pglite");
    expect(manifest.tables).toEqual(sourceCounts);
    expect(manifest.tables.User).toBe(DEMO_ACCOUNTS.length + GRADING_DEMO_USERS + LIFECYCLE_DEMO_USERS);
    expect(manifest.tables.Attachment).toBe(files.length);
    expect(manifest.migrations.map((m) => m.name)).toEqual(
      fs
        .readdirSync("prisma/migrations")
        .filter((name) => !name.includes("."))
        .sort(),
    );

    const uploads = Object.fromEntries(
      manifest.files
        .filter((f) => f.path.startsWith("uploads/"))
        .map((f) => [f.path.slice("uploads/".length), f.sha256]),
    );
    expect(uploads).toEqual(uploadHashes(source));
    expect(Object.keys(uploads)).toHaveLength(files.length + 1);
    expect(manifest.files.filter((f) => f.path.endsWith(".tmp"))).toEqual([]);
    for (const file of manifest.files) {
      const bytes = entry(entries, file.path);
      expect(bytes.length).toBe(file.size);
      expect(crypto.createHash("sha256").update(bytes).digest("hex")).toBe(file.sha256);
    }
    expect(Object.keys(entries).sort()).toEqual([...manifest.files.map((f) => f.path), "manifest.json"].sort());
  });

  it("restores into an empty place with the same rows in every table and the same files", async () => {
    expect(restoreRun.code, restoreRun.stderr).toBe(0);
    expect(restoreRun.stdout).toContain("alle aantallen gelijk aan het manifest");
    const counts = await rowCounts(restoredPlace);
    expect(Object.keys(counts).length).toBeGreaterThan(10);
    expect(counts).toEqual(sourceCounts);
    expect(uploadHashes(restored)).toEqual(uploadHashes(source));
  });

  it("gives a database the app can use: no pending migrations, the demo accounts, every attachment's file", async () => {
    await disconnectDb();
    const { driver } = await connectDb(() =>
      restoredPlace.url ? openPostgres(restoredPlace.url) : openPglite(restored),
    );
    try {
      expect(await pendingMigrations(driver)).toEqual([]);
      expect(await db.user.count({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } } })).toBe(
        DEMO_ACCOUNTS.length,
      );
      const attachments = await db.attachment.findMany({ select: { storageKey: true, sha256: true } });
      expect(attachments.map((a) => a.storageKey).sort()).toEqual([...attachmentKeys].sort());
      for (const attachment of attachments) {
        const bytes = fs.readFileSync(
          path.join(restored, "uploads", attachment.storageKey.slice(0, 2), attachment.storageKey),
        );
        expect(crypto.createHash("sha256").update(bytes).digest("hex")).toBe(attachment.sha256);
      }
    } finally {
      await disconnectDb();
    }
  });

  it("refuses to restore over a database that is not empty, and changes nothing", async () => {
    const before = { counts: await rowCounts(restoredPlace), files: uploadHashes(restored) };
    const again = await runCli("restore", [archive], restoredPlace);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("De doeldatabase is niet leeg");
    expect(await rowCounts(restoredPlace)).toEqual(before.counts);
    expect(uploadHashes(restored)).toEqual(before.files);
  });

  it("refuses an uploads directory that is not empty, before the database is touched", async () => {
    const place = await emptyPlace("bijlagen-niet-leeg");
    fs.mkdirSync(path.join(place.dataDir, "uploads", "aa"), { recursive: true });
    fs.writeFileSync(path.join(place.dataDir, "uploads", "aa", "bestaand"), "van iemand anders");
    await expect(restoreBackup({ ...targetOf(place), archive })).rejects.toThrow(/uploads is niet leeg/);
    expect(await rowCounts(place)).toEqual({});
    expect(fs.existsSync(path.join(place.dataDir, "pglite"))).toBe(false);
    expect(Object.keys(uploadHashes(place.dataDir))).toEqual(["aa/bestaand"]);
  });

  it("refuses an archive in which one byte of a file was changed, naming the file, and writes nothing", async () => {
    const { manifest } = readArchive();
    const docxKey = at(attachmentKeys, 1, "the docx attachment's key");
    const bytes = fs.readFileSync(archive);
    const marker = bytes.indexOf("gilde-backup-merkteken");
    expect(marker).toBeGreaterThan(0);
    bytes.writeUInt8(bytes.readUInt8(marker) ^ 0x01, marker);
    const tampered = path.join(work, "veranderd.zip");
    fs.writeFileSync(tampered, bytes);

    const place = await emptyPlace("na-veranderd-archief");
    const run = await runCli("restore", [tampered], place);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Controlesom klopt niet voor uploads/${docxKey.slice(0, 2)}/${docxKey}`);
    expect(manifest.files.some((f) => f.path.endsWith(docxKey))).toBe(true);
    expect(await rowCounts(place)).toEqual({});
    expect(uploadHashes(place.dataDir)).toEqual({});
  });

  it("refuses an archive with a path outside the target directory", async () => {
    const { entries, manifest } = readArchive();
    for (const evil of ["uploads/../../buiten.txt", "/tmp/absoluut.txt"]) {
      const bytes = strToU8("niet hier");
      const forged: Manifest = {
        ...manifest,
        files: [
          ...manifest.files,
          { path: evil, size: bytes.length, sha256: crypto.createHash("sha256").update(bytes).digest("hex") },
        ],
      };
      const zip: Zippable = { ...entries, [evil]: bytes, "manifest.json": strToU8(JSON.stringify(forged)) };
      const file = path.join(work, "kwaadaardig.zip");
      fs.writeFileSync(file, zipSync(zip, { level: 0 }));
      const place = await emptyPlace(`pad-${crypto.randomBytes(2).toString("hex")}`);
      await expect(restoreBackup({ ...targetOf(place), archive: file })).rejects.toThrow(
        `onveilige bestandsnaam: "${evil}"`,
      );
      expect(fs.existsSync(path.join(work, "buiten.txt"))).toBe(false);
      expect(await rowCounts(place)).toEqual({});
    }
  });

  it("refuses an archive made from the other kind of database", async () => {
    // The same archive, described (and named) as the other kind would write it.
    const { entries, manifest } = readArchive();
    const database: Manifest["database"] = onPostgres
      ? {
          ...manifest.database,
          kind: "pglite",
          format: "pglite-datadir-tar-gzip",
          file: "database/pglite-datadir.tar.gz",
          schema: "public",
        }
      : { ...manifest.database, kind: "postgres", format: "pg_dump-custom", file: "database/postgres.dump" };
    const other: Manifest = {
      ...manifest,
      database,
      files: manifest.files.map((f) => (f.path === manifest.database.file ? { ...f, path: database.file } : f)),
    };
    const { [manifest.database.file]: dump, ...rest } = entries;
    if (!dump) throw new Error(`The archive has no ${manifest.database.file}.`);
    const file = path.join(work, "andere-soort.zip");
    fs.writeFileSync(
      file,
      zipSync({ ...rest, [database.file]: dump, "manifest.json": strToU8(JSON.stringify(other)) }, { level: 0 }),
    );
    const place = await emptyPlace("andere-soort");
    await expect(restoreBackup({ ...targetOf(place), archive: file })).rejects.toThrow(
      onPostgres
        ? "gemaakt van de ingebouwde database (PGlite) en kan niet in PostgreSQL worden teruggezet"
        : "gemaakt van PostgreSQL en kan niet in de ingebouwde database (PGlite) worden teruggezet",
    );
    expect(await rowCounts(place)).toEqual({});
  });

  it.skipIf(onPostgres)("refuses to back up the embedded database while the app is running on it", async () => {
    // The app holds this lock while it runs; this test process stands in for it.
    fs.writeFileSync(path.join(source, "pglite.lock"), String(process.pid));
    try {
      const out = path.join(work, "tijdens-de-app.zip");
      const run = await runCli("backup", ["--out", out], sourcePlace);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("stop de app eerst");
      expect(fs.existsSync(out)).toBe(false);
    } finally {
      fs.rmSync(path.join(source, "pglite.lock"), { force: true });
    }
  });
});
