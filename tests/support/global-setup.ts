// Once per integration run. On PGlite: migrate an in-memory database once and hand its dump to every test
// file, which then starts from it in a fraction of a second. On PostgreSQL each file makes its own schema.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { compileCourse } from "~/content/compile.server";
import { migrate } from "~/db/migrate.server";
import { FIXTURE_COURSE } from "./fixture-course";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    mdxCacheDir: string;
  }
}

export default async function setup(project: TestProject) {
  if (!fs.existsSync(path.resolve("build/index.js"))) {
    throw new Error("Er is nog geen build: voer eerst 'npm run build' uit (npm test doet dat vanzelf).");
  }
  // Compile the fixture course once for the whole run; every test file then loads it from this cache.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "gilde-test-"));
  const mdxCacheDir = path.join(work, "mdx");
  await compileCourse({ contentDir: FIXTURE_COURSE, cacheDir: mdxCacheDir });
  project.provide("mdxCacheDir", mdxCacheDir);
  const cleanup = () => fs.rmSync(work, { recursive: true, force: true });
  if (process.env.DATABASE_URL) return cleanup;
  const pglite = new PGlite();
  await pglite.waitReady;
  await migrate({ kind: "pglite", pglite, release: () => {} });
  const dump = await pglite.dumpDataDir("none");
  await pglite.close();
  const file = path.join(work, "template.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  return cleanup;
}
