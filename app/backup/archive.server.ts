// `npm run backup` and `npm run restore`: one .zip with the database dump, every file under DATA_DIR/uploads and a
// manifest (migrations, row counts, size and SHA-256 of every file). Both take explicit options, so the tests call
// them in-process as well as through the command line.
//
// Archive layout:
//   database/pglite-datadir.tar.gz   PGlite: dumpDataDir("gzip")           (or)
//   database/postgres.dump           PostgreSQL: pg_dump --format=custom of the app's schema
//   uploads/<2 hex>/<40 hex>         the attachments, same relative paths as in DATA_DIR/uploads
//   manifest.json                    written last, once every checksum is known
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { z } from "zod";
import { databaseUrl, dataDir as defaultDataDir } from "../db/adapter.server";
import {
  dumpPglite,
  dumpPostgres,
  lockDataDir,
  pgliteIsEmpty,
  pgliteState,
  postgresIsEmpty,
  postgresState,
  restorePglite,
  restorePostgres,
  type DatabaseState,
  type DatabaseTarget,
} from "./database.server";
import { BackupError } from "./errors.server";
import { fitsInZip, isSafeEntryName, ZipReader, ZipWriter, type WrittenEntry } from "./zip.server";

export { BackupError } from "./errors.server";

const MANIFEST = "manifest.json";
const UPLOADS = "uploads";
const DUMP_FILE = { pglite: "database/pglite-datadir.tar.gz", postgres: "database/postgres.dump" } as const;
const DUMP_FORMAT = { pglite: "pglite-datadir-tar-gzip", postgres: "pg_dump-custom" } as const;

const fileSchema = z.object({
  path: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[a-f0-9]{64}$/),
});

const manifestSchema = z.object({
  format: z.literal("gilde-backup"),
  formatVersion: z.literal(1),
  createdAt: z.string().datetime(),
  database: z.object({
    kind: z.enum(["pglite", "postgres"]),
    format: z.enum(["pglite-datadir-tar-gzip", "pg_dump-custom"]),
    file: z.string(),
    schema: z.string(),
    serverVersion: z.string(),
    tool: z.string().optional(),
  }),
  migrations: z.array(z.object({ name: z.string(), checksum: z.string(), finishedAt: z.string() })),
  tables: z.record(z.string(), z.number().int().nonnegative()),
  /** Every file in the archive except this manifest: the database dump and the uploads. */
  files: z.array(fileSchema),
});

export type Manifest = z.infer<typeof manifestSchema>;

/** Where the backup reads from or the restore writes to: the database and the data directory (uploads, PGlite). */
export type Target = { database: DatabaseTarget; dataDir: string };

/** The target the app itself would use: DATABASE_URL or PGlite, and DATA_DIR. */
export function targetFromEnv(): Target {
  const url = databaseUrl();
  return { database: url ? { kind: "postgres", url } : { kind: "pglite" }, dataDir: defaultDataDir() };
}

export function defaultBackupPath(now = new Date(), cwd = process.cwd()) {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
  return path.join(cwd, "backups", `gilde-${stamp}.zip`);
}

type Log = (line: string) => void;

// ------------------------------------------------------------------------------------------------ backup

export type BackupResult = { file: string; bytes: number; manifest: Manifest };

