// `npm run restore <archive>`: puts a backup from `npm run backup` back into an empty database (DATABASE_URL, or
// the embedded database in DATA_DIR) and an empty DATA_DIR/uploads, after checking every checksum.
import path from "node:path";
import { BackupError, formatBytes, formatNumber, restoreBackup, targetFromEnv } from "./archive.server";

const USAGE = `Gebruik: npm run restore <archief.zip>
Zet een back-up terug in een lege database (DATABASE_URL, of de ingebouwde database in DATA_DIR) en een lege DATA_DIR/uploads.`;

async function main() {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) return console.log(USAGE);
  const [given] = args;
  if (args.length !== 1 || given === undefined || given.startsWith("-"))
    throw new BackupError(`Geef precies één archief op.\n${USAGE}`);
  const started = Date.now();
  const target = targetFromEnv();
  // npm runs scripts in the project root; the path is meant from where the operator typed it (INIT_CWD).
  const archive = path.resolve(process.env.INIT_CWD ?? process.cwd(), given);
  const result = await restoreBackup({ ...target, archive, log: (line) => console.log(line) });
  console.log(
    [
      ``,
      `Back-up van ${new Date(result.manifest.createdAt).toLocaleString("nl-NL", { timeZone: "Europe/Amsterdam" })} teruggezet in ${
        target.database.kind === "pglite"
          ? `de ingebouwde database in ${target.dataDir}`
          : `PostgreSQL, schema "${result.manifest.database.schema}"`
      }.`,
      `  tabellen:  ${result.tables} (${formatNumber(result.rows)} rijen), alle aantallen gelijk aan het manifest`,
      `  bijlagen:  ${result.files} bestand(en), ${formatBytes(result.bytes)}, alle controlesommen kloppen`,
      ...result.notes.map((note) => `  let op:    ${note}`),
      `  klaar in ${formatNumber((Date.now() - started) / 1000)} s.`,
    ].join("\n"),
  );
}

main().catch((error) => {
  console.error(
    error instanceof BackupError
      ? error.message
      : `Het terugzetten is mislukt: ${error instanceof Error ? error.message : error}`,
  );
  process.exit(1);
});
