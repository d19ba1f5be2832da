// `npm run backup [-- --out <file>]`: one .zip with the database dump, the uploads and a manifest with checksums.
// Reads DATABASE_URL (PostgreSQL, via pg_dump) or else the embedded database in DATA_DIR (the app must be stopped).
import path from "node:path";
import {
  BackupError,
  createBackup,
  defaultBackupPath,
  formatBytes,
  formatNumber,
  targetFromEnv,
} from "./archive.server";

const USAGE = `Gebruik: npm run backup [-- --out <bestand.zip>]
Schrijft een back-up van de database (DATABASE_URL, of de ingebouwde database in DATA_DIR) en van DATA_DIR/uploads.
Zonder --out: backups/gilde-<UTC-tijd>.zip in de huidige map.`;

function parseArgs(argv: string[]): { out?: string; help?: boolean } {
  const args: { out?: string; help?: boolean } = {};
  const rest = argv.values();
  for (const arg of rest) {
    if (arg === "--help" || arg === "-h") args.help = true;
    else if (arg === "--out" || arg === "-o") {
      const out = rest.next().value;
      if (!out) throw new BackupError(`--out mist een bestandsnaam.\n${USAGE}`);
      args.out = out;
    } else if (arg.startsWith("--out=")) args.out = arg.slice("--out=".length);
    else throw new BackupError(`Onbekende optie: ${arg}\n${USAGE}`);
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) return console.log(USAGE);
  const started = Date.now();
  const target = targetFromEnv();
  // npm runs scripts in the project root; a path the operator typed is meant from where they typed it (INIT_CWD).
  const out = args.out ? path.resolve(process.env.INIT_CWD ?? process.cwd(), args.out) : defaultBackupPath();
  const result = await createBackup({ ...target, out, log: (line) => console.log(line) });
  const { manifest } = result;
  const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
  const uploads = manifest.files.filter((file) => file.path !== manifest.database.file);
  const dump = manifest.files.find((file) => file.path === manifest.database.file)!;
  const relative = path.relative(process.cwd(), result.file);
  const shown = relative && !relative.startsWith("..") ? relative : result.file;
  console.log(
    [
      ``,
      `Back-up geschreven: ${shown} (${formatBytes(result.bytes)})`,
      `  database:  ${manifest.database.kind === "pglite" ? "ingebouwd (PGlite)" : `PostgreSQL, schema "${manifest.database.schema}"`}, dump ${formatBytes(dump.size)}`,
      `  tabellen:  ${Object.keys(manifest.tables).length} (${formatNumber(rows)} rijen), ${manifest.migrations.length} migraties`,
      `  bijlagen:  ${uploads.length} bestand(en), ${formatBytes(uploads.reduce((sum, file) => sum + file.size, 0))}`,
      `  klaar in ${formatNumber((Date.now() - started) / 1000)} s. Terugzetten: npm run restore ${shown}`,
    ].join("\n"),
  );
}

main().catch((error) => {
  console.error(
    error instanceof BackupError
      ? error.message
      : `De back-up is mislukt: ${error instanceof Error ? error.message : error}`,
  );
  process.exit(1);
});