export async function createBackup(options: Target & { out: string; now?: Date; log?: Log }): Promise<BackupResult> {
  const log = options.log ?? (() => {});
  const out = path.resolve(options.out);
  if (fs.existsSync(out))
    throw new BackupError(`${out} bestaat al; kies een andere naam (--out), een back-up overschrijft niets.`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const work = fs.mkdtempSync(path.join(path.dirname(out), ".gilde-backup-"));
  const partial = path.join(work, "archive.zip");
  let writer: ZipWriter | undefined;
  // PGlite: the app's lock for the whole backup, so the app cannot start (and write) until the archive is complete.
  let release = () => {};
  try {
    if (options.database.kind === "pglite") {
      if (pgliteIsEmpty(options.dataDir))
        throw new BackupError(
          `Er staat geen ingebouwde database in ${path.join(options.dataDir, "pglite")}: niets om te back-uppen.`,
        );
      release = lockDataDir(options.dataDir);
    }
    // The database first, the uploads after it. A file is written to disk before its row is committed, so every
    // row in the dump has its file by the time we list the directory: a file uploaded after the dump is at worst
    // an unreferenced extra in the archive (the app sweeps those at start), never a missing file for a row.
    // The one exception is a file deleted in between (privacy erasure) whose row the dump still has: that row was
    // being deleted at that moment. On PGlite the app is stopped and we hold its lock: nothing changes at all.
    const kind = options.database.kind;
    log(kind === "pglite" ? "Database (PGlite) kopiëren…" : "Database (PostgreSQL) dumpen met pg_dump…");
    let state: DatabaseState;
    let tool: string | undefined;
    let dumpSource: () => AsyncIterable<Uint8Array>;
    let dumpSize: number;
    if (options.database.kind === "pglite") {
      const dumped = await dumpPglite(options.dataDir);
      state = dumped.state;
      dumpSize = dumped.dump.size;
      dumpSource = () => dumped.dump.stream() as unknown as AsyncIterable<Uint8Array>;
    } else {
      const dumpFile = path.join(work, "postgres.dump");
      const dumped = await dumpPostgres(options.database.url, dumpFile);
      ({ state, tool } = dumped);
      dumpSize = fs.statSync(dumpFile).size;
      dumpSource = () => fs.createReadStream(dumpFile, { highWaterMark: 1 << 20 });
    }

    const uploads = await listUploads(path.join(options.dataDir, UPLOADS));
    // Content plus the manifest (about 150 bytes per file, and a margin for the tables and migrations).
    const contentBytes =
      dumpSize + uploads.reduce((sum, file) => sum + file.size, 0) + uploads.length * 200 + 1024 * 1024;
    const nameBytes = uploads.reduce((sum, file) => sum + Buffer.byteLength(file.name), 0) + 64;
    if (!fitsInZip(contentBytes, uploads.length + 2, nameBytes)) {
      throw new BackupError(
        `De back-up zou ${formatBytes(contentBytes)} in ${uploads.length + 2} bestanden worden: meer dan het zip-formaat zonder ZIP64 aankan (4 GiB, 65.535 bestanden).`,
      );
    }

    log(`Archief schrijven (${uploads.length} bijlage(n))…`);
    writer = await ZipWriter.create(partial);
    const files: WrittenEntry[] = [await writer.add(DUMP_FILE[kind], dumpSource())];
    for (const upload of uploads) {
      // A file removed between listing and reading (a privacy erasure on a running PostgreSQL app) is left out.
      const stream = await openIfPresent(upload.absolute);
      if (stream) files.push(await writer.add(upload.name, stream));
    }
    const manifest: Manifest = {
      format: "gilde-backup",
      formatVersion: 1,
      createdAt: (options.now ?? new Date()).toISOString(),
      database: {
        kind,
        format: DUMP_FORMAT[kind],
        file: DUMP_FILE[kind],
        schema: state.schema,
        serverVersion: state.serverVersion,
        ...(tool ? { tool } : {}),
      },
      migrations: state.migrations,
      tables: state.tables,
      files,
    };
    await writer.add(MANIFEST, [Buffer.from(JSON.stringify(manifest, null, 2) + "\n")]);
    await writer.finish();
    writer = undefined;
    // Only a finished archive gets the name asked for; an interrupted backup never looks like a complete one.
    fs.linkSync(partial, out);
    return { file: out, bytes: fs.statSync(out).size, manifest };
  } finally {
    await writer?.abort();
    release();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

type Upload = { name: string; absolute: string; size: number };

/** Every regular file under the uploads directory, in a stable order; unfinished writes (`*.tmp`) are left out. */
async function listUploads(root: string): Promise<Upload[]> {
  const found: Upload[] = [];
  async function walk(dir: string, relative: string) {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), rel);
      else if (entry.isFile() && !entry.name.endsWith(".tmp")) {
        const name = `${UPLOADS}/${rel}`;
        if (!isSafeEntryName(name))
          throw new BackupError(
            `Het bestand ${path.join(dir, entry.name)} heeft een naam die niet in het archief kan.`,
          );
        found.push({
          name,
          absolute: path.join(dir, entry.name),
          size: (await fs.promises.stat(path.join(dir, entry.name))).size,
        });
      }
    }
  }
  await walk(root, "");
  return found;
}

