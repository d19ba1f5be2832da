// `npm run build:server`: compiles the two programs that run outside the Remix build to plain JavaScript, so
// neither `npm run build` nor `npm start` needs tsx.
//   build/start.js          the server entry (app/server/start.ts). It may import packages and Node's own
//                           modules only: the app reaches it through the Remix build, so the process holds one
//                           copy of every app module. An app import would bundle a second copy, so it fails here;
//                           the one exception is app/env.server.ts (pure parsing, no state), which tells the
//                           supervising process how many workers to start without loading the app.
//   build/check-content.js  the content check the build runs before `remix build` (app/content/check.ts),
//                           bundled with the app modules it uses.
import path from "node:path";
import * as esbuild from "esbuild";

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
};

/** Refuses imports of app files (relative or `~/`) into the server entry; type-only imports are erased before this. */
const noAppModules = {
  name: "no-app-modules",
  setup(build) {
    build.onResolve({ filter: /^(\.|~\/)/ }, (args) => {
      if (args.kind === "entry-point") return undefined;
      if (args.path === "~/env.server") return { path: path.resolve("app/env.server.ts") };
      return {
        errors: [
          {
            text:
              `${path.relative(process.cwd(), args.importer)} importeert "${args.path}": de serverstart haalt ` +
              "app-modules uit de Remix-build (entry.server.tsx exporteert ze), anders draait er een tweede kopie.",
          },
        ],
      };
    });
  },
};

await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: ["app/server/start.ts"],
    outfile: "build/start.js",
    plugins: [noAppModules],
  }),
  esbuild.build({
    ...common,
    entryPoints: ["app/content/check.ts"],
    outfile: "build/check-content.js",
    jsx: "automatic",
  }),
]);
