// Once per e2e run: the demo data directory every journey file starts from (tests/support/demo-data.ts). Seeding
// takes seconds; copying it takes a fraction of that.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { seedDemoDataDir } from "./demo-data";

declare module "vitest" {
  export interface ProvidedContext {
    demoDataTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  if (!fs.existsSync(path.resolve("build/start.js"))) {
    throw new Error("Er is nog geen build: voer eerst 'npm run build' uit (npm test doet dat vanzelf).");
  }
  const template = fs.mkdtempSync(path.join(os.tmpdir(), "gilde-e2e-template-"));
  await seedDemoDataDir(template);
  project.provide("demoDataTemplate", template);
  return () => fs.rmSync(template, { recursive: true, force: true });
}