async function openIfPresent(file: string) {
  try {
    const handle = await fs.promises.open(file, "r");
    return handle.createReadStream({ highWaterMark: 1 << 20 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

// ----------------------------------------------------------------------------------------------- restore

export type RestoreResult = {
  manifest: Manifest;
  tables: number;
  rows: number;
  files: number;
  bytes: number;
  notes: string[];
};

const KIND_NAME = { pglite: "de ingebouwde database (PGlite)", postgres: "PostgreSQL" } as const;

/** Reads the manifest and checks that the archive's names are safe and match it. Cheap: reads no file data. */
async function readManifest(zip: ZipReader, archive: string): Promise<Manifest> {
  const seen = new Set<string>();
  for (const entry of zip.entries) {
    if (!isSafeEntryName(entry.name))
      throw new BackupError(
        `Het archief bevat een onveilige bestandsnaam: "${entry.name}" (een pad buiten de doelmap). Er is niets teruggezet.`,
      );
    if (seen.has(entry.name))
      throw new BackupError(`Het archief bevat ${entry.name} twee keer. Er is niets teruggezet.`);
    seen.add(entry.name);
  }
  const manifestEntry = zip.find(MANIFEST);
  if (!manifestEntry) throw new BackupError(`${archive} is geen back-up van Gilde: ${MANIFEST} ontbreekt.`);
  let manifest: Manifest;
  try {
    manifest = manifestSchema.parse(JSON.parse((await zip.readAll(manifestEntry)).toString("utf8")));
  } catch (error) {
    throw new BackupError(
      `${MANIFEST} in ${archive} is onleesbaar of van een onbekende versie: ${(error as Error).message}`,
    );
  }
  if (
    manifest.database.file !== DUMP_FILE[manifest.database.kind] ||
    manifest.database.format !== DUMP_FORMAT[manifest.database.kind]
  ) {
    throw new BackupError(
      `Het manifest in ${archive} beschrijft een onbekende databasedump (${manifest.database.file}). Er is niets teruggezet.`,
    );
  }
  const listed = new Set<string>();
  for (const file of manifest.files) {
    const allowed = file.path === manifest.database.file || file.path.startsWith(`${UPLOADS}/`);
    if (!isSafeEntryName(file.path) || !allowed)
      throw new BackupError(
        `Het manifest noemt een onveilige of onbekende bestandsnaam: "${file.path}". Er is niets teruggezet.`,
      );
    if (listed.has(file.path))
      throw new BackupError(`Het manifest noemt ${file.path} twee keer. Er is niets teruggezet.`);
    listed.add(file.path);
    if (!zip.find(file.path))
      throw new BackupError(
        `${file.path} staat in het manifest maar ontbreekt in het archief. Er is niets teruggezet.`,
      );
  }
  if (!listed.has(manifest.database.file))
    throw new BackupError(`Het manifest noemt de databasedump ${manifest.database.file} niet bij de bestanden.`);
  for (const entry of zip.entries) {
    if (entry.name !== MANIFEST && !listed.has(entry.name))
      throw new BackupError(`Het archief bevat ${entry.name}, dat niet in het manifest staat. Er is niets teruggezet.`);
  }
  return manifest;
}

/** Reads every file in the archive and compares its size and SHA-256 with the manifest. */
async function verifyChecksums(zip: ZipReader, manifest: Manifest, log: Log) {
  log(`Controlesommen van ${manifest.files.length} bestand(en) nagaan…`);
  for (const file of manifest.files) {
    const actual = await zip.checksum(zip.find(file.path)!);
    if (actual.size !== file.size || actual.sha256 !== file.sha256) {
      throw new BackupError(
        `Controlesom klopt niet voor ${file.path}: het archief is beschadigd of veranderd. Er is niets teruggezet.`,
      );
    }
  }
}

/** Whether the uploads directory holds any file (empty subdirectories do not count). */
async function hasFiles(dir: string): Promise<boolean> {
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
  for (const entry of entries) {
    if (!entry.isDirectory() || (await hasFiles(path.join(dir, entry.name)))) return true;
  }
  return false;
}

export async function restoreBackup(options: Target & { archive: string; log?: Log }): Promise<RestoreResult> {
  const log = options.log ?? (() => {});
  const archive = path.resolve(options.archive);
  if (!fs.existsSync(archive)) throw new BackupError(`Het archief ${archive} bestaat niet.`);
  const target = options.database;
  const uploadsDir = path.join(path.resolve(options.dataDir), UPLOADS);

  // Everything that can refuse comes before the first write. PGlite: the lock first, so the app cannot start on
  // this data directory while we check and fill it.
  const release = target.kind === "pglite" ? lockDataDir(options.dataDir) : () => {};
  const zip = await ZipReader.open(archive).catch((error) => {
    release();
    throw error;
  });
  try {
    const manifest = await readManifest(zip, options.archive);
    if (manifest.database.kind !== target.kind) {
      throw new BackupError(
        `Deze back-up is gemaakt van ${KIND_NAME[manifest.database.kind]} en kan niet in ${KIND_NAME[target.kind]} worden teruggezet: ` +
          (manifest.database.kind === "pglite"
            ? "een PGlite-datamap is geen pg_dump. Laat DATABASE_URL weg en kies een lege DATA_DIR."
            : "een pg_dump past niet in een PGlite-datamap. Zet DATABASE_URL naar een lege PostgreSQL-database."),
      );
    }
    const schema = manifest.database.schema;
    if (target.kind === "pglite") {
      if (!pgliteIsEmpty(options.dataDir)) {
        throw new BackupError(
          `De doeldatabase is niet leeg: ${path.join(options.dataDir, "pglite")} bestaat al. Terugzetten kan alleen in een lege DATA_DIR; er is niets veranderd.`,
        );
      }
    } else {
      const probe = await postgresIsEmpty(target.url);
      if (probe.schema !== schema) {
        throw new BackupError(
          `De back-up bevat schema "${schema}", het doel is schema "${probe.schema}". pg_restore kan een schema niet hernoemen: ` +
            `zet ?schema=${schema} in DATABASE_URL (van een lege database). Er is niets veranderd.`,
        );
      }
      if (!probe.empty)
        throw new BackupError(
          `De doeldatabase is niet leeg: schema "${probe.schema}" bevat al tabellen. Terugzetten kan alleen in een lege database; er is niets veranderd.`,
        );
    }
    if (await hasFiles(uploadsDir))
      throw new BackupError(
        `De map ${uploadsDir} is niet leeg. Terugzetten kan alleen in een lege of nog niet bestaande map; er is niets veranderd.`,
      );
    await verifyChecksums(zip, manifest, log);

    const work = fs.mkdtempSync(path.join(os.tmpdir(), "gilde-restore-"));
    let databaseRestored = false;
    try {
      log(`Database terugzetten in ${KIND_NAME[target.kind]}…`);
      const dumpFile = path.join(work, path.basename(manifest.database.file));
      await extractVerified(zip, manifest.database.file, manifest, dumpFile);
      // Both restores are all or nothing: a failure here leaves the target as empty as it was.
      if (target.kind === "pglite") await restorePglite(options.dataDir, dumpFile);
      else await restorePostgres(target.url, dumpFile, schema);
      databaseRestored = true;
      fs.rmSync(dumpFile, { force: true });

      const uploads = manifest.files.filter((file) => file.path !== manifest.database.file);
      log(`${uploads.length} bijlage(n) terugzetten…`);
      const root = path.resolve(uploadsDir);
      for (const file of uploads) {
        const destination = path.resolve(root, file.path.slice(UPLOADS.length + 1));
        if (!destination.startsWith(root + path.sep))
          throw new BackupError(`Onveilige bestandsnaam in het archief: ${file.path}.`);
        await extractVerified(zip, file.path, manifest, destination);
      }

      log("Rijen tellen en vergelijken…");
      const state =
        target.kind === "pglite" ? await pgliteState(options.dataDir) : await postgresState(target.url, schema);
      const problems = compareState(manifest, state);
      if (problems.length) {
        throw new BackupError(
          `Na het terugzetten klopt de database niet met het manifest:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
        );
      }
      return {
        manifest,
        tables: Object.keys(state.tables).length,
        rows: Object.values(state.tables).reduce((sum, n) => sum + n, 0),
        files: uploads.length,
        bytes: uploads.reduce((sum, file) => sum + file.size, 0),
        notes: migrationNotes(manifest, target.kind),
      };
    } catch (error) {
      if (!databaseRestored) throw error;
      const where = target.kind === "pglite" ? path.join(options.dataDir, "pglite") : `schema "${schema}"`;
      throw new BackupError(
        `${(error as Error).message}\nLet op: de database is al teruggezet, het terugzetten is niet af. Maak ${where} en ${uploadsDir} weer leeg voor een nieuwe poging.`,
      );
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  } finally {
    await zip.close();
    release();
  }
}

/** Writes one entry to disk (through a temporary name), checking its SHA-256 again on the way. */
async function extractVerified(zip: ZipReader, name: string, manifest: Manifest, destination: string) {
  const expected = manifest.files.find((file) => file.path === name)!;
  const entry = zip.find(name);
  if (!entry) throw new BackupError(`${name} ontbreekt in het archief.`);
  await fs.promises.mkdir(path.dirname(destination), { recursive: true });
  const temporary = `${destination}.tmp`;
  const hash = crypto.createHash("sha256");
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(await zip.stream(entry), hashing, fs.createWriteStream(temporary, { flags: "wx" }));
  if (hash.digest("hex") !== expected.sha256) {
    await fs.promises.rm(temporary, { force: true });
    throw new BackupError(
      `Controlesom klopt niet voor ${name} tijdens het terugzetten: is het archief ondertussen veranderd?`,
    );
  }
  await fs.promises.rename(temporary, destination);
}

function compareState(manifest: Manifest, state: DatabaseState): string[] {
  const problems: string[] = [];
  for (const [table, expected] of Object.entries(manifest.tables)) {
    const actual = state.tables[table];
    if (actual === undefined) problems.push(`tabel ${table} ontbreekt`);
    else if (actual !== expected) problems.push(`tabel ${table}: ${actual} rijen, het manifest zegt ${expected}`);
  }
  for (const table of Object.keys(state.tables)) {
    if (!(table in manifest.tables)) problems.push(`tabel ${table} staat niet in het manifest`);
  }
  const applied = state.migrations.map((m) => m.name).join(",");
  if (applied !== manifest.migrations.map((m) => m.name).join(","))
    problems.push("de toegepaste migraties verschillen van het manifest");
  return problems;
}

/** A hint when the code in this checkout knows other migrations than the backup has. */
function migrationNotes(manifest: Manifest, kind: DatabaseTarget["kind"]): string[] {
  let known: string[];
  try {
    known = fs
      .readdirSync(path.resolve("prisma/migrations"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
  const inBackup = new Set(manifest.migrations.map((m) => m.name));
  const newer = known.filter((name) => !inBackup.has(name));
  const unknown = [...inBackup].filter((name) => !known.includes(name));
  const notes: string[] = [];
  if (newer.length) {
    notes.push(
      `Deze versie van Gilde heeft ${newer.length} migratie(s) die de back-up nog niet had; ` +
        (kind === "pglite" ? "npm start past ze toe." : "voer 'npm run db:migrate' uit voor je de app start."),
    );
  }
  if (unknown.length)
    notes.push(
      `De back-up komt van een nieuwere versie van Gilde (${unknown.length} onbekende migratie(s)): gebruik die versie om hem te draaien.`,
    );
  return notes;
}

// ----------------------------------------------------------------------------------------------- helpers

const number = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 });

export function formatNumber(n: number) {
  return number.format(n);
}

export function formatBytes(bytes: number) {
  const units = ["B", "kB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${number.format(value)} ${units[unit]}`;
}
