// Prisma CLI configuration. The CLI talks to the same database the app uses, through the same driver
// adapter: embedded PGlite by default, PostgreSQL when DATABASE_URL is set. With engine "js" the schema
// engine runs from the WASM build inside the npm package, so migrate and generate work offline.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { createAdapterFactory } from "./app/db/adapter.server";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx prisma/seed.ts" },
  adapter: () => createAdapterFactory({ forCli: true }),
});
